local ____lualib = require("lualib_bundle")
local __TS__StringCharCodeAt = ____lualib.__TS__StringCharCodeAt
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["7"] = 5,["8"] = 6,["9"] = 7,["11"] = 10,["12"] = 11,["13"] = 12,["14"] = 12,["16"] = 13,["17"] = 10,["20"] = 20,["21"] = 21,["22"] = 21,["24"] = 22,["27"] = 24,["28"] = 24,["29"] = 24,["30"] = 24,["31"] = 24,["32"] = 24,["33"] = 25,["34"] = 25,["36"] = 26,["37"] = 27,["38"] = 27,["39"] = 27,["40"] = 27,["41"] = 27,["42"] = 27,["43"] = 28,["44"] = 29,["45"] = 30,["46"] = 30,["48"] = 31,["49"] = 31,["51"] = 32,["53"] = 34,["56"] = 20});
local ____exports = {}
local SEMICOLON = 59
local SPACE = 32
local TAB = 9
--- True when the name starting at `at` begins a pair: at the start, or after ";" and blanks.
local function startsPair(header, at)
    local i = at - 1
    while i >= 0 and (__TS__StringCharCodeAt(header, i) == SPACE or __TS__StringCharCodeAt(header, i) == TAB) do
        i = i - 1
    end
    return i < 0 or __TS__StringCharCodeAt(header, i) == SEMICOLON
end
--- The value of the first pair named exactly `prefix` minus its "=" (`prefix` is "NAME="), up
-- to the next ";", without surrounding blanks; undefined when no pair has that name.
function ____exports.cookieValue(header, prefix)
    if header == nil then
        return nil
    end
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
                while first < last and (__TS__StringCharCodeAt(header, first) == SPACE or __TS__StringCharCodeAt(header, first) == TAB) do
                    first = first + 1
                end
                while last > first and (__TS__StringCharCodeAt(header, last - 1) == SPACE or __TS__StringCharCodeAt(header, last - 1) == TAB) do
                    last = last - 1
                end
                return __TS__StringSubstring(header, first, last)
            end
            from = at + 1
        end
    end
end
return ____exports
