local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 7,["6"] = 8,["7"] = 8,["8"] = 11,["9"] = 12,["10"] = 13,["12"] = 16,["13"] = 17,["14"] = 17,["15"] = 17,["16"] = 17,["17"] = 16,["20"] = 24,["21"] = 25,["22"] = 26,["23"] = 27,["24"] = 28,["25"] = 29,["26"] = 24,["28"] = 33,["29"] = 34,["30"] = 33,["32"] = 38,["33"] = 39,["34"] = 38,["36"] = 43,["37"] = 44,["38"] = 43,["40"] = 48,["41"] = 49,["42"] = 48,["44"] = 53,["45"] = 54,["46"] = 55,["47"] = 56,["48"] = 57,["49"] = 58,["50"] = 59,["51"] = 59,["53"] = 60,["54"] = 60,["56"] = 61,["57"] = 53,["59"] = 65,["60"] = 66,["61"] = 65});
local ____exports = {}
local ffi = require("ffi")
local ____resty_2Ecore_2Ebase = require("resty.core.base")
local get_request = ____resty_2Ecore_2Ebase.get_request
local routes = {}
local retried = {}
local upgraded = {}
--- The request's address as a number (the pointer itself is a new cdata object at each call).
local function requestKey()
    return tonumber(ffi.cast(
        "uintptr_t",
        get_request()
    ))
end
--- Access phase, first: the request has no route (yet), nor anything a request before it left.
-- Returns the request's key for setRoute() and markUpgraded().
function ____exports.begin()
    local key = requestKey()
    routes[key] = false
    retried[key] = nil
    upgraded[key] = nil
    return key
end
--- Access phase: where the request goes.
function ____exports.setRoute(key, route)
    routes[key] = route
end
--- Balancer.
function ____exports.route()
    return routes[requestKey()] or nil
end
--- Balancer: the first try failed and the retry peer is being tried.
function ____exports.markRetried()
    retried[requestKey()] = true
end
--- Access phase: a WebSocket upgrade, counted open until the request ends.
function ____exports.markUpgraded(key)
    upgraded[key] = true
end
--- Log phase: the request's route, retried and upgraded flags; forgets them.
function ____exports.finish()
    local key = requestKey()
    local route = routes[key]
    local wasRetried = retried[key] == true
    local wasUpgraded = upgraded[key] == true
    routes[key] = nil
    if wasRetried then
        retried[key] = nil
    end
    if wasUpgraded then
        upgraded[key] = nil
    end
    return route or nil, wasRetried, wasUpgraded
end
--- The peer that answered: the retry peer when the first try failed.
function ____exports.servedPeer(route, retried)
    return retried and route.retry ~= nil and route.retry or route.peer
end
return ____exports
