local ____lualib = require("lualib_bundle")
local __TS__StringStartsWith = ____lualib.__TS__StringStartsWith
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 6,["7"] = 8,["8"] = 8,["9"] = 9,["10"] = 9,["11"] = 9,["12"] = 10,["13"] = 11,["15"] = 14,["16"] = 16,["20"] = 22,["21"] = 23,["23"] = 26,["25"] = 29,["26"] = 30,["27"] = 31,["28"] = 29,["30"] = 35,["31"] = 36,["32"] = 35,["35"] = 43,["39"] = 45,["40"] = 45,["41"] = 45,["42"] = 45,["43"] = 46,["44"] = 46,["46"] = 43,["48"] = 50,["52"] = 52,["53"] = 53,["55"] = 55,["56"] = 56,["57"] = 56,["59"] = 57,["60"] = 57,["61"] = 57,["62"] = 57,["63"] = 57,["65"] = 58,["66"] = 58,["68"] = 59,["69"] = 60,["70"] = 62,["71"] = 62,["72"] = 62,["73"] = 62,["75"] = 66,["76"] = 67,["77"] = 68,["78"] = 68,["79"] = 68,["80"] = 68,["81"] = 69,["85"] = 73,["86"] = 73,["88"] = 50});
local ____exports = {}
local config = require("runtime.config")
local ____state = require("request.state")
local servedPeer = ____state.servedPeer
local ____metrics_text = require("core.metrics_text")
local bucketOf = ____metrics_text.bucketOf
local millisecondBuckets = ____metrics_text.millisecondBuckets
local counters = require("metrics.counters")
local pins = require("metrics.pins")
--- ROUTER_METRICS, read once as the module loads (init_by_lua): false turns the per-request work off.
____exports.ENABLED = config.get().router.metrics
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
    if not ____exports.ENABLED then
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
    if not ____exports.ENABLED then
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
