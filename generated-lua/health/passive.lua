local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 5,["6"] = 6,["7"] = 6,["8"] = 6,["9"] = 7,["11"] = 10,["12"] = 11,["13"] = 11,["14"] = 12,["15"] = 12,["16"] = 12,["17"] = 12,["18"] = 12,["20"] = 12,["21"] = 10,["23"] = 16,["24"] = 17,["25"] = 18,["28"] = 19,["31"] = 20,["32"] = 21,["33"] = 16});
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
end
--- Log phase: reports the last try when it failed; a retried first try was reported by the balancer.
function ____exports.afterRequest()
    local route = ngx.ctx.route
    if route == nil then
        return
    end
    if not isPassiveFailure(lastUpstreamStatus(ngx.var.upstream_status or "")) then
        return
    end
    local last = route.retried and route.retry ~= nil and route.retry or route.peer
    ____exports.failed(last.nodeId)
end
return ____exports
