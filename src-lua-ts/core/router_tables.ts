// The router's own tables beside the fork's (whose tables are never altered): the record of the
// monitors the router moved, and what each node's agent (`kuma-cluster-node exec`) reports about
// hand-over. One text, used by the router's writer (which creates them when missing) and by
// `kuma-cluster-node migrate` (node/src/schema.ts).
// Timestamps are UTC by the database clock (UTC_TIMESTAMP(3)), like node.last_seen.

export const MOVE_TABLE = "kuma_cluster_move";
export const AGENT_TABLE = "kuma_cluster_agent";
export const DRAIN_TABLE = "kuma_cluster_drain";

/**
 * One row per monitor the router moved: from_node is its effective owner before the router's
 * first move (where it returns), to_node the assigned_node value the router wrote. A row whose
 * monitor no longer carries to_node describes nothing: the operator changed the owner since.
 */
export const MOVE_TABLE_DDL = `CREATE TABLE IF NOT EXISTS kuma_cluster_move (
  monitor_id INT NOT NULL PRIMARY KEY,
  from_node  VARCHAR(255) NOT NULL,
  to_node    VARCHAR(255) NOT NULL,
  kind       VARCHAR(20)  NOT NULL,
  moved_at   DATETIME(3)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`;

/**
 * One row per node with an agent: whether it can trigger the node's reconcile ('trigger') or
 * not ('timer': the fork's one-minute reconcile timer applies); seen_at moves with every heartbeat.
 */
export const AGENT_TABLE_DDL = `CREATE TABLE IF NOT EXISTS kuma_cluster_agent (
  node_id           VARCHAR(255) NOT NULL PRIMARY KEY,
  handover          VARCHAR(20)  NOT NULL,
  detail            VARCHAR(255) NULL,
  agent_version     VARCHAR(40)  NULL,
  seen_at           DATETIME(3)  NOT NULL,
  last_reconcile_at DATETIME(3)  NULL,
  last_reconcile_ms INT          NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`;

/**
 * The change log of `monitor`: one row per inserted, updated or deleted monitor row, written by
 * the triggers below in the writer's own transaction. The router's sync reads the rows after
 * the last one it published and re-reads only those monitors (docs/benchmarks.md, "Snapshot at
 * scale"). old_token is the row's push token before the change, so a worker can forget it.
 * Rows older than an hour are pruned by the sync.
 */
export const CHANGE_TABLE = "kuma_cluster_monitor_change";
export const CHANGE_TABLE_DDL = `CREATE TABLE IF NOT EXISTS kuma_cluster_monitor_change (
  seq        BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  monitor_id INT UNSIGNED    NOT NULL,
  old_token  VARCHAR(255)    NULL,
  changed_at TIMESTAMP(3)    NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  KEY kuma_cluster_monitor_change_at (changed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`;

/**
 * The triggers on the fork's `monitor` that feed the change log. They read only `id` and
 * `push_token` (Uptime Kuma's own columns since 1.x) and never write `monitor`: the fork's
 * knex migrations alter `monitor` with ADD/MODIFY COLUMN, which MariaDB does with the triggers
 * kept. Single-row VALUES inserts, so InnoDB hands out consecutive sequence numbers.
 */
export const CHANGE_TRIGGERS: readonly { name: string; ddl: string }[] = [
  {
    name: "kuma_cluster_monitor_insert",
    ddl:
      "CREATE TRIGGER IF NOT EXISTS kuma_cluster_monitor_insert AFTER INSERT ON monitor FOR EACH ROW " +
      "INSERT INTO kuma_cluster_monitor_change (monitor_id) VALUES (NEW.id)",
  },
  {
    // Both ids: an update that changes a monitor's id (Kuma never does) still leaves neither stale.
    name: "kuma_cluster_monitor_update",
    ddl:
      "CREATE TRIGGER IF NOT EXISTS kuma_cluster_monitor_update AFTER UPDATE ON monitor FOR EACH ROW " +
      "INSERT INTO kuma_cluster_monitor_change (monitor_id, old_token) VALUES (NEW.id, OLD.push_token), (OLD.id, OLD.push_token)",
  },
  {
    name: "kuma_cluster_monitor_delete",
    ddl:
      "CREATE TRIGGER IF NOT EXISTS kuma_cluster_monitor_delete AFTER DELETE ON monitor FOR EACH ROW " +
      "INSERT INTO kuma_cluster_monitor_change (monitor_id, old_token) VALUES (OLD.id, OLD.push_token)",
  },
];

/** How many of the triggers exist (all of them, or the change log is not complete). */
export const CHANGE_TRIGGERS_COUNT_SQL =
  "SELECT COUNT(*) AS n FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() " +
  `AND EVENT_OBJECT_TABLE = 'monitor' AND TRIGGER_NAME IN (${CHANGE_TRIGGERS.map((t) => `'${t.name}'`).join(", ")})`;

/**
 * One row per drained node: it takes no new sessions and its monitors are handed over until the
 * row goes. requested_by is 'operator' (POST /lb/nodes/<id>/drain, `kuma-cluster-node drain`:
 * kept across restarts) or 'shutdown' (the node's own preStop: its next start clears it).
 */
export const DRAIN_TABLE_DDL = `CREATE TABLE IF NOT EXISTS kuma_cluster_drain (
  node_id      VARCHAR(255) NOT NULL PRIMARY KEY,
  requested_by VARCHAR(20)  NOT NULL,
  drained_at   DATETIME(3)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`;

export const ROUTER_TABLES_DDL = [MOVE_TABLE_DDL, AGENT_TABLE_DDL, CHANGE_TABLE_DDL, DRAIN_TABLE_DDL];
