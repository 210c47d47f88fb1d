local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 3,["6"] = 4,["7"] = 5,["8"] = 6,["9"] = 8,["10"] = 9,["11"] = 9,["12"] = 11,["13"] = 12,["15"] = 15,["16"] = 16,["17"] = 17,["18"] = 15,["20"] = 21,["21"] = 22,["22"] = 21});
local ____exports = {}
local exposition = require("metrics.exposition")
local record = require("metrics.record")
local statusPage = require("metrics.status_page")
local timer = require("metrics.timer")
local anomalies = require("router.anomalies")
local ____guard = require("hooks.guard")
local guard = ____guard.guard
____exports.metrics = function() return guard("metrics", exposition.serve) end
____exports.status = function() return guard("lb status page", statusPage.serve) end
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
