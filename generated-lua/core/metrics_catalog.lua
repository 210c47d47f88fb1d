local ____lualib = require("lualib_bundle")
local __TS__ArrayPush = ____lualib.__TS__ArrayPush
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 20,["7"] = 20,["8"] = 20,["9"] = 20,["10"] = 20,["11"] = 20,["12"] = 20,["13"] = 20,["14"] = 21,["15"] = 22,["17"] = 25,["18"] = 25,["19"] = 25,["20"] = 25,["21"] = 25,["22"] = 25,["23"] = 25,["24"] = 25,["25"] = 25,["26"] = 25,["27"] = 25,["28"] = 25,["29"] = 25,["30"] = 27,["31"] = 28,["32"] = 29,["33"] = 30,["34"] = 31,["35"] = 32,["36"] = 33,["37"] = 34,["38"] = 35,["39"] = 36,["40"] = 37,["41"] = 38,["42"] = 39,["43"] = 40,["44"] = 41,["45"] = 43,["46"] = 43,["47"] = 43,["48"] = 43,["49"] = 43,["50"] = 43,["51"] = 49,["52"] = 49,["53"] = 49,["54"] = 49,["55"] = 49,["56"] = 49,["57"] = 43,["58"] = 43,["59"] = 43,["60"] = 43,["61"] = 43,["62"] = 43,["63"] = 43,["64"] = 43,["65"] = 57,["66"] = 57,["67"] = 57,["68"] = 57,["69"] = 57,["70"] = 57,["71"] = 43,["72"] = 43,["73"] = 43,["75"] = 62,["76"] = 63,["77"] = 62,["78"] = 66,["79"] = 67,["80"] = 67,["81"] = 67,["84"] = 68,["85"] = 66,["87"] = 72,["88"] = 73,["89"] = 74,["90"] = 75,["91"] = 76,["93"] = 78,["96"] = 81,["97"] = 72});
local ____exports = {}
____exports.REASONS = {
    "setup",
    "owner",
    "owner-down",
    "fixed-node",
    "re-pin",
    "least-loaded"
}
____exports.TRANSITIONS = {"up", "down"}
____exports.DNS_STATES = {"fresh", "stale", "failed"}
--- Seconds. The 1 s bound is the plan's latency alert threshold.
____exports.LATENCY_BUCKETS = {
    0.005,
    0.01,
    0.025,
    0.05,
    0.1,
    0.25,
    0.5,
    1,
    2.5,
    5,
    10
}
____exports.NODE_STATUS = "uptime_kuma_node_status"
____exports.NODE_REGISTRY_ONLINE = "uptime_kuma_node_registry_online"
____exports.MONITOR_COUNT = "uptime_kuma_monitor_count"
____exports.API_LATENCY = "uptime_kuma_api_latency_seconds"
____exports.WEBSOCKETS = "uptime_kuma_websocket_connections"
____exports.DECISIONS = "kuma_router_decisions_total"
____exports.FALLBACKS = "kuma_router_all_down_fallback_total"
____exports.REJECTED = "kuma_router_rejected_requests_total"
____exports.RETRIES = "kuma_router_retries_total"
____exports.TRANSITIONS_TOTAL = "kuma_router_health_transitions_total"
____exports.SNAPSHOT_AGE = "kuma_router_snapshot_age_seconds"
____exports.SNAPSHOT_VERSION = "kuma_router_snapshot_version"
____exports.SYNC_FAILING = "kuma_router_snapshot_sync_failing"
____exports.DNS_NAMES = "kuma_router_dns_names"
____exports.EXPECTED_NODES = "kuma_router_expected_nodes"
____exports.FAMILIES = {
    {name = ____exports.NODE_STATUS, type = "gauge", help = "1 when the router's own health checks call the node up (and it has an address), 0 when down", labels = {"node_id"}},
    {name = ____exports.NODE_REGISTRY_ONLINE, type = "gauge", help = "1 when the node is online in the registry (node.status), 0 when offline", labels = {"node_id"}},
    {name = ____exports.MONITOR_COUNT, type = "gauge", help = "Active monitors the node owns (COALESCE(assigned_node, node_id)) in the router's snapshot", labels = {"node_id"}},
    {name = ____exports.API_LATENCY, type = "histogram", help = "Upstream response time of requests proxied to the node, socket.io long-polls excluded", labels = {"node_id"}},
    {name = ____exports.WEBSOCKETS, type = "gauge", help = "Upgraded (WebSocket) connections this router holds open to the node", labels = {"node_id"}},
    {
        name = ____exports.DECISIONS,
        type = "counter",
        help = "Proxied requests by routing decision",
        labels = {"reason"},
        zeroes = ____exports.REASONS
    },
    {name = ____exports.FALLBACKS, type = "counter", help = "Requests routed by the registry alone because the health checks called every node down", labels = {}},
    {name = ____exports.REJECTED, type = "counter", help = "Requests the router answered itself with an error (no snapshot, no node, unresolvable)", labels = {}},
    {name = ____exports.RETRIES, type = "counter", help = "Requests retried on another node after the first try to this node failed", labels = {"node_id"}},
    {name = ____exports.TRANSITIONS_TOTAL, type = "counter", help = "Health verdict changes of the node, by the state it changed to", labels = {"node_id", "transition"}},
    {name = ____exports.SNAPSHOT_AGE, type = "gauge", help = "Seconds since the last successful read of the registry (-1 before the first)", labels = {}},
    {name = ____exports.SNAPSHOT_VERSION, type = "gauge", help = "Version of the snapshot in shared memory (moves when the registry changed)", labels = {}},
    {name = ____exports.SYNC_FAILING, type = "gauge", help = "1 while the latest registry read failed (routing continues from the last snapshot)", labels = {}},
    {
        name = ____exports.DNS_NAMES,
        type = "gauge",
        help = "Host names (nodes, database) in the router's DNS cache by state: fresh answer, stale (resolver failing, last good address served), failed",
        labels = {"dns_state"},
        zeroes = ____exports.DNS_STATES
    },
    {name = ____exports.EXPECTED_NODES, type = "gauge", help = "CLUSTER_NODE_COUNT: the number of nodes the cluster is meant to run", labels = {}}
}
--- The Prometheus label name of a source.
function ____exports.labelName(source)
    return source == "dns_state" and "state" or (source == "transition" and "to" or source)
end
function ____exports.familyOf(name)
    for ____, f in ipairs(____exports.FAMILIES) do
        if f.name == name then
            return f
        end
    end
    return nil
end
--- Every series name a query may use: histograms add _bucket, _sum and _count.
function ____exports.seriesNames()
    local out = {}
    for ____, f in ipairs(____exports.FAMILIES) do
        if f.type == "histogram" then
            __TS__ArrayPush(out, f.name .. "_bucket", f.name .. "_sum", f.name .. "_count")
        else
            out[#out + 1] = f.name
        end
    end
    return out
end
return ____exports
