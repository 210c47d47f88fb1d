local ____lualib = require("lualib_bundle")
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 122,["7"] = 4,["8"] = 4,["9"] = 122,["10"] = 123,["11"] = 124,["12"] = 125,["14"] = 126,["15"] = 126,["17"] = 127,["18"] = 128,["19"] = 128,["24"] = 130,["27"] = 52,["28"] = 54,["29"] = 55,["30"] = 56,["31"] = 56,["32"] = 56,["35"] = 57,["36"] = 54,["38"] = 61,["39"] = 62,["40"] = 63,["41"] = 63,["43"] = 64,["44"] = 64,["46"] = 65,["47"] = 65,["49"] = 66,["50"] = 66,["52"] = 67,["53"] = 67,["55"] = 68,["56"] = 61,["57"] = 71,["58"] = 72,["59"] = 72,["61"] = 73,["62"] = 71,["64"] = 77,["65"] = 78,["66"] = 79,["67"] = 80,["68"] = 80,["71"] = 82,["72"] = 77,["74"] = 86,["75"] = 87,["76"] = 88,["77"] = 89,["78"] = 90,["79"] = 91,["80"] = 92,["83"] = 95,["84"] = 95,["86"] = 96,["87"] = 97,["88"] = 98,["89"] = 98,["90"] = 99,["91"] = 99,["92"] = 100,["93"] = 100,["96"] = 102,["97"] = 86,["98"] = 105,["99"] = 106,["100"] = 107,["104"] = 114,["105"] = 115,["106"] = 115,["108"] = 116,["109"] = 117,["110"] = 118,["111"] = 119,["112"] = 114,["113"] = 133,["114"] = 134,["115"] = 134,["117"] = 135,["118"] = 135,["119"] = 135,["122"] = 136,["123"] = 133,["125"] = 140,["126"] = 143,["127"] = 143,["128"] = 143,["130"] = 143,["132"] = 143,["133"] = 144,["134"] = 146,["135"] = 146,["136"] = 146,["137"] = 146,["138"] = 146,["139"] = 146,["141"] = 148,["142"] = 149,["143"] = 150,["144"] = 151,["145"] = 151,["147"] = 152,["148"] = 152,["149"] = 152,["150"] = 152,["151"] = 152,["153"] = 155,["154"] = 155,["156"] = 156,["157"] = 156,["158"] = 156,["159"] = 156,["160"] = 156,["161"] = 156,["163"] = 157,["164"] = 157,["165"] = 157,["166"] = 157,["167"] = 157,["168"] = 140,["169"] = 161,["170"] = 162,["171"] = 162,["172"] = 162,["173"] = 162,["174"] = 162,["175"] = 163,["176"] = 164,["178"] = 171,["179"] = 171,["180"] = 171,["181"] = 171,["182"] = 171,["183"] = 172,["184"] = 173,["185"] = 173,["186"] = 173,["187"] = 173,["188"] = 173,["189"] = 173,["191"] = 173,["193"] = 173,["194"] = 173,["195"] = 173,["196"] = 173,["197"] = 173,["198"] = 173,["199"] = 173,["200"] = 173,["201"] = 161,["202"] = 188,["203"] = 189,["204"] = 189,["206"] = 190,["207"] = 190,["208"] = 190,["209"] = 190,["210"] = 190,["211"] = 190,["212"] = 190,["213"] = 190,["214"] = 190,["215"] = 190,["216"] = 190,["217"] = 190,["218"] = 188});
local ____exports = {}
local computeCandidates
local ____snapshot = require("core.snapshot")
local nodeOf = ____snapshot.nodeOf
function computeCandidates(snapshot, down)
    local online = {}
    local healthy = {}
    for ____, n in ipairs(snapshot.nodes) do
        do
            if not n.online or n.address == nil then
                goto __continue31
            end
            online[#online + 1] = n
            if down[n.id] ~= true then
                healthy[#healthy + 1] = n
            end
        end
        ::__continue31::
    end
    return (#healthy > 0 or #online == 0) and ({healthy, false}) or ({online, true})
end
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
--- Push, badge and REST monitor paths carry the key that decides the node.
function ____exports.classifyPath(path)
    local s = segments(path)
    if #s >= 1 and s[1] == "lb" then
        return {kind = "router"}
    end
    if #s < 3 or s[1] ~= "api" then
        return {kind = "other"}
    end
    if s[2] == "push" then
        return {kind = "push", token = s[3]}
    end
    if s[2] == "badge" and #s >= 4 then
        return {kind = "badge", id = s[3]}
    end
    if s[2] == "v1" and s[3] == "monitors" and #s >= 4 then
        return {kind = "monitor", id = s[4]}
    end
    return {kind = "other"}
end
local function byLoad(a, b)
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
local memoSnapshot
local memoDown
local memoCandidates = {{}, false}
--- Online, addressable and healthy nodes; if the checks call all of them down, the online ones.
-- Both inputs stay the same objects until the snapshot or a verdict changes, so the answer is
-- kept for the next request.
function ____exports.candidatesOf(snapshot, down)
    if snapshot == memoSnapshot and down == memoDown then
        return memoCandidates
    end
    memoCandidates = computeCandidates(snapshot, down)
    memoSnapshot = snapshot
    memoDown = down
    return memoCandidates
end
local function contains(list, node)
    if node == nil then
        return false
    end
    for ____, n in ipairs(list) do
        if n == node then
            return true
        end
    end
    return false
end
--- The node, the reason and what to do with the cookie; decide() adds the retry.
local function choose(facts, snapshot, candidates)
    local ____temp_0
    if facts.fixedNode ~= nil then
        ____temp_0 = nodeOf(snapshot, facts.fixedNode)
    else
        ____temp_0 = nil
    end
    local pinned = ____temp_0
    local untouched = facts.fixedNode ~= nil and pinned == nil and "clear" or "keep"
    if not snapshot.setupComplete then
        return {
            ____exports.primaryOf(candidates),
            "setup",
            untouched
        }
    end
    local t = facts.target.kind
    if (t == "push" or t == "badge" or t == "monitor") and facts.owner ~= nil then
        local owner = nodeOf(snapshot, facts.owner)
        if contains(candidates, owner) then
            return {owner, "owner", untouched}
        end
        return {
            ____exports.leastLoaded(candidates),
            "owner-down",
            untouched
        }
    end
    if pinned ~= nil and contains(candidates, pinned) then
        return {pinned, "fixed-node", "keep"}
    end
    if pinned ~= nil then
        return {
            ____exports.leastLoaded(candidates),
            "re-pin",
            "set"
        }
    end
    return {
        ____exports.leastLoaded(candidates),
        "least-loaded",
        "set"
    }
end
function ____exports.decide(facts, snapshot, down)
    local candidates, fallback = unpack(
        ____exports.candidatesOf(snapshot, down),
        1,
        2
    )
    if #candidates == 0 then
        return {ok = false, status = 503, error = "no_node_available", message = #snapshot.nodes == 0 and "no node is registered in the cluster" or "no registered node is online"}
    end
    local node, reason, cookie = unpack(
        choose(facts, snapshot, candidates),
        1,
        3
    )
    local retryable = RETRYABLE[facts.method] == true and not facts.upgrade
    local ____node_2 = node
    local ____reason_3 = reason
    local ____cookie_4 = cookie
    local ____retryable_1
    if retryable then
        ____retryable_1 = ____exports.leastLoaded(candidates, node)
    else
        ____retryable_1 = nil
    end
    return {
        ok = true,
        node = ____node_2,
        reason = ____reason_3,
        cookie = ____cookie_4,
        retry = ____retryable_1,
        fallback = fallback
    }
end
function ____exports.summarize(d)
    if not d.ok then
        return {ok = false, status = d.status, error = d.error}
    end
    local ____d_node_id_7 = d.node.id
    local ____d_reason_8 = d.reason
    local ____d_cookie_9 = d.cookie
    local ____opt_5 = d.retry
    return {
        ok = true,
        node = ____d_node_id_7,
        reason = ____d_reason_8,
        cookie = ____d_cookie_9,
        retry = ____opt_5 and ____opt_5.id,
        fallback = d.fallback
    }
end
return ____exports
