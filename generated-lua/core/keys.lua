local ____lualib = require("lualib_bundle")
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 4,["7"] = 4,["8"] = 4,["9"] = 4,["10"] = 4,["12"] = 7,["14"] = 10,["15"] = 12,["16"] = 13,["17"] = 13,["19"] = 14,["20"] = 15,["21"] = 15,["23"] = 16,["24"] = 17,["25"] = 12,["26"] = 20,["27"] = 21,["28"] = 20,["30"] = 25,["31"] = 26,["32"] = 25});
local ____exports = {}
local ____text = require("core.text")
local allChars = ____text.allChars
local isAlnum = ____text.isAlnum
local isCanonicalDecimal = ____text.isCanonicalDecimal
local parseDecimal = ____text.parseDecimal
--- monitor.id is an INT: positive, canonical decimal, at most 2^31-1.
local MONITOR_ID_MAX = 2147483647
--- monitor.push_token is varchar(32).
____exports.PUSH_TOKEN_MAX_LENGTH = 32
function ____exports.parseMonitorId(s)
    if #s > 10 or not isCanonicalDecimal(s) then
        return nil
    end
    local n = parseDecimal(#s == 10 and __TS__StringSubstring(s, 0, 9) or s)
    if n == nil then
        return nil
    end
    local id = #s == 10 and n * 10 + ((string.byte(s, 10) or 0 / 0) - 48) or n
    return id >= 1 and id <= MONITOR_ID_MAX and id or nil
end
local function isTokenChar(c)
    return isAlnum(c) or c == 45 or c == 95 or c == 46 or c == 126
end
--- URL-unreserved characters only, 1..32 of them: what Uptime Kuma generates and stores.
function ____exports.isValidPushToken(s)
    return #s <= ____exports.PUSH_TOKEN_MAX_LENGTH and allChars(s, isTokenChar)
end
return ____exports
