local ____lualib = require("lualib_bundle")
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 4,["7"] = 4,["9"] = 52,["10"] = 54,["11"] = 55,["12"] = 56,["13"] = 56,["14"] = 56,["17"] = 57,["18"] = 54,["20"] = 61,["21"] = 62,["22"] = 63,["23"] = 63,["25"] = 64,["26"] = 64,["28"] = 65,["29"] = 65,["31"] = 66,["32"] = 66,["34"] = 67,["35"] = 67,["37"] = 68,["38"] = 61,["39"] = 71,["40"] = 72,["41"] = 72,["43"] = 73,["44"] = 71,["46"] = 77,["47"] = 78,["48"] = 79,["49"] = 80,["50"] = 80,["53"] = 82,["54"] = 77,["56"] = 86,["57"] = 87,["58"] = 88,["59"] = 89,["60"] = 90,["61"] = 91,["62"] = 92,["65"] = 95,["66"] = 95,["68"] = 96,["69"] = 97,["70"] = 98,["71"] = 98,["72"] = 99,["73"] = 99,["74"] = 100,["75"] = 100,["78"] = 102,["79"] = 86,["81"] = 106,["82"] = 107,["83"] = 108,["84"] = 109,["86"] = 110,["87"] = 110,["89"] = 111,["90"] = 112,["91"] = 112,["96"] = 114,["97"] = 106,["98"] = 117,["99"] = 118,["100"] = 118,["102"] = 119,["103"] = 119,["104"] = 119,["107"] = 120,["108"] = 117,["109"] = 123,["110"] = 124,["111"] = 124,["112"] = 124,["113"] = 124,["114"] = 124,["115"] = 125,["116"] = 126,["118"] = 133,["119"] = 134,["120"] = 136,["121"] = 137,["122"] = 138,["123"] = 139,["124"] = 139,["125"] = 139,["127"] = 139,["129"] = 134,["130"] = 134,["131"] = 134,["132"] = 134,["133"] = 134,["134"] = 134,["135"] = 134,["136"] = 134,["137"] = 134,["138"] = 145,["139"] = 145,["140"] = 145,["142"] = 145,["144"] = 145,["145"] = 146,["146"] = 147,["147"] = 149,["148"] = 149,["149"] = 149,["150"] = 149,["151"] = 149,["152"] = 149,["154"] = 151,["155"] = 152,["156"] = 153,["157"] = 154,["158"] = 154,["160"] = 155,["161"] = 155,["162"] = 155,["163"] = 155,["164"] = 155,["166"] = 158,["167"] = 158,["169"] = 159,["170"] = 159,["171"] = 159,["172"] = 159,["173"] = 159,["174"] = 159,["176"] = 160,["177"] = 160,["178"] = 160,["179"] = 160,["180"] = 160,["181"] = 123,["182"] = 175,["183"] = 176,["184"] = 176,["186"] = 177,["187"] = 177,["188"] = 177,["189"] = 177,["190"] = 177,["191"] = 177,["192"] = 177,["193"] = 177,["194"] = 177,["195"] = 177,["196"] = 177,["197"] = 177,["198"] = 175});
local ____exports = {}
local ____snapshot = require("core.snapshot")
local nodeOf = ____snapshot.nodeOf
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
--- Online, addressable and healthy nodes; if the checks call all of them down, the online ones.
function ____exports.candidatesOf(snapshot, down)
    local online = {}
    local healthy = {}
    for ____, n in ipairs(snapshot.nodes) do
        do
            if not n.online or n.address == nil then
                goto __continue29
            end
            online[#online + 1] = n
            if down[n.id] ~= true then
                healthy[#healthy + 1] = n
            end
        end
        ::__continue29::
    end
    return (#healthy > 0 or #online == 0) and ({healthy, false}) or ({online, true})
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
function ____exports.decide(facts, snapshot, down)
    local candidates, fallback = unpack(
        ____exports.candidatesOf(snapshot, down),
        1,
        2
    )
    if #candidates == 0 then
        return {ok = false, status = 503, error = "no_node_available", message = #snapshot.nodes == 0 and "no node is registered in the cluster" or "no registered node is online"}
    end
    local retryable = RETRYABLE[facts.method] == true and not facts.upgrade
    local function done(node, reason, cookie)
        local ____node_1 = node
        local ____reason_2 = reason
        local ____cookie_3 = cookie
        local ____retryable_0
        if retryable then
            ____retryable_0 = ____exports.leastLoaded(candidates, node)
        else
            ____retryable_0 = nil
        end
        return {
            ok = true,
            node = ____node_1,
            reason = ____reason_2,
            cookie = ____cookie_3,
            retry = ____retryable_0,
            fallback = fallback
        }
    end
    local ____temp_4
    if facts.fixedNode ~= nil then
        ____temp_4 = nodeOf(snapshot, facts.fixedNode)
    else
        ____temp_4 = nil
    end
    local pinned = ____temp_4
    local badCookie = facts.fixedNode ~= nil and pinned == nil
    local untouched = badCookie and "clear" or "keep"
    if not snapshot.setupComplete then
        return done(
            ____exports.primaryOf(candidates),
            "setup",
            untouched
        )
    end
    local t = facts.target.kind
    if (t == "push" or t == "badge" or t == "monitor") and facts.owner ~= nil then
        local owner = nodeOf(snapshot, facts.owner)
        if contains(candidates, owner) then
            return done(owner, "owner", untouched)
        end
        return done(
            ____exports.leastLoaded(candidates),
            "owner-down",
            untouched
        )
    end
    if pinned ~= nil and contains(candidates, pinned) then
        return done(pinned, "fixed-node", "keep")
    end
    if pinned ~= nil then
        return done(
            ____exports.leastLoaded(candidates),
            "re-pin",
            "set"
        )
    end
    return done(
        ____exports.leastLoaded(candidates),
        "least-loaded",
        "set"
    )
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
