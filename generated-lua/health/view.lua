local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 5,["6"] = 5,["7"] = 7,["8"] = 8,["9"] = 10,["10"] = 11,["11"] = 12,["13"] = 15,["14"] = 16,["15"] = 17,["16"] = 18,["17"] = 19,["18"] = 20,["19"] = 21,["20"] = 22,["21"] = 22,["24"] = 24,["25"] = 25,["26"] = 26,["28"] = 28,["29"] = 15,["31"] = 32,["32"] = 33,["33"] = 34,["34"] = 34,["36"] = 35,["37"] = 35,["39"] = 36,["41"] = 37,["42"] = 38,["43"] = 32,["44"] = 41,["45"] = 42,["46"] = 43,["47"] = 41});
local ____exports = {}
local ____dicts = require("dicts")
local dict = ____dicts.healthDict
local VERSION = "verdicts:version"
local DOWN_PREFIX = "down:"
local localVersion = -1
local localDown = {}
local knownNodes = {}
--- The down-set over `nodes` (the snapshot's list: the same array until the snapshot changes).
function ____exports.downSet(nodes)
    local version = dict:get(VERSION)
    local v = type(version) == "number" and version or 0
    if v ~= localVersion or nodes ~= knownNodes then
        local down = {}
        for ____, n in ipairs(nodes) do
            local flag = dict:get(DOWN_PREFIX .. n.id)
            if flag == true then
                down[n.id] = true
            end
        end
        localDown = down
        localVersion = v
        knownNodes = nodes
    end
    return localDown
end
--- Records a verdict; returns true when it changed.
function ____exports.setDown(nodeId, down)
    local current = dict:get(DOWN_PREFIX .. nodeId)
    if current == true == down then
        return false
    end
    if down then
        dict:set(DOWN_PREFIX .. nodeId, true)
    else
        dict:delete(DOWN_PREFIX .. nodeId)
    end
    dict:incr(VERSION, 1, 0)
    return true
end
function ____exports.isDown(nodeId)
    local flag = dict:get(DOWN_PREFIX .. nodeId)
    return flag == true
end
return ____exports
