-- The snapshot store: the node list as one part decoded when its digest moved; the monitors as
-- a base in chunks plus one delta per monitors version. A worker applies small work itself,
-- loads a large base one chunk per timer tick while routing from the maps it has, converges
-- after missed versions and falls back to the base when a delta is gone.
local store = require("cluster.snapshot_store")
local dicts = require("runtime.dicts")

local function nodes(age)
  return { nodes = { { id = "node1", name = "node1", online = true, isPrimary = true, index = 0, lastSeenAge = age, owned = 0 },
                     { id = "node2", name = "node2", online = true, isPrimary = false, index = 1, lastSeenAge = age, owned = 0 } },
           setupComplete = true, awayFrom = {}, moved = 0 }
end

local function rows(n, owner)
  local out = {}
  for i = 1, n do out[i] = { id = i, owner = owner, push_token = "tok" .. i } end
  return out
end

local function publish_base(n, owner, age)
  assert(store.publishMonitors(rows(n, owner), nil))
  return assert(store.publishNodes(nodes(age or 1), true))
end

local function delta(entries, drops, age)
  assert(store.publishDelta({ entries = entries, drops = drops or {} }))
  return assert(store.publishNodes(nodes(age or 1), true))
end

describe("cluster.snapshot_store", function()
  before_each(function()
    dicts.snapshotDict:flush_all()
    store.settle() -- forget nothing, but no stale loading from an earlier test
  end)

  it("decodes the node list again only when it changed, and keeps the monitor maps across it", function()
    local v1 = publish_base(3, "node1", 1)
    local a = store.settle()
    local v2 = assert(store.publishNodes(nodes(2), false))
    local b = store.current()
    assert.equals(v1 + 1, v2)
    assert.are_not.equal(a, b)
    assert.equals(2, b.nodes[1].lastSeenAge)
    assert.equals(a.ownerOf, b.ownerOf)
    assert.equals(v2, (store.publishNodes(nodes(2), false))) -- nothing moved: same version
    assert.equals(3, b.nodeById.node1.owned)
    assert.equals(0, b.nodeById.node2.owned)
  end)

  it("applies a delta in place: owners, tokens, owned counts and gone monitors", function()
    publish_base(3, "node1")
    store.settle()
    delta({ "1", "node2", "tok1", "2", "", "", "4", "node2", "tok4" }, { "tok1", "1", "tok2", "2" })
    local s = store.current()
    assert.same({ ["1"] = "node2", ["3"] = "node1", ["4"] = "node2" }, s.ownerOf)
    assert.same({ tok1 = "1", tok3 = "3", tok4 = "4" }, s.monitorOfToken)
    assert.same({ 1, 2 }, { s.nodeById.node1.owned, s.nodeById.node2.owned })
    assert.equals(3, s.monitorCount)
  end)

  it("converges after missed versions: a worker behind by several deltas applies them in order", function()
    publish_base(2, "node1")
    store.settle()
    for i = 1, 5 do delta({ "1", i % 2 == 0 and "node1" or "node2", "tok1" }, { "tok1", "1" }, i) end
    delta({ "2", "", "" }, { "tok2", "2" })
    local s = store.current()
    assert.equals("node2", s.ownerOf["1"])
    assert.is_nil(s.ownerOf["2"])
    assert.is_nil(s.monitorOfToken.tok2)
    assert.equals(1, s.monitorCount)
  end)

  it("loads the base again when a delta it needs is gone (evicted), and after a flush", function()
    publish_base(2, "node1")
    store.settle()
    delta({ "1", "node2", "tok1" }, {})
    delta({ "2", "node2", "tok2" }, {})
    -- The second delta is lost before this worker saw either: it cannot apply them in order.
    local mv = dicts.snapshotDict:get("monitors_version")
    dicts.snapshotDict:delete("monitors_delta:" .. mv)
    -- The sync writes a new base (as it does when it cannot trust its deltas).
    assert.equals("node1", store.current().ownerOf["2"])
    publish_base(2, "node2")
    assert.same({ ["1"] = "node2", ["2"] = "node2" }, store.current().ownerOf)
    -- A flushed dict: the next sync writes a base under another id; the worker takes it whole.
    dicts.snapshotDict:flush_all()
    publish_base(1, "node1")
    assert.same({ ["1"] = "node1" }, store.current().ownerOf)
  end)

  it("never loads a large base on a request: the old maps serve until the timer loaded it chunk by chunk", function()
    publish_base(3, "node1")
    local old = store.settle()
    publish_base(3 * store.CHUNK, "node2") -- over the inline budget
    local during = store.current()
    assert.equals("node1", during.ownerOf["1"])          -- still the old maps
    assert.is_nil(during.ownerOf[tostring(3 * store.CHUNK)])
    assert.equals(old.ownerOf, during.ownerOf)
    -- The timer's ticks (every 20 ms): one chunk each, the old maps serving until the last.
    local ticks = 0
    while not store.step() do
      ticks = ticks + 1
      assert.equals(old.ownerOf, store.current().ownerOf)
      assert.is_true(ticks < 10)
    end
    assert.equals(2, ticks) -- chunks 1 and 2; the third completes the load
    local s = store.current()
    assert.equals("node2", s.ownerOf["1"])
    assert.equals(3 * store.CHUNK, s.monitorCount)
    assert.equals(3 * store.CHUNK, s.nodeById.node2.owned)
  end)

  it("reports the node list, base and deltas' size", function()
    publish_base(3, "node1")
    delta({ "1", "node2", "tok1" }, {})
    local d = dicts.snapshotDict
    local base = d:get("monitors_base")
    local id = base:match("^(%S+)")
    local bytes = #d:get("nodes") + #d:get("monitors:" .. id .. ":0") + #d:get("monitors_delta:" .. d:get("monitors_version"))
    assert.equals(bytes, store.status().bytes)
  end)
end)
