local ____lualib = require("lualib_bundle")
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 110,["9"] = 4,["10"] = 4,["11"] = 110,["12"] = 111,["13"] = 111,["15"] = 112,["18"] = 116,["19"] = 117,["20"] = 118,["21"] = 119,["22"] = 119,["25"] = 121,["26"] = 116,["31"] = 130,["32"] = 131,["33"] = 131,["34"] = 131,["35"] = 131,["36"] = 130,["37"] = 135,["38"] = 136,["39"] = 137,["40"] = 137,["42"] = 138,["43"] = 139,["44"] = 139,["45"] = 139,["48"] = 140,["49"] = 140,["50"] = 140,["51"] = 140,["52"] = 141,["55"] = 161,["56"] = 162,["57"] = 163,["58"] = 164,["59"] = 165,["60"] = 166,["61"] = 167,["64"] = 170,["65"] = 170,["67"] = 171,["68"] = 172,["69"] = 173,["70"] = 173,["71"] = 174,["72"] = 175,["73"] = 176,["74"] = 176,["77"] = 178,["78"] = 161,["79"] = 229,["80"] = 230,["81"] = 231,["82"] = 232,["84"] = 233,["85"] = 233,["87"] = 234,["88"] = 235,["89"] = 235,["94"] = 237,["95"] = 238,["96"] = 241,["97"] = 242,["98"] = 242,["99"] = 242,["102"] = 243,["103"] = 244,["104"] = 245,["105"] = 246,["106"] = 247,["107"] = 248,["108"] = 249,["109"] = 250,["111"] = 252,["112"] = 253,["113"] = 253,["114"] = 253,["115"] = 253,["116"] = 253,["117"] = 253,["118"] = 253,["119"] = 253,["120"] = 253,["121"] = 253,["124"] = 24,["125"] = 24,["126"] = 24,["127"] = 24,["128"] = 24,["129"] = 24,["130"] = 24,["131"] = 24,["132"] = 24,["134"] = 58,["135"] = 60,["136"] = 61,["137"] = 62,["138"] = 62,["139"] = 62,["142"] = 63,["143"] = 60,["144"] = 66,["146"] = 68,["148"] = 71,["149"] = 72,["150"] = 72,["152"] = 73,["153"] = 73,["155"] = 74,["156"] = 74,["158"] = 75,["159"] = 75,["161"] = 76,["162"] = 76,["164"] = 77,["165"] = 71,["167"] = 81,["168"] = 82,["169"] = 82,["170"] = 82,["171"] = 82,["172"] = 82,["173"] = 82,["174"] = 83,["175"] = 81,["179"] = 91,["180"] = 92,["181"] = 93,["182"] = 94,["183"] = 94,["184"] = 94,["185"] = 94,["186"] = 94,["187"] = 94,["188"] = 94,["190"] = 97,["191"] = 98,["192"] = 99,["193"] = 100,["194"] = 100,["195"] = 100,["196"] = 100,["197"] = 100,["198"] = 100,["199"] = 100,["200"] = 100,["202"] = 101,["203"] = 102,["204"] = 103,["205"] = 103,["206"] = 103,["207"] = 103,["208"] = 103,["209"] = 103,["210"] = 103,["211"] = 103,["213"] = 104,["214"] = 105,["215"] = 106,["216"] = 106,["217"] = 106,["218"] = 106,["219"] = 106,["220"] = 106,["221"] = 106,["222"] = 106,["224"] = 107,["225"] = 107,["226"] = 107,["227"] = 107,["228"] = 107,["229"] = 107,["230"] = 107,["231"] = 107,["232"] = 107,["233"] = 107,["234"] = 107,["235"] = 91,["237"] = 145,["238"] = 146,["239"] = 147,["240"] = 147,["242"] = 148,["243"] = 149,["244"] = 150,["245"] = 151,["246"] = 152,["247"] = 153,["248"] = 154,["251"] = 157,["252"] = 145,["253"] = 206,["254"] = 207,["255"] = 208,["258"] = 214,["259"] = 215,["260"] = 216,["261"] = 217,["262"] = 218,["264"] = 220,["265"] = 214,["267"] = 224,["268"] = 225,["269"] = 226,["270"] = 224,["272"] = 266,["273"] = 267,["274"] = 267,["275"] = 267,["277"] = 267,["279"] = 267,["280"] = 266,["281"] = 270,["283"] = 272,["284"] = 273,["285"] = 274,["286"] = 275,["287"] = 275,["291"] = 279,["292"] = 280,["293"] = 281,["294"] = 282,["295"] = 283,["296"] = 284,["297"] = 285,["298"] = 285,["299"] = 285,["300"] = 285,["301"] = 285,["302"] = 285,["304"] = 285,["306"] = 285,["307"] = 285,["308"] = 285,["309"] = 285,["310"] = 285,["311"] = 285,["312"] = 285,["313"] = 285,["314"] = 286,["316"] = 288,["317"] = 279,["318"] = 292,["319"] = 293,["320"] = 294,["321"] = 295,["323"] = 304,["324"] = 304,["325"] = 304,["327"] = 304,["329"] = 304,["330"] = 305,["331"] = 306,["332"] = 308,["333"] = 308,["334"] = 308,["335"] = 308,["336"] = 308,["337"] = 308,["338"] = 308,["339"] = 308,["341"] = 310,["342"] = 311,["343"] = 312,["344"] = 313,["345"] = 313,["346"] = 313,["347"] = 313,["348"] = 313,["349"] = 313,["350"] = 313,["351"] = 313,["353"] = 315,["354"] = 315,["355"] = 316,["356"] = 316,["357"] = 316,["358"] = 316,["359"] = 316,["360"] = 316,["361"] = 316,["363"] = 319,["364"] = 319,["365"] = 319,["366"] = 319,["367"] = 319,["368"] = 319,["369"] = 319,["370"] = 319,["372"] = 320,["373"] = 320,["374"] = 320,["375"] = 320,["376"] = 320,["377"] = 320,["378"] = 320,["379"] = 292,["380"] = 335,["381"] = 336,["382"] = 336,["384"] = 337,["385"] = 337,["386"] = 337,["387"] = 337,["388"] = 337,["389"] = 337,["390"] = 337,["391"] = 337,["392"] = 337,["393"] = 337,["394"] = 337,["395"] = 337,["396"] = 335});
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
            if not n.online or n.address == nil or n.foreign then
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
    local least = ____exports.leastLoaded(fresh)
    return {
        nodes = nodes,
        fallback = fallback,
        member = member,
        leastLoaded = least,
        nearLeast = nearLeastOf(fresh, least),
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
        newSessionNode(set, facts.recentPins),
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
