local ____lualib = require("lualib_bundle")
local __TS__StringStartsWith = ____lualib.__TS__StringStartsWith
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 7,["7"] = 7,["8"] = 7,["9"] = 8,["10"] = 9,["11"] = 10,["12"] = 10,["13"] = 12,["17"] = 18,["18"] = 19,["20"] = 22,["22"] = 25,["23"] = 26,["24"] = 27,["25"] = 25,["27"] = 31,["28"] = 32,["29"] = 31,["32"] = 39,["33"] = 40,["36"] = 41,["37"] = 41,["38"] = 41,["39"] = 41,["40"] = 42,["41"] = 42,["43"] = 39,["45"] = 46,["46"] = 47,["49"] = 48,["50"] = 49,["52"] = 51,["53"] = 52,["54"] = 52,["56"] = 53,["57"] = 53,["58"] = 53,["59"] = 53,["60"] = 53,["62"] = 54,["63"] = 54,["65"] = 55,["66"] = 56,["67"] = 58,["68"] = 58,["69"] = 58,["70"] = 58,["72"] = 62,["73"] = 63,["74"] = 64,["75"] = 64,["76"] = 64,["77"] = 64,["78"] = 65,["82"] = 69,["83"] = 69,["85"] = 46});
local ____exports = {}
local ____metrics_text = require("core.metrics_text")
local bucketOf = ____metrics_text.bucketOf
local millisecondBuckets = ____metrics_text.millisecondBuckets
local counters = require("metrics.counters")
local pins = require("metrics.pins")
local ____settings = require("metrics.settings")
local ENABLED = ____settings.ENABLED
local SOCKET_IO = "/socket.io/"
--- Only a request this slow can be a socket.io long-poll worth leaving out of the latency
-- histogram, so only then is the path read (one ngx.var read less for nearly every request).
-- Below it a socket.io request counts like any other: it cannot reach the 1 s alert's tail.
local LONG_POLL_CHECK_S = 0.25
local BUCKET_BY_MS = millisecondBuckets()
--- Set once the worker's flush timer ran for the last time (worker exit): write through from then.
local exiting = false
--- Everything this worker counted, into shared memory (timer, scrape, exit).
function ____exports.flush(now)
    counters.flush()
    pins.flush(now)
end
--- The flush timer's last run: the worker is exiting, no timer will flush after this.
function ____exports.workerExiting()
    exiting = true
end
--- Access phase: a WebSocket upgrade was routed to `nodeId`. It counts as open from now until
-- the request ends (an upgrade the node refuses ends within milliseconds).
function ____exports.upgradeOpened(nodeId)
    if not ENABLED then
        return
    end
    counters.add(
        counters.keysOf(nodeId).websockets,
        1
    )
    if exiting then
        ____exports.flush(ngx.now())
    end
end
--- Log phase of the proxying location. `route` is undefined when the router answered itself.
function ____exports.afterRequest(route, retried, upgrade)
    if not ENABLED then
        return
    end
    if route == nil then
        counters.add(counters.REJECTED_KEY, 1)
    else
        counters.add(counters.DECISION_KEYS[route.reason], 1)
        if route.fallback then
            counters.add(counters.FALLBACK_KEY, 1)
        end
        if retried then
            counters.add(
                counters.keysOf(route.peer.nodeId).retry,
                1
            )
        end
        if route.reason == "fixed-node" then
            pins.add(route.peer.nodeId)
        end
        local keys = counters.keysOf(retried and route.retry ~= nil and route.retry.nodeId or route.peer.nodeId)
        if upgrade then
            counters.add(
                counters.keysOf(route.peer.nodeId).websockets,
                -1
            )
        else
            local seconds = ngx.now() - ngx.req.start_time()
            if seconds < LONG_POLL_CHECK_S or not __TS__StringStartsWith(ngx.var.uri or "", SOCKET_IO) then
                counters.add(
                    keys.buckets[bucketOf(seconds, BUCKET_BY_MS) + 1],
                    1
                )
                counters.add(keys.sum, seconds)
            end
        end
    end
    if exiting then
        ____exports.flush(ngx.now())
    end
end
return ____exports
