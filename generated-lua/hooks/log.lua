local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 2,["6"] = 2,["7"] = 3,["8"] = 3,["9"] = 4,["10"] = 4,["11"] = 5,["12"] = 7,["13"] = 8,["14"] = 9,["15"] = 10,["16"] = 7,["17"] = 13,["18"] = 14,["19"] = 13});
local ____exports = {}
local ____passive = require("health.passive")
local afterRequest = ____passive.afterRequest
local ____state = require("request.state")
local finish = ____state.finish
local ____guard = require("runtime.guard")
local guard = ____guard.guard
local observability = require("hooks.observability")
local function requestEnded()
    local route, retried, upgraded = finish()
    afterRequest(route, retried)
    observability.requestEnded(route, retried, upgraded)
end
function ____exports.run()
    guard("log", requestEnded)
end
return ____exports
