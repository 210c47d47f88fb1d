local ____lualib = require("lualib_bundle")
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 109,["9"] = 4,["10"] = 4,["11"] = 109,["12"] = 110,["13"] = 110,["15"] = 111,["18"] = 115,["19"] = 116,["20"] = 117,["21"] = 118,["22"] = 118,["25"] = 120,["26"] = 115,["31"] = 129,["32"] = 130,["33"] = 130,["34"] = 130,["35"] = 130,["36"] = 129,["37"] = 134,["38"] = 135,["39"] = 136,["40"] = 136,["42"] = 137,["43"] = 138,["44"] = 138,["45"] = 138,["48"] = 139,["49"] = 139,["50"] = 139,["51"] = 139,["52"] = 140,["55"] = 160,["56"] = 161,["57"] = 162,["58"] = 163,["59"] = 164,["60"] = 165,["61"] = 166,["64"] = 169,["65"] = 169,["67"] = 170,["68"] = 171,["69"] = 172,["70"] = 172,["71"] = 173,["72"] = 173,["73"] = 174,["74"] = 174,["77"] = 176,["78"] = 160,["79"] = 223,["80"] = 224,["81"] = 225,["82"] = 226,["84"] = 227,["85"] = 227,["87"] = 228,["88"] = 229,["89"] = 229,["94"] = 231,["95"] = 232,["96"] = 233,["97"] = 234,["98"] = 235,["99"] = 236,["100"] = 237,["101"] = 238,["102"] = 239,["104"] = 241,["105"] = 242,["106"] = 242,["107"] = 242,["108"] = 242,["109"] = 242,["110"] = 242,["111"] = 242,["112"] = 242,["113"] = 242,["114"] = 242,["117"] = 23,["118"] = 23,["119"] = 23,["120"] = 23,["121"] = 23,["122"] = 23,["123"] = 23,["124"] = 23,["126"] = 57,["127"] = 59,["128"] = 60,["129"] = 61,["130"] = 61,["131"] = 61,["134"] = 62,["135"] = 59,["136"] = 65,["138"] = 67,["140"] = 70,["141"] = 71,["142"] = 71,["144"] = 72,["145"] = 72,["147"] = 73,["148"] = 73,["150"] = 74,["151"] = 74,["153"] = 75,["154"] = 75,["156"] = 76,["157"] = 70,["159"] = 80,["160"] = 81,["161"] = 81,["162"] = 81,["163"] = 81,["164"] = 81,["165"] = 81,["166"] = 82,["167"] = 80,["171"] = 90,["172"] = 91,["173"] = 92,["174"] = 93,["175"] = 93,["176"] = 93,["177"] = 93,["178"] = 93,["179"] = 93,["180"] = 93,["182"] = 96,["183"] = 97,["184"] = 98,["185"] = 99,["186"] = 99,["187"] = 99,["188"] = 99,["189"] = 99,["190"] = 99,["191"] = 99,["192"] = 99,["194"] = 100,["195"] = 101,["196"] = 102,["197"] = 102,["198"] = 102,["199"] = 102,["200"] = 102,["201"] = 102,["202"] = 102,["203"] = 102,["205"] = 103,["206"] = 104,["207"] = 105,["208"] = 105,["209"] = 105,["210"] = 105,["211"] = 105,["212"] = 105,["213"] = 105,["214"] = 105,["216"] = 106,["217"] = 106,["218"] = 106,["219"] = 106,["220"] = 106,["221"] = 106,["222"] = 106,["223"] = 106,["224"] = 106,["225"] = 106,["226"] = 106,["227"] = 90,["229"] = 144,["230"] = 145,["231"] = 146,["232"] = 146,["234"] = 147,["235"] = 148,["236"] = 149,["237"] = 150,["238"] = 151,["239"] = 152,["240"] = 153,["243"] = 156,["244"] = 144,["245"] = 200,["246"] = 201,["247"] = 202,["250"] = 208,["251"] = 209,["252"] = 210,["253"] = 211,["254"] = 212,["256"] = 214,["257"] = 208,["259"] = 218,["260"] = 219,["261"] = 220,["262"] = 218,["264"] = 246,["265"] = 247,["266"] = 247,["267"] = 247,["269"] = 247,["271"] = 247,["272"] = 246,["273"] = 250,["275"] = 252,["276"] = 253,["277"] = 254,["278"] = 255,["279"] = 255,["283"] = 259,["284"] = 260,["285"] = 261,["286"] = 262,["287"] = 263,["288"] = 264,["289"] = 265,["290"] = 265,["291"] = 265,["292"] = 265,["293"] = 265,["294"] = 265,["296"] = 265,["298"] = 265,["299"] = 265,["300"] = 265,["301"] = 265,["302"] = 265,["303"] = 265,["304"] = 265,["305"] = 265,["306"] = 266,["308"] = 268,["309"] = 259,["310"] = 272,["311"] = 273,["312"] = 274,["313"] = 275,["315"] = 284,["316"] = 284,["317"] = 284,["319"] = 284,["321"] = 284,["322"] = 285,["323"] = 286,["324"] = 288,["325"] = 288,["326"] = 288,["327"] = 288,["328"] = 288,["329"] = 288,["330"] = 288,["331"] = 288,["333"] = 290,["334"] = 291,["335"] = 292,["336"] = 293,["337"] = 293,["338"] = 293,["339"] = 293,["340"] = 293,["341"] = 293,["342"] = 293,["343"] = 293,["344"] = 293,["345"] = 293,["346"] = 293,["347"] = 293,["348"] = 293,["350"] = 296,["351"] = 296,["352"] = 296,["353"] = 296,["354"] = 296,["355"] = 296,["356"] = 296,["357"] = 296,["359"] = 297,["360"] = 297,["361"] = 297,["362"] = 297,["363"] = 297,["364"] = 297,["365"] = 297,["366"] = 272,["367"] = 312,["368"] = 313,["369"] = 313,["371"] = 314,["372"] = 314,["373"] = 314,["374"] = 314,["375"] = 314,["376"] = 314,["377"] = 314,["378"] = 314,["379"] = 314,["380"] = 314,["381"] = 314,["382"] = 314,["383"] = 312});
local ____exports = {}
local byLoad, nearLeastOf, computeCandidateSet
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
--- How many more owned monitors than the fewest a node may have and still take a new browser
-- ahead of the least-loaded one: 10% of the fewest, at least 2. Within it, the node with the
-- fewest recent new pins is chosen, so a burst of new browsers spreads over the nodes while
-- the monitors (which decide the load) still balance.
function ____exports.newSessionMargin(fewest)
    return math.max(
        2,
        math.floor(fewest / 10)
    )
