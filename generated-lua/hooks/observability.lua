local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 3,["6"] = 4,["7"] = 5,["8"] = 6,["9"] = 7,["10"] = 8,["11"] = 8,["12"] = 10,["13"] = 11,["15"] = 14,["16"] = 15,["17"] = 16,["18"] = 17,["19"] = 18,["20"] = 19,["21"] = 14,["23"] = 23,["24"] = 24,["25"] = 23});
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
function ____exports.requestEnded()
    local ctx = ngx.ctx
    local route = ctx.route
    local retried = ctx.retried == true
    record.afterRequest(route, retried, ctx.upgrade == true)
    anomalies.afterRequest(route, retried)
end
--- init_worker_by_lua.
function ____exports.start()
    timer.start()
end
return ____exports
