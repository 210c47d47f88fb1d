local ____lualib = require("lualib_bundle")
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["7"] = 108,["8"] = 4,["9"] = 4,["10"] = 108,["11"] = 109,["12"] = 109,["14"] = 110,["17"] = 114,["18"] = 115,["19"] = 116,["20"] = 117,["21"] = 117,["24"] = 119,["25"] = 114,["27"] = 123,["28"] = 124,["29"] = 125,["30"] = 126,["31"] = 127,["32"] = 128,["33"] = 129,["36"] = 132,["37"] = 132,["39"] = 133,["40"] = 134,["41"] = 135,["42"] = 135,["43"] = 136,["44"] = 136,["45"] = 137,["46"] = 137,["49"] = 139,["50"] = 123,["51"] = 187,["52"] = 188,["53"] = 189,["54"] = 190,["56"] = 191,["57"] = 191,["59"] = 192,["60"] = 193,["61"] = 193,["66"] = 195,["67"] = 196,["68"] = 197,["69"] = 198,["70"] = 199,["71"] = 200,["72"] = 201,["73"] = 202,["74"] = 203,["76"] = 205,["77"] = 205,["78"] = 205,["79"] = 205,["80"] = 205,["81"] = 205,["82"] = 205,["83"] = 205,["84"] = 205,["87"] = 24,["88"] = 24,["89"] = 24,["90"] = 24,["91"] = 24,["92"] = 24,["93"] = 24,["94"] = 24,["95"] = 24,["97"] = 56,["98"] = 58,["99"] = 59,["100"] = 60,["101"] = 60,["102"] = 60,["105"] = 61,["106"] = 58,["107"] = 64,["109"] = 66,["111"] = 69,["112"] = 70,["113"] = 70,["115"] = 71,["116"] = 71,["118"] = 72,["119"] = 72,["121"] = 73,["122"] = 73,["124"] = 74,["125"] = 74,["127"] = 75,["128"] = 69,["130"] = 79,["131"] = 80,["132"] = 80,["133"] = 80,["134"] = 80,["135"] = 80,["136"] = 80,["137"] = 81,["138"] = 79,["142"] = 89,["143"] = 90,["144"] = 91,["145"] = 92,["146"] = 92,["147"] = 92,["148"] = 92,["149"] = 92,["150"] = 92,["151"] = 92,["153"] = 95,["154"] = 96,["155"] = 97,["156"] = 98,["157"] = 98,["158"] = 98,["159"] = 98,["160"] = 98,["161"] = 98,["162"] = 98,["163"] = 98,["165"] = 99,["166"] = 100,["167"] = 101,["168"] = 101,["169"] = 101,["170"] = 101,["171"] = 101,["172"] = 101,["173"] = 101,["174"] = 101,["176"] = 102,["177"] = 103,["178"] = 104,["179"] = 104,["180"] = 104,["181"] = 104,["182"] = 104,["183"] = 104,["184"] = 104,["185"] = 104,["187"] = 105,["188"] = 105,["189"] = 105,["190"] = 105,["191"] = 105,["192"] = 105,["193"] = 105,["194"] = 105,["195"] = 105,["196"] = 105,["197"] = 105,["198"] = 89,["199"] = 164,["200"] = 165,["201"] = 166,["204"] = 172,["205"] = 173,["206"] = 174,["207"] = 175,["208"] = 176,["210"] = 178,["211"] = 172,["213"] = 182,["214"] = 183,["215"] = 184,["216"] = 182,["218"] = 209,["219"] = 210,["220"] = 210,["221"] = 210,["223"] = 210,["225"] = 210,["226"] = 209,["227"] = 213,["229"] = 215,["230"] = 216,["231"] = 217,["232"] = 218,["233"] = 218,["237"] = 222,["238"] = 223,["239"] = 224,["240"] = 225,["241"] = 226,["242"] = 227,["243"] = 228,["244"] = 228,["245"] = 228,["246"] = 228,["247"] = 228,["248"] = 228,["250"] = 228,["252"] = 228,["253"] = 228,["254"] = 228,["255"] = 228,["256"] = 228,["257"] = 228,["258"] = 228,["259"] = 228,["260"] = 229,["262"] = 231,["263"] = 222,["264"] = 235,["265"] = 236,["266"] = 237,["267"] = 238,["269"] = 247,["270"] = 247,["271"] = 247,["273"] = 247,["275"] = 247,["276"] = 248,["277"] = 249,["278"] = 251,["279"] = 251,["280"] = 251,["281"] = 251,["282"] = 251,["283"] = 251,["284"] = 251,["285"] = 251,["287"] = 253,["288"] = 254,["289"] = 255,["290"] = 256,["291"] = 256,["292"] = 256,["293"] = 256,["294"] = 256,["295"] = 256,["296"] = 256,["297"] = 256,["299"] = 258,["300"] = 258,["301"] = 259,["302"] = 259,["303"] = 259,["304"] = 259,["305"] = 259,["306"] = 259,["307"] = 259,["309"] = 262,["310"] = 262,["311"] = 262,["312"] = 262,["313"] = 262,["314"] = 262,["315"] = 262,["316"] = 262,["318"] = 263,["319"] = 263,["320"] = 263,["321"] = 263,["322"] = 263,["323"] = 263,["324"] = 263,["325"] = 235,["326"] = 278,["327"] = 279,["328"] = 279,["330"] = 280,["331"] = 280,["332"] = 280,["333"] = 280,["334"] = 280,["335"] = 280,["336"] = 280,["337"] = 280,["338"] = 280,["339"] = 280,["340"] = 280,["341"] = 280,["342"] = 278});
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
            if not n.online or n.address == nil or n.foreign then
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
    "foreign-owner",
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
--- The target of a path that names no monitor (shared: targets are never modified).
____exports.OTHER_TARGET = {kind = "other"}
--- The first four non-empty segments decide; `count` is how many there are (4 means 4 or more).
local function classifySegments(s0, s1, s2, s3, count)
    if count >= 1 and s0 == "lb" then
        return ROUTER
    end
    if count < 3 or s0 ~= "api" then
        return ____exports.OTHER_TARGET
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
    return ____exports.OTHER_TARGET
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
        if owner ~= nil then
            return decision(
                set,
                facts,
                owner,
                "owner",
                untouched
            )
        end
        local ____opt_6 = nodeOf(snapshot, facts.owner)
        local foreign = (____opt_6 and ____opt_6.foreign) == true
        return decision(
            set,
            facts,
            least,
            foreign and "foreign-owner" or "owner-down",
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
    local ____d_node_id_10 = d.node.id
    local ____d_reason_11 = d.reason
    local ____d_cookie_12 = d.cookie
    local ____opt_8 = d.retry
    return {
        ok = true,
        node = ____d_node_id_10,
        reason = ____d_reason_11,
        cookie = ____d_cookie_12,
        retry = ____opt_8 and ____opt_8.id,
        fallback = d.fallback
    }
end
return ____exports
