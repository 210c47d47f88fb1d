local ____lualib = require("lualib_bundle")
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 6,["7"] = 6,["8"] = 16,["10"] = 19,["11"] = 20,["12"] = 20,["14"] = 21,["15"] = 22,["16"] = 23,["17"] = 23,["19"] = 24,["20"] = 25,["21"] = 26,["22"] = 26,["24"] = 27,["25"] = 19});
local ____exports = {}
local ____node_id = require("core.node_id")
local isValidNodeId = ____node_id.isValidNodeId
local PREFIX = "/lb/nodes/"
--- `/lb/nodes/<id>/drain` or `/lb/nodes/<id>/undrain`; undefined for anything else or an invalid id.
function ____exports.parseDrainPath(path)
    if __TS__StringSubstring(path, 0, #PREFIX) ~= PREFIX then
        return nil
    end
    local rest = __TS__StringSubstring(path, #PREFIX)
    local slash = (string.find(rest, "/", nil, true) or 0) - 1
    if slash <= 0 then
        return nil
    end
    local nodeId = __TS__StringSubstring(rest, 0, slash)
    local action = __TS__StringSubstring(rest, slash + 1)
    if not isValidNodeId(nodeId) or action ~= "drain" and action ~= "undrain" then
        return nil
    end
    return {nodeId = nodeId, drain = action == "drain"}
end
return ____exports
