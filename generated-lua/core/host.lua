local ____lualib = require("lualib_bundle")
local __TS__StringCharCodeAt = ____lualib.__TS__StringCharCodeAt
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 3,["9"] = 3,["10"] = 3,["11"] = 3,["12"] = 3,["13"] = 4,["14"] = 4,["15"] = 4,["17"] = 26,["18"] = 28,["19"] = 29,["20"] = 28,["21"] = 32,["22"] = 33,["23"] = 32,["25"] = 37,["26"] = 38,["27"] = 38,["29"] = 39,["30"] = 39,["32"] = 40,["33"] = 41,["34"] = 42,["35"] = 37,["36"] = 45,["37"] = 46,["38"] = 47,["39"] = 47,["41"] = 48,["42"] = 45,["45"] = 55,["46"] = 56,["47"] = 56,["49"] = 57,["50"] = 58,["51"] = 59,["52"] = 59,["54"] = 60,["55"] = 61,["56"] = 61,["58"] = 62,["59"] = 63,["60"] = 63,["62"] = 64,["63"] = 64,["65"] = 65,["66"] = 66,["67"] = 66,["69"] = 67,["71"] = 69,["72"] = 70,["73"] = 71,["74"] = 71,["76"] = 72,["77"] = 72,["79"] = 73,["80"] = 74,["81"] = 74,["83"] = 75,["84"] = 55,["86"] = 79,["87"] = 80,["88"] = 79,["94"] = 90,["95"] = 91,["96"] = 92,["97"] = 92,["99"] = 93,["101"] = 95,["102"] = 96,["103"] = 96,["105"] = 97,["106"] = 98,["107"] = 99,["109"] = 101,["110"] = 90,["112"] = 105,["113"] = 106,["114"] = 106,["116"] = 107,["117"] = 108,["118"] = 108,["120"] = 109,["121"] = 110,["122"] = 111,["123"] = 111,["126"] = 113,["127"] = 105});
local ____exports = {}
local ____text = require("core.text")
local isAlnum = ____text.isAlnum
local isDigit = ____text.isDigit
local allChars = ____text.allChars
local parseDecimal = ____text.parseDecimal
local ____node_id = require("core.node_id")
local isDnsLabel = ____node_id.isDnsLabel
local nodeIdFormat = ____node_id.nodeIdFormat
--- Longest host we accept: a DNS name is at most 253 characters.
local HOST_MAX_LENGTH = 253
local function isHostChar(c)
    return isAlnum(c) or c == 45 or c == 46 or c == 95
end
local function isIpv6Char(c)
    return isDigit(c) or c >= 97 and c <= 102 or c >= 65 and c <= 70 or c == 58 or c == 46
end
--- A DNS name or IPv4 literal: no empty label, no leading or trailing dot or dash.
local function isHostName(h)
    if #h == 0 or #h > HOST_MAX_LENGTH or not allChars(h, isHostChar) then
        return false
    end
    if (string.find(h, "..", nil, true) or 0) - 1 >= 0 then
        return false
    end
    local first = string.byte(h, 1) or 0 / 0
    local last = __TS__StringCharCodeAt(h, #h - 1)
    return isAlnum(first) and (isAlnum(last) or last == 46)
end
local function parsePort(s)
    local n = parseDecimal(s)
    if n == nil or n < 1 or n > 65535 then
        return nil
    end
    return n
end
--- `host`, `host:port` or `[v6]:port` (also `[v6]`). Anything else is an error: a scheme, a path,
-- user info, spaces, an unbracketed IPv6 address, port 0 or above 65535.
function ____exports.parseHostPort(s, defaultPort)
    if #s == 0 then
        return {ok = false, error = "empty host"}
    end
    if string.sub(s, 1, 1) == "[" then
        local close = (string.find(s, "]", nil, true) or 0) - 1
        if close < 0 then
            return {ok = false, error = "unclosed '[' in host"}
        end
        local v6 = __TS__StringSubstring(s, 1, close)
        if (string.find(v6, ":", nil, true) or 0) - 1 < 0 or not allChars(v6, isIpv6Char) then
            return {ok = false, error = "bad IPv6 address"}
        end
        local rest = __TS__StringSubstring(s, close + 1)
        if #rest == 0 then
            return {ok = true, value = {host = v6, port = defaultPort}}
        end
        if string.sub(rest, 1, 1) ~= ":" then
            return {ok = false, error = "junk after ']'"}
        end
        local port = parsePort(__TS__StringSubstring(rest, 1))
        if port == nil then
            return {ok = false, error = "bad port"}
        end
        return {ok = true, value = {host = v6, port = port}}
    end
    local colon = (string.find(s, ":", nil, true) or 0) - 1
    local host = colon < 0 and s or __TS__StringSubstring(s, 0, colon)
    if not isHostName(host) then
        return {ok = false, error = "bad host name"}
    end
    if colon < 0 then
        return {ok = true, value = {host = host, port = defaultPort}}
    end
    local port = parsePort(__TS__StringSubstring(s, colon + 1))
    if port == nil then
        return {ok = false, error = "bad port"}
    end
    return {ok = true, value = {host = host, port = port}}
end
--- `host:port`, bracketing an IPv6 literal.
function ____exports.formatHostPort(hp)
    return (string.find(hp.host, ":", nil, true) or 0) - 1 >= 0 and (("[" .. hp.host) .. "]:") .. tostring(hp.port) or (hp.host .. ":") .. tostring(hp.port)
end
--- The host of a node built from its id, or undefined when the id cannot name a host in this
-- environment. A dot in an id is never taken as "already an FQDN" (a trap of the old router).
--  - kubernetes: `<pod>.<headless>.<ns>.svc.<domain>:<port>`; the id must be a DNS label.
--  - docker-compose: `<prefix><id>:<port>`, unless the id already starts with the prefix.
--  - local: `127.0.0.1:<port>`.
function ____exports.buildNodeHost(nodeId, rules)
    if rules.environment == "kubernetes" then
        if not isDnsLabel(nodeId) then
            return nil
        end
        return (((((((nodeId .. ".") .. rules.headlessService) .. ".") .. rules.namespace) .. ".svc.") .. rules.clusterDomain) .. ":") .. tostring(rules.port)
    end
    if rules.environment == "docker-compose" then
        if nodeIdFormat(nodeId) == "custom" and not isHostName(nodeId) then
            return nil
        end
        local prefixed = __TS__StringSubstring(nodeId, 0, #rules.hostPrefix) == rules.hostPrefix
        local name = prefixed and nodeId or rules.hostPrefix .. nodeId
        return isHostName(name) and (name .. ":") .. tostring(rules.port) or nil
    end
    return "127.0.0.1:" .. tostring(rules.port)
end
--- Whether `host` is an IP literal (v4 dotted quad or v6), which needs no DNS query.
function ____exports.isIpLiteral(host)
    if (string.find(host, ":", nil, true) or 0) - 1 >= 0 then
        return allChars(host, isIpv6Char)
    end
    local parts = __TS__StringSplit(host, ".")
    if #parts ~= 4 then
        return false
    end
    for ____, p in ipairs(parts) do
        local n = parseDecimal(p)
        if n == nil or n > 255 or #p > 3 then
            return false
        end
    end
    return true
end
return ____exports
