local ____lualib = require("lualib_bundle")
local __TS__StringCharCodeAt = ____lualib.__TS__StringCharCodeAt
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__StringCharAt = ____lualib.__TS__StringCharAt
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 58,["9"] = 58,["10"] = 59,["12"] = 5,["13"] = 6,["14"] = 5,["15"] = 9,["16"] = 10,["17"] = 9,["18"] = 13,["19"] = 14,["20"] = 13,["21"] = 17,["22"] = 18,["23"] = 17,["25"] = 22,["26"] = 23,["27"] = 23,["30"] = 24,["31"] = 24,["32"] = 25,["33"] = 25,["35"] = 24,["38"] = 27,["39"] = 22,["40"] = 30,["41"] = 31,["42"] = 30,["45"] = 38,["46"] = 39,["47"] = 39,["49"] = 40,["51"] = 41,["52"] = 41,["53"] = 41,["54"] = 41,["57"] = 42,["58"] = 38,["60"] = 46,["61"] = 47,["62"] = 46,["63"] = 50,["64"] = 51,["65"] = 52,["66"] = 53,["67"] = 53,["69"] = 54,["70"] = 54,["72"] = 55,["73"] = 50,["75"] = 63,["76"] = 64,["77"] = 65,["79"] = 66,["80"] = 66,["81"] = 67,["82"] = 68,["83"] = 69,["85"] = 66,["88"] = 72,["89"] = 73,["90"] = 63});
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
