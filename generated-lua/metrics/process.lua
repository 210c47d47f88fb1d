local ____lualib = require("lualib_bundle")
local __TS__StringCharAt = ____lualib.__TS__StringCharAt
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 6,["7"] = 8,["8"] = 9,["9"] = 10,["10"] = 10,["12"] = 11,["13"] = 12,["14"] = 13,["15"] = 8,["17"] = 17,["18"] = 18,["19"] = 18,["21"] = 19,["22"] = 19,["24"] = 20,["25"] = 20,["27"] = 21,["28"] = 22,["29"] = 22,["31"] = 24,["33"] = 25,["34"] = 25,["35"] = 25,["36"] = 25,["38"] = 25,["41"] = 26,["42"] = 17});
local ____exports = {}
local procMounted
local function readable(path)
    local f = io.open(path, "r")
    if f == nil then
        return nil
    end
    local text = f:read("*l")
    f:close()
    return text or ""
end
--- True unless /proc says the process is gone (absent, or a zombie awaiting its reaper).
function ____exports.isAlive(pid)
    if pid == ngx.worker.pid() then
        return true
    end
    if procMounted == nil then
        procMounted = readable("/proc/self/stat") ~= nil
    end
    if not procMounted then
        return true
    end
    local stat = readable(("/proc/" .. tostring(pid)) .. "/stat")
    if stat == nil then
        return false
    end
    local close = -1
    do
        local i = #stat - 1
        while i >= 0 and close < 0 do
            if __TS__StringCharAt(stat, i) == ")" then
                close = i
            end
            i = i - 1
        end
    end
    return close < 0 or __TS__StringCharAt(stat, close + 2) ~= "Z"
end
return ____exports
