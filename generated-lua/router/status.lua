local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["7"] = 4,["8"] = 5,["9"] = 6,["10"] = 6,["11"] = 7,["12"] = 7,["13"] = 8,["14"] = 8,["15"] = 9,["16"] = 9,["17"] = 10,["18"] = 11,["19"] = 11,["20"] = 12,["21"] = 12,["22"] = 13,["23"] = 13,["24"] = 14,["25"] = 15,["26"] = 15,["27"] = 16,["28"] = 18,["29"] = 20,["30"] = 21,["31"] = 22,["32"] = 23,["33"] = 24,["34"] = 25,["35"] = 26,["36"] = 27,["37"] = 28,["38"] = 28,["39"] = 28,["40"] = 28,["41"] = 32,["42"] = 32,["43"] = 32,["44"] = 32,["45"] = 32,["46"] = 32,["47"] = 32,["48"] = 32,["49"] = 32,["50"] = 28,["51"] = 28,["52"] = 43,["53"] = 43,["54"] = 43,["55"] = 44,["56"] = 45,["57"] = 46,["58"] = 46,["59"] = 46,["61"] = 46,["63"] = 47,["64"] = 49,["65"] = 50,["66"] = 51,["67"] = 52,["68"] = 53,["69"] = 54,["70"] = 55,["71"] = 56,["72"] = 56,["73"] = 56,["74"] = 56,["76"] = 56,["78"] = 43,["79"] = 43,["80"] = 43,["81"] = 43,["82"] = 43,["83"] = 43,["84"] = 43,["85"] = 43,["86"] = 43,["87"] = 43,["88"] = 43,["89"] = 43,["90"] = 43,["91"] = 43,["92"] = 43,["93"] = 28,["94"] = 28,["95"] = 28,["96"] = 28,["97"] = 20,["99"] = 64,["100"] = 64,["101"] = 64,["102"] = 66,["103"] = 67,["104"] = 68,["105"] = 68,["106"] = 69,["107"] = 70,["108"] = 71,["109"] = 72,["110"] = 73,["111"] = 74,["112"] = 74,["113"] = 68,["114"] = 68,["115"] = 68,["116"] = 68,["117"] = 68,["118"] = 68,["119"] = 68,["120"] = 68,["121"] = 68,["122"] = 75,["123"] = 75,["124"] = 75,["125"] = 75,["126"] = 75,["127"] = 75,["128"] = 75,["129"] = 75,["130"] = 75,["131"] = 75,["132"] = 75,["133"] = 75,["134"] = 75,["135"] = 75,["136"] = 75,["137"] = 68,["138"] = 68,["139"] = 68,["140"] = 66,["141"] = 91,["142"] = 92,["143"] = 93,["144"] = 94,["145"] = 95,["146"] = 96,["147"] = 98,["148"] = 99,["149"] = 100,["150"] = 91});
local ____exports = {}
local config = require("config")
local store = require("cluster.snapshot_store")
local ____anomaly = require("core.anomaly")
local staleAfterS = ____anomaly.staleAfterS
local ____metrics_catalog = require("core.metrics_catalog")
local WEBSOCKETS = ____metrics_catalog.WEBSOCKETS
local ____route = require("core.route")
local candidatesOf = ____route.candidatesOf
local ____status_html = require("core.status_html")
local renderStatusPage = ____status_html.renderStatusPage
local state = require("health.state")
local ____status = require("health.status")
local healthDetails = ____status.details
local ____view = require("health.view")
local downSet = ____view.downSet
local ____exposition = require("metrics.exposition")
local sharedSeries = ____exposition.sharedSeries
local pins = require("metrics.pins")
local ____settings = require("metrics.settings")
local ENABLED = ____settings.ENABLED
local respond = require("router.respond")
local REFRESH_S = 5
function ____exports.view()
    local snapshot = store.current()
    local s = store.status()
    local nodes = snapshot == nil and ({}) or snapshot.nodes
    local down = downSet(nodes)
    local websockets = ENABLED and sharedSeries()[WEBSOCKETS] or ({})
    local now = ngx.now()
    local settings = config.get()
    return {
        generatedAt = ngx.utctime(),
        environment = settings.environment,
        expectedNodes = settings.cluster.nodeCount,
        snapshot = {
            version = s.version,
            ageS = s.ageS,
            syncedAt = s.syncedAt,
            bytes = s.bytes,
            lastError = s.lastError,
            failingSinceS = s.failingSinceS,
            setupComplete = snapshot and snapshot.setupComplete,
            monitors = snapshot and snapshot.monitorCount
        },
        staleAfterS = staleAfterS(settings.router.syncIntervalS),
        nodes = __TS__ArrayMap(
            nodes,
            function(____, n)
                local ____n_id_8 = n.id
                local ____n_name_9 = n.name
                local ____temp_4
                if n.address == nil then
                    ____temp_4 = nil
                else
                    ____temp_4 = (n.address.host .. ":") .. tostring(n.address.port)
                end
                local ____n_online_10 = n.online
                local ____temp_11 = n.address ~= nil and down[n.id] ~= true
                local ____n_isPrimary_12 = n.isPrimary
                local ____n_index_13 = n.index
                local ____n_owned_14 = n.owned
                local ____n_lastSeenAge_15 = n.lastSeenAge
                local ____state_lastProbe_result_16 = state.lastProbe(n.id)
                local ____temp_17 = ENABLED and pins.lastMinute(n.id, now) or nil
                local ____ENABLED_7
                if ENABLED then
                    local ____opt_5 = websockets[n.id]
                    ____ENABLED_7 = ____opt_5 and ____opt_5.value or 0
                else
                    ____ENABLED_7 = nil
                end
                return {
                    id = ____n_id_8,
                    name = ____n_name_9,
                    host = ____temp_4,
                    registryOnline = ____n_online_10,
                    healthUp = ____temp_11,
                    primary = ____n_isPrimary_12,
                    index = ____n_index_13,
                    owned = ____n_owned_14,
                    lastSeenAgeS = ____n_lastSeenAge_15,
                    lastProbe = ____state_lastProbe_result_16,
                    pinnedLastMinute = ____temp_17,
                    websockets = ____ENABLED_7
                }
            end
        ),
        allDownFallback = snapshot ~= nil and candidatesOf(snapshot, down)[2],
        refreshS = REFRESH_S
    }
