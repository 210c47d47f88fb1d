local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 3,["6"] = 5,["7"] = 6,["8"] = 7,["9"] = 7,["11"] = 8,["12"] = 9,["13"] = 10,["14"] = 11,["15"] = 11,["17"] = 12,["18"] = 13,["19"] = 14,["21"] = 16,["22"] = 17,["23"] = 18,["24"] = 18,["25"] = 18,["26"] = 18,["27"] = 19,["29"] = 5});
local ____exports = {}
local balancer = require("ngx.balancer")
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
