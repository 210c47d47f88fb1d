local ____lualib = require("lualib_bundle")
local __TS__SparseArrayNew = ____lualib.__TS__SparseArrayNew
local __TS__SparseArrayPush = ____lualib.__TS__SparseArrayPush
local __TS__SparseArraySpread = ____lualib.__TS__SparseArraySpread
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 3,["9"] = 3,["10"] = 3,["11"] = 5,["12"] = 6,["13"] = 7,["14"] = 7,["15"] = 8,["16"] = 8,["18"] = 9,["19"] = 9,["20"] = 9,["21"] = 9,["23"] = 5,["24"] = 12,["25"] = 13,["26"] = 14,["29"] = 15,["30"] = 16,["31"] = 17,["32"] = 18,["33"] = 19,["34"] = 20,["35"] = 21,["37"] = 12});
local ____exports = {}
local ____cookie = require("router.cookie")
local clearHeader = ____cookie.clearHeader
local pinHeader = ____cookie.pinHeader
local function appendSetCookie(value)
    local existing = ngx.header["Set-Cookie"]
    if existing == nil then
        ngx.header["Set-Cookie"] = value
    elseif type(existing) == "string" then
        ngx.header["Set-Cookie"] = {existing, value}
    else
        local ____ngx_header_1 = ngx.header
        local ____array_0 = __TS__SparseArrayNew(unpack(existing))
        __TS__SparseArrayPush(____array_0, value)
        ____ngx_header_1["Set-Cookie"] = {__TS__SparseArraySpread(____array_0)}
    end
end
function ____exports.setHeaders()
    local route = ngx.ctx.route
    if route == nil then
        return
    end
    local served = route.retried and route.retry ~= nil and route.retry or route.peer
    ngx.header["X-Routed-To"] = served.nodeId
    ngx.header["X-Routed-Via"] = route.retried and route.reason .. ",retry" or (route.fallback and route.reason .. ",all-down-fallback" or route.reason)
    if route.cookie == "set" or route.retried and route.cookie == "keep" and route.reason == "fixed-node" then
        appendSetCookie(pinHeader(served.nodeId))
    elseif route.cookie == "clear" then
        appendSetCookie(clearHeader())
    end
end
return ____exports
