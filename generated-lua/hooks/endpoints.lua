local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 2,["6"] = 3,["7"] = 3,["8"] = 5,["9"] = 6,["10"] = 7,["11"] = 8,["12"] = 9,["13"] = 10,["14"] = 11});
local ____exports = {}
local endpoints = require("router.endpoints")
local ____guard = require("hooks.guard")
local guard = ____guard.guard
____exports.health = function() return guard("lb health", endpoints.health) end
____exports.config = function() return guard("lb config", endpoints.configuration) end
____exports.status = function() return guard("lb status", endpoints.status) end
____exports.availableNodes = function() return guard("lb available nodes", endpoints.availableNodes) end
____exports.setFixedNode = function() return guard("lb fixed node", endpoints.setFixedNode) end
____exports.clearFixedNode = function() return guard("lb clear fixed node", endpoints.clearFixedNode) end
____exports.fixedNodeStatus = function() return guard("lb fixed node status", endpoints.fixedNodeStatus) end
return ____exports
