local ____lualib = require("lualib_bundle")
local __TS__New = ____lualib.__TS__New
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 30,["9"] = 6,["10"] = 7,["11"] = 11,["12"] = 16,["13"] = 17,["14"] = 18,["15"] = 19,["16"] = 20,["17"] = 21,["18"] = 22,["19"] = 25,["20"] = 25,["21"] = 26,["22"] = 26,["23"] = 26,["24"] = 27,["25"] = 27,["26"] = 165,["27"] = 166,["28"] = 167,["30"] = 29,["31"] = 30,["32"] = 31,["34"] = 33,["36"] = 35,["38"] = 37,["39"] = 39,["40"] = 41,["41"] = 42,["42"] = 43,["43"] = 43,["44"] = 43,["46"] = 43,["48"] = 43,["49"] = 41,["50"] = 46,["51"] = 47,["52"] = 47,["53"] = 47,["54"] = 47,["55"] = 46,["56"] = 50,["58"] = 53,["59"] = 54,["60"] = 53,["61"] = 57,["62"] = 58,["63"] = 59,["64"] = 57,["65"] = 62,["66"] = 63,["67"] = 64,["68"] = 62,["69"] = 67,["70"] = 68,["71"] = 69,["72"] = 67,["73"] = 72,["74"] = 73,["75"] = 74,["76"] = 72,["79"] = 81,["80"] = 82,["81"] = 83,["82"] = 83,["83"] = 83,["84"] = 83,["85"] = 83,["86"] = 84,["87"] = 85,["88"] = 86,["89"] = 87,["90"] = 88,["92"] = 90,["93"] = 81,["95"] = 94,["96"] = 95,["97"] = 96,["98"] = 96,["100"] = 97,["101"] = 98,["102"] = 99,["103"] = 94,["104"] = 106,["105"] = 107,["106"] = 108,["108"] = 111,["109"] = 112,["110"] = 113,["111"] = 114,["112"] = 115,["113"] = 116,["114"] = 116,["115"] = 116,["118"] = 118,["119"] = 119,["120"] = 120,["122"] = 122,["123"] = 111,["124"] = 125,["125"] = 126,["126"] = 126,["127"] = 125,["129"] = 135,["131"] = 137,["132"] = 139,["133"] = 140,["135"] = 143,["136"] = 144,["137"] = 143,["139"] = 148,["140"] = 149,["141"] = 150,["142"] = 150,["144"] = 148,["146"] = 154,["147"] = 155,["148"] = 154,["150"] = 159,["151"] = 160,["152"] = 159,["154"] = 171,["155"] = 172,["156"] = 173,["158"] = 174,["159"] = 174,["161"] = 175,["162"] = 176,["163"] = 176,["168"] = 178,["169"] = 171,["171"] = 182,["172"] = 183,["173"] = 184,["174"] = 184,["176"] = 182,["178"] = 190,["179"] = 191,["180"] = 190,["181"] = 194,["182"] = 195,["183"] = 196,["184"] = 194,["187"] = 203,["188"] = 204,["189"] = 203,["191"] = 210,["192"] = 211,["193"] = 210,["194"] = 214,["195"] = 215,["196"] = 216,["197"] = 214,["199"] = 220,["200"] = 221,["201"] = 222,["203"] = 223,["204"] = 223,["206"] = 224,["207"] = 225,["208"] = 225,["214"] = 220,["216"] = 231,["217"] = 232,["218"] = 233,["219"] = 234,["220"] = 234,["221"] = 234,["223"] = 234,["225"] = 234,["226"] = 235,["227"] = 235,["230"] = 231,["232"] = 240,["233"] = 241,["234"] = 241,["235"] = 241,["236"] = 241,["237"] = 241,["238"] = 241,["239"] = 241,["240"] = 241,["241"] = 241,["242"] = 241,["243"] = 241,["244"] = 241,["245"] = 241,["246"] = 240,["248"] = 262,["249"] = 263,["250"] = 263,["251"] = 264,["252"] = 264,["253"] = 264,["254"] = 264,["255"] = 264,["257"] = 264,["258"] = 266,["259"] = 266,["260"] = 266,["262"] = 262,["264"] = 270,["265"] = 272,["268"] = 273,["271"] = 274,["272"] = 275,["273"] = 270});
local ____exports = {}
local setPending, PENDING_PREFIX, PENDING_VERSION
local config = require("runtime.config")
local store = require("cluster.snapshot_store")
local ____health = require("core.health")
local decodeHealth = ____health.decodeHealth
local encodeHealth = ____health.encodeHealth
local initialHealth = ____health.initialHealth
local isPassiveFailure = ____health.isPassiveFailure
local lastUpstreamStatus = ____health.lastUpstreamStatus
local observe = ____health.observe
local whileAway = ____health.whileAway
local ____state = require("request.state")
local servedPeer = ____state.servedPeer
local ____dicts = require("runtime.dicts")
local KEYS = ____dicts.KEYS
local dict = ____dicts.healthDict
local ____version_watch = require("runtime.version_watch")
local VersionWatch = ____version_watch.VersionWatch
function setPending(nodeId, status)
    dict:set(PENDING_PREFIX .. nodeId, status)
    dict:incr(PENDING_VERSION, 1, 0)
