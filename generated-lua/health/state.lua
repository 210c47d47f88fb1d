local ____lualib = require("lualib_bundle")
local __TS__New = ____lualib.__TS__New
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 14,["9"] = 6,["10"] = 9,["11"] = 9,["12"] = 9,["13"] = 9,["14"] = 9,["15"] = 9,["16"] = 10,["17"] = 10,["18"] = 11,["19"] = 11,["20"] = 88,["21"] = 89,["22"] = 90,["24"] = 13,["25"] = 14,["26"] = 15,["28"] = 17,["30"] = 19,["32"] = 21,["33"] = 23,["34"] = 25,["35"] = 26,["36"] = 27,["37"] = 27,["38"] = 27,["40"] = 27,["42"] = 27,["43"] = 25,["44"] = 30,["45"] = 31,["46"] = 31,["47"] = 31,["48"] = 31,["49"] = 30,["50"] = 34,["52"] = 37,["53"] = 38,["54"] = 37,["55"] = 41,["56"] = 42,["57"] = 43,["58"] = 41,["59"] = 46,["60"] = 47,["61"] = 48,["62"] = 46,["63"] = 51,["64"] = 52,["65"] = 53,["66"] = 51,["67"] = 56,["68"] = 57,["69"] = 58,["70"] = 56,["73"] = 65,["74"] = 66,["75"] = 67,["76"] = 67,["77"] = 67,["78"] = 67,["79"] = 67,["80"] = 68,["81"] = 69,["82"] = 70,["83"] = 71,["84"] = 72,["86"] = 74,["87"] = 65,["89"] = 78,["90"] = 79,["91"] = 80,["92"] = 80,["94"] = 81,["95"] = 82,["96"] = 83,["97"] = 78,["99"] = 94,["100"] = 95,["101"] = 96,["103"] = 97,["104"] = 97,["106"] = 98,["107"] = 99,["108"] = 99,["113"] = 101,["114"] = 94,["116"] = 105,["117"] = 106,["118"] = 107,["119"] = 107,["121"] = 105,["123"] = 113,["124"] = 114,["125"] = 113,["126"] = 117,["127"] = 118,["128"] = 119,["129"] = 117,["132"] = 126,["133"] = 127,["134"] = 126,["136"] = 133,["137"] = 134,["138"] = 133,["139"] = 137,["140"] = 138,["141"] = 139,["142"] = 137,["144"] = 143,["145"] = 144,["146"] = 145,["148"] = 146,["149"] = 146,["151"] = 147,["152"] = 148,["153"] = 148,["159"] = 143,["161"] = 154,["162"] = 155,["163"] = 156,["164"] = 157,["165"] = 157,["166"] = 157,["168"] = 157,["170"] = 157,["171"] = 158,["172"] = 158,["175"] = 154,["177"] = 163,["178"] = 164,["179"] = 164,["180"] = 164,["181"] = 164,["182"] = 164,["183"] = 164,["184"] = 164,["185"] = 164,["186"] = 164,["187"] = 164,["188"] = 164,["189"] = 164,["190"] = 164,["191"] = 163});
local ____exports = {}
local setPending, PENDING_PREFIX, PENDING_VERSION
local config = require("config")
local ____health = require("core.health")
local decodeHealth = ____health.decodeHealth
local encodeHealth = ____health.encodeHealth
local initialHealth = ____health.initialHealth
local observe = ____health.observe
local whileAway = ____health.whileAway
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
--- Drained nodes and nodes offline by their own hand start their success count again (core/health.ts whileAway).
function ____exports.holdAwayNodes(snapshot)
    for ____, n in ipairs(snapshot.nodes) do
        local h = ____exports.read(n.id)
        local ____temp_1
        if h == nil then
            ____temp_1 = nil
        else
            ____temp_1 = whileAway(h, n.online, n.drained == true)
        end
        local away = ____temp_1
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
return ____exports
