local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 2,["6"] = 3,["7"] = 4,["8"] = 5,["9"] = 5,["10"] = 7,["11"] = 8,["12"] = 9,["13"] = 10,["14"] = 11,["15"] = 12,["16"] = 13,["17"] = 14,["18"] = 15,["19"] = 16});
local ____exports = {}
local endpoints = require("router.endpoints")
local clusterStatus = require("router.status")
local drain = require("router.drain")
local ____guard = require("runtime.guard")
local guard = ____guard.guard
____exports.health = function() return guard("lb health", endpoints.health) end
____exports.ready = function() return guard("lb ready", endpoints.ready) end
____exports.config = function() return guard("lb config", endpoints.configuration) end
____exports.status = function() return guard("lb status", clusterStatus.serveJson) end
____exports.statusPage = function() return guard("lb status page", clusterStatus.serveHtml) end
____exports.availableNodes = function() return guard("lb available nodes", endpoints.availableNodes) end
____exports.setFixedNode = function() return guard("lb fixed node", endpoints.setFixedNode) end
____exports.clearFixedNode = function() return guard("lb clear fixed node", endpoints.clearFixedNode) end
____exports.fixedNodeStatus = function() return guard("lb fixed node status", endpoints.fixedNodeStatus) end
____exports.drainNode = function() return guard("lb drain", drain.serve) end
return ____exports
