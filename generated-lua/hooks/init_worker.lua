local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 2,["6"] = 3,["7"] = 5,["8"] = 6,["9"] = 7,["10"] = 5});
local ____exports = {}
local sync = require("cluster.sync")
local health = require("health.service")
function ____exports.run()
    sync.start()
    health.start()
end
return ____exports
