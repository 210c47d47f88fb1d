// The tables of the cluster that the router and this package own, in one place: `node` (the
// registry) and the router's own records. `kuma-cluster-node migrate` creates them before any
// node starts; the tests build their databases from the same statements.
//
// `node` is created exactly as the cluster fork's knex migration would create it (same columns,
// types, defaults and index names), except `host`: the fork declares varchar(45), too short for
// a pod's host such as
// uptime-kuma-12.uptime-kuma-headless.uptime-kuma.svc.cluster.local:3001 (70 characters). The
// fork's migration skips a table that exists, so creating it first is enough.

export const HOST_LENGTH = 255;

export const CREATE_NODE =
  "CREATE TABLE IF NOT EXISTS `node` (\n" +
  "  `node_id` varchar(50) NOT NULL,\n" +
  "  `node_name` varchar(100) NOT NULL,\n" +
  "  `location` varchar(200) NULL,\n" +
  `  \`host\` varchar(${HOST_LENGTH}) NULL,\n` +
  "  `hostname` varchar(100) NULL,\n" +
  "  `status` varchar(20) DEFAULT 'online',\n" +
  "  `active` tinyint(1) DEFAULT 1,\n" +
  "  `is_primary` tinyint(1) DEFAULT 0,\n" +
  "  `created_date` timestamp NULL DEFAULT CURRENT_TIMESTAMP,\n" +
  "  `modified_date` timestamp NULL DEFAULT CURRENT_TIMESTAMP,\n" +
  "  `last_seen` timestamp NULL DEFAULT CURRENT_TIMESTAMP,\n" +
  "  PRIMARY KEY (`node_id`),\n" +
  "  KEY `idx_node_name` (`node_name`),\n" +
  "  KEY `idx_node_status` (`status`),\n" +
  "  KEY `idx_node_active` (`active`),\n" +
  "  KEY `idx_node_is_primary` (`is_primary`)\n" +
  ")";

/** Widens a `host` the fork created; the column keeps its NULL default. */
export const WIDEN_NODE_HOST = `ALTER TABLE \`node\` MODIFY COLUMN \`host\` varchar(${HOST_LENGTH}) NULL`;

/** The router's record of every monitor it moved, so that it undoes only its own moves. */
export const CREATE_MOVE =
  "CREATE TABLE IF NOT EXISTS kuma_cluster_move (\n" +
  "  monitor_id INT NOT NULL PRIMARY KEY,\n" +
  "  from_node  VARCHAR(255) NOT NULL,\n" +
  "  to_node    VARCHAR(255) NOT NULL,\n" +
  "  kind       VARCHAR(20)  NOT NULL,\n" +
  "  moved_at   DATETIME(3)  NOT NULL\n" +
  ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";

/** One row per node supervisor (`kuma-cluster-node exec`): how its node takes over monitors. */
export const CREATE_AGENT =
  "CREATE TABLE IF NOT EXISTS kuma_cluster_agent (\n" +
  "  node_id           VARCHAR(255) NOT NULL PRIMARY KEY,\n" +
  "  handover          VARCHAR(20)  NOT NULL,\n" +
  "  detail            VARCHAR(255) NULL,\n" +
  "  agent_version     VARCHAR(40)  NULL,\n" +
  "  seen_at           DATETIME(3)  NOT NULL,\n" +
  "  last_reconcile_at DATETIME(3)  NULL,\n" +
  "  last_reconcile_ms INT          NULL\n" +
  ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";

/** Every table migrate owns, in creation order. */
export const OWNED_TABLES: readonly { name: string; create: string }[] = [
  { name: "node", create: CREATE_NODE },
  { name: "kuma_cluster_move", create: CREATE_MOVE },
  { name: "kuma_cluster_agent", create: CREATE_AGENT },
];
