local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 3,["6"] = 4,["7"] = 5,["8"] = 6,["9"] = 7,["10"] = 8,["11"] = 8,["12"] = 10,["13"] = 11,["14"] = 13,["15"] = 14,["16"] = 15,["17"] = 16,["18"] = 13,["20"] = 20,["21"] = 21,["22"] = 20,["24"] = 25,["25"] = 26,["26"] = 26,["28"] = 25,["30"] = 30,["31"] = 31,["32"] = 30});
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
local function requestEnded()
    local route = ngx.ctx.route
    record.afterRequest(route)
    anomalies.afterRequest(route)
end
--- log_by_lua of the proxying location.
function ____exports.afterRequest()
    guard("observability log", requestEnded)
end
--- header_filter_by_lua of the proxying location; nearly every response is not a 101.
function ____exports.upgradeStarted()
    if ngx.status == 101 then
        guard("observability header filter", record.upgradeStarted)
    end
end
--- init_worker_by_lua.
function ____exports.start()
    timer.start()
end
return ____exports
