local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 2,["6"] = 2,["7"] = 3,["8"] = 3,["9"] = 5,["10"] = 6,["11"] = 6,["13"] = 5});
local ____exports = {}
local ____access = require("router.access")
local route = ____access.route
local ____guard = require("hooks.guard")
local guard = ____guard.guard
function ____exports.run()
    if not guard("access", route) then
        ngx.exit(503)
    end
end
return ____exports
