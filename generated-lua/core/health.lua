local ____lualib = require("lualib_bundle")
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__StringCharAt = ____lualib.__TS__StringCharAt
local __TS__ObjectKeys = ____lualib.__TS__ObjectKeys
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["10"] = 5,["11"] = 5,["13"] = 15,["15"] = 40,["18"] = 46,["19"] = 47,["20"] = 46,["21"] = 50,["22"] = 51,["23"] = 52,["24"] = 53,["25"] = 53,["27"] = 54,["29"] = 56,["30"] = 57,["31"] = 57,["33"] = 58,["34"] = 50,["36"] = 62,["37"] = 63,["38"] = 64,["39"] = 65,["40"] = 66,["41"] = 67,["42"] = 68,["43"] = 69,["44"] = 70,["46"] = 72,["47"] = 62,["49"] = 76,["50"] = 77,["51"] = 76,["52"] = 80,["53"] = 81,["54"] = 82,["55"] = 82,["57"] = 83,["58"] = 84,["59"] = 85,["60"] = 85,["62"] = 86,["63"] = 80,["64"] = 95,["65"] = 96,["66"] = 96,["67"] = 96,["70"] = 97,["71"] = 95,["73"] = 101,["74"] = 102,["75"] = 101,["77"] = 106,["78"] = 107,["79"] = 107,["81"] = 108,["82"] = 109,["83"] = 109,["85"] = 110,["86"] = 111,["87"] = 111,["89"] = 112,["90"] = 112,["92"] = 113,["93"] = 106,["95"] = 120,["98"] = 126,["99"] = 127,["101"] = 128,["102"] = 128,["103"] = 129,["104"] = 130,["105"] = 130,["107"] = 128,["110"] = 132,["111"] = 133,["112"] = 133,["114"] = 134,["115"] = 134,["117"] = 135,["118"] = 126,["119"] = 138,["120"] = 139,["121"] = 138,["123"] = 158,["124"] = 159,["125"] = 158,["129"] = 181,["130"] = 182,["131"] = 183,["133"] = 184,["134"] = 184,["136"] = 185,["137"] = 186,["138"] = 186,["143"] = 188,["144"] = 181,["148"] = 196,["149"] = 197,["150"] = 198,["151"] = 199,["152"] = 199,["154"] = 200,["155"] = 201,["156"] = 202,["157"] = 203,["158"] = 204,["159"] = 205,["160"] = 206,["161"] = 207,["162"] = 207,["163"] = 208,["164"] = 209,["165"] = 209,["167"] = 211,["168"] = 211,["169"] = 212,["172"] = 215,["173"] = 216,["174"] = 217,["175"] = 217,["178"] = 220,["179"] = 196});
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
    return {down = not registryOnline, successes = 0, failures = 0}
end
function ____exports.observe(h, obs, t)
    if obs == "active-success" then
        local successes = math.min(h.successes + 1, COUNTER_CAP)
        if h.down and successes >= t.successes then
            return {health = {down = false, successes = successes, failures = 0}, transition = "up"}
        end
        return {health = {down = h.down, successes = successes, failures = 0}, transition = "none"}
    end
    local failures = math.min(h.failures + 1, COUNTER_CAP)
    if not h.down and failures >= t.failures then
        return {health = {down = true, successes = 0, failures = failures}, transition = "down"}
    end
    return {health = {down = h.down, successes = 0, failures = failures}, transition = "none"}
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
--- "down successes failures": the shared-dict form of a node's health.
function ____exports.encodeHealth(h)
    return (((tostring(h.down and 1 or 0) .. " ") .. tostring(h.successes)) .. " ") .. tostring(h.failures)
end
function ____exports.decodeHealth(s)
    local parts = __TS__StringSplit(s, " ")
    if #parts ~= 3 or parts[1] ~= "0" and parts[1] ~= "1" then
        return nil
    end
    local successes = parseDecimal(parts[2])
    local failures = parseDecimal(parts[3])
    if successes == nil or failures == nil then
        return nil
    end
    return {down = parts[1] == "1", successes = successes, failures = failures}
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
                goto __continue33
            end
            online = online + 1
            if not n.health.down then
                return false
            end
        end
        ::__continue33::
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
