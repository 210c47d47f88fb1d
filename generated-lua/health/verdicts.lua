local ____lualib = require("lualib_bundle")
local __TS__New = ____lualib.__TS__New
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 29,["9"] = 6,["10"] = 7,["11"] = 11,["12"] = 16,["13"] = 17,["14"] = 18,["15"] = 19,["16"] = 20,["17"] = 21,["18"] = 24,["19"] = 24,["20"] = 25,["21"] = 25,["22"] = 25,["23"] = 26,["24"] = 26,["25"] = 164,["26"] = 165,["27"] = 166,["29"] = 28,["30"] = 29,["31"] = 30,["33"] = 32,["35"] = 34,["37"] = 36,["38"] = 38,["39"] = 40,["40"] = 41,["41"] = 42,["42"] = 42,["43"] = 42,["45"] = 42,["47"] = 42,["48"] = 40,["49"] = 45,["50"] = 46,["51"] = 46,["52"] = 46,["53"] = 46,["54"] = 45,["55"] = 49,["57"] = 52,["58"] = 53,["59"] = 52,["60"] = 56,["61"] = 57,["62"] = 58,["63"] = 56,["64"] = 61,["65"] = 62,["66"] = 63,["67"] = 61,["68"] = 66,["69"] = 67,["70"] = 68,["71"] = 66,["72"] = 71,["73"] = 72,["74"] = 73,["75"] = 71,["78"] = 80,["79"] = 81,["80"] = 82,["81"] = 82,["82"] = 82,["83"] = 82,["84"] = 82,["85"] = 83,["86"] = 84,["87"] = 85,["88"] = 86,["89"] = 87,["91"] = 89,["92"] = 80,["94"] = 93,["95"] = 94,["96"] = 95,["97"] = 95,["99"] = 96,["100"] = 97,["101"] = 98,["102"] = 93,["103"] = 105,["104"] = 106,["105"] = 107,["107"] = 110,["108"] = 111,["109"] = 112,["110"] = 113,["111"] = 114,["112"] = 115,["113"] = 115,["114"] = 115,["117"] = 117,["118"] = 118,["119"] = 119,["121"] = 121,["122"] = 110,["123"] = 124,["124"] = 125,["125"] = 125,["126"] = 124,["128"] = 134,["130"] = 136,["131"] = 138,["132"] = 139,["134"] = 142,["135"] = 143,["136"] = 142,["138"] = 147,["139"] = 148,["140"] = 149,["141"] = 149,["143"] = 147,["145"] = 153,["146"] = 154,["147"] = 153,["149"] = 158,["150"] = 159,["151"] = 158,["153"] = 170,["154"] = 171,["155"] = 172,["157"] = 173,["158"] = 173,["160"] = 174,["161"] = 175,["162"] = 175,["167"] = 177,["168"] = 170,["170"] = 181,["171"] = 182,["172"] = 183,["173"] = 183,["175"] = 181,["177"] = 189,["178"] = 190,["179"] = 189,["180"] = 193,["181"] = 194,["182"] = 195,["183"] = 193,["186"] = 202,["187"] = 203,["188"] = 202,["190"] = 209,["191"] = 210,["192"] = 209,["193"] = 213,["194"] = 214,["195"] = 215,["196"] = 213,["198"] = 219,["199"] = 220,["200"] = 221,["202"] = 222,["203"] = 222,["205"] = 223,["206"] = 224,["207"] = 224,["213"] = 219,["215"] = 230,["216"] = 231,["217"] = 231,["218"] = 231,["219"] = 231,["220"] = 231,["221"] = 231,["222"] = 231,["223"] = 231,["224"] = 231,["225"] = 231,["226"] = 231,["227"] = 230,["229"] = 250,["230"] = 251,["231"] = 251,["232"] = 252,["233"] = 252,["234"] = 252,["235"] = 252,["236"] = 252,["238"] = 252,["239"] = 254,["240"] = 254,["241"] = 254,["243"] = 250,["245"] = 258,["246"] = 260,["249"] = 261,["252"] = 262,["253"] = 263,["254"] = 258});
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
--- The snapshot's nodes with this router's verdicts: what the writer decides from.
function ____exports.registryNodes(snapshot)
    return __TS__ArrayMap(
        snapshot.nodes,
        function(____, n) return {
            id = n.id,
            online = n.online,
            lastSeenAge = n.lastSeenAge,
            addressable = n.address ~= nil,
            owned = n.owned,
            health = ____exports.read(n.id) or initialHealth(n.online)
        } end
    )
end
--- A proxied try to `nodeId` (an id from the registry, via the access phase) failed.
function ____exports.passiveFailure(nodeId)
    local ____opt_5 = store.current()
    local node = ____opt_5 and ____opt_5.nodeById[nodeId]
    local ____exports_record_11 = ____exports.record
    local ____nodeId_10 = nodeId
    local ____temp_9 = node and node.online
    if ____temp_9 == nil then
        ____temp_9 = true
    end
    ____exports_record_11(____nodeId_10, ____temp_9, "passive-failure")
    local ____opt_12 = ____exports.read(nodeId)
    if (____opt_12 and ____opt_12.down) ~= true then
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
