local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 3,["6"] = 4,["7"] = 5,["8"] = 5,["9"] = 6,["10"] = 8,["11"] = 9,["12"] = 10,["13"] = 10,["15"] = 11,["16"] = 13,["17"] = 14,["18"] = 15,["19"] = 15,["21"] = 16,["22"] = 17,["23"] = 18,["24"] = 19,["25"] = 20,["27"] = 22,["28"] = 23,["29"] = 24,["30"] = 24,["31"] = 24,["32"] = 24,["33"] = 25,["35"] = 8});
local ____exports = {}
local balancer = require("ngx.balancer")
local passive = require("health.passive")
local ____headers = require("router.headers")
local announce = ____headers.announce
local requestState = require("request.state")
function ____exports.balance()
    local route = requestState.route()
    if route == nil then
        return ngx.exit(500)
    end
    local peer = route.peer
    local lastTry = balancer.get_last_failure()
    if lastTry == nil then
        if route.retry ~= nil then
            balancer.set_more_tries(1)
        end
    elseif route.retry ~= nil then
        peer = route.retry
        requestState.markRetried()
        passive.failed(route.peer.nodeId)
        announce(route, true)
    end
    local ok, err = balancer.set_current_peer(peer.address, peer.port)
    if not ok then
        ngx.log(
            ngx.ERR,
            (((((("set_current_peer " .. peer.address) .. ":") .. tostring(peer.port)) .. " (") .. peer.nodeId) .. "): ") .. tostring(err)
        )
        return ngx.exit(502)
    end
end
return ____exports
