local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 6,["6"] = 8,["7"] = 9,["8"] = 10,["10"] = 13,["11"] = 14,["12"] = 15,["13"] = 16,["14"] = 17,["15"] = 18,["16"] = 18,["17"] = 18,["20"] = 20,["21"] = 21,["22"] = 22,["24"] = 24,["25"] = 13,["27"] = 28,["28"] = 29,["29"] = 28,["30"] = 32,["31"] = 33,["32"] = 33,["33"] = 32});
local ____exports = {}
local state = require("health.state")
local localVersion = -1
local localDown = {}
local knownNodes = {}
--- The down-set over `nodes` (the snapshot's list: the same array until the snapshot changes).
function ____exports.downSet(nodes)
    local v = state.routingVerdictVersion()
    if v ~= localVersion or nodes ~= knownNodes then
        local down = {}
        for ____, n in ipairs(nodes) do
            local ____opt_0 = state.read(n.id)
            if (____opt_0 and ____opt_0.down) == true then
                down[n.id] = true
            end
        end
        localDown = down
        localVersion = v
        knownNodes = nodes
    end
    return localDown
end
--- Forces a verdict (counters restart); returns true when it changed.
function ____exports.setDown(nodeId, down)
    return state.force(nodeId, down)
end
function ____exports.isDown(nodeId)
    local ____opt_2 = state.read(nodeId)
    return (____opt_2 and ____opt_2.down) == true
end
return ____exports
