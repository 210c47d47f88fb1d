local ____lualib = require("lualib_bundle")
local __TS__ArrayPush = ____lualib.__TS__ArrayPush
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 4,["7"] = 4,["8"] = 6,["9"] = 22,["10"] = 23,["12"] = 26,["13"] = 26,["14"] = 26,["15"] = 26,["16"] = 26,["17"] = 26,["18"] = 26,["19"] = 26,["20"] = 26,["21"] = 26,["22"] = 26,["23"] = 26,["24"] = 26,["25"] = 28,["26"] = 29,["27"] = 30,["28"] = 31,["29"] = 32,["30"] = 33,["31"] = 34,["32"] = 35,["33"] = 36,["34"] = 37,["35"] = 38,["36"] = 39,["37"] = 40,["38"] = 41,["39"] = 42,["40"] = 43,["41"] = 44,["42"] = 45,["43"] = 46,["44"] = 50,["45"] = 50,["46"] = 50,["47"] = 50,["48"] = 50,["49"] = 50,["50"] = 56,["51"] = 56,["52"] = 56,["53"] = 56,["54"] = 56,["55"] = 56,["56"] = 50,["57"] = 50,["58"] = 50,["59"] = 50,["60"] = 50,["61"] = 50,["62"] = 50,["63"] = 50,["64"] = 64,["65"] = 64,["66"] = 64,["67"] = 64,["68"] = 64,["69"] = 64,["70"] = 50,["71"] = 50,["72"] = 50,["73"] = 50,["74"] = 50,["75"] = 50,["76"] = 50,["78"] = 73,["79"] = 74,["80"] = 73,["81"] = 77,["82"] = 78,["83"] = 78,["84"] = 78,["87"] = 79,["88"] = 77,["90"] = 83,["91"] = 84,["92"] = 85,["93"] = 86,["94"] = 87,["96"] = 89,["99"] = 92,["100"] = 83});
local ____exports = {}
local ____route = require("core.route")
local REASONS = ____route.REASONS
____exports.REASONS = REASONS
____exports.TRANSITIONS = {"up", "down"}
____exports.DNS_STATES = {"fresh", "stale", "failed"}
--- Seconds. The 1 s bound is the latency alert's threshold (docs/observability.md#alerts-prometheusruleyaml).
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
____exports.MONITORS_AWAY = "kuma_router_monitors_moved_away"
____exports.HANDOVER_TRIGGER = "kuma_router_node_handover_trigger"
____exports.NODE_FOREIGN = "kuma_router_node_foreign"
____exports.IMBALANCE = "uptime_kuma_monitor_imbalance_ratio"
____exports.FAMILIES = {
    {name = ____exports.NODE_STATUS, type = "gauge", help = "1 when the router's own health checks call the node up (and it has an address), 0 when down or foreign", labels = {"node_id"}},
    {name = ____exports.NODE_REGISTRY_ONLINE, type = "gauge", help = "1 when the node is online in the registry (node.status), 0 when offline", labels = {"node_id"}},
    {name = ____exports.MONITOR_COUNT, type = "gauge", help = "Active monitors the node owns (COALESCE(assigned_node, node_id)) in the router's snapshot", labels = {"node_id"}},
    {name = ____exports.API_LATENCY, type = "histogram", help = "Response time of requests proxied to the node, from the request's arrival to its end, socket.io long-polls excluded", labels = {"node_id"}},
    {name = ____exports.WEBSOCKETS, type = "gauge", help = "Upgraded (WebSocket) connections this router holds open to the node", labels = {"node_id"}},
    {
        name = ____exports.DECISIONS,
        type = "counter",
        help = "Proxied requests by routing decision",
        labels = {"reason"},
        zeroes = REASONS
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
    {name = ____exports.EXPECTED_NODES, type = "gauge", help = "CLUSTER_NODE_COUNT: the number of nodes the cluster is meant to run", labels = {}},
    {name = ____exports.MONITORS_AWAY, type = "gauge", help = "Active monitors the router moved away from the node (failover); they return once it is confirmed up", labels = {"node_id"}},
    {name = ____exports.IMBALANCE, type = "gauge", help = "(max - min) / mean of the active monitors owned by the healthy, undrained nodes (0 with fewer than two); the rebalance keeps it below REBALANCE_THRESHOLD", labels = {}},
    {name = ____exports.HANDOVER_TRIGGER, type = "gauge", help = "1 when the node's agent triggers its reconcile after a change of owner, 0 when the node's one-minute reconcile timer applies", labels = {"node_id"}},
    {name = ____exports.NODE_FOREIGN, type = "gauge", help = "1 when the node is another world's (not managed by this router: never probed, marked offline or routed to), 0 when this router manages it", labels = {"node_id"}}
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
