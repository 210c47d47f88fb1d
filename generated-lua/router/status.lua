local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["7"] = 4,["8"] = 5,["9"] = 6,["10"] = 7,["11"] = 7,["12"] = 8,["13"] = 8,["14"] = 8,["15"] = 9,["16"] = 9,["17"] = 10,["18"] = 10,["19"] = 11,["20"] = 11,["21"] = 13,["22"] = 13,["23"] = 14,["24"] = 15,["25"] = 15,["26"] = 15,["27"] = 16,["28"] = 16,["29"] = 17,["30"] = 18,["31"] = 18,["32"] = 19,["33"] = 19,["34"] = 20,["35"] = 22,["36"] = 24,["37"] = 25,["38"] = 26,["39"] = 27,["40"] = 28,["41"] = 28,["42"] = 28,["43"] = 28,["44"] = 28,["45"] = 28,["47"] = 30,["48"] = 30,["49"] = 30,["50"] = 30,["51"] = 30,["52"] = 30,["53"] = 30,["54"] = 24,["56"] = 40,["57"] = 41,["58"] = 42,["59"] = 43,["60"] = 44,["61"] = 45,["62"] = 46,["63"] = 47,["64"] = 48,["65"] = 49,["66"] = 50,["67"] = 50,["68"] = 50,["69"] = 50,["70"] = 54,["71"] = 54,["72"] = 54,["73"] = 54,["74"] = 54,["75"] = 54,["76"] = 54,["77"] = 54,["78"] = 54,["79"] = 54,["80"] = 50,["81"] = 50,["82"] = 66,["83"] = 66,["84"] = 66,["85"] = 67,["86"] = 67,["87"] = 67,["88"] = 67,["89"] = 67,["90"] = 69,["91"] = 70,["92"] = 71,["93"] = 71,["94"] = 71,["96"] = 71,["98"] = 72,["99"] = 74,["100"] = 75,["101"] = 76,["102"] = 77,["103"] = 78,["104"] = 79,["105"] = 80,["106"] = 81,["107"] = 82,["108"] = 83,["109"] = 83,["110"] = 83,["111"] = 83,["113"] = 83,["115"] = 68,["116"] = 68,["117"] = 68,["118"] = 68,["119"] = 68,["120"] = 68,["121"] = 68,["122"] = 68,["123"] = 68,["124"] = 68,["125"] = 68,["126"] = 68,["127"] = 68,["128"] = 68,["129"] = 68,["130"] = 68,["131"] = 68,["132"] = 68,["133"] = 68,["134"] = 68,["135"] = 66,["136"] = 50,["137"] = 50,["138"] = 50,["139"] = 50,["140"] = 50,["141"] = 50,["142"] = 40,["144"] = 98,["145"] = 98,["146"] = 98,["147"] = 100,["148"] = 101,["149"] = 102,["150"] = 102,["151"] = 102,["152"] = 102,["153"] = 102,["154"] = 102,["155"] = 102,["156"] = 102,["157"] = 102,["158"] = 102,["159"] = 110,["160"] = 111,["161"] = 111,["162"] = 111,["163"] = 111,["164"] = 111,["165"] = 111,["166"] = 111,["167"] = 111,["168"] = 111,["169"] = 111,["170"] = 111,["171"] = 111,["172"] = 111,["173"] = 111,["174"] = 111,["175"] = 111,["176"] = 111,["177"] = 111,["178"] = 111,["179"] = 111,["180"] = 102,["181"] = 102,["182"] = 102,["183"] = 100,["184"] = 134,["185"] = 135,["186"] = 136,["187"] = 137,["188"] = 138,["189"] = 139,["190"] = 141,["191"] = 142,["192"] = 143,["193"] = 134});
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
        prober = leaseHolder(verdicts.LEASE),
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
                local ____temp_19 = n.address ~= nil and not n.foreign and down[n.id] ~= true
                local ____n_foreign_20 = n.foreign
                local ____n_isPrimary_21 = n.isPrimary
                local ____n_index_22 = n.index
                local ____n_owned_23 = n.owned
                local ____temp_24 = n.drained == true
                local ____n_lastSeenAge_25 = n.lastSeenAge
                local ____checks_nodes_n_id_lastProbe_26 = checks.nodes[n.id].lastProbe
                local ____temp_27 = ENABLED and pins.lastMinute(n.id, now) or nil
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
                    foreign = ____n_foreign_20,
                    primary = ____n_isPrimary_21,
                    index = ____n_index_22,
                    owned = ____n_owned_23,
                    drained = ____temp_24,
                    lastSeenAgeS = ____n_lastSeenAge_25,
                    lastProbe = ____checks_nodes_n_id_lastProbe_26,
                    pinnedLastMinute = ____temp_27,
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
