local ____lualib = require("lualib_bundle")
local __TS__New = ____lualib.__TS__New
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 3,["7"] = 3,["8"] = 5,["9"] = 6,["10"] = 6,["11"] = 6,["12"] = 6,["13"] = 6,["14"] = 7,["15"] = 8,["17"] = 8,["21"] = 9,["22"] = 9,["23"] = 9,["25"] = 9,["26"] = 5,["28"] = 13});
local ____exports = {}
local ____settings = require("core.settings")
local Reader = ____settings.Reader
local function read()
    local r = __TS__New(
        Reader,
        function(name) return os.getenv(name) end,
        false
    )
    local on = r:bool("ROUTER_METRICS")
    if #r.errors > 0 then
        error(
            "invalid environment: " .. table.concat(r.errors, "; "),
            0
        )
    end
    local ____on_0 = on
    if ____on_0 == nil then
        ____on_0 = true
    end
    return ____on_0
end
--- False: no per-request counting, /metrics answers 404 (the bench's baseline).
____exports.ENABLED = read()
return ____exports
