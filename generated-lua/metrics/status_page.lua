local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 3,["7"] = 4,["8"] = 5,["9"] = 5,["10"] = 6,["11"] = 6,["12"] = 7,["13"] = 7,["14"] = 8,["15"] = 8,["16"] = 9,["17"] = 9,["18"] = 10,["19"] = 11,["20"] = 11,["21"] = 12,["22"] = 13,["23"] = 13,["24"] = 15,["25"] = 17,["26"] = 18,["27"] = 19,["28"] = 20,["29"] = 21,["30"] = 22,["31"] = 23,["32"] = 24,["33"] = 25,["34"] = 25,["35"] = 25,["36"] = 25,["37"] = 29,["38"] = 29,["39"] = 29,["40"] = 29,["41"] = 29,["42"] = 29,["43"] = 29,["44"] = 25,["45"] = 25,["46"] = 38,["47"] = 38,["48"] = 38,["49"] = 39,["50"] = 40,["51"] = 41,["52"] = 41,["53"] = 41,["55"] = 41,["57"] = 42,["58"] = 43,["59"] = 44,["60"] = 45,["61"] = 46,["62"] = 47,["63"] = 48,["64"] = 49,["65"] = 49,["66"] = 49,["67"] = 49,["69"] = 49,["71"] = 38,["72"] = 38,["73"] = 38,["74"] = 38,["75"] = 38,["76"] = 38,["77"] = 38,["78"] = 38,["79"] = 38,["80"] = 38,["81"] = 38,["82"] = 38,["83"] = 38,["84"] = 38,["85"] = 25,["86"] = 25,["87"] = 25,["88"] = 25,["89"] = 17,["90"] = 56,["91"] = 57,["92"] = 58,["93"] = 59,["94"] = 60,["95"] = 61,["96"] = 63,["97"] = 64,["98"] = 65,["99"] = 56});
local ____exports = {}
local config = require("config")
local store = require("cluster.snapshot_store")
local ____anomaly = require("core.anomaly")
local staleAfterS = ____anomaly.staleAfterS
local ____metrics_catalog = require("core.metrics_catalog")
local WEBSOCKETS = ____metrics_catalog.WEBSOCKETS
local ____status_html = require("core.status_html")
local renderStatusPage = ____status_html.renderStatusPage
local ____route = require("core.route")
local candidatesOf = ____route.candidatesOf
local ____view = require("health.view")
local downSet = ____view.downSet
local state = require("health.state")
local ____exposition = require("metrics.exposition")
local sharedSeries = ____exposition.sharedSeries
local pins = require("metrics.pins")
local ____settings = require("metrics.settings")
local ENABLED = ____settings.ENABLED
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
                local ____n_owned_13 = n.owned
                local ____n_lastSeenAge_14 = n.lastSeenAge
                local ____state_lastProbe_result_15 = state.lastProbe(n.id)
                local ____temp_16 = ENABLED and pins.lastMinute(n.id, now) or nil
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
                    owned = ____n_owned_13,
                    lastSeenAgeS = ____n_lastSeenAge_14,
                    lastProbe = ____state_lastProbe_result_15,
                    pinnedLastMinute = ____temp_16,
                    websockets = ____ENABLED_7
                }
            end
        ),
        allDownFallback = snapshot ~= nil and candidatesOf(snapshot, down)[2],
        refreshS = REFRESH_S
    }
end
function ____exports.serve()
    local html = renderStatusPage(____exports.view())
    ngx.status = store.current() == nil and 503 or 200
    ngx.header["Content-Type"] = "text/html; charset=utf-8"
    ngx.header["Cache-Control"] = "no-store"
    ngx.header.Vary = "Accept"
    ngx.header["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    ngx.header["X-Content-Type-Options"] = "nosniff"
    ngx.print(html)
end
return ____exports
