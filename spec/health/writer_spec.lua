-- The registry writer against the real MariaDB: the named lock on its own session, node.status
-- write-back, failover and return of monitors in one transaction, idempotence, the all-down
-- hold and the stale rule.
local db = require("support.db")
local config = require("runtime.config")
local sync = require("cluster.sync")
local store = require("cluster.snapshot_store")
local state = require("health.verdicts")
local session = require("health.writer_session")
local writer = require("health.writer")
local sql = require("health.registry_sql")
local fixture = require("support.writer_fixture")

local function lock_name()
  return sql.writerLock(config.get().db.database)
end

-- A second client (support.db's pooled connection) tries the lock and gives it back at once.
local function other_session_gets_lock()
  local name = ngx.quote_sql_str(lock_name())
  local rows = db.exec(("SELECT GET_LOCK(%s, 0) AS got, RELEASE_LOCK(%s) AS released"):format(name, name))
  return tonumber(rows[1].got) == 1
end

local function status_of(id)
  return db.exec("SELECT status FROM node WHERE node_id = " .. ngx.quote_sql_str(id))[1].status
end

local observe, assigned, write = fixture.observe, fixture.assigned, fixture.write

describe("health.writer", function()
  before_each(fixture.setup)

  after_each(function()
    session.release()
  end)

  it("names the lock after the cluster's database (lock names are server-wide)", function()
    assert.equals("kuma-router-writer:" .. config.get().db.database, lock_name())
    assert.equals("kuma-router-writer:" .. ngx.md5(("x"):rep(60)), sql.writerLock(("x"):rep(60)))
    assert.is_true(#sql.writerLock(("x"):rep(60)) <= 64)
  end)

  it("holds the lock on its own session: nobody else gets it until the session ends", function()
    assert.is_true(session.holding())
    assert.is_false(other_session_gets_lock())
    assert.is_true(session.confirm())
    -- Pooled queries of this worker do not see or steal the writer's session.
    for _ = 1, 5 do db.exec("SELECT 1") end
    assert.is_true(session.confirm())
    session.release()
    assert.is_true(other_session_gets_lock())
    assert.is_true(session.acquire())
    assert.is_false(other_session_gets_lock())
  end)

  it("a standby keeps its session and gets the lock once the holder's session ends", function()
    session.release()
    -- Another router's writer: a session of its own holding the lock.
    local mysql = require("resty.mysql")
    local other = assert(mysql.new())
    local s = config.get().db
    assert(other:connect({ host = s.host, port = s.port, user = s.user, password = s.password, database = s.database, pool = "spec-other-writer" }))
    local rows = assert(other:query(("SELECT GET_LOCK(%s, 0) AS got"):format(ngx.quote_sql_str(lock_name()))))
    assert.equals(1, tonumber(rows[1].got))
    local got, err = session.acquire()
    assert.is_false(got)
    assert.is_nil(err, "refused is not an error")
    assert.is_false(session.holding())
    assert.equals("not the writer", session.exec("SELECT 1").error)
    other:close() -- the holder dies: the server frees its lock
    -- ... once its thread has seen the close, which can take a moment on a busy server.
    local acquired = session.acquire()
    for _ = 1, 20 do
      if acquired then break end
      ngx.sleep(0.05)
      acquired = session.acquire()
    end
    assert.is_true(acquired)
    assert.is_true(session.confirm())
  end)

  it("fails over a down node's active monitors, least-loaded first, in one transaction", function()
    -- Two failed tries and the urgent probe that confirmed them.
    observe("node2", "passive-failure", 2)
    observe("node2", "active-failure", 1)
    local outcome = write()
    assert.equals(1, outcome.written)
    assert.equals(4, outcome.moved)
    assert.equals("offline", status_of("node2"))
    -- node1 and node3 had one monitor each: 2 -> node1, 3 -> node3, 4 -> node1, 5 -> node3.
    assert.same({ false, "node1", "node3", "node1", "node3", false, false }, assigned())
    -- The writer refreshed the snapshot: routing sees the new owners now.
    assert.equals("node1", store.current().ownerOf["2"])
  end)

  it("is idempotent: a second pass writes and moves nothing", function()
    observe("node2", "active-failure", 3)
    write()
    local before = assigned()
    local again = write()
    assert.equals(0, again.written)
    assert.equals(0, again.moved)
    assert.same(before, assigned())
  end)

  it("returns the monitors once the node is confirmed up again, and marks it online", function()
    observe("node2", "active-failure", 3)
    write()
    db.exec("UPDATE node SET last_seen = UTC_TIMESTAMP() - INTERVAL 1 HOUR WHERE node_id = 'node2'")
    observe("node2", "active-success", 2)
    assert.equals(0, write().moved) -- two successes are not enough
    observe("node2", "active-success", 1)
    local outcome = write()
    assert.equals(4, outcome.moved)
    assert.same({ false, false, false, false, false, false, false }, assigned())
    assert.equals("online", status_of("node2"))
    local age = db.exec("SELECT TIMESTAMPDIFF(SECOND, last_seen, UTC_TIMESTAMP()) AS age FROM node WHERE node_id = 'node2'")[1].age
    assert.is_true(tonumber(age) < 5, "last_seen written on the way up")
  end)

  it("keeps each target within MONITOR_LIMIT_PER_NODE; the rest stay with their owner", function()
    local settings = config.get().cluster
    local limit = settings.monitorLimitPerNode
    settings.monitorLimitPerNode = 2
    observe("node2", "active-failure", 3)
    local ok, err = pcall(write)
    settings.monitorLimitPerNode = limit
    assert(ok, err)
    assert.same({ false, "node1", "node3", false, false, false, false }, assigned())
  end)

  it("every node down: holds the offline writes (all-down fallback) but marks a stale node offline", function()
    db.exec("UPDATE node SET last_seen = UTC_TIMESTAMP() - INTERVAL 20 MINUTE WHERE node_id = 'node3'")
    assert(sync.syncOnce())
    for _, id in ipairs({ "node1", "node2", "node3" }) do observe(id, "active-failure", 3) end
    local outcome = write()
    assert.equals(1, outcome.written)
    assert.equals(0, outcome.moved) -- nowhere to go
    assert.equals("online", status_of("node1"))
    assert.equals("online", status_of("node2"))
    assert.equals("offline", status_of("node3"))
    assert.same({ node1 = "offline", node2 = "offline" }, state.pending())
    -- node1 recovers: the held write for node2 goes through now that a node is healthy.
    observe("node1", "active-success", 3)
    write()
    assert.equals("offline", status_of("node2"))
    assert.same({ false, "node1", "node1", "node1", "node1", "node1", false }, assigned())
  end)

  it("refuses a node id that could not have come from a node", function()
    assert.has_error(function() sql.statusSql("x'; DROP TABLE node; --", "offline") end)
    assert.has_error(function() sql.assignSql("node1", { 2 }, { "node1", "" }) end)
    assert.matches("node_id = 'node1'", sql.statusSql("node1", "offline"), 1, true)
  end)

  it("stops writing when it is not the writer", function()
    session.release()
    observe("node2", "active-failure", 3)
    assert.is_true(writer.writeOnce(store.current()).failed)
    assert.equals("online", status_of("node2"))
    assert.same({ node2 = "offline" }, state.pending())
  end)
end)
