local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["7"] = 4,["8"] = 5,["9"] = 6,["10"] = 7,["11"] = 7,["12"] = 8,["13"] = 8,["14"] = 8,["15"] = 9,["16"] = 9,["17"] = 10,["18"] = 10,["19"] = 11,["20"] = 11,["21"] = 13,["22"] = 13,["23"] = 14,["24"] = 15,["25"] = 15,["26"] = 15,["27"] = 16,["28"] = 16,["29"] = 17,["30"] = 18,["31"] = 18,["32"] = 19,["33"] = 19,["34"] = 20,["35"] = 20,["36"] = 21,["37"] = 23,["38"] = 25,["39"] = 26,["40"] = 27,["41"] = 28,["42"] = 29,["43"] = 29,["44"] = 29,["45"] = 29,["46"] = 29,["47"] = 29,["49"] = 31,["50"] = 31,["51"] = 31,["52"] = 31,["53"] = 31,["54"] = 31,["55"] = 31,["56"] = 25,["58"] = 35,["59"] = 36,["60"] = 37,["61"] = 38,["62"] = 39,["63"] = 40,["64"] = 41,["65"] = 42,["66"] = 43,["67"] = 44,["68"] = 45,["69"] = 45,["70"] = 45,["71"] = 45,["72"] = 49,["73"] = 49,["74"] = 49,["75"] = 49,["76"] = 49,["77"] = 49,["78"] = 49,["79"] = 49,["80"] = 49,["81"] = 49,["82"] = 45,["83"] = 45,["84"] = 61,["85"] = 61,["86"] = 61,["87"] = 62,["88"] = 62,["89"] = 62,["90"] = 62,["91"] = 62,["92"] = 64,["93"] = 65,["94"] = 66,["95"] = 66,["96"] = 66,["98"] = 66,["100"] = 67,["101"] = 69,["102"] = 70,["103"] = 71,["104"] = 72,["105"] = 73,["106"] = 74,["107"] = 75,["108"] = 76,["109"] = 76,["110"] = 76,["111"] = 76,["113"] = 76,["115"] = 63,["116"] = 63,["117"] = 63,["118"] = 63,["119"] = 63,["120"] = 63,["121"] = 63,["122"] = 63,["123"] = 63,["124"] = 63,["125"] = 63,["126"] = 63,["127"] = 63,["128"] = 63,["129"] = 63,["130"] = 63,["131"] = 63,["132"] = 63,["133"] = 61,["134"] = 45,["135"] = 45,["136"] = 45,["137"] = 45,["138"] = 45,["139"] = 45,["140"] = 35,["142"] = 91,["143"] = 91,["144"] = 91,["145"] = 93,["146"] = 94,["147"] = 95,["148"] = 95,["149"] = 95,["150"] = 95,["151"] = 95,["152"] = 95,["153"] = 95,["154"] = 95,["155"] = 95,["156"] = 95,["157"] = 103,["158"] = 103,["159"] = 103,["160"] = 103,["161"] = 103,["162"] = 103,["163"] = 103,["164"] = 103,["165"] = 103,["166"] = 103,["167"] = 103,["168"] = 103,["169"] = 103,["170"] = 103,["171"] = 103,["172"] = 103,["173"] = 103,["174"] = 103,["175"] = 103,["176"] = 95,["177"] = 95,["178"] = 95,["179"] = 93,["180"] = 123,["181"] = 124,["182"] = 125,["183"] = 126,["184"] = 127,["185"] = 128,["186"] = 130,["187"] = 131,["188"] = 132,["189"] = 123});
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
local verdicts = require("health.verdicts")
local ____writer = require("health.writer")
local writerPid = ____writer.writerPid
local writes = ____writer.writes
local ____exposition = require("metrics.exposition")
local sharedSeries = ____exposition.sharedSeries
local pins = require("metrics.pins")
local ____record = require("metrics.record")
local ENABLED = ____record.ENABLED
local ____dicts = require("runtime.dicts")
local KEYS = ____dicts.KEYS
local ____lease = require("runtime.lease")
local leaseHolder = ____lease.leaseHolder
local respond = require("runtime.respond")
local REFRESH_S = 5
local function healthChecks(nodes)
    local out = {}
    for ____, n in ipairs(nodes) do
        local h = verdicts.read(n.id)
        out[n.id] = {
            down = (h and h.down) == true,
            successes = h and h.successes or 0,
            failures = h and h.failures or 0,
            lastProbe = verdicts.lastProbe(n.id)
        }
    end
    return {
        prober = leaseHolder(KEYS.locks.proberLease),
        writer = writerPid() ~= nil,
        writes = writes(),
        pendingWrites = verdicts.pending(),
        nodes = out
    }
end
--- The one view of /lb/status: the JSON and the page are both written from it.
function ____exports.view()
    local snapshot = store.current()
    local s = store.status()
    local nodes = snapshot == nil and ({}) or snapshot.nodes
    local down = verdicts.downSet(nodes)
    local checks = healthChecks(nodes)
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
                local ____n_id_16 = n.id
                local ____n_name_17 = n.name
                local ____temp_12
                if n.address == nil then
                    ____temp_12 = nil
                else
                    ____temp_12 = (n.address.host .. ":") .. tostring(n.address.port)
                end
                local ____n_online_18 = n.online
                local ____temp_19 = n.address ~= nil and down[n.id] ~= true
                local ____n_isPrimary_20 = n.isPrimary
                local ____n_index_21 = n.index
                local ____n_owned_22 = n.owned
                local ____n_lastSeenAge_23 = n.lastSeenAge
                local ____checks_nodes_n_id_lastProbe_24 = checks.nodes[n.id].lastProbe
                local ____temp_25 = ENABLED and pins.lastMinute(n.id, now) or nil
                local ____ENABLED_15
                if ENABLED then
                    local ____opt_13 = websockets[n.id]
                    ____ENABLED_15 = ____opt_13 and ____opt_13.value or 0
                else
                    ____ENABLED_15 = nil
                end
                return {
                    id = ____n_id_16,
                    name = ____n_name_17,
                    host = ____temp_12,
                    registryOnline = ____n_online_18,
                    healthUp = ____temp_19,
                    primary = ____n_isPrimary_20,
                    index = ____n_index_21,
                    owned = ____n_owned_22,
                    lastSeenAgeS = ____n_lastSeenAge_23,
                    lastProbe = ____checks_nodes_n_id_lastProbe_24,
                    pinnedLastMinute = ____temp_25,
                    websockets = ____ENABLED_15,
                    away = snapshot == nil and 0 or awayFrom(snapshot, n.id),
                    handover = handover.mode,
                    handoverReason = handover.reason,
                    agent = handover.agent
                }
            end
        ),
        agents = {sinceReadS = reports.sinceReadS, lastError = reports.lastError},
        allDownFallback = snapshot ~= nil and candidatesOf(snapshot, down)[2],
        refreshS = REFRESH_S,
        checks = checks
    }
end
--- 503 until the registry was read once: a monitoring script must not take an empty view for a cluster.
local function statusCode()
    return store.current() == nil and 503 or 200
end
function ____exports.serveJson()
    local v = ____exports.view()
    respond.json(
        statusCode(),
        {
            environment = v.environment,
            generatedAt = v.generatedAt,
            expectedNodes = v.expectedNodes,
            snapshot = __TS__ObjectAssign({}, v.snapshot, {staleAfterS = v.staleAfterS}),
            allDownFallback = v.allDownFallback,
            checks = v.checks,
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
