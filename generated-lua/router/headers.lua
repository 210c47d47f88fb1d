local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 5,["6"] = 5,["7"] = 7,["8"] = 7,["9"] = 7,["11"] = 10,["12"] = 11,["13"] = 12,["14"] = 13,["15"] = 14,["16"] = 15,["17"] = 16,["20"] = 20,["21"] = 21,["22"] = 22,["23"] = 23,["24"] = 24,["25"] = 26,["26"] = 27,["27"] = 28,["28"] = 29,["30"] = 20});
local ____exports = {}
local ____route = require("core.route")
local REASONS = ____route.REASONS
local ____cookie = require("router.cookie")
local clearHeader = ____cookie.clearHeader
local pinHeader = ____cookie.pinHeader
--- X-Routed-Via values, built once: the reason, and the reason with what happened to it.
local VIA = {}
local VIA_RETRY = {}
local VIA_FALLBACK = {}
for ____, r in ipairs(REASONS) do
    VIA[r] = r
    VIA_RETRY[r] = r .. ",retry"
    VIA_FALLBACK[r] = r .. ",all-down-fallback"
end
--- Access phase (retried false) and the balancer's second try (retried true).
function ____exports.announce(route, retried)
    local served = retried and route.retry ~= nil and route.retry or route.peer
    local header = ngx.header
    header["X-Routed-To"] = served.nodeId
    header["X-Routed-Via"] = retried and VIA_RETRY[route.reason] or (route.fallback and VIA_FALLBACK[route.reason] or VIA[route.reason])
    if route.cookie == "set" or retried and route.cookie == "keep" and route.reason == "fixed-node" then
        header["Set-Cookie"] = pinHeader(served.nodeId)
    elseif route.cookie == "clear" then
        header["Set-Cookie"] = clearHeader()
    end
end
return ____exports
