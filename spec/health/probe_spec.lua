-- Active probes over real sockets inside nginx. Specs cannot listen, so the peers are what the
-- spec run already has: a closed port (refused) and the test DNS server's TCP port (accepts,
-- then waits for the 18245 bytes "GE" announces: a node that never answers). HTTP answers are
-- covered end to end (test/health/), status lines by the case table.
local probe = require("health.prober")
local prober = require("health.prober")
local health = require("core.health")
local config = require("runtime.config")
local state = require("health.verdicts")
local dicts = require("runtime.dicts")
local dns = require("dns.resolve")

local DNS = os.getenv("SPEC_DNS_SERVER")

local function hostport(s)
  local host, port = s:match("^(.+):(%d+)$")
  return { host = host, port = tonumber(port) }
end

local function elapsed(fn)
  ngx.update_time()
  local t0 = ngx.now()
  local r = fn()
  ngx.update_time()
  return r, ngx.now() - t0
end

local RANGES = { { from = 200, to = 299 } }

describe("health.prober probe", function()
  it("a refused connection is a failure, at once", function()
    local answer, s = elapsed(function() return probe.probe({ host = "127.0.0.1", port = 1 }, "/api/v1/health", 1000) end)
    assert.equals("error", answer.result.kind)
    assert.matches("^connect: ", answer.result.error)
    assert.equals("active-failure", health.probeObservation(answer.result, RANGES))
    assert.is_true(s < 0.5)
  end)

  local with_dns = DNS and it or pending
  with_dns("a peer that accepts TCP and never answers times out within the budget", function()
    local answer, s = elapsed(function() return probe.probe(hostport(DNS), "/api/v1/health", 300) end)
    assert.same({ kind = "error", error = "read: timeout" }, answer.result)
    assert.is_true(s >= 0.25 and s < 0.6, "took " .. s)
  end)

  with_dns("a registry name that does not resolve is a failure", function()
    dns.configure({ hostport(DNS) })
    local answer = probe.probe({ host = "uptime-kuma-nowhere", port = 3001 }, "/", 1000)
    assert.equals("error", answer.result.kind)
    assert.matches("^dns: ", answer.result.error)
  end)

  with_dns("probes every addressable node, 8 at a time, and records each result", function()
    dicts.healthDict:flush_all()
    local settings = config.get().health
    local timeout = settings.timeoutMs
    settings.timeoutMs = 200
    local nodes = {}
    for i = 1, 10 do
      nodes[i] = { id = "hang" .. i, online = true, address = hostport(DNS) }
    end
    nodes[11] = { id = "noaddr", online = true }
    local _, s = elapsed(function() prober.probeAll(nodes) end)
    settings.timeoutMs = timeout
    -- Two batches of timeouts, not ten in a row and not all at once.
    assert.is_true(s >= 0.35 and s < 1.2, "took " .. s)
    for i = 1, 10 do
      assert.same({ down = false, successes = 0, failures = 1, confirmed = true }, state.read("hang" .. i))
      assert.matches("^read: timeout after", state.lastProbe("hang" .. i))
    end
    assert.is_nil(state.read("noaddr"))
  end)

  describe("urgent probes (the passive checks ask, the prober answers)", function()
    -- Ids unique to each case: the prober remembers when it last probed a node urgently.
    local function refusing(prefix, n)
      local nodes = {}
      for i = 1, n do nodes[i] = { id = prefix .. i, online = true, address = { host = "127.0.0.1", port = 1 } } end
      return nodes
    end
    local function ids(nodes)
      local out = {}
      for i, n in ipairs(nodes) do out[i] = n.id end
      return out
    end

    before_each(function()
      dicts.healthDict:flush_all()
    end)

    it("probes only the nodes asked about: a refused connect confirms two passive failures at once", function()
      local nodes = refusing("dead", 3)
      nodes[4] = { id = "dead-noaddr", online = true }
      for _ = 1, 2 do state.record("dead2", true, "passive-failure") end
      state.requestProbe("dead2")
      state.requestProbe("dead-noaddr")
      local probed, s = elapsed(function() return prober.probeUrgent(nodes) end)
      assert.same({ "dead2" }, ids(probed))
      assert.is_true(s < 0.5, "took " .. s)
      assert.same({ down = true, successes = 0, failures = 3, confirmed = true }, state.read("dead2"))
      assert.is_false(state.probeRequested("dead2"), "answered")
      assert.matches("^connect: ", state.lastProbe("dead2"))
      assert.is_nil(state.read("dead1"))
      assert.is_nil(state.read("dead3"))
      assert.same({}, ids(prober.probeUrgent(nodes)), "nothing asked since")
    end)

    it("at most one urgent probe per node per 0.5 s; a request that must wait is kept", function()
      local nodes = refusing("spaced", 1)
      state.requestProbe("spaced1")
      assert.same({ "spaced1" }, ids(prober.probeUrgent(nodes)))
      state.requestProbe("spaced1")
      assert.same({}, ids(prober.probeUrgent(nodes)), "too soon")
      assert.is_true(state.probeRequested("spaced1"), "kept for later")
      ngx.sleep(0.3)
      assert.same({}, ids(prober.probeUrgent(nodes)), "still too soon")
      ngx.sleep(0.25)
      assert.same({ "spaced1" }, ids(prober.probeUrgent(nodes)))
      assert.equals(2, state.read("spaced1").failures, "two probes, not one per request")
    end)

    it("never more than a batch (8) at once; the rest at the next step", function()
      local nodes = refusing("many", 10)
      for _, n in ipairs(nodes) do state.requestProbe(n.id) end
      assert.equals(8, #prober.probeUrgent(nodes))
      assert.same({ "many9", "many10" }, ids(prober.probeUrgent(nodes)))
      assert.same({}, ids(prober.probeUrgent(nodes)))
    end)

    with_dns("a node being probed by a round is not probed again before that probe ends", function()
      local settings = config.get().health
      local timeout = settings.timeoutMs
      settings.timeoutMs = 300
      local hanging = { { id = "busy1", online = true, address = hostport(DNS) } }
      local round = ngx.thread.spawn(prober.probeAll, hanging)
      ngx.sleep(0.05)
      state.requestProbe("busy1")
      assert.same({}, ids(prober.probeUrgent(hanging)), "in flight")
      assert(ngx.thread.wait(round))
      settings.timeoutMs = 30
      assert.same({ "busy1" }, ids(prober.probeUrgent(hanging)), "asked during the round's probe: probed after it")
      settings.timeoutMs = timeout
      assert.equals(2, state.read("busy1").failures)
    end)
  end)
end)
