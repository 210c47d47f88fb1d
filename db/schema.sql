-- kuma-cluster-router schema: what the router and the nodes read and write.
-- Idempotent: creates what is absent, adds missing columns, widens node.host. Safe to run on the
-- cluster fork's database (its columns are kept) and on an empty database (tests, `make up`).

CREATE TABLE IF NOT EXISTS node (
  node_id       VARCHAR(50)  NOT NULL PRIMARY KEY,
  node_name     VARCHAR(100) NOT NULL,
  location      VARCHAR(200) NULL,
  host          VARCHAR(255) NULL,
  hostname      VARCHAR(100) NULL,
  status        VARCHAR(20)  NOT NULL DEFAULT 'online',
  active        TINYINT(1)   NOT NULL DEFAULT 1,
  is_primary    TINYINT(1)   NOT NULL DEFAULT 0,
  created_date  DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  modified_date DATETIME     NOT NULL DEFAULT CURRENT_TIMESTAMP,
  last_seen     DATETIME     NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The fork declares host VARCHAR(45): too short for
-- uptime-kuma-12.uptime-kuma-headless.uptime-kuma.svc.cluster.local:3001 (70 characters).
ALTER TABLE node MODIFY COLUMN host VARCHAR(255) NULL;
ALTER TABLE node ADD COLUMN IF NOT EXISTS last_seen DATETIME NULL;
ALTER TABLE node ADD COLUMN IF NOT EXISTS is_primary TINYINT(1) NOT NULL DEFAULT 0;
ALTER TABLE node ADD COLUMN IF NOT EXISTS status VARCHAR(20) NOT NULL DEFAULT 'online';

CREATE TABLE IF NOT EXISTS monitor (
  id            INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  name          VARCHAR(150) NULL,
  active        TINYINT(1)   NOT NULL DEFAULT 1,
  type          VARCHAR(20)  NULL,
  push_token    VARCHAR(32)  NULL,
  node_id       VARCHAR(50)  NULL,
  assigned_node VARCHAR(255) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

ALTER TABLE monitor ADD COLUMN IF NOT EXISTS active TINYINT(1) NOT NULL DEFAULT 1;
ALTER TABLE monitor ADD COLUMN IF NOT EXISTS push_token VARCHAR(32) NULL;
ALTER TABLE monitor ADD COLUMN IF NOT EXISTS node_id VARCHAR(50) NULL;
ALTER TABLE monitor ADD COLUMN IF NOT EXISTS assigned_node VARCHAR(255) NULL;
CREATE INDEX IF NOT EXISTS monitor_node_id ON monitor (node_id);
CREATE INDEX IF NOT EXISTS monitor_assigned_node ON monitor (assigned_node);
CREATE INDEX IF NOT EXISTS monitor_push_token ON monitor (push_token);

-- Setup is complete once `user` has a row; until then only the primary serves.
CREATE TABLE IF NOT EXISTS user (
  id       INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  username VARCHAR(255) NOT NULL,
  password VARCHAR(255) NULL,
  active   TINYINT(1)   NOT NULL DEFAULT 1
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The router's own tables (src-lua-ts/core/router_tables.ts holds the same text; the router's
-- writer creates them too when missing). The record of the monitors the router moved: it
-- undoes only a move of its own that is still in place (docs/health.md, "Ownership").
CREATE TABLE IF NOT EXISTS kuma_cluster_move (
  monitor_id INT NOT NULL PRIMARY KEY,
  from_node  VARCHAR(255) NOT NULL,
  to_node    VARCHAR(255) NOT NULL,
  kind       VARCHAR(20)  NOT NULL,
  moved_at   DATETIME(3)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- What each node's agent (kuma-cluster-node exec) reports about hand-over (docs/health.md).
CREATE TABLE IF NOT EXISTS kuma_cluster_agent (
  node_id           VARCHAR(255) NOT NULL PRIMARY KEY,
  handover          VARCHAR(20)  NOT NULL,
  detail            VARCHAR(255) NULL,
  agent_version     VARCHAR(40)  NULL,
  seen_at           DATETIME(3)  NOT NULL,
  last_reconcile_at DATETIME(3)  NULL,
  last_reconcile_ms INT          NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
