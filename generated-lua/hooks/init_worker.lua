local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 2,["6"] = 3,["7"] = 4,["8"] = 5,["9"] = 7,["10"] = 8,["11"] = 9,["12"] = 10,["13"] = 11,["14"] = 7});
local ____exports = {}
local sync = require("cluster.sync")
local prober = require("health.prober")
local writer = require("health.writer")
local observability = require("hooks.observability")
function ____exports.run()
    sync.start()
    prober.start()
    writer.start()
    observability.start()
end
return ____exports
