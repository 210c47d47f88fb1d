local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 5,["6"] = 5,["7"] = 7,["8"] = 7,["9"] = 7,["10"] = 8,["11"] = 8,["13"] = 11,["14"] = 12,["15"] = 13,["16"] = 14,["17"] = 15,["18"] = 16,["19"] = 17,["20"] = 18,["21"] = 19,["23"] = 22,["24"] = 23,["25"] = 23,["27"] = 24,["28"] = 24,["30"] = 25,["31"] = 22,["33"] = 29,["34"] = 30,["35"] = 31,["36"] = 32,["37"] = 33,["38"] = 35,["39"] = 36,["40"] = 37,["41"] = 38,["43"] = 29});
local ____exports = {}
local ____route = require("core.route")
local REASONS = ____route.REASONS
local ____cookie = require("request.cookie")
local clearHeader = ____cookie.clearHeader
local pinHeader = ____cookie.pinHeader
local ____state = require("request.state")
local servedPeer = ____state.servedPeer
--- X-Routed-Via values, built once: the reason, and the reason with what happened to it.
local VIA = {}
local VIA_RETRY = {}
local VIA_FALLBACK = {}
local VIA_SKIPPED = {}
for ____, r in ipairs(REASONS) do
    VIA[r] = r
    VIA_RETRY[r] = r .. ",retry"
    VIA_FALLBACK[r] = r .. ",all-down-fallback"
    VIA_SKIPPED[r] = r .. ",lookup-skipped"
end
local function via(route, retried)
    if retried then
        return VIA_RETRY[route.reason]
    end
    if route.lookupSkipped == true then
        return VIA_SKIPPED[route.reason]
    end
    return route.fallback and VIA_FALLBACK[route.reason] or VIA[route.reason]
end
--- Access phase (retried false) and the balancer's second try (retried true).
function ____exports.announce(route, retried)
    local served = servedPeer(route, retried)
    local header = ngx.header
    header["X-Routed-To"] = served.nodeId
    header["X-Routed-Via"] = via(route, retried)
    if route.cookie == "set" or retried and route.cookie == "keep" and route.reason == "fixed-node" then
        header["Set-Cookie"] = pinHeader(served.nodeId)
    elseif route.cookie == "clear" then
        header["Set-Cookie"] = clearHeader()
    end
end
return ____exports
