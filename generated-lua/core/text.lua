local ____lualib = require("lualib_bundle")
local __TS__StringCharCodeAt = ____lualib.__TS__StringCharCodeAt
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__StringCharAt = ____lualib.__TS__StringCharAt
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 68,["9"] = 68,["10"] = 69,["12"] = 15,["13"] = 16,["14"] = 15,["15"] = 19,["16"] = 20,["17"] = 19,["18"] = 23,["19"] = 24,["20"] = 23,["21"] = 27,["22"] = 28,["23"] = 27,["25"] = 32,["26"] = 33,["27"] = 33,["30"] = 34,["31"] = 34,["32"] = 35,["33"] = 35,["35"] = 34,["38"] = 37,["39"] = 32,["40"] = 40,["41"] = 41,["42"] = 40,["45"] = 48,["46"] = 49,["47"] = 49,["49"] = 50,["51"] = 51,["52"] = 51,["53"] = 51,["54"] = 51,["57"] = 52,["58"] = 48,["60"] = 56,["61"] = 57,["62"] = 56,["63"] = 60,["64"] = 61,["65"] = 62,["66"] = 63,["67"] = 63,["69"] = 64,["70"] = 64,["72"] = 65,["73"] = 60,["75"] = 73,["76"] = 74,["77"] = 75,["79"] = 76,["80"] = 76,["81"] = 77,["82"] = 78,["83"] = 79,["85"] = 76,["88"] = 82,["89"] = 83,["90"] = 73});
local ____exports = {}
local isSpace
function isSpace(c)
    return c == 32 or c == 9 or c == 10 or c == 13
end
function ____exports.isDigit(c)
    return c >= 48 and c <= 57
end
function ____exports.isLower(c)
    return c >= 97 and c <= 122
end
function ____exports.isUpper(c)
    return c >= 65 and c <= 90
end
function ____exports.isAlnum(c)
    return ____exports.isDigit(c) or ____exports.isLower(c) or ____exports.isUpper(c)
end
--- True when every character of `s` satisfies `allowed` (an empty string is false).
function ____exports.allChars(s, allowed)
    if #s == 0 then
        return false
    end
    do
        local i = 0
        while i < #s do
            if not allowed(__TS__StringCharCodeAt(s, i)) then
                return false
            end
            i = i + 1
        end
    end
    return true
end
function ____exports.isDigits(s)
    return ____exports.allChars(s, ____exports.isDigit)
end
--- A non-negative decimal integer with at most 9 digits (so it stays exact in both runtimes),
-- or undefined. No sign, no spaces, no exponent, no hex: "007" is 7, "1e3" is rejected.
function ____exports.parseDecimal(s)
    if #s > 9 or not ____exports.isDigits(s) then
        return nil
    end
    local n = 0
    do
        local i = 0
        while i < #s do
            n = n * 10 + (__TS__StringCharCodeAt(s, i) - 48)
            i = i + 1
        end
    end
    return n
end
--- Decimal integer without leading zeros ("0" itself is fine): the shape of an ordinal.
function ____exports.isCanonicalDecimal(s)
    return ____exports.isDigits(s) and (#s == 1 or (string.byte(s, 1) or 0 / 0) ~= 48)
end
function ____exports.trim(s)
    local a = 0
    local b = #s
    while a < b and isSpace(__TS__StringCharCodeAt(s, a)) do
        a = a + 1
    end
    while b > a and isSpace(__TS__StringCharCodeAt(s, b - 1)) do
        b = b - 1
    end
    return __TS__StringSubstring(s, a, b)
end
--- Splits on a one-character separator, keeping empty fields (the caller decides about them).
function ____exports.splitOn(s, sep)
    local out = {}
    local start = 0
    do
        local i = 0
        while i < #s do
            if __TS__StringCharAt(s, i) == sep then
                out[#out + 1] = __TS__StringSubstring(s, start, i)
                start = i + 1
            end
            i = i + 1
        end
    end
    out[#out + 1] = __TS__StringSubstring(s, start)
    return out
end
return ____exports
