local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 3,["6"] = 4,["7"] = 5,["8"] = 7,["9"] = 8,["10"] = 8,["11"] = 10,["13"] = 13,["14"] = 14,["15"] = 15,["16"] = 13,["18"] = 19,["19"] = 20,["20"] = 19});
local ____exports = {}
local exposition = require("metrics.exposition")
local record = require("metrics.record")
local timer = require("metrics.timer")
local anomalies = require("metrics.anomalies")
local ____guard = require("runtime.guard")
local guard = ____guard.guard
____exports.metrics = function() return guard("metrics", exposition.serve) end
--- The log phase of the proxying locations (under hooks/log.ts's guard).
function ____exports.requestEnded(route, retried, upgraded)
    record.afterRequest(route, retried, upgraded)
    anomalies.afterRequest(route, retried)
end
--- init_worker_by_lua.
function ____exports.start()
    timer.start()
end
return ____exports
