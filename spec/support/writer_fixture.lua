-- The registry writer's specs share one cluster: node1 (primary), node2 and node3 online;
-- monitor 1 on node1, 2-5 on node2, 6 on node3, 7 on node2 but inactive. node1 and node3 are
-- confirmed up by probes; node2 has no verdict yet. The writer's session holds the lock.
local assert = require("luassert")
local db = require("support.db")
local sync = require("cluster.sync")
local store = require("cluster.snapshot_store")
local dicts = require("runtime.dicts")
local state = require("health.verdicts")
local session = require("health.writer_session")
local writer = require("health.writer")

local _M = {}

function _M.observe(id, obs, times)
  for _ = 1, times do state.record(id, true, obs) end
end

function _M.setup()
  db.reset()
  db.node("node1", "uptime-kuma-node1:3001", "online", true)
  db.node("node2", "uptime-kuma-node2:3001", "online", false)
  db.node("node3", "uptime-kuma-node3:3001", "online", false)
  db.monitor(1, "node1")
  for id = 2, 5 do db.monitor(id, "node2") end
  db.monitor(6, "node3")
  db.monitor(7, "node2", nil, nil, false) -- inactive: never moved
  dicts.healthDict:flush_all()
  -- Not the snapshot dict: its version would restart and could equal the one this worker
  -- already holds, which would then keep an earlier spec's snapshot.
  assert(sync.syncOnce())
  _M.observe("node1", "active-success", 3)
  _M.observe("node3", "active-success", 3)
  assert.is_true(session.acquire())
end

-- monitor id -> assigned_node (false for NULL), every monitor.
function _M.assigned()
  local out = {}
  for _, r in ipairs(db.exec("SELECT id, assigned_node FROM monitor ORDER BY id")) do
    out[r.id] = r.assigned_node ~= ngx.null and r.assigned_node or false
  end
  return out
end

-- monitor id -> "from>to" of each move record.
function _M.records()
  local out = {}
  for _, r in ipairs(db.exec("SELECT monitor_id, from_node, to_node, kind FROM kuma_cluster_move ORDER BY monitor_id")) do
    out[tonumber(r.monitor_id)] = r.from_node .. ">" .. r.to_node
  end
  return out
end

-- One writer pass on the current snapshot; it must not fail.
function _M.write()
  local outcome = writer.writeOnce(store.current())
  assert.is_false(outcome.failed)
  return outcome
end

return _M
