local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 7,["6"] = 8,["7"] = 8,["8"] = 8,["9"] = 10,["11"] = 13,["12"] = 14,["13"] = 14,["14"] = 15,["15"] = 15,["16"] = 15,["17"] = 15,["18"] = 15,["20"] = 15,["21"] = 17,["22"] = 17,["23"] = 17,["25"] = 13,["27"] = 21,["28"] = 23,["31"] = 24,["34"] = 25,["35"] = 26,["36"] = 21});
local ____exports = {}
local store = require("cluster.snapshot_store")
local ____health = require("core.health")
local isPassiveFailure = ____health.isPassiveFailure
local lastUpstreamStatus = ____health.lastUpstreamStatus
local state = require("health.state")
--- A proxied try to `nodeId` (an id from the registry, via the access phase) failed.
function ____exports.failed(nodeId)
    local ____opt_0 = store.current()
    local node = ____opt_0 and ____opt_0.nodeById[nodeId]
    local ____state_record_6 = state.record
    local ____nodeId_5 = nodeId
    local ____temp_4 = node and node.online
    if ____temp_4 == nil then
        ____temp_4 = true
    end
    ____state_record_6(____nodeId_5, ____temp_4, "passive-failure")
    local ____opt_7 = state.read(nodeId)
    if (____opt_7 and ____opt_7.down) ~= true then
        state.requestProbe(nodeId)
    end
end
--- Log phase: reports the last try when it failed; a retried first try was reported by the balancer.
function ____exports.afterRequest(route, retried)
    if route == nil or ngx.status < 500 then
        return
    end
    if not isPassiveFailure(lastUpstreamStatus(ngx.var.upstream_status or "")) then
        return
    end
    local last = retried and route.retry ~= nil and route.retry or route.peer
    ____exports.failed(last.nodeId)
end
return ____exports
