local ____lualib = require("lualib_bundle")
local __TS__StringStartsWith = ____lualib.__TS__StringStartsWith
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 7,["7"] = 7,["8"] = 7,["9"] = 8,["10"] = 9,["11"] = 10,["12"] = 10,["13"] = 12,["17"] = 18,["18"] = 19,["20"] = 22,["21"] = 23,["23"] = 26,["25"] = 29,["26"] = 30,["27"] = 29,["29"] = 34,["30"] = 35,["31"] = 36,["32"] = 34,["34"] = 40,["35"] = 41,["36"] = 40,["38"] = 45,["39"] = 46,["42"] = 47,["43"] = 48,["46"] = 49,["47"] = 50,["48"] = 50,["49"] = 50,["50"] = 50,["51"] = 51,["52"] = 51,["54"] = 45,["57"] = 58,["58"] = 59,["59"] = 60,["60"] = 58,["62"] = 64,["63"] = 65,["66"] = 66,["67"] = 67,["69"] = 69,["70"] = 70,["71"] = 70,["73"] = 71,["74"] = 71,["75"] = 71,["76"] = 71,["77"] = 71,["79"] = 72,["80"] = 72,["82"] = 73,["83"] = 74,["84"] = 75,["85"] = 76,["87"] = 78,["88"] = 79,["89"] = 79,["90"] = 79,["92"] = 79,["94"] = 79,["95"] = 80,["96"] = 81,["97"] = 81,["98"] = 81,["99"] = 81,["100"] = 82,["104"] = 86,["105"] = 86,["107"] = 64});
local ____exports = {}
local ____metrics_text = require("core.metrics_text")
local bucketIndex = ____metrics_text.bucketIndex
local lastUpstreamTime = ____metrics_text.lastUpstreamTime
local counters = require("metrics.counters")
local pins = require("metrics.pins")
local ____settings = require("metrics.settings")
local ENABLED = ____settings.ENABLED
local SOCKET_IO = "/socket.io/"
--- Only a request this slow can be a socket.io long-poll worth leaving out of the latency
-- histogram, so only then is the path read (one ngx.var read less for nearly every request).
-- Below it a socket.io request counts like any other: it cannot reach the 1 s alert's tail.
local LONG_POLL_CHECK_S = 0.25
local SWITCHING_PROTOCOLS = 101
--- Routes whose node accepted an upgrade (header filter), so the log phase need not ask ngx.status.
local upgraded = {}
setmetatable(upgraded, {__mode = "k"})
--- Set once the worker's flush timer ran for the last time (worker exit): write through from then.
local exiting = false
--- The node that answered: the retry node when the first try failed.
local function servedBy(route)
    return route.retried and route.retry ~= nil and route.retry.nodeId or route.peer.nodeId
end
--- Everything this worker counted, into shared memory (timer, scrape, exit).
function ____exports.flush(now)
    counters.flush()
    pins.flush(now)
end
--- The flush timer's last run: the worker is exiting, no timer will flush after this.
function ____exports.workerExiting()
    exiting = true
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
    upgraded[route] = true
    counters.add(
        counters.keysOf(servedBy(route)).websockets,
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
function ____exports.afterRequest(route)
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
        if route.retried then
            counters.add(
                counters.keysOf(route.peer.nodeId).retry,
                1
            )
        end
        if route.reason == "fixed-node" then
            pins.add(route.peer.nodeId)
        end
        local keys = counters.keysOf(route.retried and route.retry ~= nil and route.retry.nodeId or route.peer.nodeId)
        if upgraded[route] == true then
            upgraded[route] = nil
            counters.add(keys.websockets, -1)
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
                    keys.buckets[bucketIndex(seconds) + 1],
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
