local ____lualib = require("lualib_bundle")
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["7"] = 107,["8"] = 4,["9"] = 4,["10"] = 107,["11"] = 108,["12"] = 108,["14"] = 109,["17"] = 113,["18"] = 114,["19"] = 115,["20"] = 116,["21"] = 116,["24"] = 118,["25"] = 113,["27"] = 122,["28"] = 123,["29"] = 124,["30"] = 125,["31"] = 126,["32"] = 127,["33"] = 128,["36"] = 131,["37"] = 131,["39"] = 132,["40"] = 133,["41"] = 134,["42"] = 134,["43"] = 135,["44"] = 135,["45"] = 136,["46"] = 136,["49"] = 138,["50"] = 122,["51"] = 186,["52"] = 187,["53"] = 188,["54"] = 189,["56"] = 190,["57"] = 190,["59"] = 191,["60"] = 192,["61"] = 192,["66"] = 194,["67"] = 195,["68"] = 198,["69"] = 199,["70"] = 199,["71"] = 199,["74"] = 200,["75"] = 201,["76"] = 202,["77"] = 203,["78"] = 204,["79"] = 205,["80"] = 206,["81"] = 207,["83"] = 209,["84"] = 209,["85"] = 209,["86"] = 209,["87"] = 209,["88"] = 209,["89"] = 209,["90"] = 209,["91"] = 209,["94"] = 23,["95"] = 23,["96"] = 23,["97"] = 23,["98"] = 23,["99"] = 23,["100"] = 23,["101"] = 23,["103"] = 55,["104"] = 57,["105"] = 58,["106"] = 59,["107"] = 59,["108"] = 59,["111"] = 60,["112"] = 57,["113"] = 63,["115"] = 65,["117"] = 68,["118"] = 69,["119"] = 69,["121"] = 70,["122"] = 70,["124"] = 71,["125"] = 71,["127"] = 72,["128"] = 72,["130"] = 73,["131"] = 73,["133"] = 74,["134"] = 68,["136"] = 78,["137"] = 79,["138"] = 79,["139"] = 79,["140"] = 79,["141"] = 79,["142"] = 79,["143"] = 80,["144"] = 78,["148"] = 88,["149"] = 89,["150"] = 90,["151"] = 91,["152"] = 91,["153"] = 91,["154"] = 91,["155"] = 91,["156"] = 91,["157"] = 91,["159"] = 94,["160"] = 95,["161"] = 96,["162"] = 97,["163"] = 97,["164"] = 97,["165"] = 97,["166"] = 97,["167"] = 97,["168"] = 97,["169"] = 97,["171"] = 98,["172"] = 99,["173"] = 100,["174"] = 100,["175"] = 100,["176"] = 100,["177"] = 100,["178"] = 100,["179"] = 100,["180"] = 100,["182"] = 101,["183"] = 102,["184"] = 103,["185"] = 103,["186"] = 103,["187"] = 103,["188"] = 103,["189"] = 103,["190"] = 103,["191"] = 103,["193"] = 104,["194"] = 104,["195"] = 104,["196"] = 104,["197"] = 104,["198"] = 104,["199"] = 104,["200"] = 104,["201"] = 104,["202"] = 104,["203"] = 104,["204"] = 88,["205"] = 163,["206"] = 164,["207"] = 165,["210"] = 171,["211"] = 172,["212"] = 173,["213"] = 174,["214"] = 175,["216"] = 177,["217"] = 171,["219"] = 181,["220"] = 182,["221"] = 183,["222"] = 181,["224"] = 213,["225"] = 214,["226"] = 214,["227"] = 214,["229"] = 214,["231"] = 214,["232"] = 213,["233"] = 217,["235"] = 219,["236"] = 220,["237"] = 221,["238"] = 222,["239"] = 222,["243"] = 226,["244"] = 227,["245"] = 228,["246"] = 229,["247"] = 230,["248"] = 231,["249"] = 232,["250"] = 232,["251"] = 232,["252"] = 232,["253"] = 232,["254"] = 232,["256"] = 232,["258"] = 232,["259"] = 232,["260"] = 232,["261"] = 232,["262"] = 232,["263"] = 232,["264"] = 232,["265"] = 232,["266"] = 233,["268"] = 235,["269"] = 226,["270"] = 239,["271"] = 240,["272"] = 241,["273"] = 242,["275"] = 251,["276"] = 251,["277"] = 251,["279"] = 251,["281"] = 251,["282"] = 252,["283"] = 253,["284"] = 255,["285"] = 255,["286"] = 255,["287"] = 255,["288"] = 255,["289"] = 255,["290"] = 255,["291"] = 255,["293"] = 257,["294"] = 258,["295"] = 259,["296"] = 260,["297"] = 260,["298"] = 260,["299"] = 260,["300"] = 260,["301"] = 260,["302"] = 260,["303"] = 260,["304"] = 260,["305"] = 260,["306"] = 260,["307"] = 260,["308"] = 260,["310"] = 263,["311"] = 263,["312"] = 263,["313"] = 263,["314"] = 263,["315"] = 263,["316"] = 263,["317"] = 263,["319"] = 264,["320"] = 264,["321"] = 264,["322"] = 264,["323"] = 264,["324"] = 264,["325"] = 264,["326"] = 239,["327"] = 279,["328"] = 280,["329"] = 280,["331"] = 281,["332"] = 281,["333"] = 281,["334"] = 281,["335"] = 281,["336"] = 281,["337"] = 281,["338"] = 281,["339"] = 281,["340"] = 281,["341"] = 281,["342"] = 281,["343"] = 279});
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
    local open = {}
    for ____, n in ipairs(nodes) do
        if n.drained ~= true then
            open[#open + 1] = n
        end
    end
    local fresh = #open > 0 and open or nodes
    local member = {}
    local retryFor = {}
    local decisions = {}
    for ____, n in ipairs(nodes) do
        member[n.id] = true
        retryFor[n.id] = ____exports.leastLoaded(fresh, n)
        decisions[n.id] = {}
    end
    return {
        nodes = nodes,
        fallback = fallback,
        member = member,
        leastLoaded = ____exports.leastLoaded(fresh),
        primary = ____exports.primaryOf(fresh),
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
