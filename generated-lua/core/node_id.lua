local ____lualib = require("lualib_bundle")
local __TS__StringCharCodeAt = ____lualib.__TS__StringCharCodeAt
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["7"] = 6,["8"] = 6,["9"] = 6,["10"] = 6,["11"] = 6,["12"] = 6,["13"] = 6,["15"] = 11,["16"] = 13,["17"] = 14,["18"] = 13,["22"] = 22,["23"] = 23,["24"] = 23,["26"] = 24,["27"] = 22,["28"] = 27,["29"] = 28,["30"] = 27,["32"] = 32,["33"] = 33,["34"] = 33,["36"] = 34,["37"] = 32,["39"] = 38,["40"] = 39,["41"] = 39,["43"] = 40,["44"] = 41,["45"] = 41,["47"] = 42,["48"] = 42,["50"] = 43,["51"] = 44,["52"] = 44,["54"] = 45,["55"] = 38,["57"] = 49,["58"] = 50,["59"] = 50,["61"] = 51,["62"] = 52,["63"] = 52,["65"] = 53,["66"] = 49,["67"] = 56,["68"] = 57,["69"] = 57,["71"] = 58,["72"] = 58,["74"] = 59,["75"] = 59,["77"] = 60,["78"] = 56,["80"] = 64,["81"] = 65,["82"] = 65,["84"] = 66,["85"] = 67,["86"] = 67,["88"] = 68,["89"] = 64});
local ____exports = {}
local ____text = require("core.text")
local isAlnum = ____text.isAlnum
local isCanonicalDecimal = ____text.isCanonicalDecimal
local isDigit = ____text.isDigit
local isLower = ____text.isLower
local allChars = ____text.allChars
local parseDecimal = ____text.parseDecimal
--- The fork's node.node_id column is varchar(50).
____exports.NODE_ID_MAX_LENGTH = 50
local function isNodeIdChar(c)
    return isAlnum(c) or c == 45 or c == 95 or c == 46
end
--- Whether `id` may be a node id at all: 1..50 characters of [A-Za-z0-9._-], starting with a
-- letter or digit. Anything from a request (cookie, path) must pass this before it is used
-- as a lookup key, and it is still only a key: hosts come from the registry.
function ____exports.isValidNodeId(id)
    if type(id) ~= "string" or #id == 0 or #id > ____exports.NODE_ID_MAX_LENGTH then
        return false
    end
    return isAlnum(string.byte(id, 1) or 0 / 0) and allChars(id, isNodeIdChar)
end
local function isDnsLabelChar(c)
    return isLower(c) or isDigit(c) or c == 45
end
--- A DNS-1123 label: what Kubernetes accepts as a pod or service name segment.
function ____exports.isDnsLabel(s)
    if #s == 0 or #s > 63 or not allChars(s, isDnsLabelChar) then
        return false
    end
    return (string.byte(s, 1) or 0 / 0) ~= 45 and __TS__StringCharCodeAt(s, #s - 1) ~= 45
end
--- `<name>-<ordinal>` split, or undefined when `id` is not a StatefulSet pod name.
local function statefulSetOrdinal(id)
    if not ____exports.isDnsLabel(id) then
        return nil
    end
    local dash = #id - 1
    while dash > 0 and __TS__StringCharCodeAt(id, dash) ~= 45 do
        dash = dash - 1
    end
    if dash <= 0 then
        return nil
    end
    local ordinal = __TS__StringSubstring(id, dash + 1)
    if not isCanonicalDecimal(ordinal) then
        return nil
    end
    return parseDecimal(ordinal)
end
--- `node<N>` with N >= 1 (no leading zero): N, else undefined. `node0` is not a Compose id.
local function composeNumber(id)
    if #id < 5 or __TS__StringSubstring(id, 0, 4) ~= "node" then
        return nil
    end
    local digits = __TS__StringSubstring(id, 4)
    if not isCanonicalDecimal(digits) or digits == "0" then
        return nil
    end
    return parseDecimal(digits)
end
function ____exports.nodeIdFormat(id)
    if id == nil or not ____exports.isValidNodeId(id) then
        return "custom"
    end
    if composeNumber(id) ~= nil then
        return "docker-compose"
    end
    if statefulSetOrdinal(id) ~= nil then
        return "k8s-statefulset"
    end
    return "custom"
end
--- 0-based index: node1 -> 0, uptime-kuma-0 -> 0, custom -> undefined.
function ____exports.nodeIndex(id)
    if id == nil or not ____exports.isValidNodeId(id) then
        return nil
    end
    local compose = composeNumber(id)
    if compose ~= nil then
        return compose - 1
    end
    return statefulSetOrdinal(id)
end
return ____exports
