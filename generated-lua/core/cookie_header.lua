local ____lualib = require("lualib_bundle")
local __TS__StringCharCodeAt = ____lualib.__TS__StringCharCodeAt
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["7"] = 5,["8"] = 9,["9"] = 10,["11"] = 14,["12"] = 15,["13"] = 16,["14"] = 16,["16"] = 17,["18"] = 44,["19"] = 45,["22"] = 47,["23"] = 47,["24"] = 47,["25"] = 47,["26"] = 47,["27"] = 47,["28"] = 48,["29"] = 48,["31"] = 49,["32"] = 50,["33"] = 50,["34"] = 50,["35"] = 50,["36"] = 50,["37"] = 50,["38"] = 51,["39"] = 52,["40"] = 53,["41"] = 53,["43"] = 54,["44"] = 54,["46"] = 55,["48"] = 57,["52"] = 5,["53"] = 6,["54"] = 7,["61"] = 28,["62"] = 29,["63"] = 29,["65"] = 30,["66"] = 31,["67"] = 31,["69"] = 32,["70"] = 33,["71"] = 34,["72"] = 35,["73"] = 35,["74"] = 35,["75"] = 35,["76"] = 35,["77"] = 35,["78"] = 36,["79"] = 37,["80"] = 37,["82"] = 38,["83"] = 38,["86"] = 40,["87"] = 28});
local ____exports = {}
local isBlank, startsPair, scanned, SEMICOLON, SPACE, TAB
function isBlank(c)
    return c == SPACE or c == TAB
end
function startsPair(header, at)
    local i = at - 1
    while i >= 0 and isBlank(__TS__StringCharCodeAt(header, i)) do
        i = i - 1
    end
    return i < 0 or __TS__StringCharCodeAt(header, i) == SEMICOLON
end
function scanned(header, prefix)
    local from = 0
    do
        while true do
            local at = (string.find(
                header,
                prefix,
                math.max(from + 1, 1),
                true
            ) or 0) - 1
            if at < 0 then
                return nil
            end
            if startsPair(header, at) then
                local ____end = (string.find(
                    header,
                    ";",
                    math.max(at + 1, 1),
                    true
                ) or 0) - 1
                local first = at + #prefix
                local last = ____end < 0 and #header or ____end
                while first < last and isBlank(__TS__StringCharCodeAt(header, first)) do
                    first = first + 1
                end
                while last > first and isBlank(__TS__StringCharCodeAt(header, last - 1)) do
                    last = last - 1
                end
                return __TS__StringSubstring(header, first, last)
            end
            from = at + 1
        end
    end
end
SEMICOLON = 59
SPACE = 32
TAB = 9
--- The value of the first pair named exactly `prefix` minus its "=" (`prefix` is "NAME="), up
-- to the next ";", without surrounding blanks; undefined when no pair has that name.
-- 
-- The usual header (the pair first or after "; ", its value without blanks around it) is read
-- without a loop, so the access phase's trace compiles through it (docs/benchmarks.md); any
-- other takes the scan.
function ____exports.cookieValue(header, prefix)
    if header == nil then
        return nil
    end
    local at = (string.find(header, prefix, nil, true) or 0) - 1
    if at < 0 then
        return nil
    end
    local before = at == 0 and SEMICOLON or __TS__StringCharCodeAt(header, at - 1)
    if before == SEMICOLON or before == SPACE and at >= 2 and __TS__StringCharCodeAt(header, at - 2) == SEMICOLON then
        local first = at + #prefix
        local ____end = (string.find(
            header,
            ";",
            math.max(first + 1, 1),
            true
        ) or 0) - 1
        local last = ____end < 0 and #header or ____end
        if first == last then
            return ""
        end
        if not isBlank(__TS__StringCharCodeAt(header, first)) and not isBlank(__TS__StringCharCodeAt(header, last - 1)) then
            return __TS__StringSubstring(header, first, last)
        end
    end
    return scanned(header, prefix)
end
return ____exports
