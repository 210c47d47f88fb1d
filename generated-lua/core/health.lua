local ____lualib = require("lualib_bundle")
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__StringCharAt = ____lualib.__TS__StringCharAt
local __TS__ObjectKeys = ____lualib.__TS__ObjectKeys
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["10"] = 5,["11"] = 5,["13"] = 15,["15"] = 46,["18"] = 52,["19"] = 53,["20"] = 52,["23"] = 60,["24"] = 61,["25"] = 62,["26"] = 63,["27"] = 64,["28"] = 65,["29"] = 66,["31"] = 68,["33"] = 70,["34"] = 71,["35"] = 74,["36"] = 75,["37"] = 76,["38"] = 77,["39"] = 78,["41"] = 80,["42"] = 60,["44"] = 84,["45"] = 85,["46"] = 86,["47"] = 87,["48"] = 88,["49"] = 89,["50"] = 90,["51"] = 91,["52"] = 92,["54"] = 94,["55"] = 84,["57"] = 98,["58"] = 99,["59"] = 98,["60"] = 102,["61"] = 103,["62"] = 102,["65"] = 110,["66"] = 111,["67"] = 112,["68"] = 112,["70"] = 113,["71"] = 113,["73"] = 114,["74"] = 115,["75"] = 116,["76"] = 116,["78"] = 117,["79"] = 110,["80"] = 126,["81"] = 127,["82"] = 127,["83"] = 127,["86"] = 128,["87"] = 126,["89"] = 132,["90"] = 133,["91"] = 132,["93"] = 137,["94"] = 138,["95"] = 138,["97"] = 139,["98"] = 140,["99"] = 140,["101"] = 141,["102"] = 142,["103"] = 142,["105"] = 143,["106"] = 143,["108"] = 144,["109"] = 137,["111"] = 151,["114"] = 157,["115"] = 158,["117"] = 159,["118"] = 159,["119"] = 160,["120"] = 161,["121"] = 161,["123"] = 159,["126"] = 163,["127"] = 164,["128"] = 164,["130"] = 165,["131"] = 165,["133"] = 166,["134"] = 157,["135"] = 169,["136"] = 170,["137"] = 169,["142"] = 196,["143"] = 197,["144"] = 197,["146"] = 198,["147"] = 196,["149"] = 202,["150"] = 203,["151"] = 202,["155"] = 225,["156"] = 226,["157"] = 227,["159"] = 228,["160"] = 228,["162"] = 229,["163"] = 230,["164"] = 230,["169"] = 232,["170"] = 225,["174"] = 240,["175"] = 241,["176"] = 242,["177"] = 243,["178"] = 243,["180"] = 244,["181"] = 245,["182"] = 246,["183"] = 247,["184"] = 248,["185"] = 249,["186"] = 250,["187"] = 251,["188"] = 251,["189"] = 252,["190"] = 253,["191"] = 253,["193"] = 255,["194"] = 255,["195"] = 256,["198"] = 259,["199"] = 260,["200"] = 261,["201"] = 261,["204"] = 264,["205"] = 240});
local ____exports = {}
local ____text = require("core.text")
local parseDecimal = ____text.parseDecimal
--- The plan's values (consecutive_failures_threshold, consecutive_success_threshold).
____exports.DEFAULT_THRESHOLDS = {failures = 3, successes = 3}
--- Keeps the stored counters short; far above any threshold (at most 100).
local COUNTER_CAP = 1000000
--- Before any observation the registry is the best guess: an online node is up, an offline one
-- is down, so an offline node that answers its probes comes back through an explicit "up".
function ____exports.initialHealth(registryOnline)
    return {down = not registryOnline, successes = 0, failures = 0, confirmed = false}
end
--- A node goes down when its failure streak reaches the threshold and holds at least one probe
-- failure: passive failures speed the verdict up (they count) but cannot make it on their own.
function ____exports.observe(h, obs, t)
    if obs == "active-success" then
        local successes = math.min(h.successes + 1, COUNTER_CAP)
        local health = {down = h.down, successes = successes, failures = 0, confirmed = false}
        if h.down and successes >= t.successes then
            health.down = false
            return {health = health, transition = "up"}
        end
        return {health = health, transition = "none"}
    end
    local failures = math.min(h.failures + 1, COUNTER_CAP)
    local confirmed = h.confirmed or obs == "active-failure"
    local successes = obs == "active-failure" and 0 or h.successes
    local health = {down = h.down, successes = successes, failures = failures, confirmed = confirmed}
    if not h.down and confirmed and failures >= t.failures then
        health.down = true
        return {health = health, transition = "down"}
    end
    return {health = health, transition = "none"}
