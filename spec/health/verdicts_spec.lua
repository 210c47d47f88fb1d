-- Health state in kuma_health, inside nginx: one state machine fed by probes and passive
-- reports from any worker, verdicts every worker reads (view), and the writes left pending.
local dicts = require("runtime.dicts")
local state = require("health.state")
local view = require("health.view")
local passive = require("health.passive")
local sync = require("cluster.sync")
local store = require("cluster.snapshot_store")
local db = require("support.db")

describe("health.state and health.view", function()
  before_each(function()
    dicts.healthDict:flush_all()
  end)

  it("takes a node down after three failures, passive and active alike, and says so once", function()
    local nodes = { { id = "node1" }, { id = "node2" } }
    assert.same({}, view.downSet(nodes))
    assert.equals("none", state.record("node1", true, "passive-failure"))
    assert.equals("none", state.record("node1", true, "active-failure"))
    local v = state.verdictVersion()
    assert.equals("down", state.record("node1", true, "passive-failure"))
    assert.equals(v + 1, state.verdictVersion())
    assert.equals("none", state.record("node1", true, "passive-failure"))
    assert.equals(v + 1, state.verdictVersion(), "no second transition")
    assert.same({ node1 = true }, view.downSet(nodes))
    assert.is_true(view.isDown("node1"))
    assert.same({ node1 = "offline" }, state.pending())
  end)

  -- pnode*: ids no spec's snapshot holds, so passive.failed seeds them as up.
  it("never takes a node down on passive failures alone; each one asks for an urgent probe", function()
    local v = state.verdictVersion()
    for _ = 1, 5 do passive.failed("pnode1") end
    assert.same({ down = false, successes = 0, failures = 5, confirmed = false }, state.read("pnode1"))
    assert.equals(v, state.verdictVersion())
    assert.same({}, state.pending(), "nothing for the registry")
    assert.is_true(state.probeRequested("pnode1"))
    assert.is_false(state.probeRequested("pnode2"))
    -- The urgent probe fails: the streak is confirmed and long enough.
    state.clearProbeRequest("pnode1")
    assert.is_false(state.probeRequested("pnode1"))
    assert.equals("down", state.record("pnode1", true, "active-failure"))
    assert.same({ pnode1 = "offline" }, state.pending())
    -- A down node is not probed urgently: its rounds bring it back.
    passive.failed("pnode1")
    assert.is_false(state.probeRequested("pnode1"))
  end)

  it("a probe success between passive failures restarts the streak", function()
    for _ = 1, 2 do passive.failed("pnode1") end
    state.record("pnode1", true, "active-success")
    passive.failed("pnode1")
    assert.equals("none", state.record("pnode1", true, "active-failure"), "two failures since the success")
    assert.equals("down", state.record("pnode1", true, "passive-failure"), "the third, confirmed")
  end)

  it("reads the three-field state of an earlier build as unconfirmed", function()
    dicts.healthDict:set("health:pnode1", "0 0 2")
    assert.equals("none", state.record("pnode1", true, "passive-failure"))
    assert.equals("down", state.record("pnode1", true, "active-failure"))
  end)

  it("brings a node back only after three probe successes", function()
    for _ = 1, 3 do state.record("node1", true, "active-failure") end
    for _ = 1, 10 do state.record("node1", true, "passive-failure") end
    assert.is_true(view.isDown("node1"))
    state.record("node1", true, "active-success")
    state.record("node1", true, "active-success")
    assert.is_true(view.isDown("node1"))
    assert.equals("up", state.record("node1", true, "active-success"))
    assert.is_false(view.isDown("node1"))
    assert.same({ node1 = "online" }, state.pending(), "the newer transition replaced the pending write")
  end)

  it("seeds a node from the registry: an offline node starts down", function()
    assert.equals("none", state.record("node9", false, "active-success"))
    assert.is_true(view.isDown("node9"))
    state.record("node9", false, "active-success")
    assert.equals("up", state.record("node9", false, "active-success"))
  end)

  it("re-reads the down-set only when a verdict moved", function()
    local nodes = { { id = "node1" } }
    local first = view.downSet(nodes)
    assert.equals(first, view.downSet(nodes))
    state.record("node1", true, "active-failure") -- a count, not a verdict
    assert.equals(first, view.downSet(nodes))
    assert.is_true(view.setDown("node1", true))
    assert.is_false(view.setDown("node1", true))
    assert.are_not.equal(first, view.downSet(nodes))
    assert.same({ node1 = true }, view.downSet(nodes))
    assert.is_true(view.setDown("node1", false))
    assert.same({}, view.downSet(nodes))
  end)

  it("settles a pending write only if no newer transition replaced it", function()
    for _ = 1, 3 do state.record("node1", true, "active-failure") end
    state.settle("node1", "online")
    assert.same({ node1 = "offline" }, state.pending())
    state.settle("node1", "offline")
    assert.same({}, state.pending())
  end)

  it("forgets nodes that left the registry", function()
    state.record("node1", true, "active-failure")
    state.record("gone", true, "active-failure")
    state.setLastProbe("gone", "timeout")
    state.requestProbe("gone")
    state.prune({ node1 = true })
    assert.is_nil(state.read("gone"))
    assert.is_nil(state.lastProbe("gone"))
    assert.is_false(state.probeRequested("gone"))
    assert.is_not_nil(state.read("node1"))
  end)

  it("passive reports seed from the snapshot's registry status", function()
    db.reset()
    db.node("node1", "uptime-kuma-node1:3001", "online", true)
    db.node("node2", "uptime-kuma-node2:3001", "offline", false)
    -- No flush of the snapshot dict: its version would restart and could equal the one this
    -- worker already holds, which would then keep an earlier spec's snapshot.
    assert(sync.syncOnce())
    assert.is_false(store.current().nodeById.node2.online, "this spec's snapshot")
    passive.failed("node1")
    passive.failed("node2")
    assert.same({ down = false, successes = 0, failures = 1, confirmed = false }, state.read("node1"))
    assert.same({ down = true, successes = 0, failures = 1, confirmed = false }, state.read("node2"))
  end)
end)
