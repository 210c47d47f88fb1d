local ____lualib = require("lualib_bundle")
local Error = ____lualib.Error
local RangeError = ____lualib.RangeError
local ReferenceError = ____lualib.ReferenceError
local SyntaxError = ____lualib.SyntaxError
local TypeError = ____lualib.TypeError
local URIError = ____lualib.URIError
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["11"] = 5,["12"] = 6,["13"] = 7,["14"] = 8,["16"] = 10,["17"] = 10,["18"] = 10,["19"] = 10,["20"] = 5,["22"] = 14,["23"] = 15,["24"] = 16,["25"] = 16,["27"] = 17,["28"] = 14});
local ____exports = {}
local function describe(err)
    if type(err) == "table" and err ~= nil and err.message ~= nil then
        local e = err
        return (((e.name .. ": ") .. e.message) .. "\n") .. (e.stack or "")
    end
    return debug.traceback(
        tostring(err),
        2
    )
end
--- Calls fn; on error logs "<phase> failed: <message + mapped traceback>" and returns false.
function ____exports.guard(phase, fn)
    local ok, trace = xpcall(fn, describe)
    if not ok then
        ngx.log(ngx.ERR, (phase .. " failed: ") .. trace)
    end
    return ok
end
return ____exports
