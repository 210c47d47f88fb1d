local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 7,["6"] = 8,["7"] = 8,["8"] = 8,["9"] = 10,["10"] = 10,["11"] = 11,["13"] = 14,["14"] = 15,["15"] = 15,["16"] = 16,["17"] = 16,["18"] = 16,["19"] = 16,["20"] = 16,["22"] = 16,["23"] = 18,["24"] = 18,["25"] = 18,["27"] = 14,["29"] = 22,["30"] = 24,["33"] = 25,["36"] = 26,["37"] = 27,["38"] = 22});
local ____exports = {}
local store = require("cluster.snapshot_store")
local ____health = require("core.health")
local isPassiveFailure = ____health.isPassiveFailure
local lastUpstreamStatus = ____health.lastUpstreamStatus
local ____state = require("request.state")
local servedPeer = ____state.servedPeer
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
    local last = servedPeer(route, retried)
    ____exports.failed(last.nodeId)
end
return ____exports