end
--- 503 until the registry was read once: a monitoring script must not take an empty view for a cluster.
local function statusCode()
    return store.current() == nil and 503 or 200
end
function ____exports.serveJson()
    local v = ____exports.view()
    local ____respond_json_27 = respond.json
    local ____statusCode_result_26 = statusCode()
    local ____v_environment_21 = v.environment
    local ____v_generatedAt_22 = v.generatedAt
    local ____v_expectedNodes_23 = v.expectedNodes
    local ____TS__ObjectAssign_result_24 = __TS__ObjectAssign({}, v.snapshot, {staleAfterS = v.staleAfterS})
    local ____v_allDownFallback_25 = v.allDownFallback
    local ____healthDetails_20 = healthDetails
    local ____opt_18 = store.current()
    ____respond_json_27(
        ____statusCode_result_26,
        {
            environment = ____v_environment_21,
            generatedAt = ____v_generatedAt_22,
            expectedNodes = ____v_expectedNodes_23,
            snapshot = ____TS__ObjectAssign_result_24,
            allDownFallback = ____v_allDownFallback_25,
            checks = ____healthDetails_20(____opt_18 and ____opt_18.nodes or ({})),
            nodes = respond.list(__TS__ArrayMap(
                v.nodes,
                function(____, n) return {
                    id = n.id,
                    name = n.name,
                    host = n.host,
                    registry = n.registryOnline and "online" or "offline",
                    health = n.healthUp and "up" or "down",
                    primary = n.primary,
                    index = n.index,
                    owned = n.owned,
                    lastSeenAgeS = n.lastSeenAgeS,
                    pinnedLastMinute = n.pinnedLastMinute,
                    websockets = n.websockets
                } end
            ))
        }
    )
end
function ____exports.serveHtml()
    local html = renderStatusPage(____exports.view())
    ngx.status = statusCode()
    ngx.header["Content-Type"] = "text/html; charset=utf-8"
    ngx.header["Cache-Control"] = "no-store"
    ngx.header.Vary = "Accept"
    ngx.header["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    ngx.header["X-Content-Type-Options"] = "nosniff"
    ngx.print(html)
end
return ____exports
