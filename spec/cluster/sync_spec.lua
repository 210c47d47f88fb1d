-- The snapshot sync against the real MariaDB: what one sync reads, the monotonic version, the
-- workers' copies, the lease, and lookups of monitors the snapshot does not know yet.
local db = require("support.db")
local sync = require("cluster.sync")
local store = require("cluster.snapshot_store")
local lookup = require("cluster.lookup")
local lease = require("runtime.lease")
local dicts = require("runtime.dicts")

local function fresh_cluster()
  db.reset()
  db.node("node1", "uptime-kuma-node1:3001", "online", true)
  db.node("node2", "uptime-kuma-node2:3001", "online", false)
  db.node("node3", "", "offline", false)
  db.monitor(1, "node1", nil, "tok1")
  db.monitor(2, "node1", "node2", "tok2")   -- failed over: effective owner node2
  db.monitor(3, "node2", nil, nil)
  db.monitor(4, "node3", nil, "tok4", false) -- inactive: not in the snapshot
  db.exec("INSERT INTO `user` (username) VALUES ('admin')")
end

describe("cluster.sync", function()
  before_each(function()
    fresh_cluster()
    dicts.snapshotDict:flush_all()
  end)

  it("reads nodes, effective owners, push tokens, owned counts and setup", function()
    local version, err = sync.syncOnce()
    assert.is_nil(err)
    assert.equals(1, version)
    local s = store.current()
    assert.same({ "node1", "node2", "node3" }, { s.nodes[1].id, s.nodes[2].id, s.nodes[3].id })
    assert.same({ host = "uptime-kuma-node1", port = 3001 }, s.nodeById.node1.address)
    assert.is_true(s.nodeById.node1.isPrimary)
    assert.is_false(s.nodeById.node3.online)
    assert.equals("node1", s.ownerOf["1"])
    assert.equals("node2", s.ownerOf["2"])
    assert.is_nil(s.ownerOf["4"])
    assert.equals("2", s.monitorOfToken.tok2)
    assert.equals(1, s.nodeById.node1.owned)
    assert.equals(2, s.nodeById.node2.owned)
    assert.is_true(s.setupComplete)
    assert.equals(3, s.monitorCount)
  end)

  it("builds a registry host from the id when the row has none (Compose rule)", function()
    sync.syncOnce()
    assert.same({ host = "uptime-kuma-node3", port = 3001 }, store.current().nodeById.node3.address)
  end)

  it("keeps the version when nothing changed and bumps it on every change, even within a second", function()
    local v1 = sync.syncOnce()
    assert.equals(v1, (sync.syncOnce()))
    db.exec("UPDATE monitor SET assigned_node = NULL WHERE id = 2")
    local v2 = sync.syncOnce()
    db.exec("UPDATE node SET status = 'offline' WHERE node_id = 'node2'")
    local v3 = sync.syncOnce()
    assert.equals(v1 + 1, v2)
    assert.equals(v2 + 1, v3)
    assert.equals("node1", store.current().ownerOf["2"])
  end)

  it("decodes once per version: the same table until the version moves", function()
    sync.syncOnce()
    local a = store.current()
    assert.equals(a, store.current())
    db.exec("DELETE FROM `user`")
    sync.syncOnce()
    local b = store.current()
    assert.are_not.equal(a, b)
    assert.is_false(b.setupComplete)
  end)

  it("with the change log, reads only the monitors that changed; a flushed dict or a recreated monitor table reads all", function()
    local cdb = require("cluster.db")
    local queries = require("cluster.queries")
    local original = cdb.query
    local full, partial = 0, 0
    cdb.query = function(sql, ...)
      if sql == queries.MONITORS_SQL then full = full + 1 end
      if sql:find(queries.MONITORS_SQL .. " AND id IN", 1, true) then partial = partial + 1 end
      return original(sql, ...)
    end
    local ok, err = pcall(function()
      dicts.snapshotDict:set("version", 2000)
      sync.syncOnce()
      assert.same({ 1, 0 }, { full, partial })
      local triggers = db.exec("SELECT COUNT(*) AS n FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME LIKE 'kuma_cluster_monitor_%'")
      assert.equals(3, tonumber(triggers[1].n))
      -- A node change: no monitor read.
      db.exec("UPDATE node SET status = 'offline' WHERE node_id = 'node2'")
      sync.syncOnce()
      assert.same({ 1, 0 }, { full, partial })
      assert.is_false(store.current().nodeById.node2.online)
      -- An owner swap, a new token, a monitor switched off, one deleted, one inserted: each
      -- sync reads the named monitors only.
      db.exec("UPDATE monitor SET assigned_node = 'node2' WHERE id = 1")
      db.exec("UPDATE monitor SET assigned_node = 'node1' WHERE id = 3")
      sync.syncOnce()
      local s = store.current()
      assert.same({ "node2", "node1" }, { s.ownerOf["1"], s.ownerOf["3"] })
      assert.same({ 1, 2 }, { s.nodeById.node1.owned, s.nodeById.node2.owned })
      db.exec("UPDATE monitor SET push_token = 'tok1b' WHERE id = 1")
      sync.syncOnce()
      assert.equals("1", store.current().monitorOfToken.tok1b)
      assert.is_nil(store.current().monitorOfToken.tok1)
      db.exec("UPDATE monitor SET active = 0 WHERE id = 2")
      db.exec("DELETE FROM monitor WHERE id = 3")
      db.monitor(7, "node3", nil, "tok7")
      db.exec("UPDATE monitor SET active = 1 WHERE id = 4")
      sync.syncOnce()
      s = store.current()
      assert.same({ ["1"] = "node2", ["4"] = "node3", ["7"] = "node3" }, s.ownerOf)
      assert.same({ tok1b = "1", tok4 = "4", tok7 = "7" }, s.monitorOfToken)
      assert.same({ 0, 1, 2 }, { s.nodeById.node1.owned, s.nodeById.node2.owned, s.nodeById.node3.owned })
      assert.equals(3, s.monitorCount)
      assert.same({ 1, 3 }, { full, partial })
      -- Nothing changed: the same version, no monitor read.
      local v = store.status().version
      assert.equals(v, (sync.syncOnce()))
      assert.same({ 1, 3 }, { full, partial })
      -- Stored monitors lost (the dict flushed): all of them again.
      dicts.snapshotDict:flush_all()
      sync.syncOnce()
      assert.same({ 2, 3 }, { full, partial })
      assert.same({ ["1"] = "node2", ["4"] = "node3", ["7"] = "node3" }, store.settle().ownerOf)
      -- `monitor` recreated (its triggers gone with it): installed again at the next check,
      -- and everything read again, since changes in between were not logged.
      db.exec("DROP TRIGGER kuma_cluster_monitor_update")
      db.exec("UPDATE monitor SET assigned_node = 'node1' WHERE id = 7")
      dicts.snapshotDict:delete("changes_checked_at")
      sync.syncOnce()
      assert.same({ 3, 3 }, { full, partial })
      assert.equals("node1", store.settle().ownerOf["7"])
    end)
    cdb.query = original
    assert(ok, err)
  end)

  it("re-reads the changes after a hole in the change log until it fills, and reads all after too many", function()
    dicts.snapshotDict:set("version", 3000) -- not a version this worker's copy may carry from an earlier test
    sync.syncOnce()
    local changes = require("cluster.changes")
    local cursor = changes.cursor()
    -- A hole: a sequence number taken by a transaction that has not committed yet.
    db.exec(("INSERT INTO kuma_cluster_monitor_change (seq, monitor_id) VALUES (%d, 1)"):format(cursor + 2))
    db.exec("UPDATE monitor SET assigned_node = 'node3' WHERE id = 1")
    sync.syncOnce()
    assert.equals("node3", store.current().ownerOf["1"])
    assert.equals(cursor, changes.cursor()) -- stopped before the hole
    -- The hole fills: the cursor passes it.
    db.exec("UPDATE monitor SET assigned_node = 'node1' WHERE id = 3")
    db.exec(("INSERT INTO kuma_cluster_monitor_change (seq, monitor_id) VALUES (%d, 3)"):format(cursor + 1))
    sync.syncOnce()
    assert.equals("node1", store.current().ownerOf["3"])
    assert.is_true(changes.cursor() > cursor + 2)
    -- A hole that never fills (a rolled-back transaction): passed after GAP_WAIT_S.
    cursor = changes.cursor()
    db.exec(("INSERT INTO kuma_cluster_monitor_change (seq, monitor_id) VALUES (%d, 3)"):format(cursor + 2))
    sync.syncOnce()
    sync.syncOnce()
    assert.equals(cursor, changes.cursor())
    ngx.sleep(3.1)
    sync.syncOnce()
    assert.equals(cursor + 2, changes.cursor())
    -- More changes than one delta should carry: a new base.
    local base = dicts.snapshotDict:get("monitors_base")
    db.exec(("INSERT INTO kuma_cluster_monitor_change (monitor_id) SELECT 1 FROM seq_1_to_%d"):format(changes.MAX_CHANGES + 1))
    sync.syncOnce()
    assert.are_not.equal(base, dicts.snapshotDict:get("monitors_base"))
    assert.equals("node3", store.settle().ownerOf["1"])
  end)

  it("without the change log, reads the monitors only when their per-owner summary moved, an owner swap included", function()
    local cdb = require("cluster.db")
    local queries = require("cluster.queries")
    local original = cdb.query
    local monitor_reads = 0
    cdb.query = function(sql, ...)
      if sql == queries.MONITORS_SQL then monitor_reads = monitor_reads + 1 end
      -- The change log unavailable (a database user without TRIGGER, say).
      if sql:find("information_schema.TRIGGERS", 1, true) then return { error = "denied" } end
      return original(sql, ...)
    end
    local ok, err = pcall(function()
      -- The flushed dict restarts versions at 1; this worker's copy from an earlier test may
      -- carry the same number, so this test's versions start elsewhere.
      dicts.snapshotDict:set("version", 1000)
      sync.syncOnce()
      assert.equals(1, monitor_reads)
      -- A node row changed, no monitor: the stored maps stand, the counts come from the summary.
      db.exec("UPDATE node SET status = 'offline' WHERE node_id = 'node2'")
      sync.syncOnce()
      assert.equals(1, monitor_reads)
      local s = store.current()
      assert.is_false(s.nodeById.node2.online)
      assert.same({ 1, 2 }, { s.nodeById.node1.owned, s.nodeById.node2.owned })
      assert.equals("node2", s.ownerOf["2"])
      -- Monitors 1 and 3 swap owners: the same count per owner, another summary.
      db.exec("UPDATE monitor SET assigned_node = 'node2' WHERE id = 1")
      db.exec("UPDATE monitor SET assigned_node = 'node1' WHERE id = 3")
      sync.syncOnce()
      assert.equals(2, monitor_reads)
      s = store.current()
      assert.same({ "node2", "node1" }, { s.ownerOf["1"], s.ownerOf["3"] })
      assert.same({ 1, 2 }, { s.nodeById.node1.owned, s.nodeById.node2.owned })
      -- A push token changes (same owner, same count).
      db.exec("UPDATE monitor SET push_token = 'tok1b' WHERE id = 1")
      sync.syncOnce()
      assert.equals(3, monitor_reads)
      assert.equals("1", store.current().monitorOfToken.tok1b)
      -- A monitor switched off.
      db.exec("UPDATE monitor SET active = 0 WHERE id = 2")
      sync.syncOnce()
      assert.equals(4, monitor_reads)
      assert.same({ 1, 1 }, { store.current().nodeById.node1.owned, store.current().nodeById.node2.owned })
      assert.is_nil(store.current().ownerOf["2"])
      -- Stored maps lost (the dict flushed): read again, whatever the summary says.
      dicts.snapshotDict:flush_all()
      sync.syncOnce()
      assert.equals(5, monitor_reads)
    end)
    cdb.query = original
    assert(ok, err)
  end)

  it("counts the monitors the router moved away per node, with the monitors; no move table reads as none", function()
    db.exec("INSERT INTO kuma_cluster_move VALUES (2, 'node1', 'node2', 'failover', UTC_TIMESTAMP(3))")
    db.exec("INSERT INTO kuma_cluster_move VALUES (3, 'node2', 'node3', 'failover', UTC_TIMESTAMP(3))") -- 3 is not on node3: overtaken
    db.exec("INSERT INTO kuma_cluster_move VALUES (4, 'node3', 'node1', 'failover', UTC_TIMESTAMP(3))") -- inactive
    assert(sync.syncOnce())
    local s = store.current()
    assert.same({ node1 = 1 }, s.awayFrom)
    assert.equals(1, s.moved)
    -- The owner changes with the record, in one transaction: the summary moves, both are read.
    db.exec("UPDATE monitor SET assigned_node = 'node3' WHERE id = 3")
    assert(sync.syncOnce())
    assert.same({ node1 = 1, node2 = 1 }, store.current().awayFrom)
    db.exec("DROP TABLE kuma_cluster_move")
    local ok, err = pcall(function()
      db.exec("UPDATE monitor SET assigned_node = NULL WHERE id = 3")
      local version, sync_err = sync.syncOnce()
      assert.is_nil(sync_err)
      assert.is_not_nil(version)
      assert.same({}, store.current().awayFrom)
      assert.equals(0, store.current().moved)
    end)
    db.exec(require("core.router_tables").MOVE_TABLE_DDL)
    assert(ok, err)
  end)

  it("reads the agents' reports every few seconds; no agent table reads as none", function()
    local agents = require("cluster.agents")
    local cdb = require("cluster.db")
    local queries = require("cluster.queries")
    db.exec("INSERT INTO kuma_cluster_agent (node_id, handover, detail, agent_version, seen_at, last_reconcile_at, last_reconcile_ms) " ..
      "VALUES ('node1', 'trigger', 'POST /api/v1/reconcile-monitors', '0.9.0', UTC_TIMESTAMP(3) - INTERVAL 2 SECOND, UTC_TIMESTAMP(3), 41)")
    dicts.snapshotDict:delete("agents_tried_at")
    agents.refresh()
    local a = agents.current()
    local row = a.byNode.node1
    assert.equals("trigger", row.handover)
    assert.equals("0.9.0", row.agent_version)
    assert.equals(41, row.reconcile_ms)
    assert.is_true(row.seen_age >= 1.9 and row.seen_age < 5, tostring(row.seen_age))
    assert.is_true(row.reconcile_age >= 0 and row.reconcile_age < 3)
    assert.is_nil(a.byNode.node2)
    assert.is_nil(a.lastError)
    -- Within READ_EVERY_S: no query.
    local original = cdb.query
    local reads = 0
    cdb.query = function(sql, ...)
      if sql == queries.AGENTS_SQL then reads = reads + 1 end
      return original(sql, ...)
    end
    local ok, err = pcall(function()
      agents.refresh()
      assert.equals(0, reads)
      db.exec("DROP TABLE kuma_cluster_agent")
      dicts.snapshotDict:delete("agents_tried_at")
      agents.refresh()
      assert.equals(1, reads)
      assert.is_nil(agents.current().lastError)
      assert.is_nil(agents.current().byNode.node1)
    end)
    cdb.query = original
    db.exec(require("core.router_tables").AGENT_TABLE_DDL)
    assert(ok, err)
  end)

  it("reports the snapshot's age and a database error without losing the snapshot", function()
    sync.syncOnce()
    assert.is_true(store.status().ageS < 1)
    assert.is_true(store.markFailed("connect: refused"))
    assert.is_false(store.markFailed("connect: refused"))
    assert.equals("connect: refused", store.status().lastError)
    assert.is_not_nil(store.current())
  end)
end)

