local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 2,["6"] = 3,["7"] = 4,["8"] = 5,["9"] = 6,["10"] = 8,["11"] = 9,["12"] = 10,["13"] = 11,["14"] = 12,["15"] = 13,["16"] = 8});
local ____exports = {}
local sync = require("cluster.sync")
local store = require("cluster.snapshot_store")
local prober = require("health.prober")
local writer = require("health.writer")
local observability = require("hooks.observability")
function ____exports.run()
    sync.start()
    store.start()
    prober.start()
    writer.start()
    observability.start()
end
return ____exports
