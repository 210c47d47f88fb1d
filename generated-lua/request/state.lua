local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 9,["6"] = 10,["7"] = 10,["8"] = 13,["9"] = 14,["10"] = 15,["12"] = 18,["13"] = 19,["14"] = 19,["15"] = 19,["16"] = 19,["17"] = 18,["20"] = 26,["21"] = 27,["22"] = 28,["23"] = 29,["24"] = 30,["25"] = 31,["26"] = 26,["28"] = 35,["29"] = 36,["30"] = 35,["32"] = 40,["33"] = 41,["34"] = 40,["36"] = 45,["37"] = 46,["38"] = 45,["40"] = 50,["41"] = 51,["42"] = 50,["44"] = 55,["45"] = 56,["46"] = 57,["47"] = 58,["48"] = 59,["49"] = 60,["50"] = 61,["51"] = 61,["53"] = 62,["54"] = 62,["56"] = 63,["57"] = 55,["59"] = 67,["60"] = 68,["61"] = 67});
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
