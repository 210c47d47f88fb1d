local ____lualib = require("lualib_bundle")
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["7"] = 106,["8"] = 4,["9"] = 4,["10"] = 106,["11"] = 107,["12"] = 107,["14"] = 108,["17"] = 112,["18"] = 113,["19"] = 114,["20"] = 115,["21"] = 115,["24"] = 117,["25"] = 112,["27"] = 121,["28"] = 122,["29"] = 123,["30"] = 124,["31"] = 125,["32"] = 126,["33"] = 127,["36"] = 130,["37"] = 130,["39"] = 131,["40"] = 132,["41"] = 133,["42"] = 133,["43"] = 134,["44"] = 134,["45"] = 135,["46"] = 135,["49"] = 137,["50"] = 121,["51"] = 182,["52"] = 183,["53"] = 184,["54"] = 185,["56"] = 186,["57"] = 186,["59"] = 187,["60"] = 188,["61"] = 188,["66"] = 190,["67"] = 191,["68"] = 192,["69"] = 193,["70"] = 194,["71"] = 195,["72"] = 196,["73"] = 197,["74"] = 198,["76"] = 200,["77"] = 200,["78"] = 200,["79"] = 200,["80"] = 200,["81"] = 200,["82"] = 200,["83"] = 200,["84"] = 200,["87"] = 23,["88"] = 23,["89"] = 23,["90"] = 23,["91"] = 23,["92"] = 23,["93"] = 23,["94"] = 23,["96"] = 55,["97"] = 57,["98"] = 58,["99"] = 59,["100"] = 59,["101"] = 59,["104"] = 60,["105"] = 57,["106"] = 63,["107"] = 64,["109"] = 67,["110"] = 68,["111"] = 68,["113"] = 69,["114"] = 69,["116"] = 70,["117"] = 70,["119"] = 71,["120"] = 71,["122"] = 72,["123"] = 72,["125"] = 73,["126"] = 67,["128"] = 77,["129"] = 78,["130"] = 78,["131"] = 78,["132"] = 78,["133"] = 78,["134"] = 78,["135"] = 79,["136"] = 77,["140"] = 87,["141"] = 88,["142"] = 89,["143"] = 90,["144"] = 90,["145"] = 90,["146"] = 90,["147"] = 90,["148"] = 90,["149"] = 90,["151"] = 93,["152"] = 94,["153"] = 95,["154"] = 96,["155"] = 96,["156"] = 96,["157"] = 96,["158"] = 96,["159"] = 96,["160"] = 96,["161"] = 96,["163"] = 97,["164"] = 98,["165"] = 99,["166"] = 99,["167"] = 99,["168"] = 99,["169"] = 99,["170"] = 99,["171"] = 99,["172"] = 99,["174"] = 100,["175"] = 101,["176"] = 102,["177"] = 102,["178"] = 102,["179"] = 102,["180"] = 102,["181"] = 102,["182"] = 102,["183"] = 102,["185"] = 103,["186"] = 103,["187"] = 103,["188"] = 103,["189"] = 103,["190"] = 103,["191"] = 103,["192"] = 103,["193"] = 103,["194"] = 103,["195"] = 103,["196"] = 87,["197"] = 159,["198"] = 160,["199"] = 161,["202"] = 167,["203"] = 168,["204"] = 169,["205"] = 170,["206"] = 171,["208"] = 173,["209"] = 167,["211"] = 177,["212"] = 178,["213"] = 179,["214"] = 177,["216"] = 204,["217"] = 205,["218"] = 205,["219"] = 205,["221"] = 205,["223"] = 205,["224"] = 204,["225"] = 208,["227"] = 210,["228"] = 211,["229"] = 212,["230"] = 213,["231"] = 213,["235"] = 217,["236"] = 218,["237"] = 219,["238"] = 220,["239"] = 221,["240"] = 222,["241"] = 223,["242"] = 223,["243"] = 223,["244"] = 223,["245"] = 223,["246"] = 223,["248"] = 223,["250"] = 223,["251"] = 223,["252"] = 223,["253"] = 223,["254"] = 223,["255"] = 223,["256"] = 223,["257"] = 223,["258"] = 224,["260"] = 226,["261"] = 217,["262"] = 230,["263"] = 231,["264"] = 232,["265"] = 233,["267"] = 242,["268"] = 242,["269"] = 242,["271"] = 242,["273"] = 242,["274"] = 243,["275"] = 244,["276"] = 246,["277"] = 246,["278"] = 246,["279"] = 246,["280"] = 246,["281"] = 246,["282"] = 246,["283"] = 246,["285"] = 248,["286"] = 249,["287"] = 250,["288"] = 251,["289"] = 251,["290"] = 251,["291"] = 251,["292"] = 251,["293"] = 251,["294"] = 251,["295"] = 251,["296"] = 251,["297"] = 251,["298"] = 251,["299"] = 251,["300"] = 251,["302"] = 254,["303"] = 254,["304"] = 254,["305"] = 254,["306"] = 254,["307"] = 254,["308"] = 254,["309"] = 254,["311"] = 255,["312"] = 255,["313"] = 255,["314"] = 255,["315"] = 255,["316"] = 255,["317"] = 255,["318"] = 230,["319"] = 270,["320"] = 271,["321"] = 271,["323"] = 272,["324"] = 272,["325"] = 272,["326"] = 272,["327"] = 272,["328"] = 272,["329"] = 272,["330"] = 272,["331"] = 272,["332"] = 272,["333"] = 272,["334"] = 272,["335"] = 270});
local ____exports = {}
local byLoad, computeCandidateSet
local ____snapshot = require("core.snapshot")
local nodeOf = ____snapshot.nodeOf
function byLoad(a, b)
    if a.owned ~= b.owned then
        return a.owned < b.owned
    end
    return a.id < b.id
