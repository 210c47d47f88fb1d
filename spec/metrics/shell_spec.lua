-- The observability shell inside nginx, on the real kuma_metrics dict: per-worker counts flushed
-- with incr, dead workers' WebSocket shares dropped, health transitions sampled once, anomaly
-- lines held back per kind and node.
local dicts = require("runtime.dicts")
local counters = require("metrics.counters")
local exposition = require("metrics.exposition")
local process = require("metrics.process")
local sampler = require("metrics.sampler")
local store = require("cluster.snapshot_store")
local state = require("health.verdicts")
local anomalies = require("metrics.anomalies")
local text = require("core.metrics_text")
local catalog = require("core.metrics_catalog")

local function node(id)
  return { id = id, name = id, address = { host = "127.0.0.1", port = 3001 }, online = true, isPrimary = false, lastSeenAge = 0, owned = 0 }
end

local function publish(ids)
  local nodes = {}
  for i, id in ipairs(ids) do nodes[i] = node(id) end
  assert(store.publishMonitors({}, nil))
  assert(store.publishNodes({ nodes = nodes, setupComplete = true, awayFrom = {}, moved = 0 }, true))
end

local function series(name, labels)
  local c = exposition.sharedSeries()
  local s = c[name][table.concat(labels, "|")]
  return s and s.value
end

describe("metrics shell", function()
  before_each(function()
    dicts.metricsDict:flush_all()
    dicts.healthDict:flush_all()
    dicts.snapshotDict:flush_all()
    dicts.locksDict:flush_all()
  end)

  it("adds in the worker's table and reaches the dict only when flushed", function()
    local key = counters.DECISION_KEYS.owner
    counters.add(key, 1)
    counters.add(key, 2)
    assert.is_nil(dicts.metricsDict:get(key))
    counters.flush()
    assert.equals(3, dicts.metricsDict:get(key))
    counters.add(key, 1)
    counters.flush()
    assert.equals(4, dicts.metricsDict:get(key), "incr adds to what other workers flushed")
  end)

  it("keeps a worker's WebSocket share while it lives and drops a dead worker's for good", function()
    counters.add(counters.keysOf("node1").websockets, 2)
    counters.flush()
    -- A worker that is gone: a pid that was just used and reaped.
    local p = assert(io.popen("sh -c 'echo $$'"))
    local dead = tonumber(p:read("*l"))
    p:close()
    assert.is_false(process.isAlive(dead))
    assert.is_true(process.isAlive(ngx.worker.pid()))
    local deadKey = text.processKey(catalog.WEBSOCKETS, { "node1" }, dead)
    dicts.metricsDict:set(deadKey, 5)
    assert.equals(2, series(catalog.WEBSOCKETS, { "node1" }))
    assert.is_nil(dicts.metricsDict:get(deadKey), "the dead share is deleted at the scrape")
  end)

  it("counts a verdict change once, and not a node's first sight", function()
    publish({ "node1", "node2" })
    state.force("node2", true)
    sampler.sampleTransitions()
    counters.flush()
    assert.is_nil(series(catalog.TRANSITIONS_TOTAL, { "node2", "down" }), "first sight is no transition")
    state.force("node1", true)
    sampler.sampleTransitions()
    sampler.sampleTransitions()
    state.force("node1", false)
    sampler.sampleTransitions()
    counters.flush()
    assert.equals(1, series(catalog.TRANSITIONS_TOTAL, { "node1", "down" }))
    assert.equals(1, series(catalog.TRANSITIONS_TOTAL, { "node1", "up" }))
  end)

  it("says once per interval that the snapshot is stale, and nothing while it is fresh", function()
    local lines = {}
    local log = ngx.log
    ngx.log = function(level, msg) if level == ngx.WARN then lines[#lines + 1] = msg end end
    local ok, err = pcall(function()
      dicts.snapshotDict:set("synced_at", ngx.now())
      anomalies.checkSnapshot()
      dicts.snapshotDict:set("synced_at", ngx.now() - 100.5)
      anomalies.checkSnapshot()
      anomalies.checkSnapshot()
    end)
    ngx.log = log
    assert(ok, err)
    assert.equals(1, #lines)
    assert.matches("routing anomaly: stale%-snapshot version=%d+ age=100s", lines[1])
  end)

  it("logs one anomaly line per kind and node per interval", function()
    local lines = {}
    local log = ngx.log
    ngx.log = function(level, msg) if level == ngx.WARN then lines[#lines + 1] = msg end end
    local ok, err = pcall(function()
      for _ = 1, 5 do anomalies.report({ kind = "retry", node = "node7", to = "node8", reason = "least-loaded" }) end
      anomalies.report({ kind = "retry", node = "node9", to = "node8", reason = "least-loaded" })
    end)
    ngx.log = log
    assert(ok, err)
    assert.equals(2, #lines)
    assert.matches("retry node=node7 to=node8", lines[1], 1, true)
    assert.matches("retry node=node9", lines[2], 1, true)
  end)
end)