end
--- Applies observations in order; the verdict after each one (for tables and logs).
function ____exports.replay(start, observations, t)
    local h = start
    local verdicts = {}
    local transitions = {}
    for ____, obs in ipairs(observations) do
        local step = ____exports.observe(h, obs, t)
        h = step.health
        verdicts[#verdicts + 1] = h.down and "down" or "up"
        transitions[#transitions + 1] = step.transition
    end
    return {verdicts = verdicts, transitions = transitions, health = h}
end
--- "down successes failures confirmed": the shared-dict form of a node's health.
function ____exports.encodeHealth(h)
    return (((((tostring(h.down and 1 or 0) .. " ") .. tostring(h.successes)) .. " ") .. tostring(h.failures)) .. " ") .. tostring(h.confirmed and 1 or 0)
end
local function isFlag(s)
    return s == "0" or s == "1"
end
--- Also reads the three-field form of earlier builds (kuma_health survives a reload) as an
-- unconfirmed streak: the next failed probe confirms it.
function ____exports.decodeHealth(s)
    local parts = __TS__StringSplit(s, " ")
    if #parts ~= 3 and #parts ~= 4 or not isFlag(parts[1]) then
        return nil
    end
    if #parts == 4 and not isFlag(parts[4]) then
        return nil
    end
    local successes = parseDecimal(parts[2])
    local failures = parseDecimal(parts[3])
    if successes == nil or failures == nil then
        return nil
    end
    return {down = parts[1] == "1", successes = successes, failures = failures, confirmed = parts[4] == "1"}
end
function ____exports.isHealthyStatus(status, ranges)
    for ____, r in ipairs(ranges) do
        if status >= r.from and status <= r.to then
            return true
        end
    end
    return false
end
--- A redirect is a failure unless a configured range covers it: the probe never follows one.
function ____exports.probeObservation(result, ranges)
    return result.kind == "status" and ____exports.isHealthyStatus(result.status, ranges) and "active-success" or "active-failure"
end
--- "HTTP/1.1 200 OK" -> 200; undefined for anything that is not an HTTP/1.x status line.
function ____exports.parseStatusLine(line)
    if __TS__StringSubstring(line, 0, 7) ~= "HTTP/1." or #line < 12 then
        return nil
    end
    local minor = string.byte(line, 8) or 0 / 0
    if minor < 48 or minor > 57 or string.sub(line, 9, 9) ~= " " then
        return nil
    end
    local status = parseDecimal(__TS__StringSubstring(line, 9, 12))
    if status == nil or status < 100 or status > 599 then
        return nil
    end
    if #line > 12 and string.sub(line, 13, 13) ~= " " then
        return nil
    end
    return status
end
--- Connect errors are 502, timeouts 504 (nginx's own codes); a node's own 502-504 count too.
local PASSIVE_FAILURES = {["502"] = true, ["503"] = true, ["504"] = true}
--- The status of the last try in $upstream_status ("502, 200" after a retry; " : " separates
-- internal redirects); "" when there was none.
function ____exports.lastUpstreamStatus(upstreamStatus)
    local start = 0
    do
        local i = 0
        while i < #upstreamStatus do
            local c = __TS__StringCharAt(upstreamStatus, i)
            if c == "," or c == ":" then
                start = i + 1
            end
            i = i + 1
        end
    end
    local s = __TS__StringSubstring(upstreamStatus, start)
    while string.sub(s, 1, 1) == " " do
        s = __TS__StringSubstring(s, 1)
    end
    while #s > 0 and __TS__StringCharAt(s, #s - 1) == " " do
        s = __TS__StringSubstring(s, 0, #s - 1)
    end
    return s
end
function ____exports.isPassiveFailure(status)
    return PASSIVE_FAILURES[status] == true
end
--- A node that left (drained, or offline in the registry while its probes pass: its own
-- deregistration) must earn HEALTH_CHECK_SUCCESSES fresh probe successes once it is back before
-- anything returns to it: after a quick restart the old process's successes must not count.
-- The state to store while it is away, or undefined when nothing changes.
function ____exports.whileAway(h, online, drained)
    if online and not drained or h.down or h.successes == 0 then
        return nil
    end
    return {down = false, successes = 0, failures = h.failures, confirmed = h.confirmed}
end
--- Plan §5.2: last_seen older than the timeout; a node never seen is not stale (SQL NULL < t is false).
function ____exports.isStale(lastSeenAge, staleAfterS)
    return lastSeenAge >= 0 and lastSeenAge > staleAfterS
end
--- Every online, addressable node is down by this router's checks. The router then suspects its
-- own probes (ROUTING §3.2: a probe path can be wrong while the nodes serve fine) and keeps the
-- registry online so the all-down fallback has nodes to route to.
function ____exports.allDown(nodes)
    local online = 0
    for ____, n in ipairs(nodes) do
        do
            if not n.online or not n.addressable then
                goto __continue37
            end
            online = online + 1
            if not n.health.down then
                return false
            end
        end
        ::__continue37::
    end
    return online > 0
end
--- What the writer writes to node.status: each pending transition once (an "offline" one held
-- while every node is down, unless the node is also stale), and stale nodes that fail their
-- probes (plan §5.2), whatever the transitions said.
function ____exports.planStatusWrites(nodes, pending, staleAfterS)
    local plan = {writes = {}, settled = {}, held = {}}
    local byId = {}
    for ____, n in ipairs(nodes) do
        byId[n.id] = n
    end
    local everyNodeDown = ____exports.allDown(nodes)
    local ids = __TS__ArraySort(__TS__ObjectKeys(pending))
    local written = {}
    for ____, id in ipairs(ids) do
        local n = byId[id]
        local status = pending[id]
        if n == nil or n.health.down ~= (status == "offline") or status == "offline" and not n.online then
            local ____plan_settled_0 = plan.settled
            ____plan_settled_0[#____plan_settled_0 + 1] = id
        elseif status == "offline" and everyNodeDown and not ____exports.isStale(n.lastSeenAge, staleAfterS) then
            local ____plan_held_1 = plan.held
            ____plan_held_1[#____plan_held_1 + 1] = id
        else
            local ____plan_writes_2 = plan.writes
            ____plan_writes_2[#____plan_writes_2 + 1] = {id = id, status = status, reason = "transition"}
            written[id] = true
        end
    end
    for ____, n in ipairs(nodes) do
        if written[n.id] ~= true and n.online and n.health.down and ____exports.isStale(n.lastSeenAge, staleAfterS) then
            local ____plan_writes_3 = plan.writes
            ____plan_writes_3[#____plan_writes_3 + 1] = {id = n.id, status = "offline", reason = "stale"}
        end
    end
    return plan
end
return ____exports