end
--- Fewest owned active monitors, ties by node id; `except` is skipped.
function ____exports.leastLoaded(candidates, except)
    local best
    for ____, n in ipairs(candidates) do
        if n ~= except and (best == nil or byLoad(n, best)) then
            best = n
        end
    end
    return best
end
--- The registry's single is_primary node; with several or none, the lowest index.
function ____exports.primaryOf(candidates)
    local flagged
    local flaggedCount = 0
    for ____, n in ipairs(candidates) do
        if n.isPrimary then
            flagged = n
            flaggedCount = flaggedCount + 1
        end
    end
    if flaggedCount == 1 then
        return flagged
    end
    local best
    for ____, n in ipairs(candidates) do
        if best == nil then
            best = n
        elseif n.index ~= nil and (best.index == nil or n.index < best.index or n.index == best.index and n.id < best.id) then
            best = n
        elseif n.index == nil and best.index == nil and n.id < best.id then
            best = n
        end
    end
    return best
end
function computeCandidateSet(snapshot, down)
    local online = {}
    local healthy = {}
    for ____, n in ipairs(snapshot.nodes) do
        do
            if not n.online or n.address == nil then
                goto __continue38
            end
            online[#online + 1] = n
            if down[n.id] ~= true then
                healthy[#healthy + 1] = n
            end
        end
        ::__continue38::
    end
    local fallback = #healthy == 0 and #online > 0
    local nodes = fallback and online or healthy
    local member = {}
    local retryFor = {}
    local decisions = {}
    for ____, n in ipairs(nodes) do
        member[n.id] = true
        retryFor[n.id] = ____exports.leastLoaded(nodes, n)
        decisions[n.id] = {}
    end
    return {
        nodes = nodes,
        fallback = fallback,
        member = member,
        leastLoaded = ____exports.leastLoaded(nodes),
        primary = ____exports.primaryOf(nodes),
        retryFor = retryFor,
        decisions = decisions
    }
end
--- Every reason, in the order the metrics list them.
____exports.REASONS = {
    "setup",
    "owner",
    "owner-down",
    "fixed-node",
    "re-pin",
    "least-loaded"
}
--- Methods that may be retried on another node: safe ones only (a POST never is).
local RETRYABLE = {GET = true, HEAD = true, OPTIONS = true}
local function segments(path)
    local out = {}
    for ____, s in ipairs(__TS__StringSplit(path, "/")) do
        if s ~= "" then
            out[#out + 1] = s
        end
    end
    return out
end
local ROUTER = {kind = "router"}
local OTHER = {kind = "other"}
--- The first four non-empty segments decide; `count` is how many there are (4 means 4 or more).
local function classifySegments(s0, s1, s2, s3, count)
    if count >= 1 and s0 == "lb" then
        return ROUTER
    end
    if count < 3 or s0 ~= "api" then
        return OTHER
    end
    if s1 == "push" then
        return {kind = "push", token = s2}
    end
    if s1 == "badge" and count >= 4 then
        return {kind = "badge", id = s2}
    end
    if s1 == "v1" and s2 == "monitors" and count >= 4 then
        return {kind = "monitor", id = s3}
    end
    return OTHER
end
--- Where the segment that starts at `from` ends: the next slash, or the end of the path.
local function endOf(path, from)
    local slash = (string.find(
        path,
        "/",
        math.max(from + 1, 1),
        true
    ) or 0) - 1
    return slash < 0 and #path or slash
end
--- Push, badge and REST monitor paths carry the key that decides the node. Runs per request,
-- so the usual path ("/a/b/c": nginx merges slashes) is read without a loop, which would keep
-- LuaJIT from compiling the access phase; a path with empty segments takes the general way.
function ____exports.classifyPath(path)
    if string.sub(path, 1, 1) ~= "/" or (string.find(path, "//", nil, true) or 0) - 1 >= 0 then
        local s = segments(path)
        return classifySegments(
            s[1],
            s[2],
            s[3],
            s[4],
            #s
        )
    end
    local n = #path
    local e0 = endOf(path, 1)
    local s0 = __TS__StringSubstring(path, 1, e0)
    if e0 >= n - 1 then
        return classifySegments(
            s0,
            "",
            "",
            "",
            s0 == "" and 0 or 1
        )
    end
    local e1 = endOf(path, e0 + 1)
    local s1 = __TS__StringSubstring(path, e0 + 1, e1)
    if e1 >= n - 1 then
        return classifySegments(
            s0,
            s1,
            "",
            "",
            2
        )
    end
    local e2 = endOf(path, e1 + 1)
    local s2 = __TS__StringSubstring(path, e1 + 1, e2)
    if e2 >= n - 1 then
        return classifySegments(
            s0,
            s1,
            s2,
            "",
            3
        )
    end
    return classifySegments(
        s0,
        s1,
        s2,
        __TS__StringSubstring(
            path,
            e2 + 1,
            endOf(path, e2 + 1)
        ),
        4
    )
end
local memoSnapshot
local memoDown
local memoSet
--- Both inputs stay the same objects until the snapshot or a verdict changes, so the set is
-- kept for the requests that follow.
function ____exports.candidateSetOf(snapshot, down)
    if snapshot ~= memoSnapshot or down ~= memoDown or memoSet == nil then
        memoSet = computeCandidateSet(snapshot, down)
        memoSnapshot = snapshot
        memoDown = down
    end
    return memoSet
end
--- The candidates and whether they are the all-down fallback.
function ____exports.candidatesOf(snapshot, down)
    local set = ____exports.candidateSetOf(snapshot, down)
    return {set.nodes, set.fallback}
end
--- `id` names a candidate (and a registry node: the snapshot's ids are valid ones).
local function candidate(set, snapshot, id)
    local ____temp_0
    if id ~= nil and set.member[id] == true then
        ____temp_0 = nodeOf(snapshot, id)
    else
        ____temp_0 = nil
    end
    return ____temp_0
end
local COOKIE_ACTIONS = {"keep", "set", "clear"}
--- reason -> cookie action -> [key if retryable, key if not]: constant strings, built once.
local DECISION_KEYS = {}
for ____, r in ipairs(____exports.REASONS) do
    DECISION_KEYS[r] = {}
    for ____, c in ipairs(COOKIE_ACTIONS) do
        DECISION_KEYS[r][c] = {((r .. "/") .. c) .. "/retry", (r .. "/") .. c}
    end
end
--- The decision for `node` (a candidate of `set`): one object per node, reason, cookie action and retryability.
local function decision(set, facts, node, reason, cookie)
    local retryable = RETRYABLE[facts.method] == true and not facts.upgrade
    local byNode = set.decisions[node.id]
    local key = DECISION_KEYS[reason][cookie][(retryable and 0 or 1) + 1]
    local d = byNode[key]
    if d == nil then
        local ____node_2 = node
        local ____reason_3 = reason
        local ____cookie_4 = cookie
        local ____retryable_1
        if retryable then
            ____retryable_1 = set.retryFor[node.id]
        else
            ____retryable_1 = nil
        end
        d = {
            ok = true,
            node = ____node_2,
            reason = ____reason_3,
            cookie = ____cookie_4,
            retry = ____retryable_1,
            fallback = set.fallback
        }
        byNode[key] = d
    end
    return d
end
function ____exports.decide(facts, snapshot, down)
    local set = ____exports.candidateSetOf(snapshot, down)
    if #set.nodes == 0 then
        return {ok = false, status = 503, error = "no_node_available", message = #snapshot.nodes == 0 and "no node is registered in the cluster" or "no registered node is online"}
    end
    local ____temp_5
    if facts.fixedNode ~= nil then
        ____temp_5 = nodeOf(snapshot, facts.fixedNode)
    else
        ____temp_5 = nil
    end
    local pinned = ____temp_5
    local untouched = facts.fixedNode ~= nil and pinned == nil and "clear" or "keep"
    local least = set.leastLoaded
    if not snapshot.setupComplete then
        return decision(
            set,
            facts,
            set.primary,
            "setup",
            untouched
        )
    end
    local t = facts.target.kind
    if (t == "push" or t == "badge" or t == "monitor") and facts.owner ~= nil then
        local owner = candidate(set, snapshot, facts.owner)
        return owner ~= nil and decision(
            set,
            facts,
            owner,
            "owner",
            untouched
        ) or decision(
            set,
            facts,
            least,
            "owner-down",
            untouched
        )
    end
    if pinned ~= nil and set.member[pinned.id] == true then
        return decision(
            set,
            facts,
            pinned,
            "fixed-node",
            "keep"
        )
    end
    return decision(
        set,
        facts,
        least,
        pinned ~= nil and "re-pin" or "least-loaded",
        "set"
    )
end
function ____exports.summarize(d)
    if not d.ok then
        return {ok = false, status = d.status, error = d.error}
    end
    local ____d_node_id_8 = d.node.id
    local ____d_reason_9 = d.reason
    local ____d_cookie_10 = d.cookie
    local ____opt_6 = d.retry
    return {
        ok = true,
        node = ____d_node_id_8,
        reason = ____d_reason_9,
        cookie = ____d_cookie_10,
        retry = ____opt_6 and ____opt_6.id,
        fallback = d.fallback
    }
end
return ____exports
