local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 2,["6"] = 2,["7"] = 3,["8"] = 3,["9"] = 5,["10"] = 6,["11"] = 5});
local ____exports = {}
local ____balancer = require("router.balancer")
local balance = ____balancer.balance
local ____guard = require("runtime.guard")
local guard = ____guard.guard
function ____exports.run()
    guard("balancer", balance)
end
return ____exports