end
function nearLeastOf(candidates, least)
    local out = {}
    if least == nil then
        return out
    end
    local limit = least.owned + ____exports.newSessionMargin(least.owned)
    for ____, n in ipairs(candidates) do
        if n.owned <= limit then
            out[#out + 1] = n
        end
    end
    __TS__ArraySort(
        out,
        function(____, a, b) return byLoad(a, b) and -1 or (byLoad(b, a) and 1 or 0) end
    )
    return out
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
                goto __continue50
            end
            online[#online + 1] = n
            if down[n.id] ~= true then
                healthy[#healthy + 1] = n
            end
        end
        ::__continue50::
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
    local least = ____exports.leastLoaded(nodes)
    return {
        nodes = nodes,
        fallback = fallback,
        member = member,
        leastLoaded = least,
        nearLeast = nearLeastOf(nodes, least),
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
--- Where a new browser goes: among the near-least nodes, the fewest recent pins, then the least load.
local function newSessionNode(set, pins)
    local least = set.leastLoaded
    if pins == nil or #set.nearLeast < 2 then
        return least
    end
    local best = least
    local bestPins = pins[least.id] or 0
    for ____, n in ipairs(set.nearLeast) do
        local p = pins[n.id] or 0
        if p < bestPins then
            best = n
            bestPins = p
        end
    end
    return best
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
        newSessionNode(set, facts.recentPins),
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
