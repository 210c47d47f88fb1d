// `kuma-cluster-node migrate` as a child process against the real MariaDB: what it creates on an
// empty database, that it widens the fork's node table and touches nothing else, that it is
// idempotent and that concurrent runs take turns. The fork's own migrations running cleanly
// after it are proven with real fork nodes (test/fork/).
import { afterEach, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createConnection, type RowDataPacket } from "mysql2/promise";
import { migrateLockName } from "../../node/src/migrate";
import { createTestDb, runCli, type TestDb } from "./support";

/**
 * `node` as the fork's knex migration creates it on MariaDB (SHOW CREATE TABLE after a real
 * fork start on an empty database), charset clause left to the database default.
 */
const FORK_NODE_TABLE = `CREATE TABLE \`node\` (
  \`node_id\` varchar(50) NOT NULL,
  \`node_name\` varchar(100) NOT NULL,
  \`location\` varchar(200) DEFAULT NULL,
  \`host\` varchar(45) DEFAULT NULL,
  \`hostname\` varchar(100) DEFAULT NULL,
  \`status\` varchar(20) DEFAULT 'online',
  \`active\` tinyint(1) DEFAULT 1,
  \`is_primary\` tinyint(1) DEFAULT 0,
  \`created_date\` timestamp NULL DEFAULT current_timestamp(),
  \`modified_date\` timestamp NULL DEFAULT current_timestamp(),
  \`last_seen\` timestamp NULL DEFAULT current_timestamp(),
  PRIMARY KEY (\`node_id\`),
  KEY \`idx_node_name\` (\`node_name\`),
  KEY \`idx_node_status\` (\`status\`),
  KEY \`idx_node_active\` (\`active\`),
  KEY \`idx_node_is_primary\` (\`is_primary\`)
)`;

async function showCreate(db: TestDb, table: string): Promise<string> {
  const [rows] = await db.pool.query<RowDataPacket[]>(`SHOW CREATE TABLE \`${table}\``);
  // The table options (engine, charset) are the database's defaults, as with knex.
  return String(rows[0]["Create Table"]).replace(/\) ENGINE=.*$/s, ")");
}

async function tables(db: TestDb): Promise<string[]> {
  const [rows] = await db.pool.query<RowDataPacket[]>("SHOW TABLES");
  return rows.map((r) => String(Object.values(r)[0])).sort();
}

async function checksum(db: TestDb, table: string): Promise<string> {
  const [rows] = await db.pool.query<RowDataPacket[]>(`CHECKSUM TABLE \`${table}\``);
  return String(rows[0].Checksum);
}

