local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 2,["6"] = 4,["7"] = 5,["8"] = 4});
local ____exports = {}
local sync = require("cluster.sync")
function ____exports.run()
    sync.start()
end
return ____exports
