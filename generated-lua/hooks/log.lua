local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 2,["6"] = 2,["7"] = 3,["8"] = 3,["9"] = 4,["10"] = 6,["11"] = 7,["12"] = 8,["13"] = 6,["14"] = 11,["15"] = 12,["16"] = 11});
local ____exports = {}
local ____passive = require("health.passive")
local afterRequest = ____passive.afterRequest
local ____guard = require("hooks.guard")
local guard = ____guard.guard
local observability = require("hooks.observability")
local function requestEnded()
    afterRequest()
    observability.requestEnded()
end
function ____exports.run()
    guard("log", requestEnded)
end
return ____exports
