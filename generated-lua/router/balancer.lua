local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 3,["6"] = 4,["7"] = 4,["8"] = 5,["9"] = 5,["10"] = 6,["11"] = 8,["12"] = 9,["13"] = 10,["14"] = 10,["16"] = 11,["17"] = 13,["18"] = 14,["19"] = 15,["20"] = 15,["22"] = 16,["23"] = 17,["24"] = 18,["25"] = 19,["26"] = 20,["28"] = 22,["29"] = 23,["30"] = 24,["31"] = 24,["32"] = 24,["33"] = 24,["34"] = 25,["36"] = 8});
local ____exports = {}
local balancer = require("ngx.balancer")
local ____verdicts = require("health.verdicts")
local passiveFailure = ____verdicts.passiveFailure
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
        passiveFailure(route.peer.nodeId)
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
