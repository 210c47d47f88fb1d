local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 7,["6"] = 8,["7"] = 9,["11"] = 16,["14"] = 28,["18"] = 43,["19"] = 49});
local ____exports = {}
____exports.MOVE_TABLE = "kuma_cluster_move"
____exports.AGENT_TABLE = "kuma_cluster_agent"
____exports.DRAIN_TABLE = "kuma_cluster_drain"
--- One row per monitor the router moved: from_node is its effective owner before the router's
-- first move (where it returns), to_node the assigned_node value the router wrote. A row whose
-- monitor no longer carries to_node describes nothing: the operator changed the owner since.
____exports.MOVE_TABLE_DDL = "CREATE TABLE IF NOT EXISTS kuma_cluster_move (\n  monitor_id INT NOT NULL PRIMARY KEY,\n  from_node  VARCHAR(255) NOT NULL,\n  to_node    VARCHAR(255) NOT NULL,\n  kind       VARCHAR(20)  NOT NULL,\n  moved_at   DATETIME(3)  NOT NULL\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"
--- One row per node with an agent: whether it can trigger the node's reconcile ('trigger') or
-- not ('timer': the fork's one-minute reconcile timer applies); seen_at moves with every heartbeat.
____exports.AGENT_TABLE_DDL = "CREATE TABLE IF NOT EXISTS kuma_cluster_agent (\n  node_id           VARCHAR(255) NOT NULL PRIMARY KEY,\n  handover          VARCHAR(20)  NOT NULL,\n  detail            VARCHAR(255) NULL,\n  agent_version     VARCHAR(40)  NULL,\n  seen_at           DATETIME(3)  NOT NULL,\n  last_reconcile_at DATETIME(3)  NULL,\n  last_reconcile_ms INT          NULL\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"
--- One row per drained node: it takes no new sessions and its monitors are handed over until the
-- row goes. requested_by is 'operator' (POST /lb/nodes/<id>/drain, `kuma-cluster-node drain`:
-- kept across restarts) or 'shutdown' (the node's own preStop: its next start clears it).
____exports.DRAIN_TABLE_DDL = "CREATE TABLE IF NOT EXISTS kuma_cluster_drain (\n  node_id      VARCHAR(255) NOT NULL PRIMARY KEY,\n  requested_by VARCHAR(20)  NOT NULL,\n  drained_at   DATETIME(3)  NOT NULL\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"
____exports.ROUTER_TABLES_DDL = {____exports.MOVE_TABLE_DDL, ____exports.AGENT_TABLE_DDL, ____exports.DRAIN_TABLE_DDL}
return ____exports
