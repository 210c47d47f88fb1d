local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["7"] = 4,["8"] = 5,["9"] = 6,["10"] = 7,["11"] = 7,["12"] = 8,["13"] = 8,["14"] = 8,["15"] = 9,["16"] = 9,["17"] = 10,["18"] = 10,["19"] = 11,["20"] = 11,["21"] = 12,["22"] = 12,["23"] = 13,["24"] = 13,["25"] = 14,["26"] = 14,["27"] = 14,["28"] = 15,["29"] = 15,["30"] = 16,["31"] = 17,["32"] = 17,["33"] = 18,["34"] = 20,["35"] = 22,["36"] = 23,["37"] = 24,["38"] = 25,["39"] = 26,["40"] = 27,["41"] = 28,["42"] = 29,["43"] = 30,["44"] = 31,["45"] = 31,["46"] = 31,["47"] = 31,["48"] = 35,["49"] = 35,["50"] = 35,["51"] = 35,["52"] = 35,["53"] = 35,["54"] = 35,["55"] = 35,["56"] = 35,["57"] = 35,["58"] = 31,["59"] = 31,["60"] = 47,["61"] = 47,["62"] = 47,["63"] = 48,["64"] = 48,["65"] = 48,["66"] = 48,["67"] = 48,["68"] = 50,["69"] = 51,["70"] = 52,["71"] = 52,["72"] = 52,["74"] = 52,["76"] = 53,["77"] = 55,["78"] = 56,["79"] = 57,["80"] = 58,["81"] = 59,["82"] = 60,["83"] = 61,["84"] = 62,["85"] = 62,["86"] = 62,["87"] = 62,["89"] = 62,["91"] = 49,["92"] = 49,["93"] = 49,["94"] = 49,["95"] = 49,["96"] = 49,["97"] = 49,["98"] = 49,["99"] = 49,["100"] = 49,["101"] = 49,["102"] = 49,["103"] = 49,["104"] = 49,["105"] = 49,["106"] = 49,["107"] = 49,["108"] = 49,["109"] = 47,["110"] = 31,["111"] = 31,["112"] = 31,["113"] = 31,["114"] = 31,["115"] = 22,["117"] = 76,["118"] = 76,["119"] = 76,["120"] = 78,["121"] = 79,["122"] = 80,["123"] = 80,["124"] = 81,["125"] = 82,["126"] = 83,["127"] = 84,["128"] = 85,["129"] = 86,["130"] = 86,["131"] = 80,["132"] = 80,["133"] = 80,["134"] = 80,["135"] = 80,["136"] = 80,["137"] = 80,["138"] = 80,["139"] = 80,["140"] = 80,["141"] = 88,["142"] = 88,["143"] = 88,["144"] = 88,["145"] = 88,["146"] = 88,["147"] = 88,["148"] = 88,["149"] = 88,["150"] = 88,["151"] = 88,["152"] = 88,["153"] = 88,["154"] = 88,["155"] = 88,["156"] = 88,["157"] = 88,["158"] = 88,["159"] = 88,["160"] = 80,["161"] = 80,["162"] = 80,["163"] = 78,["164"] = 108,["165"] = 109,["166"] = 110,["167"] = 111,["168"] = 112,["169"] = 113,["170"] = 115,["171"] = 116,["172"] = 117,["173"] = 108});
local ____exports = {}
local config = require("runtime.config")
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
local ____status = require("health.status")
local healthDetails = ____status.details
local ____verdicts = require("health.verdicts")
local downSet = ____verdicts.downSet
local lastProbe = ____verdicts.lastProbe
local ____exposition = require("metrics.exposition")
local sharedSeries = ____exposition.sharedSeries
local pins = require("metrics.pins")
local ____record = require("metrics.record")
local ENABLED = ____record.ENABLED
local respond = require("runtime.respond")
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
                local ____temp_13 = n.address ~= nil and down[n.id] ~= true
                local ____n_isPrimary_14 = n.isPrimary
                local ____n_index_15 = n.index
                local ____n_owned_16 = n.owned
                local ____n_lastSeenAge_17 = n.lastSeenAge
                local ____lastProbe_result_18 = lastProbe(n.id)
                local ____temp_19 = ENABLED and pins.lastMinute(n.id, now) or nil
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
                    primary = ____n_isPrimary_14,
                    index = ____n_index_15,
                    owned = ____n_owned_16,
                    lastSeenAgeS = ____n_lastSeenAge_17,
                    lastProbe = ____lastProbe_result_18,
                    pinnedLastMinute = ____temp_19,
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
    local ____respond_json_29 = respond.json
    local ____statusCode_result_28 = statusCode()
    local ____v_environment_23 = v.environment
    local ____v_generatedAt_24 = v.generatedAt
    local ____v_expectedNodes_25 = v.expectedNodes
    local ____TS__ObjectAssign_result_26 = __TS__ObjectAssign({}, v.snapshot, {staleAfterS = v.staleAfterS})
    local ____v_allDownFallback_27 = v.allDownFallback
    local ____healthDetails_22 = healthDetails
    local ____opt_20 = store.current()
    ____respond_json_29(
        ____statusCode_result_28,
        {
            environment = ____v_environment_23,
            generatedAt = ____v_generatedAt_24,
            expectedNodes = ____v_expectedNodes_25,
            snapshot = ____TS__ObjectAssign_result_26,
            allDownFallback = ____v_allDownFallback_27,
            checks = ____healthDetails_22(____opt_20 and ____opt_20.nodes or ({})),
            agents = v.agents,
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
