local ____lualib = require("lualib_bundle")
local __TS__StringStartsWith = ____lualib.__TS__StringStartsWith
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 7,["7"] = 7,["8"] = 7,["9"] = 7,["10"] = 8,["11"] = 9,["12"] = 10,["13"] = 10,["14"] = 12,["18"] = 18,["19"] = 19,["21"] = 22,["23"] = 25,["24"] = 26,["25"] = 27,["26"] = 25,["28"] = 31,["29"] = 32,["30"] = 31,["33"] = 39,["34"] = 40,["37"] = 41,["38"] = 41,["39"] = 41,["40"] = 41,["41"] = 42,["42"] = 42,["44"] = 39,["47"] = 49,["48"] = 50,["49"] = 51,["50"] = 49,["52"] = 55,["53"] = 56,["56"] = 57,["57"] = 58,["59"] = 60,["60"] = 61,["61"] = 61,["63"] = 62,["64"] = 62,["65"] = 62,["66"] = 62,["67"] = 62,["69"] = 63,["70"] = 63,["72"] = 64,["73"] = 65,["74"] = 67,["75"] = 67,["76"] = 67,["77"] = 67,["79"] = 69,["80"] = 70,["81"] = 70,["82"] = 70,["84"] = 70,["86"] = 70,["87"] = 71,["88"] = 72,["89"] = 72,["90"] = 72,["91"] = 72,["92"] = 73,["96"] = 77,["97"] = 77,["99"] = 55});
local ____exports = {}
local ____metrics_text = require("core.metrics_text")
local bucketOf = ____metrics_text.bucketOf
local lastUpstreamTime = ____metrics_text.lastUpstreamTime
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
--- $upstream_response_time of the last try. nginx writes one try as "0.004", which tonumber
-- reads at C speed; lists of tries ("0.003, 0.004") and "-" go through the core parser.
local function upstreamSeconds(text)
    local n = tonumber(text)
    return n ~= nil and n >= 0 and n or lastUpstreamTime(text)
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
            local text = ngx.var.upstream_response_time
            local ____temp_0
            if text == nil then
                ____temp_0 = nil
            else
                ____temp_0 = upstreamSeconds(text)
            end
            local seconds = ____temp_0
            if seconds ~= nil and (seconds < LONG_POLL_CHECK_S or not __TS__StringStartsWith(ngx.var.uri or "", SOCKET_IO)) then
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
