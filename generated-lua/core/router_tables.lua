local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 7,["7"] = 8,["8"] = 9,["12"] = 16,["15"] = 28,["21"] = 45,["22"] = 46,["27"] = 60,["29"] = 83,["30"] = 85,["31"] = 85,["32"] = 85,["33"] = 85,["34"] = 85,["35"] = 85,["39"] = 92,["40"] = 98});
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
--- The change log of `monitor`: one row per inserted, updated or deleted monitor row, written by
-- the triggers below in the writer's own transaction. The router's sync reads the rows after
-- the last one it published and re-reads only those monitors (docs/benchmarks.md, "Snapshot at
-- scale"). old_token is the row's push token before the change, so a worker can forget it.
-- Rows older than an hour are pruned by the sync.
____exports.CHANGE_TABLE = "kuma_cluster_monitor_change"
____exports.CHANGE_TABLE_DDL = "CREATE TABLE IF NOT EXISTS kuma_cluster_monitor_change (\n  seq        BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,\n  monitor_id INT UNSIGNED    NOT NULL,\n  old_token  VARCHAR(255)    NULL,\n  changed_at TIMESTAMP(3)    NOT NULL DEFAULT CURRENT_TIMESTAMP(3),\n  KEY kuma_cluster_monitor_change_at (changed_at)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"
--- The triggers on the fork's `monitor` that feed the change log. They read only `id` and
-- `push_token` (Uptime Kuma's own columns since 1.x) and never write `monitor`: the fork's
-- knex migrations alter `monitor` with ADD/MODIFY COLUMN, which MariaDB does with the triggers
-- kept. Single-row VALUES inserts, so InnoDB hands out consecutive sequence numbers.
____exports.CHANGE_TRIGGERS = {{name = "kuma_cluster_monitor_insert", ddl = "CREATE TRIGGER IF NOT EXISTS kuma_cluster_monitor_insert AFTER INSERT ON monitor FOR EACH ROW " .. "INSERT INTO kuma_cluster_monitor_change (monitor_id) VALUES (NEW.id)"}, {name = "kuma_cluster_monitor_update", ddl = "CREATE TRIGGER IF NOT EXISTS kuma_cluster_monitor_update AFTER UPDATE ON monitor FOR EACH ROW " .. "INSERT INTO kuma_cluster_monitor_change (monitor_id, old_token) VALUES (NEW.id, OLD.push_token), (OLD.id, OLD.push_token)"}, {name = "kuma_cluster_monitor_delete", ddl = "CREATE TRIGGER IF NOT EXISTS kuma_cluster_monitor_delete AFTER DELETE ON monitor FOR EACH ROW " .. "INSERT INTO kuma_cluster_monitor_change (monitor_id, old_token) VALUES (OLD.id, OLD.push_token)"}}
--- How many of the triggers exist (all of them, or the change log is not complete).
____exports.CHANGE_TRIGGERS_COUNT_SQL = "SELECT COUNT(*) AS n FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() " .. ("AND EVENT_OBJECT_TABLE = 'monitor' AND TRIGGER_NAME IN (" .. table.concat(
    __TS__ArrayMap(
        ____exports.CHANGE_TRIGGERS,
        function(____, t) return ("'" .. t.name) .. "'" end
    ),
    ", "
)) .. ")"
--- One row per drained node: it takes no new sessions and its monitors are handed over until the
-- row goes. requested_by is 'operator' (POST /lb/nodes/<id>/drain, `kuma-cluster-node drain`:
-- kept across restarts) or 'shutdown' (the node's own preStop: its next start clears it).
____exports.DRAIN_TABLE_DDL = "CREATE TABLE IF NOT EXISTS kuma_cluster_drain (\n  node_id      VARCHAR(255) NOT NULL PRIMARY KEY,\n  requested_by VARCHAR(20)  NOT NULL,\n  drained_at   DATETIME(3)  NOT NULL\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"
____exports.ROUTER_TABLES_DDL = {____exports.MOVE_TABLE_DDL, ____exports.AGENT_TABLE_DDL, ____exports.CHANGE_TABLE_DDL, ____exports.DRAIN_TABLE_DDL}
return ____exports
