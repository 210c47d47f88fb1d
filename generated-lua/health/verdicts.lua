local ____lualib = require("lualib_bundle")
local __TS__New = ____lualib.__TS__New
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 29,["9"] = 6,["10"] = 7,["11"] = 11,["12"] = 16,["13"] = 17,["14"] = 18,["15"] = 19,["16"] = 20,["17"] = 21,["18"] = 24,["19"] = 24,["20"] = 25,["21"] = 25,["22"] = 26,["23"] = 26,["24"] = 130,["25"] = 131,["26"] = 132,["28"] = 28,["29"] = 29,["30"] = 30,["32"] = 32,["34"] = 34,["36"] = 36,["37"] = 38,["38"] = 40,["39"] = 41,["40"] = 42,["41"] = 42,["42"] = 42,["44"] = 42,["46"] = 42,["47"] = 40,["48"] = 45,["49"] = 46,["50"] = 46,["51"] = 46,["52"] = 46,["53"] = 45,["54"] = 49,["56"] = 52,["57"] = 53,["58"] = 52,["59"] = 56,["60"] = 57,["61"] = 58,["62"] = 56,["63"] = 61,["64"] = 62,["65"] = 63,["66"] = 61,["67"] = 66,["68"] = 67,["69"] = 68,["70"] = 66,["71"] = 71,["72"] = 72,["73"] = 73,["74"] = 71,["77"] = 80,["78"] = 81,["79"] = 82,["80"] = 82,["81"] = 82,["82"] = 82,["83"] = 82,["84"] = 83,["85"] = 84,["86"] = 85,["87"] = 86,["88"] = 87,["90"] = 89,["91"] = 80,["93"] = 93,["94"] = 94,["95"] = 95,["96"] = 95,["98"] = 96,["99"] = 97,["100"] = 98,["101"] = 93,["102"] = 105,["103"] = 106,["104"] = 107,["106"] = 110,["107"] = 111,["108"] = 112,["109"] = 113,["110"] = 114,["111"] = 115,["112"] = 115,["113"] = 115,["116"] = 117,["117"] = 118,["118"] = 119,["120"] = 121,["121"] = 110,["122"] = 124,["123"] = 125,["124"] = 125,["125"] = 124,["127"] = 136,["128"] = 137,["129"] = 138,["131"] = 139,["132"] = 139,["134"] = 140,["135"] = 141,["136"] = 141,["141"] = 143,["142"] = 136,["144"] = 147,["145"] = 148,["146"] = 149,["147"] = 149,["149"] = 147,["151"] = 155,["152"] = 156,["153"] = 155,["154"] = 159,["155"] = 160,["156"] = 161,["157"] = 159,["160"] = 168,["161"] = 169,["162"] = 168,["164"] = 175,["165"] = 176,["166"] = 175,["167"] = 179,["168"] = 180,["169"] = 181,["170"] = 179,["172"] = 185,["173"] = 186,["174"] = 187,["176"] = 188,["177"] = 188,["179"] = 189,["180"] = 190,["181"] = 190,["187"] = 185,["189"] = 196,["190"] = 197,["191"] = 197,["192"] = 197,["193"] = 197,["194"] = 197,["195"] = 197,["196"] = 197,["197"] = 197,["198"] = 197,["199"] = 197,["200"] = 197,["201"] = 196,["203"] = 216,["204"] = 217,["205"] = 217,["206"] = 218,["207"] = 218,["208"] = 218,["209"] = 218,["210"] = 218,["212"] = 218,["213"] = 220,["214"] = 220,["215"] = 220,["217"] = 216,["219"] = 224,["220"] = 226,["223"] = 227,["226"] = 228,["227"] = 229,["228"] = 224});
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
local dict = ____dicts.healthDict
local ____version_watch = require("runtime.version_watch")
local VersionWatch = ____version_watch.VersionWatch
function setPending(nodeId, status)
    dict:set(PENDING_PREFIX .. nodeId, status)
    dict:incr(PENDING_VERSION, 1, 0)
end
local HEALTH_PREFIX = "health:"
PENDING_PREFIX = "pending:"
local PROBE_PREFIX = "probe:"
--- A passive failure asks the prober to probe the node now (health/prober.ts).
local PROBE_NOW_PREFIX = "probe-now:"
--- A request nobody answered (no prober, e.g. during a reload) expires, not probed much later.
local PROBE_NOW_TTL_S = 5
--- Bumped when a verdict flips: what workers watch to refresh their down-set.
local VERDICT_VERSION = "verdicts:version"
PENDING_VERSION = "writes:version"
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
--- Registry statuses implied by this router's latest transitions, not written yet.
function ____exports.pending()
    local out = {}
    for ____, key in ipairs(dict:get_keys(0)) do
        do
            if __TS__StringSubstring(key, 0, #PENDING_PREFIX) ~= PENDING_PREFIX then
                goto __continue21
            end
            local v = dict:get(key)
            if v == "online" or v == "offline" then
                out[__TS__StringSubstring(key, #PENDING_PREFIX)] = v
            end
        end
        ::__continue21::
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
                    goto __continue34
                end
                local id = __TS__StringSubstring(key, #prefix)
                if known[id] == nil then
                    dict:delete(key)
                end
            end
            ::__continue34::
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
