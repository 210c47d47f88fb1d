-- The router's move record against the real MariaDB (docs/health.md, "Ownership"): the writer
-- changes only what it changed. Failover records each move; return undoes only a write still in
-- place; an operator's override is never touched, and an operator's edit of a moved monitor
-- wins. Plus the SQL builders, the tables created when missing, and rollback.
local db = require("support.db")
local sync = require("cluster.sync")
local store = require("cluster.snapshot_store")
local state = require("health.verdicts")
local session = require("health.writer_session")
local move_sql = require("health.move_sql")
local fixture = require("support.writer_fixture")

local observe, assigned, records, write = fixture.observe, fixture.assigned, fixture.records, fixture.write

local function down(id) observe(id, "active-failure", 3) end
local function up(id) observe(id, "active-success", 3) end

local function set_assigned(id, node)
  db.exec(("UPDATE monitor SET assigned_node = %s WHERE id = %d"):format(node and ngx.quote_sql_str(node) or "NULL", id))
  assert(sync.syncOnce())
end

describe("health.monitor_moves", function()
  before_each(fixture.setup)

  after_each(function()
    session.release()
  end)

  it("records each failover: from the owner, to the target, kind failover, when", function()
    down("node2")
    assert.equals(4, write().moved)
    assert.same({ [2] = "node2>node1", [3] = "node2>node3", [4] = "node2>node1", [5] = "node2>node3" }, records())
    local rows = db.exec("SELECT kind, TIMESTAMPDIFF(SECOND, moved_at, UTC_TIMESTAMP(3)) AS age FROM kuma_cluster_move")
    for _, r in ipairs(rows) do
      assert.equals("failover", r.kind)
      assert.is_true(tonumber(r.age) < 5)
    end
  end)

  it("never touches an operator's override to a healthy node, nor an older router's move", function()
    set_assigned(1, "node3") -- an operator's override of node1's monitor
    set_assigned(6, "node1") -- left by a router without a move record: an override now
    -- node1 and node3 are confirmed up: before the move record, this cleared both at once.
    assert.equals(0, write().moved)
    down("node2")
    write()
    observe("node2", "active-success", 3)
    write()
    local a = assigned()
    assert.equals("node3", a[1])
    assert.equals("node1", a[6])
    assert.same({}, records())
  end)

  it("fails over an override whose target goes down, and brings it back to the override target", function()
    db.monitor(8, "node1", "node2") -- node1's monitor, overridden to node2
    assert(sync.syncOnce())
    down("node2")
    assert.equals(5, write().moved)
    -- 2 -> node1, 3 -> node3, 4 -> node1, 5 -> node3, 8 -> node1 (least-loaded, ties by id).
    assert.equals("node1", assigned()[8])
    assert.equals("node2>node1", records()[8])
    up("node2")
    assert.equals(5, write().moved)
    local a = assigned()
    assert.equals("node2", a[8], "back to the override target, not to its creator's node")
    assert.same({ false, false, false, false, false, false, false, "node2" }, a)
    assert.same({}, records())
  end)

  it("lets an operator's edit of a moved monitor win: the record is dropped, never acted on", function()
    down("node2")
    write()
    set_assigned(2, "node3") -- moved to node1; the operator puts it on node3
    set_assigned(3, nil)     -- moved to node3; the operator clears the override (node2 is down)
    local outcome = write()
    -- Both records are dropped; 3's owner is node2 again, which is down: a new failover, with a
    -- new record.
    assert.equals(2, outcome.dropped)
    assert.is_nil(records()[2])
    assert.equals("node2>node1", records()[3])
    up("node2")
    write()
    local a = assigned()
    assert.equals("node3", a[2], "the operator's choice stands")
    assert.same({ false, "node3", false, false, false, false, false }, a)
    assert.same({}, records())
  end)

  it("returns a monitor moved twice (its temporary owner died too) to its original owner", function()
    down("node2")
    write() -- 2 -> node1
    down("node1")
    write() -- node1's monitors, its own and node2's, -> node3
    assert.equals("node3", assigned()[2])
    assert.same({ [1] = "node1>node3", [2] = "node2>node3", [3] = "node2>node3", [4] = "node2>node3", [5] = "node2>node3" }, records())
    up("node1")
    write()
    assert.same({ false, "node3", "node3", "node3", "node3", false, false }, assigned(), "node1 gets its own back, not node2's")
    up("node2")
    write()
    assert.same({ false, false, false, false, false, false, false }, assigned())
    assert.same({}, records())
  end)

  it("sends a moved monitor home when its temporary owner dies while its owner is up again", function()
    down("node2")
    write() -- 2 and 4 -> node1
    -- node2 registers again and is up, not yet confirmed by the success threshold.
    db.exec("UPDATE node SET status = 'online' WHERE node_id = 'node2'")
    assert(sync.syncOnce())
    state.force("node2", false)
    assert.equals(0, write().moved, "no return before confirmation")
    down("node1")
    write()
    local a = assigned()
    assert.is_false(a[2])
    assert.is_false(a[4])
    -- node2 had 0 monitors and took 2 and 4 back, node3 has 3: node1's own goes to node2.
    assert.equals("node2", a[1])
    assert.same({ [1] = "node1>node2", [3] = "node2>node3", [5] = "node2>node3" }, records())
  end)

  it("drops a deleted monitor's record; a paused moved monitor keeps its record and returns", function()
    down("node2")
    write()
    db.exec("DELETE FROM monitor WHERE id = 3")
    db.exec("UPDATE monitor SET active = 0 WHERE id = 4")
    assert(sync.syncOnce())
    local outcome = write()
    assert.equals(1, outcome.dropped)
    assert.same({ [2] = "node2>node1", [4] = "node2>node1", [5] = "node2>node3" }, records())
    up("node2")
    write()
    assert.is_false(assigned()[4])
    assert.same({}, records())
  end)

  it("is idempotent: a second pass writes, moves and drops nothing", function()
    down("node2")
    write()
    local before, recorded = assigned(), records()
    local again = write()
    assert.same({ 0, 0, 0 }, { again.written, again.moved, again.dropped })
    assert.same(before, assigned())
    assert.same(recorded, records())
  end)

  it("rolls the whole pass back when a statement fails: no move without its record", function()
    db.exec("CREATE TRIGGER spec_no_record BEFORE INSERT ON kuma_cluster_move FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'spec: refused'")
    down("node2")
    local ok, outcome = pcall(function() return require("health.writer").writeOnce(store.current()) end)
    db.exec("DROP TRIGGER spec_no_record")
    assert(ok, outcome)
    assert.is_true(outcome.failed)
    assert.same({ false, false, false, false, false, false, false }, assigned())
    assert.same({}, records())
    assert.equals(4, write().moved, "the retry goes through")
  end)

  it("creates the router's tables when they are missing", function()
    session.release()
    db.exec("DROP TABLE kuma_cluster_move")
    db.exec("DROP TABLE kuma_cluster_agent")
    assert.is_true(session.acquire())
    down("node2")
    assert.equals(4, write().moved)
    assert.equals(4, #db.exec("SELECT * FROM kuma_cluster_move"))
    assert.equals(0, #db.exec("SELECT * FROM kuma_cluster_agent"))
  end)

  it("builds conditional SQL with quoted node ids and integer monitor ids only", function()
    assert.equals(
      "UPDATE monitor m JOIN kuma_cluster_move r ON r.monitor_id = m.id SET m.assigned_node = NULL WHERE m.id IN (2, 30) AND m.assigned_node = r.to_node",
      move_sql.returnSql("", { 2, 30 }))
    assert.matches("SET m.assigned_node = 'node3' WHERE", move_sql.returnSql("node3", { 2 }), 1, true)
    assert.matches("WHERE r.monitor_id IN (4) AND (m.id IS NULL OR NOT (m.assigned_node <=> r.to_node))", move_sql.forgetSql({ 4 }), 1, true)
    local rec = move_sql.recordSql("node2", "node1", { 2, 4 }, "failover")
    assert.matches("SELECT id, 'node2', assigned_node, 'failover', UTC_TIMESTAMP(3) FROM monitor WHERE id IN (2, 4) AND assigned_node = 'node1'", rec, 1, true)
    for _, bad in ipairs({ "x'; DROP TABLE monitor; --", "", "node 1", ("a"):rep(300) }) do
      -- "" is NULL for returnSql (the creator's node); a record always names a node.
      if bad ~= "" then assert.has_error(function() move_sql.returnSql(bad, { 1 }) end) end
      assert.has_error(function() move_sql.recordSql(bad, "node1", { 1 }, "failover") end)
      assert.has_error(function() move_sql.recordSql("node1", bad, { 1 }, "failover") end)
    end
  end)
end)