end
local HEALTH_PREFIX = KEYS.health.node
PENDING_PREFIX = KEYS.health.pending
local PROBE_PREFIX = KEYS.health.lastProbe
--- A passive failure asks the prober to probe the node now (health/prober.ts).
local PROBE_NOW_PREFIX = KEYS.health.probeNow
--- A request nobody answered (no prober, e.g. during a reload) expires, not probed much later.
local PROBE_NOW_TTL_S = 5
--- Bumped when a verdict flips: what workers watch to refresh their down-set.
local VERDICT_VERSION = KEYS.health.verdictVersion
PENDING_VERSION = KEYS.health.pendingVersion
function ____exports.read(nodeId)
    local v = dict:get(HEALTH_PREFIX .. nodeId)
    local ____temp_0
    if type(v) == "string" then
        ____temp_0 = decodeHealth(v)
    else
        ____temp_0 = nil
    end
    return ____temp_0
end
local function write(nodeId, h)
    dict:set(
        HEALTH_PREFIX .. nodeId,
        encodeHealth(h)
    )
end
local verdictWatch = __TS__New(VersionWatch, dict, VERDICT_VERSION)
--- The verdict version as requests see it: read from shared memory once per clock tick.
function ____exports.routingVerdictVersion()
    return verdictWatch:read()
end
function ____exports.verdictVersion()
    local v = dict:get(VERDICT_VERSION)
    return type(v) == "number" and v or 0
end
function ____exports.pendingVersion()
    local v = dict:get(PENDING_VERSION)
    return type(v) == "number" and v or 0
end
local function bumpVerdicts()
    dict:incr(VERDICT_VERSION, 1, 0)
    verdictWatch:touch()
end
local function logTransition(nodeId, transition, obs, h)
    local why = transition == "down" and ((tostring(h.failures) .. " consecutive failures (last: ") .. obs) .. ")" or tostring(h.successes) .. " consecutive probe successes"
    ngx.log(ngx.WARN, (((("health: node " .. nodeId) .. " is ") .. transition) .. " after ") .. why)
end
--- Feeds one observation into a node's state machine. `registryOnline` seeds a node seen for the
-- first time. Returns the transition it caused.
function ____exports.record(nodeId, registryOnline, obs)
    local before = ____exports.read(nodeId) or initialHealth(registryOnline)
    local step = observe(
        before,
        obs,
        config.get().health
    )
    write(nodeId, step.health)
    if step.transition ~= "none" then
        bumpVerdicts()
        setPending(nodeId, step.transition == "down" and "offline" or "online")
        logTransition(nodeId, step.transition, obs, step.health)
    end
    return step.transition
end
--- Forces a verdict (operators, specs); counters restart. Returns true when it changed.
function ____exports.force(nodeId, down)
    local before = ____exports.read(nodeId)
    if before ~= nil and before.down == down then
        return false
    end
    write(nodeId, {down = down, successes = 0, failures = 0, confirmed = false})
    bumpVerdicts()
    return true
