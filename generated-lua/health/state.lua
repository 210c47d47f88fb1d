local ____lualib = require("lualib_bundle")
local __TS__New = ____lualib.__TS__New
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 14,["9"] = 6,["10"] = 9,["11"] = 9,["12"] = 9,["13"] = 9,["14"] = 9,["15"] = 10,["16"] = 10,["17"] = 11,["18"] = 11,["19"] = 88,["20"] = 89,["21"] = 90,["23"] = 13,["24"] = 14,["25"] = 15,["27"] = 17,["29"] = 19,["31"] = 21,["32"] = 23,["33"] = 25,["34"] = 26,["35"] = 27,["36"] = 27,["37"] = 27,["39"] = 27,["41"] = 27,["42"] = 25,["43"] = 30,["44"] = 31,["45"] = 31,["46"] = 31,["47"] = 31,["48"] = 30,["49"] = 34,["51"] = 37,["52"] = 38,["53"] = 37,["54"] = 41,["55"] = 42,["56"] = 43,["57"] = 41,["58"] = 46,["59"] = 47,["60"] = 48,["61"] = 46,["62"] = 51,["63"] = 52,["64"] = 53,["65"] = 51,["66"] = 56,["67"] = 57,["68"] = 58,["69"] = 56,["72"] = 65,["73"] = 66,["74"] = 67,["75"] = 67,["76"] = 67,["77"] = 67,["78"] = 67,["79"] = 68,["80"] = 69,["81"] = 70,["82"] = 71,["83"] = 72,["85"] = 74,["86"] = 65,["88"] = 78,["89"] = 79,["90"] = 80,["91"] = 80,["93"] = 81,["94"] = 82,["95"] = 83,["96"] = 78,["98"] = 94,["99"] = 95,["100"] = 96,["102"] = 97,["103"] = 97,["105"] = 98,["106"] = 99,["107"] = 99,["112"] = 101,["113"] = 94,["115"] = 105,["116"] = 106,["117"] = 107,["118"] = 107,["120"] = 105,["122"] = 113,["123"] = 114,["124"] = 113,["125"] = 117,["126"] = 118,["127"] = 119,["128"] = 117,["131"] = 126,["132"] = 127,["133"] = 126,["135"] = 133,["136"] = 134,["137"] = 133,["138"] = 137,["139"] = 138,["140"] = 139,["141"] = 137,["143"] = 143,["144"] = 144,["145"] = 145,["147"] = 146,["148"] = 146,["150"] = 147,["151"] = 148,["152"] = 148,["158"] = 143,["160"] = 154,["161"] = 155,["162"] = 155,["163"] = 155,["164"] = 155,["165"] = 155,["166"] = 155,["167"] = 155,["168"] = 155,["169"] = 155,["170"] = 155,["171"] = 155,["172"] = 155,["173"] = 154});
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
local ____version_watch = require("version_watch")
local VersionWatch = ____version_watch.VersionWatch
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
--- Registry statuses implied by this router's latest transitions, not written yet.
function ____exports.pending()
    local out = {}
    for ____, key in ipairs(dict:get_keys(0)) do
        do
            if __TS__StringSubstring(key, 0, #PENDING_PREFIX) ~= PENDING_PREFIX then
                goto __continue15
            end
            local v = dict:get(key)
            if v == "online" or v == "offline" then
                out[__TS__StringSubstring(key, #PENDING_PREFIX)] = v
            end
        end
        ::__continue15::
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
                    goto __continue28
                end
                local id = __TS__StringSubstring(key, #prefix)
                if known[id] == nil then
                    dict:delete(key)
                end
            end
            ::__continue28::
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
            health = ____exports.read(n.id) or initialHealth(n.online)
        } end
    )
end
return ____exports