describe("lease", function()
  before_each(function() dicts.locksDict:flush_all() end)

  it("is held by one worker and taken over when the holder's lease lapses", function()
    assert.is_true(lease.holdLease("spec-lease", 10))
    assert.is_true(lease.holdLease("spec-lease", 10)) -- renewal by the holder
    dicts.locksDict:set("spec-lease", -1, 0.2)         -- another (dead) worker holds it
    assert.is_false(lease.holdLease("spec-lease", 10))
    ngx.sleep(0.3)
    assert.is_true(lease.holdLease("spec-lease", 10))
    assert.equals(ngx.worker.pid(), lease.leaseHolder("spec-lease"))
  end)
end)

describe("cluster.lookup", function()
  local snapshot
  before_each(function()
    fresh_cluster()
    dicts.snapshotDict:flush_all()
    dicts.locksDict:flush_all()
    sync.syncOnce()
    snapshot = store.current()
  end)

  it("answers known monitors from the snapshot without a query", function()
    local before = db.com_select()
    assert.same({ id = "2", owner = "node2" }, lookup.monitorById(snapshot, "2"))
    assert.same({ id = "1", owner = "node1" }, lookup.monitorByToken(snapshot, "tok1"))
    assert.equals(before, db.com_select())
  end)

  it("looks up a monitor created after the sync once, however many requests ask at once", function()
    db.monitor(50, "node2", nil, "newtok")
    local before = db.com_select()
    local threads = {}
    for i = 1, 20 do
      threads[i] = ngx.thread.spawn(function() return lookup.monitorById(snapshot, "50") end)
    end
    for i = 1, 20 do
      local ok, ref = ngx.thread.wait(threads[i])
      assert.is_true(ok)
      assert.same({ id = "50", owner = "node2" }, ref)
    end
    assert.equals(before + 1, db.com_select())
    assert.same({ id = "50", owner = "node2" }, lookup.monitorByToken(snapshot, "newtok"))
    assert.equals(before + 2, db.com_select())
  end)

  it("caches a miss for one interval: an unknown id costs one query", function()
    local before = db.com_select()
    assert.is_nil(lookup.monitorById(snapshot, "999"))
    assert.is_nil(lookup.monitorById(snapshot, "999"))
    assert.equals(before + 1, db.com_select())
  end)

  it("never sends malformed ids or tokens to the database", function()
    local before = db.com_select()
    for _, id in ipairs({ "1 OR 1=1", "1;DROP TABLE node", "0", "-1", "01", "99999999999", "1e3", "", "%00" }) do
      assert.is_nil(lookup.monitorById(snapshot, id), id)
    end
    for _, token in ipairs({ "x' OR '1'='1", "a\"b", "tok1'--", ("a"):rep(33), "", "a b", "\0" }) do
      assert.is_nil(lookup.monitorByToken(snapshot, token), token)
    end
    assert.equals(before, db.com_select())
  end)

  it("quotes a well-formed token so SQL text in it could not act", function()
    local sql = require("cluster.queries").monitorByTokenSql("abc-DEF_1.2~")
    assert.matches("WHERE push_token = 'abc%-DEF_1%.2~' LIMIT 1$", sql)
    assert.is_nil(require("cluster.queries").monitorByTokenSql("a' OR '1'='1"))
  end)
end)
