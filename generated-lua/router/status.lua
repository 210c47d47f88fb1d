local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["7"] = 4,["8"] = 5,["9"] = 6,["10"] = 7,["11"] = 7,["12"] = 8,["13"] = 8,["14"] = 8,["15"] = 9,["16"] = 9,["17"] = 10,["18"] = 10,["19"] = 11,["20"] = 11,["21"] = 12,["22"] = 12,["23"] = 13,["24"] = 14,["25"] = 14,["26"] = 15,["27"] = 15,["28"] = 16,["29"] = 16,["30"] = 17,["31"] = 18,["32"] = 18,["33"] = 19,["34"] = 21,["35"] = 23,["36"] = 24,["37"] = 25,["38"] = 26,["39"] = 27,["40"] = 28,["41"] = 29,["42"] = 30,["43"] = 31,["44"] = 32,["45"] = 32,["46"] = 32,["47"] = 32,["48"] = 36,["49"] = 36,["50"] = 36,["51"] = 36,["52"] = 36,["53"] = 36,["54"] = 36,["55"] = 36,["56"] = 36,["57"] = 36,["58"] = 32,["59"] = 32,["60"] = 48,["61"] = 48,["62"] = 48,["63"] = 49,["64"] = 49,["65"] = 49,["66"] = 49,["67"] = 49,["68"] = 51,["69"] = 52,["70"] = 53,["71"] = 53,["72"] = 53,["74"] = 53,["76"] = 54,["77"] = 56,["78"] = 57,["79"] = 58,["80"] = 59,["81"] = 60,["82"] = 61,["83"] = 62,["84"] = 63,["85"] = 64,["86"] = 65,["87"] = 65,["88"] = 65,["89"] = 65,["91"] = 65,["93"] = 50,["94"] = 50,["95"] = 50,["96"] = 50,["97"] = 50,["98"] = 50,["99"] = 50,["100"] = 50,["101"] = 50,["102"] = 50,["103"] = 50,["104"] = 50,["105"] = 50,["106"] = 50,["107"] = 50,["108"] = 50,["109"] = 50,["110"] = 50,["111"] = 50,["112"] = 50,["113"] = 48,["114"] = 32,["115"] = 32,["116"] = 32,["117"] = 32,["118"] = 32,["119"] = 23,["121"] = 79,["122"] = 79,["123"] = 79,["124"] = 81,["125"] = 82,["126"] = 83,["127"] = 83,["128"] = 84,["129"] = 85,["130"] = 86,["131"] = 87,["132"] = 88,["133"] = 89,["134"] = 89,["135"] = 83,["136"] = 83,["137"] = 83,["138"] = 83,["139"] = 83,["140"] = 83,["141"] = 83,["142"] = 83,["143"] = 83,["144"] = 83,["145"] = 91,["146"] = 91,["147"] = 91,["148"] = 91,["149"] = 91,["150"] = 91,["151"] = 91,["152"] = 91,["153"] = 91,["154"] = 91,["155"] = 91,["156"] = 91,["157"] = 91,["158"] = 91,["159"] = 91,["160"] = 91,["161"] = 91,["162"] = 91,["163"] = 91,["164"] = 91,["165"] = 91,["166"] = 83,["167"] = 83,["168"] = 83,["169"] = 81,["170"] = 113,["171"] = 114,["172"] = 115,["173"] = 116,["174"] = 117,["175"] = 118,["176"] = 120,["177"] = 121,["178"] = 122,["179"] = 113});
local ____exports = {}
local config = require("config")
local agents = require("cluster.agents")
local store = require("cluster.snapshot_store")
local ____anomaly = require("core.anomaly")
local staleAfterS = ____anomaly.staleAfterS
local ____handover = require("core.handover")
local agentOf = ____handover.agentOf
local handoverOf = ____handover.handoverOf
local ____metrics_catalog = require("core.metrics_catalog")
local WEBSOCKETS = ____metrics_catalog.WEBSOCKETS
local ____route = require("core.route")
local candidatesOf = ____route.candidatesOf
local ____snapshot = require("core.snapshot")
local awayFrom = ____snapshot.awayFrom
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
    local reports = agents.current()
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
            monitors = snapshot and snapshot.monitorCount,
            moved = snapshot and snapshot.moved
        },
        staleAfterS = staleAfterS(settings.router.syncIntervalS),
        nodes = __TS__ArrayMap(
            nodes,
            function(____, n)
                local handover = handoverOf(
                    agentOf(reports.byNode, n.id),
                    reports.sinceReadS or 0,
                    settings.cluster.heartbeatS
                )
                local ____n_id_10 = n.id
                local ____n_name_11 = n.name
                local ____temp_6
                if n.address == nil then
                    ____temp_6 = nil
                else
                    ____temp_6 = (n.address.host .. ":") .. tostring(n.address.port)
                end
                local ____n_online_12 = n.online
                local ____temp_13 = n.address ~= nil and not n.foreign and down[n.id] ~= true
                local ____n_foreign_14 = n.foreign
                local ____n_isPrimary_15 = n.isPrimary
                local ____n_index_16 = n.index
                local ____n_owned_17 = n.owned
                local ____temp_18 = n.drained == true
                local ____n_lastSeenAge_19 = n.lastSeenAge
                local ____state_lastProbe_result_20 = state.lastProbe(n.id)
                local ____temp_21 = ENABLED and pins.lastMinute(n.id, now) or nil
                local ____ENABLED_9
                if ENABLED then
                    local ____opt_7 = websockets[n.id]
                    ____ENABLED_9 = ____opt_7 and ____opt_7.value or 0
                else
                    ____ENABLED_9 = nil
                end
                return {
                    id = ____n_id_10,
                    name = ____n_name_11,
                    host = ____temp_6,
                    registryOnline = ____n_online_12,
                    healthUp = ____temp_13,
                    foreign = ____n_foreign_14,
                    primary = ____n_isPrimary_15,
                    index = ____n_index_16,
                    owned = ____n_owned_17,
                    drained = ____temp_18,
                    lastSeenAgeS = ____n_lastSeenAge_19,
                    lastProbe = ____state_lastProbe_result_20,
                    pinnedLastMinute = ____temp_21,
                    websockets = ____ENABLED_9,
                    away = snapshot == nil and 0 or awayFrom(snapshot, n.id),
                    handover = handover.mode,
                    handoverReason = handover.reason,
                    agent = handover.agent
                }
            end
        ),
        agents = {sinceReadS = reports.sinceReadS, lastError = reports.lastError},
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
    local ____respond_json_31 = respond.json
    local ____statusCode_result_30 = statusCode()
    local ____v_environment_25 = v.environment
    local ____v_generatedAt_26 = v.generatedAt
    local ____v_expectedNodes_27 = v.expectedNodes
    local ____TS__ObjectAssign_result_28 = __TS__ObjectAssign({}, v.snapshot, {staleAfterS = v.staleAfterS})
    local ____v_allDownFallback_29 = v.allDownFallback
    local ____healthDetails_24 = healthDetails
    local ____opt_22 = store.current()
    ____respond_json_31(
        ____statusCode_result_30,
        {
            environment = ____v_environment_25,
            generatedAt = ____v_generatedAt_26,
            expectedNodes = ____v_expectedNodes_27,
            snapshot = ____TS__ObjectAssign_result_28,
            allDownFallback = ____v_allDownFallback_29,
            checks = ____healthDetails_24(____opt_22 and ____opt_22.nodes or ({})),
            agents = v.agents,
            nodes = respond.list(__TS__ArrayMap(
                v.nodes,
                function(____, n) return {
                    id = n.id,
                    name = n.name,
                    host = n.host,
                    registry = n.registryOnline and "online" or "offline",
                    health = n.foreign == true and "foreign" or (n.healthUp and "up" or "down"),
                    foreign = n.foreign,
                    primary = n.primary,
                    index = n.index,
                    owned = n.owned,
                    drained = n.drained,
                    lastSeenAgeS = n.lastSeenAgeS,
                    pinnedLastMinute = n.pinnedLastMinute,
                    websockets = n.websockets,
                    away = n.away,
                    handover = n.handover,
                    handoverReason = n.handoverReason,
                    agent = n.agent
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
