local ____lualib = require("lualib_bundle")
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["7"] = 13,["8"] = 6,["9"] = 9,["10"] = 9,["11"] = 9,["12"] = 9,["13"] = 9,["14"] = 10,["15"] = 10,["16"] = 75,["17"] = 76,["18"] = 77,["20"] = 12,["21"] = 13,["22"] = 14,["24"] = 16,["26"] = 18,["28"] = 20,["29"] = 22,["30"] = 24,["31"] = 25,["32"] = 26,["33"] = 26,["34"] = 26,["36"] = 26,["38"] = 26,["39"] = 24,["40"] = 29,["41"] = 30,["42"] = 30,["43"] = 30,["44"] = 30,["45"] = 29,["46"] = 33,["47"] = 34,["48"] = 35,["49"] = 33,["50"] = 38,["51"] = 39,["52"] = 40,["53"] = 38,["54"] = 43,["55"] = 44,["56"] = 45,["57"] = 43,["60"] = 52,["61"] = 53,["62"] = 54,["63"] = 54,["64"] = 54,["65"] = 54,["66"] = 54,["67"] = 55,["68"] = 56,["69"] = 57,["70"] = 58,["71"] = 59,["73"] = 61,["74"] = 52,["76"] = 65,["77"] = 66,["78"] = 67,["79"] = 67,["81"] = 68,["82"] = 69,["83"] = 70,["84"] = 65,["86"] = 81,["87"] = 82,["88"] = 83,["90"] = 84,["91"] = 84,["93"] = 85,["94"] = 86,["95"] = 86,["100"] = 88,["101"] = 81,["103"] = 92,["104"] = 93,["105"] = 94,["106"] = 94,["108"] = 92,["110"] = 100,["111"] = 101,["112"] = 100,["113"] = 104,["114"] = 105,["115"] = 106,["116"] = 104,["119"] = 113,["120"] = 114,["121"] = 113,["123"] = 120,["124"] = 121,["125"] = 120,["126"] = 124,["127"] = 125,["128"] = 126,["129"] = 124,["131"] = 130,["132"] = 131,["133"] = 132,["135"] = 133,["136"] = 133,["138"] = 134,["139"] = 135,["140"] = 135,["146"] = 130,["148"] = 141,["149"] = 142,["150"] = 142,["151"] = 142,["152"] = 142,["153"] = 142,["154"] = 142,["155"] = 142,["156"] = 142,["157"] = 142,["158"] = 142,["159"] = 142,["160"] = 141});
local ____exports = {}
local setPending, PENDING_PREFIX, PENDING_VERSION
local config = require("config")
local ____health = require("core.health")
local decodeHealth = ____health.decodeHealth
local encodeHealth = ____health.encodeHealth
local initialHealth = ____health.initialHealth
local observe = ____health.observe
local ____dicts = require("dicts")
local dict = ____dicts.healthDict
function setPending(nodeId, status)
    dict:set(PENDING_PREFIX .. nodeId, status)
    dict:incr(PENDING_VERSION, 1, 0)
end
local HEALTH_PREFIX = "health:"
PENDING_PREFIX = "pending:"
local PROBE_PREFIX = "probe:"
--- A passive failure asks the prober to probe the node now (health/checker.ts).
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
function ____exports.verdictVersion()
    local v = dict:get(VERDICT_VERSION)
    return type(v) == "number" and v or 0
end
function ____exports.pendingVersion()
    local v = dict:get(PENDING_VERSION)
    return type(v) == "number" and v or 0
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
        dict:incr(VERDICT_VERSION, 1, 0)
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
    dict:incr(VERDICT_VERSION, 1, 0)
    return true
end
--- Registry statuses implied by this router's latest transitions, not written yet.
function ____exports.pending()
    local out = {}
    for ____, key in ipairs(dict:get_keys(0)) do
        do
            if __TS__StringSubstring(key, 0, #PENDING_PREFIX) ~= PENDING_PREFIX then
                goto __continue13
            end
            local v = dict:get(key)
            if v == "online" or v == "offline" then
                out[__TS__StringSubstring(key, #PENDING_PREFIX)] = v
            end
        end
        ::__continue13::
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
                    goto __continue26
                end
                local id = __TS__StringSubstring(key, #prefix)
                if known[id] == nil then
                    dict:delete(key)
                end
            end
            ::__continue26::
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
return ____exports
