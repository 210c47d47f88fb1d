// The tables of the cluster that the router and this package own, in one place: `node` (the
// registry) and the router's own records. `kuma-cluster-node migrate` creates them before any
// node starts; the tests build their databases from the same statements.
//
// `node` is created exactly as the cluster fork's knex migration would create it (same columns,
// types, defaults and index names), except `host`: the fork declares varchar(45), too short for
// a pod's host such as
// uptime-kuma-12.uptime-kuma-headless.uptime-kuma.svc.cluster.local:3001 (70 characters). The
// fork's migration skips a table that exists, so creating it first is enough. The router's own
// tables are declared once in src-lua-ts/core/router_tables.ts (its writer creates them too),
// and so are the triggers on the fork's `monitor` that feed the router's change log: migrate
// adds them when `monitor` exists (on a fresh database the fork's first start creates it; the
// router's sync adds them then).

import {
  AGENT_TABLE,
  AGENT_TABLE_DDL,
  CHANGE_TABLE,
  CHANGE_TABLE_DDL,
  DRAIN_TABLE,
  DRAIN_TABLE_DDL,
  MOVE_TABLE,
  MOVE_TABLE_DDL,
} from "../../src-lua-ts/core/router_tables";

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

/** Every table migrate owns, in creation order. */
export const OWNED_TABLES: readonly { name: string; create: string }[] = [
  { name: "node", create: CREATE_NODE },
  { name: MOVE_TABLE, create: MOVE_TABLE_DDL },
  { name: AGENT_TABLE, create: AGENT_TABLE_DDL },
  { name: CHANGE_TABLE, create: CHANGE_TABLE_DDL },
  { name: DRAIN_TABLE, create: DRAIN_TABLE_DDL },
];
