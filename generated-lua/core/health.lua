local ____lualib = require("lualib_bundle")
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__StringCharAt = ____lualib.__TS__StringCharAt
local __TS__ArrayFilter = ____lualib.__TS__ArrayFilter
local __TS__ObjectKeys = ____lualib.__TS__ObjectKeys
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["11"] = 5,["12"] = 5,["14"] = 15,["16"] = 46,["19"] = 52,["20"] = 53,["21"] = 52,["24"] = 60,["25"] = 61,["26"] = 62,["27"] = 63,["28"] = 64,["29"] = 65,["30"] = 66,["32"] = 68,["34"] = 70,["35"] = 71,["36"] = 74,["37"] = 75,["38"] = 76,["39"] = 77,["40"] = 78,["42"] = 80,["43"] = 60,["45"] = 84,["46"] = 89,["47"] = 90,["48"] = 91,["49"] = 92,["50"] = 93,["51"] = 94,["52"] = 95,["53"] = 96,["55"] = 98,["56"] = 84,["58"] = 102,["59"] = 103,["60"] = 102,["61"] = 106,["62"] = 107,["63"] = 106,["66"] = 114,["67"] = 115,["68"] = 116,["69"] = 116,["71"] = 117,["72"] = 117,["74"] = 118,["75"] = 119,["76"] = 120,["77"] = 120,["79"] = 121,["80"] = 114,["81"] = 130,["82"] = 131,["83"] = 131,["84"] = 131,["87"] = 132,["88"] = 130,["90"] = 136,["91"] = 137,["92"] = 136,["94"] = 141,["95"] = 142,["96"] = 142,["98"] = 143,["99"] = 144,["100"] = 144,["102"] = 145,["103"] = 146,["104"] = 146,["106"] = 147,["107"] = 147,["109"] = 148,["110"] = 141,["112"] = 155,["115"] = 161,["116"] = 162,["118"] = 163,["119"] = 163,["120"] = 164,["121"] = 165,["122"] = 165,["124"] = 163,["127"] = 167,["128"] = 168,["129"] = 168,["131"] = 169,["132"] = 169,["134"] = 170,["135"] = 161,["136"] = 173,["137"] = 174,["138"] = 173,["140"] = 197,["141"] = 198,["142"] = 198,["143"] = 198,["144"] = 198,["145"] = 197,["150"] = 207,["151"] = 208,["152"] = 208,["154"] = 209,["155"] = 207,["157"] = 213,["158"] = 214,["159"] = 213,["163"] = 236,["164"] = 237,["165"] = 238,["167"] = 239,["168"] = 239,["170"] = 240,["171"] = 241,["172"] = 241,["177"] = 243,["178"] = 236,["183"] = 252,["184"] = 253,["185"] = 254,["186"] = 255,["187"] = 256,["188"] = 256,["190"] = 257,["191"] = 258,["192"] = 259,["193"] = 260,["194"] = 261,["195"] = 262,["196"] = 263,["197"] = 264,["198"] = 264,["199"] = 265,["200"] = 266,["201"] = 266,["203"] = 268,["204"] = 268,["205"] = 269,["208"] = 272,["209"] = 273,["210"] = 274,["211"] = 274,["214"] = 277,["215"] = 252});
local ____exports = {}
local ____text = require("core.text")
local parseDecimal = ____text.parseDecimal
--- HEALTH_CHECK_FAILURES and HEALTH_CHECK_SUCCESSES by default (docs/health.md, "The state machine").
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
--- The nodes whose status the writer may write: never another world's (it cannot probe them).
function ____exports.ownNodes(nodes)
    return __TS__ArrayFilter(
        nodes,
        function(____, n) return n.foreign ~= true end
    )
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
--- The stale rule (docs/health.md): last_seen older than the timeout; a node never seen is not stale (SQL NULL < t is false).
function ____exports.isStale(lastSeenAge, staleAfterS)
    return lastSeenAge >= 0 and lastSeenAge > staleAfterS
end
--- Every online, addressable node is down by this router's checks. The router then suspects its
-- own probes (docs/routing.md#candidates: a probe path can be wrong while the nodes serve fine) and keeps the
-- registry online so the all-down fallback has nodes to route to.
function ____exports.allDown(nodes)
    local online = 0
    for ____, n in ipairs(nodes) do
        do
            if not n.online or not n.addressable then
                goto __continue39
            end
            online = online + 1
            if not n.health.down then
                return false
            end
        end
        ::__continue39::
    end
    return online > 0
end
--- What the writer writes to node.status: each pending transition once (an "offline" one held
-- while every node is down, unless the node is also stale), and stale nodes that fail their
-- probes (docs/health.md, "The state machine"), whatever the transitions said. Foreign nodes are left alone: a pending
-- write for one (from before it became foreign) is settled unwritten.
function ____exports.planStatusWrites(registry, pending, staleAfterS)
    local plan = {writes = {}, settled = {}, held = {}}
    local nodes = ____exports.ownNodes(registry)
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
