-- Active probes over real sockets inside nginx. Specs cannot listen, so the peers are what the
-- spec run already has: a closed port (refused) and the test DNS server's TCP port (accepts,
-- then waits for the 18245 bytes "GE" announces: a node that never answers). HTTP answers are
-- covered end to end (test/health/), status lines by the case table.
local probe = require("health.probe")
local checker = require("health.checker")
local health = require("core.health")
local config = require("config")
local state = require("health.state")
local dicts = require("dicts")
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

describe("health.probe", function()
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
    local _, s = elapsed(function() checker.probeAll(nodes) end)
    settings.timeoutMs = timeout
    -- Two batches of timeouts, not ten in a row and not all at once.
    assert.is_true(s >= 0.35 and s < 1.2, "took " .. s)
    for i = 1, 10 do
      assert.same({ down = false, successes = 0, failures = 1 }, state.read("hang" .. i))
      assert.matches("^read: timeout after", state.lastProbe("hang" .. i))
    end
    assert.is_nil(state.read("noaddr"))
  end)
end)
