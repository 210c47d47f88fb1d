-- Health state in kuma_health, inside nginx: one state machine fed by probes and passive
-- reports from any worker, verdicts every worker reads (the down-set), and the writes left pending.
local dicts = require("runtime.dicts")
local verdicts = require("health.verdicts")
local sync = require("cluster.sync")
local store = require("cluster.snapshot_store")
local db = require("support.db")

describe("health.verdicts", function()
  before_each(function()
    dicts.healthDict:flush_all()
  end)

  it("takes a node down after three failures, passive and active alike, and says so once", function()
    local nodes = { { id = "node1" }, { id = "node2" } }
    assert.same({}, verdicts.downSet(nodes))
    assert.equals("none", verdicts.record("node1", true, "passive-failure"))
    assert.equals("none", verdicts.record("node1", true, "active-failure"))
    local v = verdicts.verdictVersion()
    assert.equals("down", verdicts.record("node1", true, "passive-failure"))
    assert.equals(v + 1, verdicts.verdictVersion())
    assert.equals("none", verdicts.record("node1", true, "passive-failure"))
    assert.equals(v + 1, verdicts.verdictVersion(), "no second transition")
    assert.same({ node1 = true }, verdicts.downSet(nodes))
    assert.is_true(verdicts.isDown("node1"))
    assert.same({ node1 = "offline" }, verdicts.pending())
  end)

  -- pnode*: ids no spec's snapshot holds, so verdicts.passiveFailure seeds them as up.
  it("never takes a node down on passive failures alone; each one asks for an urgent probe", function()
    local v = verdicts.verdictVersion()
    for _ = 1, 5 do verdicts.passiveFailure("pnode1") end
    assert.same({ down = false, successes = 0, failures = 5, confirmed = false }, verdicts.read("pnode1"))
    assert.equals(v, verdicts.verdictVersion())
    assert.same({}, verdicts.pending(), "nothing for the registry")
    assert.is_true(verdicts.probeRequested("pnode1"))
    assert.is_false(verdicts.probeRequested("pnode2"))
    -- The urgent probe fails: the streak is confirmed and long enough.
    verdicts.clearProbeRequest("pnode1")
    assert.is_false(verdicts.probeRequested("pnode1"))
    assert.equals("down", verdicts.record("pnode1", true, "active-failure"))
    assert.same({ pnode1 = "offline" }, verdicts.pending())
    -- A down node is not probed urgently: its rounds bring it back.
    verdicts.passiveFailure("pnode1")
    assert.is_false(verdicts.probeRequested("pnode1"))
  end)

  it("a probe success between passive failures restarts the streak", function()
    for _ = 1, 2 do verdicts.passiveFailure("pnode1") end
    verdicts.record("pnode1", true, "active-success")
    verdicts.passiveFailure("pnode1")
    assert.equals("none", verdicts.record("pnode1", true, "active-failure"), "two failures since the success")
    assert.equals("down", verdicts.record("pnode1", true, "passive-failure"), "the third, confirmed")
  end)

  it("reads the three-field state of an earlier build as unconfirmed", function()
    dicts.healthDict:set("health:pnode1", "0 0 2")
    assert.equals("none", verdicts.record("pnode1", true, "passive-failure"))
    assert.equals("down", verdicts.record("pnode1", true, "active-failure"))
  end)

  it("brings a node back only after three probe successes", function()
    for _ = 1, 3 do verdicts.record("node1", true, "active-failure") end
    for _ = 1, 10 do verdicts.record("node1", true, "passive-failure") end
    assert.is_true(verdicts.isDown("node1"))
    verdicts.record("node1", true, "active-success")
    verdicts.record("node1", true, "active-success")
    assert.is_true(verdicts.isDown("node1"))
    assert.equals("up", verdicts.record("node1", true, "active-success"))
    assert.is_false(verdicts.isDown("node1"))
    assert.same({ node1 = "online" }, verdicts.pending(), "the newer transition replaced the pending write")
  end)

  it("seeds a node from the registry: an offline node starts down", function()
    assert.equals("none", verdicts.record("node9", false, "active-success"))
    assert.is_true(verdicts.isDown("node9"))
    verdicts.record("node9", false, "active-success")
    assert.equals("up", verdicts.record("node9", false, "active-success"))
  end)

  it("re-reads the down-set only when a verdict moved", function()
    local nodes = { { id = "node1" } }
    local first = verdicts.downSet(nodes)
    assert.equals(first, verdicts.downSet(nodes))
    verdicts.record("node1", true, "active-failure") -- a count, not a verdict
    assert.equals(first, verdicts.downSet(nodes))
    assert.is_true(verdicts.force("node1", true))
    assert.is_false(verdicts.force("node1", true))
    assert.are_not.equal(first, verdicts.downSet(nodes))
    assert.same({ node1 = true }, verdicts.downSet(nodes))
    assert.is_true(verdicts.force("node1", false))
    assert.same({}, verdicts.downSet(nodes))
  end)

  it("settles a pending write only if no newer transition replaced it", function()
    for _ = 1, 3 do verdicts.record("node1", true, "active-failure") end
    verdicts.settle("node1", "online")
    assert.same({ node1 = "offline" }, verdicts.pending())
    verdicts.settle("node1", "offline")
    assert.same({}, verdicts.pending())
  end)

  it("forgets nodes that left the registry", function()
    verdicts.record("node1", true, "active-failure")
    verdicts.record("gone", true, "active-failure")
    verdicts.setLastProbe("gone", "timeout")
    verdicts.requestProbe("gone")
    verdicts.prune({ node1 = true })
    assert.is_nil(verdicts.read("gone"))
    assert.is_nil(verdicts.lastProbe("gone"))
    assert.is_false(verdicts.probeRequested("gone"))
    assert.is_not_nil(verdicts.read("node1"))
  end)

  it("passive reports seed from the snapshot's registry status", function()
    db.reset()
    db.node("node1", "uptime-kuma-node1:3001", "online", true)
    db.node("node2", "uptime-kuma-node2:3001", "offline", false)
    -- No flush of the snapshot dict: its version would restart and could equal the one this
    -- worker already holds, which would then keep an earlier spec's snapshot.
    assert(sync.syncOnce())
    assert.is_false(store.current().nodeById.node2.online, "this spec's snapshot")
    verdicts.passiveFailure("node1")
    verdicts.passiveFailure("node2")
    assert.same({ down = false, successes = 0, failures = 1, confirmed = false }, verdicts.read("node1"))
    assert.same({ down = true, successes = 0, failures = 1, confirmed = false }, verdicts.read("node2"))
  end)
end)
