local ____lualib = require("lualib_bundle")
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["7"] = 107,["8"] = 4,["9"] = 4,["10"] = 107,["11"] = 108,["12"] = 108,["14"] = 109,["17"] = 113,["18"] = 114,["19"] = 115,["20"] = 116,["21"] = 116,["24"] = 118,["25"] = 113,["27"] = 122,["28"] = 123,["29"] = 124,["30"] = 125,["31"] = 126,["32"] = 127,["33"] = 128,["36"] = 131,["37"] = 131,["39"] = 132,["40"] = 133,["41"] = 134,["42"] = 134,["43"] = 135,["44"] = 135,["45"] = 136,["46"] = 136,["49"] = 138,["50"] = 122,["51"] = 183,["52"] = 184,["53"] = 185,["54"] = 186,["56"] = 187,["57"] = 187,["59"] = 188,["60"] = 189,["61"] = 189,["66"] = 191,["67"] = 192,["68"] = 193,["69"] = 194,["70"] = 195,["71"] = 196,["72"] = 197,["73"] = 198,["74"] = 199,["76"] = 201,["77"] = 201,["78"] = 201,["79"] = 201,["80"] = 201,["81"] = 201,["82"] = 201,["83"] = 201,["84"] = 201,["87"] = 23,["88"] = 23,["89"] = 23,["90"] = 23,["91"] = 23,["92"] = 23,["93"] = 23,["94"] = 23,["96"] = 55,["97"] = 57,["98"] = 58,["99"] = 59,["100"] = 59,["101"] = 59,["104"] = 60,["105"] = 57,["106"] = 63,["108"] = 65,["110"] = 68,["111"] = 69,["112"] = 69,["114"] = 70,["115"] = 70,["117"] = 71,["118"] = 71,["120"] = 72,["121"] = 72,["123"] = 73,["124"] = 73,["126"] = 74,["127"] = 68,["129"] = 78,["130"] = 79,["131"] = 79,["132"] = 79,["133"] = 79,["134"] = 79,["135"] = 79,["136"] = 80,["137"] = 78,["141"] = 88,["142"] = 89,["143"] = 90,["144"] = 91,["145"] = 91,["146"] = 91,["147"] = 91,["148"] = 91,["149"] = 91,["150"] = 91,["152"] = 94,["153"] = 95,["154"] = 96,["155"] = 97,["156"] = 97,["157"] = 97,["158"] = 97,["159"] = 97,["160"] = 97,["161"] = 97,["162"] = 97,["164"] = 98,["165"] = 99,["166"] = 100,["167"] = 100,["168"] = 100,["169"] = 100,["170"] = 100,["171"] = 100,["172"] = 100,["173"] = 100,["175"] = 101,["176"] = 102,["177"] = 103,["178"] = 103,["179"] = 103,["180"] = 103,["181"] = 103,["182"] = 103,["183"] = 103,["184"] = 103,["186"] = 104,["187"] = 104,["188"] = 104,["189"] = 104,["190"] = 104,["191"] = 104,["192"] = 104,["193"] = 104,["194"] = 104,["195"] = 104,["196"] = 104,["197"] = 88,["198"] = 160,["199"] = 161,["200"] = 162,["203"] = 168,["204"] = 169,["205"] = 170,["206"] = 171,["207"] = 172,["209"] = 174,["210"] = 168,["212"] = 178,["213"] = 179,["214"] = 180,["215"] = 178,["217"] = 205,["218"] = 206,["219"] = 206,["220"] = 206,["222"] = 206,["224"] = 206,["225"] = 205,["226"] = 209,["228"] = 211,["229"] = 212,["230"] = 213,["231"] = 214,["232"] = 214,["236"] = 218,["237"] = 219,["238"] = 220,["239"] = 221,["240"] = 222,["241"] = 223,["242"] = 224,["243"] = 224,["244"] = 224,["245"] = 224,["246"] = 224,["247"] = 224,["249"] = 224,["251"] = 224,["252"] = 224,["253"] = 224,["254"] = 224,["255"] = 224,["256"] = 224,["257"] = 224,["258"] = 224,["259"] = 225,["261"] = 227,["262"] = 218,["263"] = 231,["264"] = 232,["265"] = 233,["266"] = 234,["268"] = 243,["269"] = 243,["270"] = 243,["272"] = 243,["274"] = 243,["275"] = 244,["276"] = 245,["277"] = 247,["278"] = 247,["279"] = 247,["280"] = 247,["281"] = 247,["282"] = 247,["283"] = 247,["284"] = 247,["286"] = 249,["287"] = 250,["288"] = 251,["289"] = 252,["290"] = 252,["291"] = 252,["292"] = 252,["293"] = 252,["294"] = 252,["295"] = 252,["296"] = 252,["297"] = 252,["298"] = 252,["299"] = 252,["300"] = 252,["301"] = 252,["303"] = 255,["304"] = 255,["305"] = 255,["306"] = 255,["307"] = 255,["308"] = 255,["309"] = 255,["310"] = 255,["312"] = 256,["313"] = 256,["314"] = 256,["315"] = 256,["316"] = 256,["317"] = 256,["318"] = 256,["319"] = 231,["320"] = 271,["321"] = 272,["322"] = 272,["324"] = 273,["325"] = 273,["326"] = 273,["327"] = 273,["328"] = 273,["329"] = 273,["330"] = 273,["331"] = 273,["332"] = 273,["333"] = 273,["334"] = 273,["335"] = 273,["336"] = 271});
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
