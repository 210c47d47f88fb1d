local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 2,["6"] = 3,["7"] = 3,["8"] = 4,["9"] = 4,["10"] = 5,["11"] = 7,["12"] = 8,["13"] = 9,["14"] = 10,["15"] = 7,["16"] = 13,["17"] = 14,["18"] = 13});
local ____exports = {}
local verdicts = require("health.verdicts")
local ____state = require("request.state")
local finish = ____state.finish
local ____guard = require("runtime.guard")
local guard = ____guard.guard
local observability = require("hooks.observability")
local function requestEnded()
    local route, retried, upgraded = finish()
    verdicts.afterRequest(route, retried)
    observability.requestEnded(route, retried, upgraded)
end
function ____exports.run()
    guard("log", requestEnded)
end
return ____exports