end
local localVersion = -1
local localDown = {}
local knownNodes = {}
--- The down-set over `nodes` (the snapshot's list: the same array until the snapshot changes).
function ____exports.downSet(nodes)
    local v = ____exports.routingVerdictVersion()
    if v ~= localVersion or nodes ~= knownNodes then
        local down = {}
        for ____, n in ipairs(nodes) do
            local ____opt_1 = ____exports.read(n.id)
            if (____opt_1 and ____opt_1.down) == true then
                down[n.id] = true
            end
        end
        localDown = down
        localVersion = v
        knownNodes = nodes
    end
    return localDown
end
function ____exports.isDown(nodeId)
    local ____opt_3 = ____exports.read(nodeId)
    return (____opt_3 and ____opt_3.down) == true
end
--- The lease of the prober and the writer (runtime/lease.ts).
____exports.LEASE = KEYS.locks.proberLease
--- Renewed every writer step (0.1 s) and prober step: a dead worker is replaced this fast.
____exports.LEASE_TTL_S = 5
local rounds = 0
local probing = false
--- The prober starts a round.
function ____exports.roundStarted()
    probing = true
end
--- The prober's round ended; `completed` when every node was probed.
function ____exports.roundEnded(completed)
    probing = false
    if completed then
        rounds = rounds + 1
    end
end
--- Probe rounds this worker completed: the writer reconciles after each one.
function ____exports.completedRounds()
    return rounds
end
--- True while a round runs: the writer waits for its transitions to land together.
function ____exports.roundInProgress()
    return probing
end
--- Registry statuses implied by this router's latest transitions, not written yet.
function ____exports.pending()
    local out = {}
    for ____, key in ipairs(dict:get_keys(0)) do
        do
            if __TS__StringSubstring(key, 0, #PENDING_PREFIX) ~= PENDING_PREFIX then
                goto __continue26
            end
            local v = dict:get(key)
            if v == "online" or v == "offline" then
                out[__TS__StringSubstring(key, #PENDING_PREFIX)] = v
            end
        end
        ::__continue26::
    end
    return out
end
--- Clears a pending write unless a newer transition replaced it meanwhile.
function ____exports.settle(nodeId, status)
    local v = dict:get(PENDING_PREFIX .. nodeId)
    if v == status then
        dict:delete(PENDING_PREFIX .. nodeId)
    end
end
--- Asks the prober to probe `nodeId` at its next step; repeated asks before then are one.
function ____exports.requestProbe(nodeId)
    dict:set(PROBE_NOW_PREFIX .. nodeId, true, PROBE_NOW_TTL_S)
end
function ____exports.probeRequested(nodeId)
    local v = dict:get(PROBE_NOW_PREFIX .. nodeId)
    return v == true
end
--- Called as the probe starts: a failure reported after this point asks again, so no report
-- goes unanswered by a probe that started after it.
function ____exports.clearProbeRequest(nodeId)
    dict:delete(PROBE_NOW_PREFIX .. nodeId)
end
--- The last probe's outcome, for /lb/status ("200 in 3 ms", "timeout").
function ____exports.setLastProbe(nodeId, text)
    dict:set(PROBE_PREFIX .. nodeId, text)
end
function ____exports.lastProbe(nodeId)
    local v = dict:get(PROBE_PREFIX .. nodeId)
    return type(v) == "string" and v or nil
end
--- Forgets nodes that left the registry, so a node re-added under the same id starts afresh.
function ____exports.prune(known)
    for ____, key in ipairs(dict:get_keys(0)) do
        for ____, prefix in ipairs({HEALTH_PREFIX, PROBE_PREFIX, PENDING_PREFIX, PROBE_NOW_PREFIX}) do
            do
                if __TS__StringSubstring(key, 0, #prefix) ~= prefix then
                    goto __continue39
                end
                local id = __TS__StringSubstring(key, #prefix)
                if known[id] == nil then
                    dict:delete(key)
                end
            end
            ::__continue39::
        end
    end
end
--- Drained nodes and nodes offline by their own hand start their success count again (core/health.ts whileAway).
function ____exports.holdAwayNodes(snapshot)
    for ____, n in ipairs(snapshot.nodes) do
        local h = ____exports.read(n.id)
        local ____temp_5
        if h == nil then
            ____temp_5 = nil
        else
            ____temp_5 = whileAway(h, n.online, n.drained == true)
        end
        local away = ____temp_5
        if away ~= nil then
            write(n.id, away)
        end
    end
end
--- The snapshot's nodes with this router's verdicts: what the writer decides from.
function ____exports.registryNodes(snapshot)
    return __TS__ArrayMap(
        snapshot.nodes,
        function(____, n) return {
            id = n.id,
            online = n.online,
            lastSeenAge = n.lastSeenAge,
            addressable = n.address ~= nil,
            foreign = n.foreign,
            owned = n.owned,
            drained = n.drained == true,
            health = ____exports.read(n.id) or initialHealth(n.online)
        } end
    )
end
--- A proxied try to `nodeId` (an id from the registry, via the access phase) failed.
function ____exports.passiveFailure(nodeId)
    local ____opt_6 = store.current()
    local node = ____opt_6 and ____opt_6.nodeById[nodeId]
    local ____exports_record_12 = ____exports.record
    local ____nodeId_11 = nodeId
    local ____temp_10 = node and node.online
    if ____temp_10 == nil then
        ____temp_10 = true
    end
    ____exports_record_12(____nodeId_11, ____temp_10, "passive-failure")
    local ____opt_13 = ____exports.read(nodeId)
    if (____opt_13 and ____opt_13.down) ~= true then
        ____exports.requestProbe(nodeId)
    end
end
--- Log phase: reports the last try when it failed; a retried first try was reported by the balancer.
function ____exports.afterRequest(route, retried)
    if route == nil or ngx.status < 500 then
        return
    end
    if not isPassiveFailure(lastUpstreamStatus(ngx.var.upstream_status or "")) then
        return
    end
    local last = servedPeer(route, retried)
    ____exports.passiveFailure(last.nodeId)
end
return ____exports