describe("kuma-cluster-node migrate", () => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb({ empty: true });
  });
  afterEach(async () => {
    await db.drop();
  });

  test("empty database: node exactly as the fork's migration makes it but host varchar(255), the router's three tables, nothing else", async () => {
    const r = await runCli(["migrate"], db.env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /created node, kuma_cluster_move, kuma_cluster_agent, kuma_cluster_monitor_change, kuma_cluster_drain$/m);
    assert.deepEqual(await tables(db), [
      "kuma_cluster_agent",
      "kuma_cluster_drain",
      "kuma_cluster_monitor_change",
      "kuma_cluster_move",
      "node",
    ]);
    assert.equal(await showCreate(db, "node"), FORK_NODE_TABLE.replace("`host` varchar(45)", "`host` varchar(255)"));
    const [move] = await db.pool.query<RowDataPacket[]>("SHOW COLUMNS FROM kuma_cluster_move");
    assert.deepEqual(
      move.map((c) => `${c.Field} ${c.Type} ${c.Null} ${c.Key}`),
      [
        "monitor_id int(11) NO PRI",
        "from_node varchar(255) NO ",
        "to_node varchar(255) NO ",
        "kind varchar(20) NO ",
        "moved_at datetime(3) NO ",
      ],
    );
    const [agent] = await db.pool.query<RowDataPacket[]>("SHOW COLUMNS FROM kuma_cluster_agent");
    assert.deepEqual(
      agent.map((c) => `${c.Field} ${c.Type} ${c.Null} ${c.Key}`),
      [
        "node_id varchar(255) NO PRI",
        "handover varchar(20) NO ",
        "detail varchar(255) YES ",
        "agent_version varchar(40) YES ",
        "seen_at datetime(3) NO ",
        "last_reconcile_at datetime(3) YES ",
        "last_reconcile_ms int(11) YES ",
      ],
    );
    // A 70-character pod host fits.
    const host = "uptime-kuma-12.uptime-kuma-headless.uptime-kuma.svc.cluster.local:3001";
    await db.pool.execute("INSERT INTO node (node_id, node_name, host) VALUES ('uptime-kuma-12', 'uptime-kuma-12', ?)", [host]);
    const [rows] = await db.pool.query<RowDataPacket[]>("SELECT host FROM node");
    assert.equal(rows[0].host, host);
  });

  test("a second run changes nothing and says so", async () => {
    assert.equal((await runCli(["migrate"], db.env)).code, 0);
    const before = await Promise.all(
      ["node", "kuma_cluster_move", "kuma_cluster_agent", "kuma_cluster_drain"].map((t) => showCreate(db, t)),
    );
    const again = await runCli(["migrate"], db.env);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /schema up to date, nothing to do$/m);
    assert.deepEqual(
      await Promise.all(["node", "kuma_cluster_move", "kuma_cluster_agent", "kuma_cluster_drain"].map((t) => showCreate(db, t))),
      before,
    );
  });

  test("after the fork: widens its node.host, keeps every row, leaves the other tables alone", async () => {
    await db.pool.query(FORK_NODE_TABLE);
    await db.pool.query(
      "CREATE TABLE monitor (id INT PRIMARY KEY, name VARCHAR(150), push_token VARCHAR(32), node_id VARCHAR(50), assigned_node VARCHAR(255))",
    );
    await db.pool.query("INSERT INTO monitor VALUES (1, 'a', 'tok1', 'node1', NULL), (2, 'b', NULL, 'node2', 'node1')");
    await db.pool.query(
      "INSERT INTO node (node_id, node_name, host, is_primary) VALUES ('node1', 'node1', 'uptime-kuma-node1:3001', 1), ('node2', 'node2', 'uptime-kuma-node2:3001', 0)",
    );
    const [nodesBefore] = await db.pool.query<RowDataPacket[]>("SELECT * FROM node ORDER BY node_id");
    const monitorBefore = [await showCreate(db, "monitor"), await checksum(db, "monitor")];

    const r = await runCli(["migrate"], db.env);
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /created kuma_cluster_move, kuma_cluster_agent, kuma_cluster_monitor_change, kuma_cluster_drain; added triggers kuma_cluster_monitor_insert, kuma_cluster_monitor_update, kuma_cluster_monitor_delete on monitor; widened node\.host from varchar\(45\) to varchar\(255\)$/m,
    );
    assert.equal(await showCreate(db, "node"), FORK_NODE_TABLE.replace("`host` varchar(45)", "`host` varchar(255)"));
    const [nodesAfter] = await db.pool.query<RowDataPacket[]>("SELECT * FROM node ORDER BY node_id");
    assert.deepEqual(nodesAfter, nodesBefore);
    assert.deepEqual([await showCreate(db, "monitor"), await checksum(db, "monitor")], monitorBefore);
    assert.match((await runCli(["migrate"], db.env)).stdout, /nothing to do/);
    // The triggers log a change, with the token the row had, and leave the fork's write alone.
    await db.pool.query("UPDATE monitor SET push_token = 'tok1b' WHERE id = 1");
    await db.pool.query("DELETE FROM monitor WHERE id = 2");
    const [log] = await db.pool.query<RowDataPacket[]>("SELECT monitor_id, old_token FROM kuma_cluster_monitor_change ORDER BY seq");
    assert.deepEqual(
      log.map((r) => `${r.monitor_id}:${r.old_token}`),
      ["1:tok1", "1:tok1", "2:null"],
    );
    const [after] = await db.pool.query<RowDataPacket[]>("SELECT id, push_token FROM monitor");
    assert.deepEqual(
      after.map((r) => `${r.id}:${r.push_token}`),
      ["1:tok1b"],
    );
  });

  test("several at once (every pod's init container): all succeed, one creates, the tables exist once", async () => {
    const runs = await Promise.all([0, 1, 2, 3].map(() => runCli(["migrate"], db.env)));
    assert.deepEqual(
      runs.map((r) => r.code),
      [0, 0, 0, 0],
      runs.map((r) => r.stderr).join("\n"),
    );
    assert.equal(runs.filter((r) => /created node/.test(r.stdout)).length, 1, runs.map((r) => r.stdout).join(""));
    assert.equal(runs.filter((r) => /nothing to do/.test(r.stdout)).length, 3);
    assert.deepEqual(await tables(db), [
      "kuma_cluster_agent",
      "kuma_cluster_drain",
      "kuma_cluster_monitor_change",
      "kuma_cluster_move",
      "node",
    ]);
  });

  test("waits for another holder of its lock, then gives up naming the lock", async () => {
    const { host, port, user, password, database } = db.settings;
    const holder = await createConnection({ host, port, user, password, database });
    try {
      const lock = migrateLockName(db.name);
      await holder.query("SELECT GET_LOCK(?, 0)", [lock]);
      const started = Date.now();
      const r = await runCli(["migrate", "--lock-wait", "1"], db.env);
      assert.equal(r.code, 1);
      assert.ok(Date.now() - started >= 1000, "it waited");
      assert.match(r.stderr, new RegExp(`another migrate held the lock ${lock} for more than 1s`));
      assert.deepEqual(await tables(db), [], "nothing created without the lock");
      const waiting = runCli(["migrate", "--lock-wait", "10"], db.env);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await holder.query("SELECT RELEASE_LOCK(?)", [lock]);
      const done = await waiting;
      assert.equal(done.code, 0, done.stderr);
      assert.match(done.stdout, /created node/);
    } finally {
      await holder.end();
    }
  });

  test("a node table that is not the registry, bad options, bad environment: clear errors", async () => {
    await db.pool.query("CREATE TABLE node (node_id VARCHAR(50) PRIMARY KEY, host VARCHAR(45))");
    const foreign = await runCli(["migrate"], db.env);
    assert.equal(foreign.code, 1);
    assert.match(foreign.stderr, /the existing node table lacks node_name, status, is_primary, last_seen, modified_date/);
    const option = await runCli(["migrate", "--lock-wait", "soon"], db.env);
    assert.equal(option.code, 2);
    assert.match(option.stderr, /--lock-wait soon: expected seconds above 0/);
    const env = await runCli(["migrate"], { ...db.env, DB_PORT: "db" });
    assert.equal(env.code, 2);
    assert.match(env.stderr, /DB_PORT=db/);
  });
});
