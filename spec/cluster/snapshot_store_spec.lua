-- The snapshot store's two parts: a worker decodes only the part whose content moved, so the
-- node list changing at every sync (last_seen ages) does not cost a decode of the monitor maps.
local store = require("cluster.snapshot_store")
local dicts = require("runtime.dicts")

local function stored(age, owner_of_1)
  return {
    nodes = { { id = "node1", name = "node1", online = true, isPrimary = true, index = 0, lastSeenAge = age, owned = 1 } },
    ownerOf = { ["1"] = owner_of_1 },
    monitorOfToken = { tok1 = "1" },
    setupComplete = true,
    monitorCount = 1,
  }
end

describe("cluster.snapshot_store parts", function()
  before_each(function() dicts.snapshotDict:flush_all() end)

  it("decodes the monitor maps again only when they changed", function()
    local v1 = assert(store.publish(stored(1, "node1")))
    local a = store.current()
    local v2 = assert(store.publish(stored(2, "node1")))
    local b = store.current()
    assert.equals(v1 + 1, v2)
    assert.are_not.equal(a, b)
    assert.equals(2, b.nodes[1].lastSeenAge)
    assert.equals(a.ownerOf, b.ownerOf)             -- the same table: not decoded again
    assert.equals(a.monitorOfToken, b.monitorOfToken)
    local v3 = assert(store.publish(stored(2, "node2")))
    local c = store.current()
    assert.equals(v2 + 1, v3)
    assert.are_not.equal(b.ownerOf, c.ownerOf)
    assert.equals("node2", c.ownerOf["1"])
    assert.equals(b.nodes, c.nodes)                 -- and the node list was not
    assert.equals(c.nodeById.node1, c.nodes[1])
  end)

  it("keeps the version when neither part changed, and reports both parts' size", function()
    local v1 = assert(store.publish(stored(1, "node1")))
    assert.equals(v1, (store.publish(stored(1, "node1"))))
    local bytes = #dicts.snapshotDict:get("nodes") + #dicts.snapshotDict:get("monitors")
    assert.equals(bytes, store.status().bytes)
  end)
end)
