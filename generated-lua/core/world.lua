local ____lualib = require("lualib_bundle")
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 6,["7"] = 6,["8"] = 6,["9"] = 7,["10"] = 7,["11"] = 7,["12"] = 7,["13"] = 8,["14"] = 8,["15"] = 8,["16"] = 8,["17"] = 8,["18"] = 21,["19"] = 22,["20"] = 21,["21"] = 25,["22"] = 26,["23"] = 25,["27"] = 34,["28"] = 35,["29"] = 36,["30"] = 37,["31"] = 37,["33"] = 38,["34"] = 39,["35"] = 39,["37"] = 40,["38"] = 40,["39"] = 40,["40"] = 40,["41"] = 40,["43"] = 41,["44"] = 41,["46"] = 42,["48"] = 44,["49"] = 45,["50"] = 34,["52"] = 49,["53"] = 50,["54"] = 51,["55"] = 51,["57"] = 52,["58"] = 53,["59"] = 54,["60"] = 54,["62"] = 55,["63"] = 55,["65"] = 56,["66"] = 57,["68"] = 58,["69"] = 58,["71"] = 59,["72"] = 60,["73"] = 60,["75"] = 61,["76"] = 61,["77"] = 61,["78"] = 61,["79"] = 61,["80"] = 61,["81"] = 62,["82"] = 62,["84"] = 63,["87"] = 58,["90"] = 65,["91"] = 49,["92"] = 68,["93"] = 69,["94"] = 68,["97"] = 76,["98"] = 77,["99"] = 78,["100"] = 79,["101"] = 80,["102"] = 80,["104"] = 81,["106"] = 83,["107"] = 76,["109"] = 87,["110"] = 88,["111"] = 89,["112"] = 89,["113"] = 89,["116"] = 90,["118"] = 92,["119"] = 92,["121"] = 93,["122"] = 87,["124"] = 97,["125"] = 98,["126"] = 98,["128"] = 99,["129"] = 100,["130"] = 100,["132"] = 101,["133"] = 101,["134"] = 101,["137"] = 102,["139"] = 104,["140"] = 105,["141"] = 97});
local ____exports = {}
local ____host = require("core.host")
local isIpLiteral = ____host.isIpLiteral
local parseHostPort = ____host.parseHostPort
local ____node_id = require("core.node_id")
local NODE_ID_MAX_LENGTH = ____node_id.NODE_ID_MAX_LENGTH
local isValidNodeId = ____node_id.isValidNodeId
local nodeIdFormat = ____node_id.nodeIdFormat
local ____text = require("core.text")
local allChars = ____text.allChars
local isAlnum = ____text.isAlnum
local splitOn = ____text.splitOn
local trim = ____text.trim
local function lower(s)
    return string.lower(s)
end
local function endsWith(s, suffix)
    return #s >= #suffix and __TS__StringSubstring(s, #s - #suffix) == suffix
end
--- The host's form decides first: `<pod>.<service>.<ns>.svc.<domain>` is Kubernetes, a single
-- label (a Compose service name such as uptime-kuma-node1) is Compose. Without a host the id's
-- format decides (node1 or uptime-kuma-0). An IP literal or another dotted name says nothing.
function ____exports.nodeWorld(id, host, clusterDomain)
    if host ~= "" then
        local parsed = parseHostPort(host, 1)
        if not parsed.ok then
            return "unknown"
        end
        local name = lower(parsed.value.host)
        if endsWith(name, ".") then
            name = __TS__StringSubstring(name, 0, #name - 1)
        end
        if endsWith(
            name,
            ".svc." .. lower(clusterDomain)
        ) then
            return "kubernetes"
        end
        if isIpLiteral(name) or (string.find(name, ".", nil, true) or 0) - 1 >= 0 then
            return "unknown"
        end
        return "docker-compose"
    end
    local format = nodeIdFormat(id)
    return format == "k8s-statefulset" and "kubernetes" or (format == "docker-compose" and "docker-compose" or "unknown")
end
--- `*` matches any run of characters (also none); everything else matches itself.
function ____exports.matchesPattern(id, pattern)
    local parts = splitOn(pattern, "*")
    if #parts == 1 then
        return id == pattern
    end
    local first = parts[1]
    local last = parts[#parts]
    if #id < #first + #last then
        return false
    end
    if __TS__StringSubstring(id, 0, #first) ~= first or not endsWith(id, last) then
        return false
    end
    local at = #first
    local ____end = #id - #last
    do
        local i = 1
        while i < #parts - 1 do
            do
                local part = parts[i + 1]
                if part == "" then
                    goto __continue15
                end
                local found = (string.find(
                    id,
                    part,
                    math.max(at + 1, 1),
                    true
                ) or 0) - 1
                if found < 0 or found + #part > ____end then
                    return false
                end
                at = found + #part
            end
            ::__continue15::
            i = i + 1
        end
    end
    return true
end
local function isPatternChar(c)
    return isAlnum(c) or c == 45 or c == 95 or c == 46 or c == 42
end
--- ROUTER_MANAGED_NODES: comma-separated node id patterns ("node*", "uptime-kuma-*,edge-1").
-- undefined for an empty item, a character a node id cannot hold, or an item too long.
function ____exports.parseNodePatterns(s)
    local out = {}
    for ____, raw in ipairs(splitOn(s, ",")) do
        local item = trim(raw)
        if #item > NODE_ID_MAX_LENGTH or not allChars(item, isPatternChar) then
            return nil
        end
        out[#out + 1] = item
    end
    return out
end
--- What a router manages when ROUTER_MANAGED_NODES is unset (patterns undefined) or set.
function ____exports.managedNodes(environment, clusterDomain, patterns)
    if patterns ~= nil then
        for ____, p in ipairs(patterns) do
            if p == "*" then
                return {kind = "all"}
            end
        end
        return {kind = "pattern", patterns = patterns}
    end
    if environment == "local" then
        return {kind = "all"}
    end
    return {kind = "world", world = environment, clusterDomain = clusterDomain}
end
--- Whether the router manages the node with this id and registry host (NULL host as "").
function ____exports.isManaged(id, host, managed)
    if managed.kind == "all" then
        return true
    end
    if managed.kind == "pattern" then
        if not isValidNodeId(id) then
            return false
        end
        for ____, p in ipairs(managed.patterns) do
            if ____exports.matchesPattern(id, p) then
                return true
            end
        end
        return false
    end
    local world = ____exports.nodeWorld(id, host, managed.clusterDomain)
    return world == managed.world or world == "unknown"
end
return ____exports
