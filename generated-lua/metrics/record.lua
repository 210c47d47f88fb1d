local ____lualib = require("lualib_bundle")
local __TS__StringStartsWith = ____lualib.__TS__StringStartsWith
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 5,["7"] = 5,["8"] = 5,["9"] = 6,["10"] = 7,["11"] = 8,["12"] = 8,["14"] = 56,["15"] = 57,["16"] = 58,["17"] = 56,["18"] = 10,["19"] = 11,["21"] = 14,["22"] = 15,["23"] = 14,["25"] = 19,["26"] = 20,["27"] = 20,["29"] = 19,["31"] = 24,["32"] = 25,["35"] = 26,["36"] = 27,["39"] = 28,["40"] = 28,["41"] = 28,["42"] = 28,["43"] = 29,["44"] = 24,["46"] = 33,["47"] = 34,["48"] = 35,["49"] = 36,["51"] = 38,["52"] = 38,["53"] = 38,["54"] = 38,["55"] = 39,["56"] = 39,["58"] = 40,["59"] = 40,["60"] = 40,["61"] = 40,["62"] = 40,["64"] = 41,["65"] = 41,["67"] = 42,["68"] = 43,["69"] = 44,["70"] = 45,["71"] = 46,["72"] = 47,["73"] = 48,["74"] = 48,["75"] = 48,["76"] = 48,["77"] = 49,["80"] = 52,["81"] = 33});
local ____exports = {}
local ____metrics_text = require("core.metrics_text")
local bucketIndex = ____metrics_text.bucketIndex
local lastUpstreamTime = ____metrics_text.lastUpstreamTime
local counters = require("metrics.counters")
local pins = require("metrics.pins")
local ____settings = require("metrics.settings")
local ENABLED = ____settings.ENABLED
--- Everything this worker counted, into shared memory (timer, scrape, exit).
function ____exports.flush(now)
    counters.flush()
    pins.flush(now)
end
local SOCKET_IO = "/socket.io/"
local SWITCHING_PROTOCOLS = 101
--- The node that answered: the retry node when the first try failed.
local function servedBy(route)
    return route.retried and route.retry ~= nil and route.retry.nodeId or route.peer.nodeId
end
--- A worker that is shutting down has no flush timer left: it writes through.
local function flushIfExiting()
    if ngx.worker.exiting() then
        ____exports.flush(ngx.now())
    end
end
--- Header filter: an upgrade the node accepted is now an open connection.
function ____exports.upgradeStarted()
    if not ENABLED or ngx.status ~= SWITCHING_PROTOCOLS then
        return
    end
    local route = ngx.ctx.route
    if route == nil then
        return
    end
    counters.add(
        counters.keysOf(servedBy(route)).websockets,
        1
    )
    flushIfExiting()
end
--- Log phase of the proxying location. `route` is undefined when the router answered itself.
function ____exports.afterRequest(route)
    if route == nil then
        counters.add(counters.REJECTED_KEY, 0)
        return flushIfExiting()
    end
    counters.add(
        counters.decisionKey(route.reason),
        1
    )
    if route.fallback then
        counters.add(counters.FALLBACK_KEY, 1)
    end
    if route.retried then
        counters.add(
            counters.keysOf(route.peer.nodeId).retry,
            1
        )
    end
    if route.reason == "fixed-node" then
        pins.add(route.peer.nodeId)
    end
    local keys = counters.keysOf(ngx.var.cookie_KUMA_FIXED_NODE or servedBy(route))
    if ngx.status == SWITCHING_PROTOCOLS then
        counters.add(keys.websockets, 0)
    elseif not __TS__StringStartsWith(ngx.var.uri or "", SOCKET_IO .. "nothing/") then
        local seconds = lastUpstreamTime(ngx.var.upstream_response_time or "")
        if seconds ~= nil then
            counters.add(
                keys.buckets[bucketIndex(seconds) + 1],
                1
            )
            counters.add(keys.sum, seconds)
        end
    end
    flushIfExiting()
end
return ____exports
