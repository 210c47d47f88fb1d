local ____lualib = require("lualib_bundle")
local __TS__StringStartsWith = ____lualib.__TS__StringStartsWith
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 7,["7"] = 7,["8"] = 8,["9"] = 8,["10"] = 8,["11"] = 9,["12"] = 10,["13"] = 11,["14"] = 11,["15"] = 13,["19"] = 19,["20"] = 20,["22"] = 23,["24"] = 26,["25"] = 27,["26"] = 28,["27"] = 26,["29"] = 32,["30"] = 33,["31"] = 32,["34"] = 40,["35"] = 41,["38"] = 42,["39"] = 42,["40"] = 42,["41"] = 42,["42"] = 43,["43"] = 43,["45"] = 40,["47"] = 47,["48"] = 48,["51"] = 49,["52"] = 50,["54"] = 52,["55"] = 53,["56"] = 53,["58"] = 54,["59"] = 54,["60"] = 54,["61"] = 54,["62"] = 54,["64"] = 55,["65"] = 55,["67"] = 56,["68"] = 57,["69"] = 59,["70"] = 59,["71"] = 59,["72"] = 59,["74"] = 63,["75"] = 64,["76"] = 65,["77"] = 65,["78"] = 65,["79"] = 65,["80"] = 66,["84"] = 70,["85"] = 70,["87"] = 47});
local ____exports = {}
local ____state = require("request.state")
local servedPeer = ____state.servedPeer
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
        local keys = counters.keysOf(servedPeer(route, retried).nodeId)
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
