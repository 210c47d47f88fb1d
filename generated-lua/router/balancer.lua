local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 3,["6"] = 4,["7"] = 6,["8"] = 7,["9"] = 8,["10"] = 8,["12"] = 9,["13"] = 10,["14"] = 11,["15"] = 12,["16"] = 12,["18"] = 13,["19"] = 14,["20"] = 15,["21"] = 16,["23"] = 18,["24"] = 19,["25"] = 20,["26"] = 20,["27"] = 20,["28"] = 20,["29"] = 21,["31"] = 6});
local ____exports = {}
local balancer = require("ngx.balancer")
local passive = require("health.passive")
function ____exports.balance()
    local route = ngx.ctx.route
    if route == nil then
        return ngx.exit(500)
    end
    route.tries = route.tries + 1
    local peer = route.peer
    if route.tries == 1 then
        if route.retry ~= nil then
            balancer.set_more_tries(1)
        end
    elseif route.retry ~= nil then
        peer = route.retry
        route.retried = true
        passive.failed(route.peer.nodeId)
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
