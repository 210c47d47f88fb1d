local ____lualib = require("lualib_bundle")
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["7"] = 108,["8"] = 4,["9"] = 4,["10"] = 108,["11"] = 109,["12"] = 109,["14"] = 110,["17"] = 114,["18"] = 115,["19"] = 116,["20"] = 117,["21"] = 117,["24"] = 119,["25"] = 114,["27"] = 123,["28"] = 124,["29"] = 125,["30"] = 126,["31"] = 127,["32"] = 128,["33"] = 129,["36"] = 132,["37"] = 132,["39"] = 133,["40"] = 134,["41"] = 135,["42"] = 135,["43"] = 136,["44"] = 136,["45"] = 137,["46"] = 137,["49"] = 139,["50"] = 123,["51"] = 188,["52"] = 189,["53"] = 190,["54"] = 191,["56"] = 192,["57"] = 192,["59"] = 193,["60"] = 194,["61"] = 194,["66"] = 196,["67"] = 197,["68"] = 200,["69"] = 201,["70"] = 201,["71"] = 201,["74"] = 202,["75"] = 203,["76"] = 204,["77"] = 205,["78"] = 206,["79"] = 207,["80"] = 208,["81"] = 209,["83"] = 211,["84"] = 211,["85"] = 211,["86"] = 211,["87"] = 211,["88"] = 211,["89"] = 211,["90"] = 211,["91"] = 211,["94"] = 24,["95"] = 24,["96"] = 24,["97"] = 24,["98"] = 24,["99"] = 24,["100"] = 24,["101"] = 24,["102"] = 24,["104"] = 56,["105"] = 58,["106"] = 59,["107"] = 60,["108"] = 60,["109"] = 60,["112"] = 61,["113"] = 58,["114"] = 64,["116"] = 66,["118"] = 69,["119"] = 70,["120"] = 70,["122"] = 71,["123"] = 71,["125"] = 72,["126"] = 72,["128"] = 73,["129"] = 73,["131"] = 74,["132"] = 74,["134"] = 75,["135"] = 69,["137"] = 79,["138"] = 80,["139"] = 80,["140"] = 80,["141"] = 80,["142"] = 80,["143"] = 80,["144"] = 81,["145"] = 79,["149"] = 89,["150"] = 90,["151"] = 91,["152"] = 92,["153"] = 92,["154"] = 92,["155"] = 92,["156"] = 92,["157"] = 92,["158"] = 92,["160"] = 95,["161"] = 96,["162"] = 97,["163"] = 98,["164"] = 98,["165"] = 98,["166"] = 98,["167"] = 98,["168"] = 98,["169"] = 98,["170"] = 98,["172"] = 99,["173"] = 100,["174"] = 101,["175"] = 101,["176"] = 101,["177"] = 101,["178"] = 101,["179"] = 101,["180"] = 101,["181"] = 101,["183"] = 102,["184"] = 103,["185"] = 104,["186"] = 104,["187"] = 104,["188"] = 104,["189"] = 104,["190"] = 104,["191"] = 104,["192"] = 104,["194"] = 105,["195"] = 105,["196"] = 105,["197"] = 105,["198"] = 105,["199"] = 105,["200"] = 105,["201"] = 105,["202"] = 105,["203"] = 105,["204"] = 105,["205"] = 89,["206"] = 165,["207"] = 166,["208"] = 167,["211"] = 173,["212"] = 174,["213"] = 175,["214"] = 176,["215"] = 177,["217"] = 179,["218"] = 173,["220"] = 183,["221"] = 184,["222"] = 185,["223"] = 183,["225"] = 215,["226"] = 216,["227"] = 216,["228"] = 216,["230"] = 216,["232"] = 216,["233"] = 215,["234"] = 219,["236"] = 221,["237"] = 222,["238"] = 223,["239"] = 224,["240"] = 224,["244"] = 228,["245"] = 229,["246"] = 230,["247"] = 231,["248"] = 232,["249"] = 233,["250"] = 234,["251"] = 234,["252"] = 234,["253"] = 234,["254"] = 234,["255"] = 234,["257"] = 234,["259"] = 234,["260"] = 234,["261"] = 234,["262"] = 234,["263"] = 234,["264"] = 234,["265"] = 234,["266"] = 234,["267"] = 235,["269"] = 237,["270"] = 228,["271"] = 241,["272"] = 242,["273"] = 243,["274"] = 244,["276"] = 253,["277"] = 253,["278"] = 253,["280"] = 253,["282"] = 253,["283"] = 254,["284"] = 255,["285"] = 257,["286"] = 257,["287"] = 257,["288"] = 257,["289"] = 257,["290"] = 257,["291"] = 257,["292"] = 257,["294"] = 259,["295"] = 260,["296"] = 261,["297"] = 262,["298"] = 262,["299"] = 262,["300"] = 262,["301"] = 262,["302"] = 262,["303"] = 262,["304"] = 262,["306"] = 264,["307"] = 264,["308"] = 265,["309"] = 265,["310"] = 265,["311"] = 265,["312"] = 265,["313"] = 265,["314"] = 265,["316"] = 268,["317"] = 268,["318"] = 268,["319"] = 268,["320"] = 268,["321"] = 268,["322"] = 268,["323"] = 268,["325"] = 269,["326"] = 269,["327"] = 269,["328"] = 269,["329"] = 269,["330"] = 269,["331"] = 269,["332"] = 241,["333"] = 284,["334"] = 285,["335"] = 285,["337"] = 286,["338"] = 286,["339"] = 286,["340"] = 286,["341"] = 286,["342"] = 286,["343"] = 286,["344"] = 286,["345"] = 286,["346"] = 286,["347"] = 286,["348"] = 286,["349"] = 284});
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
