local ____lualib = require("lualib_bundle")
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["7"] = 13,["8"] = 6,["9"] = 9,["10"] = 9,["11"] = 9,["12"] = 9,["13"] = 9,["14"] = 10,["15"] = 10,["16"] = 71,["17"] = 72,["18"] = 73,["20"] = 12,["21"] = 13,["22"] = 14,["24"] = 16,["25"] = 18,["26"] = 20,["27"] = 21,["28"] = 22,["29"] = 22,["30"] = 22,["32"] = 22,["34"] = 22,["35"] = 20,["36"] = 25,["37"] = 26,["38"] = 26,["39"] = 26,["40"] = 26,["41"] = 25,["42"] = 29,["43"] = 30,["44"] = 31,["45"] = 29,["46"] = 34,["47"] = 35,["48"] = 36,["49"] = 34,["50"] = 39,["51"] = 40,["52"] = 41,["53"] = 39,["56"] = 48,["57"] = 49,["58"] = 50,["59"] = 50,["60"] = 50,["61"] = 50,["62"] = 50,["63"] = 51,["64"] = 52,["65"] = 53,["66"] = 54,["67"] = 55,["69"] = 57,["70"] = 48,["72"] = 61,["73"] = 62,["74"] = 63,["75"] = 63,["77"] = 64,["78"] = 65,["79"] = 66,["80"] = 61,["82"] = 77,["83"] = 78,["84"] = 79,["86"] = 80,["87"] = 80,["89"] = 81,["90"] = 82,["91"] = 82,["96"] = 84,["97"] = 77,["99"] = 88,["100"] = 89,["101"] = 90,["102"] = 90,["104"] = 88,["106"] = 96,["107"] = 97,["108"] = 96,["109"] = 100,["110"] = 101,["111"] = 102,["112"] = 100,["114"] = 106,["115"] = 107,["116"] = 108,["118"] = 109,["119"] = 109,["121"] = 110,["122"] = 111,["123"] = 111,["129"] = 106,["131"] = 117,["132"] = 118,["133"] = 118,["134"] = 118,["135"] = 118,["136"] = 118,["137"] = 118,["138"] = 118,["139"] = 118,["140"] = 118,["141"] = 118,["142"] = 118,["143"] = 117});
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
    write(nodeId, {down = down, successes = 0, failures = 0})
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
        for ____, prefix in ipairs({HEALTH_PREFIX, PROBE_PREFIX, PENDING_PREFIX}) do
            do
                if __TS__StringSubstring(key, 0, #prefix) ~= prefix then
                    goto __continue23
                end
                local id = __TS__StringSubstring(key, #prefix)
                if known[id] == nil then
                    dict:delete(key)
                end
            end
            ::__continue23::
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
