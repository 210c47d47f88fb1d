local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 3,["6"] = 4,["7"] = 5,["8"] = 6,["9"] = 7,["10"] = 8,["11"] = 9,["12"] = 10,["13"] = 12,["14"] = 13,["15"] = 14,["16"] = 15,["17"] = 12});
local ____exports = {}
local config = require("runtime.config")
local jitTuning = require("runtime.jit_tuning")
require("hooks.access")
require("hooks.balancer")
require("hooks.endpoints")
require("hooks.init_worker")
require("hooks.log")
require("hooks.observability")
function ____exports.run()
    jitTuning.tune()
    config.load()
    config.logEnvironment()
end
return ____exports
