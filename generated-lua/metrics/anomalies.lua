local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 4,["6"] = 5,["7"] = 6,["8"] = 6,["9"] = 6,["10"] = 6,["11"] = 6,["12"] = 6,["13"] = 6,["14"] = 7,["15"] = 7,["16"] = 9,["17"] = 9,["18"] = 10,["19"] = 10,["20"] = 12,["21"] = 13,["22"] = 15,["23"] = 16,["24"] = 16,["25"] = 16,["26"] = 16,["27"] = 16,["28"] = 16,["29"] = 17,["30"] = 17,["31"] = 17,["32"] = 17,["33"] = 17,["35"] = 15,["37"] = 21,["38"] = 22,["39"] = 23,["40"] = 24,["41"] = 24,["43"] = 25,["44"] = 25,["45"] = 21,["47"] = 29,["48"] = 30,["51"] = 31,["52"] = 32,["53"] = 33,["55"] = 35,["56"] = 36,["58"] = 38,["59"] = 38,["60"] = 38,["61"] = 38,["62"] = 38,["63"] = 38,["65"] = 29,["67"] = 42,["68"] = 43,["69"] = 44,["72"] = 45,["73"] = 42,["75"] = 49,["76"] = 50,["79"] = 51,["80"] = 52,["81"] = 49});
local ____exports = {}
local config = require("runtime.config")
local store = require("cluster.snapshot_store")
local ____anomaly = require("core.anomaly")
local ANOMALY_LOG_INTERVAL_S = ____anomaly.ANOMALY_LOG_INTERVAL_S
local admit = ____anomaly.admit
local anomalyKey = ____anomaly.anomalyKey
local describeAnomaly = ____anomaly.describeAnomaly
local prune = ____anomaly.prune
local staleAfterS = ____anomaly.staleAfterS
local ____snapshot = require("core.snapshot")
local nodeOf = ____snapshot.nodeOf
local ____state = require("request.state")
local servedPeer = ____state.servedPeer
local ____cookie = require("request.cookie")
local fixedNodeOf = ____cookie.fixedNodeOf
local limiter = {}
local nextPruneAt = 0
function ____exports.report(a)
    local suppressed = admit(
        limiter,
        anomalyKey(a),
        ngx.now(),
        ANOMALY_LOG_INTERVAL_S
    )
    if suppressed ~= nil then
        ngx.log(
            ngx.WARN,
            describeAnomaly(a, suppressed)
        )
    end
end
--- The node the cookie pinned, only when it is a registered node id (never the raw value).
local function pinnedFrom()
    local value = fixedNodeOf()
    local snapshot = store.current()
    if value == nil or snapshot == nil then
        return nil
    end
    local ____opt_0 = nodeOf(snapshot, value)
    return ____opt_0 and ____opt_0.id
end
--- Log phase of the proxying location.
function ____exports.afterRequest(route, retried)
    if route == nil then
        return
    end
    if route.fallback then
        local served = servedPeer(route, retried)
        ____exports.report({kind = "all-down-fallback", node = served.nodeId, reason = route.reason})
    end
    if retried and route.retry ~= nil then
        ____exports.report({kind = "retry", node = route.peer.nodeId, to = route.retry.nodeId, reason = route.reason})
    end
    if route.reason == "re-pin" then
        ____exports.report({
            kind = "re-pin",
            node = route.peer.nodeId,
            from = pinnedFrom()
        })
    end
end
--- Timer (one worker): the registry has not been read for too long.
function ____exports.checkSnapshot()
    local s = store.status()
    if s.ageS == nil or s.ageS <= staleAfterS(config.get().router.syncIntervalS) then
        return
    end
    ____exports.report({kind = "stale-snapshot", ageS = s.ageS, version = s.version})
end
--- Timer (every worker): forget quiet entries now and then.
function ____exports.tick(now)
    if now < nextPruneAt then
        return
    end
    nextPruneAt = now + 60
    prune(limiter, now)
end
return ____exports
