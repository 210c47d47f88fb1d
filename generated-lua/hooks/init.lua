local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 3,["6"] = 4,["7"] = 6,["8"] = 7,["9"] = 8,["10"] = 6});
local ____exports = {}
local config = require("config")
require("hooks.endpoints")
function ____exports.run()
    config.load()
    config.logEnvironment()
end
return ____exports
