-- dns.resolve against a real DNS server on loopback (harness/dns-server-cli.ts, started by
-- scripts/run-specs.sh with the fixture records below). The specs steer it over its control port:
-- query counts, answer/drop/servfail mode, records added or deleted.
local dns = require("dns.resolve")
local reply = require("dns.reply")
local resolver = require("resty.dns.resolver")
local dicts = require("runtime.dicts")

local SERVER = os.getenv("SPEC_DNS_SERVER")
local CONTROL = os.getenv("SPEC_DNS_CONTROL")
local FQDN = "uptime-kuma-0.uptime-kuma-headless.kuma-test.svc.cluster.local" -- 127.0.0.5
local SHORT = "uptime-kuma-short" -- 127.0.0.6, TTL 1

-- One command line to the server, one "ok[ value]" line back.
local function control(command)
  local host, port = CONTROL:match("^(.+):(%d+)$")
  local sock = ngx.socket.tcp()
  sock:settimeout(2000)
  assert(sock:connect(host, tonumber(port)))
  assert(sock:send(command .. "\n"))
  local line, err = sock:receive("*l")
  sock:close()
  assert(line, err)
  local value = line:match("^ok ?(.*)$")
  assert(value, command .. " -> " .. line)
  return value
end

-- Queries the server received (for one name, or in all) since the last reset.
local function count(name)
  return tonumber(control(name and ("count " .. name) or "count"))
end

-- Runs fn while recording the names handed to resolver:query (the wire hides a trailing dot).
local function asked_names(fn)
  local asked = {}
  local original = resolver.new
  resolver.new = function(class, opts)
    local r, err = original(class, opts)
    if r then
      local query = r.query
      r.query = function(self, name, options)
        asked[#asked + 1] = name
        return query(self, name, options)
      end
    end
    return r, err
  end
  local ok, err = pcall(fn)
  resolver.new = original
  if not ok then
    error(err, 0)
  end
  return asked
end

local function entry_for(name)
  for _, e in ipairs(dns.cacheEntries()) do
    if e.name == name then
      return e
    end
  end
end

local function log_size()
  local f = assert(io.open(os.getenv("SPEC_PREFIX") .. "/logs/error.log", "r"))
  local size = f:seek("end")
  f:close()
  return size
end

local function log_since(offset)
  local f = assert(io.open(os.getenv("SPEC_PREFIX") .. "/logs/error.log", "r"))
  f:seek("set", offset)
  local text = f:read("*a")
  f:close()
  return text
end

local function occurrences(text, pattern)
  local n = 0
  for _ in text:gmatch(pattern) do
    n = n + 1
  end
  return n
end

describe("dns.reply", function()
  local A, CNAME = 1, 5

  it("follows a CNAME chain to its A records; the TTL is the chain's smallest", function()
    local r = reply.readReply("node.example.", {
      { name = "node.example", type = CNAME, cname = "real.example", ttl = 5 },
      { name = "real.example", type = A, address = "127.0.0.21", ttl = 60 },
      { name = "other.example", type = A, address = "127.0.0.1", ttl = 60 },
    })
    assert.same({ kind = "address", address = "127.0.0.21", ttl = 5 }, r)
  end)

  it("asks for the target of a CNAME that came without its A records", function()
    local r = reply.readReply("node.example.", { { name = "node.example", type = CNAME, cname = "Real.Example", ttl = 7 } })
    assert.same({ kind = "alias", target = "real.example", ttl = 7 }, r)
  end)

  it("tells NXDOMAIN and no A record (definite) from server errors (failures)", function()
    assert.same({ kind = "negative", error = "NXDOMAIN" }, reply.readReply("x.", { errcode = 3, errstr = "name error" }))
    assert.same({ kind = "negative", error = "no A record" }, reply.readReply("x.", {}))
    assert.same("failure", reply.readReply("x.", { errcode = 2, errstr = "server failure" }).kind)
  end)
end)

describe("dns.queryName", function()
  it("adds the trailing dot to a name with a dot, and only there", function()
    assert.equal(FQDN .. ".", dns.queryName(FQDN))
    assert.equal(FQDN .. ".", dns.queryName(FQDN .. "."))
    assert.equal("uptime-kuma-node2", dns.queryName("uptime-kuma-node2"))
  end)
end)

describe("dns.resolve against the test DNS server", function()
  if not SERVER then
    pending("no test DNS server: build it with `npx tsc -p tsconfig.node.json` (scripts/run-specs.sh starts it)")
    return
  end

  setup(function()
    local host, port = SERVER:match("^(.+):(%d+)$")
    dns.configure({ { host = host, port = tonumber(port) } })
  end)

  before_each(function()
    dicts.dnsDict:flush_all()
    dns._resetWorkerCache()
    control("mode answer")
    control("reset")
  end)

  teardown(function()
    control("mode answer")
  end)

  it("resolves a Compose service name, queried as it is", function()
    local address, err
    local asked = asked_names(function()
      address, err = dns.resolve("uptime-kuma-node2")
    end)
    assert.is_nil(err)
    assert.equal("127.0.0.3", address)
    assert.same({ "uptime-kuma-node2" }, asked)
    assert.equal(1, count("uptime-kuma-node2"))
  end)

  it("resolves a Kubernetes FQDN, queried with a trailing dot and nothing else", function()
    local address
    local asked = asked_names(function()
      address = dns.resolve(FQDN)
    end)
    assert.equal("127.0.0.5", address)
    assert.same({ FQDN .. "." }, asked)
    -- The server saw that one name, once: no search suffix was tried.
    assert.equal(1, count(FQDN))
    assert.equal(1, count())
  end)

  it("never queries for an IP literal", function()
    assert.equal("127.0.0.9", dns.resolve("127.0.0.9"))
    assert.equal("::1", dns.resolve("::1"))
    assert.equal("127.0.0.9", dns.resolve("127.0.0.9"))
    assert.equal(0, count())
  end)

  it("answers from the cache within the TTL, and a second worker from the shared cache", function()
    assert.equal("127.0.0.2", dns.resolve("uptime-kuma-node1"))
    assert.equal("127.0.0.2", dns.resolve("uptime-kuma-node1"))
    assert.equal(1, count("uptime-kuma-node1"))
    -- A second worker starts with an empty worker cache: kuma_dns serves it.
    dns._resetWorkerCache()
    assert.equal("127.0.0.2", dns.resolve("uptime-kuma-node1"))
    assert.equal(1, count("uptime-kuma-node1"))
    -- The worker's own copy answers without kuma_dns (the hot path touches no shared memory).
    dicts.dnsDict:flush_all()
    assert.equal("127.0.0.2", dns.resolve("uptime-kuma-node1"))
    assert.equal(1, count("uptime-kuma-node1"))
    -- With the shared answer gone as well, it has to ask.
    dns._resetWorkerCache()
    dicts.dnsDict:flush_all()
    assert.equal("127.0.0.2", dns.resolve("uptime-kuma-node1"))
    assert.equal(2, count("uptime-kuma-node1"))
  end)

  it("queries again once the TTL has run out", function()
    assert.equal("127.0.0.6", dns.resolve(SHORT))
    assert.equal(1, count(SHORT))
    ngx.sleep(1.2)
    assert.equal("127.0.0.6", dns.resolve(SHORT))
    assert.equal(2, count(SHORT))
  end)

  it("raises a TTL of 0 to the floor, so requests do not each cost a query", function()
    control("record zero-ttl=127.0.0.7,0")
    for _ = 1, 3 do
      assert.equal("127.0.0.7", dns.resolve("zero-ttl"))
    end
    assert.equal(1, count("zero-ttl"))
    local e = entry_for("zero-ttl")
    assert.is_true(e.expiresIn > 0 and e.expiresIn <= dns.TTL_FLOOR_S)
  end)

  it("forgets an answer the prober could not connect to: a re-created node is found at its new address", function()
    control("record recreated=127.0.0.14,30")
    assert.equal("127.0.0.14", dns.resolve("recreated"))
    control("record recreated=127.0.0.15,30") -- the pod came back elsewhere
    assert.equal("127.0.0.14", dns.resolve("recreated"))
    dns.forget("recreated")
    assert.equal("127.0.0.15", dns.resolve("recreated"))
    -- Rate-limited: a second forget within the window keeps the fresh answer.
    control("record recreated=127.0.0.16,30")
    dns.forget("recreated")
    assert.equal("127.0.0.15", dns.resolve("recreated"))
  end)

  it("a lookup that waited for another gets its address, even when the prober forgot it at once", function()
    -- The prober resolves a dead node's name, is refused, and forgets the answer, all between
    -- two polls of a request that was waiting for that lookup.
    control("record refused=127.0.0.17,30")
    -- Lookups, not packets: a slow server may see the one lookup retransmitted.
    local asked = asked_names(function()
      local prober = ngx.thread.spawn(function()
        local address = dns.resolve("refused")
        dns.forget("refused")
        return address
      end)
      local waiting = ngx.thread.spawn(dns.resolve, "refused")
      local ok, address = ngx.thread.wait(prober)
      assert.is_true(ok)
      assert.equal("127.0.0.17", address)
      local waited, waitedAddress, err = ngx.thread.wait(waiting)
      assert.is_true(waited)
      assert.equal("127.0.0.17", waitedAddress, err)
    end)
    assert.same({ "refused" }, asked)
  end)

  it("caps a long TTL", function()
    control("record long-ttl=127.0.0.8,3600")
    assert.equal("127.0.0.8", dns.resolve("long-ttl"))
    local e = entry_for("long-ttl")
    assert.is_true(e.expiresIn > dns.TTL_CAP_S - 1 and e.expiresIn <= dns.TTL_CAP_S)
  end)

  it("picks the lowest of several A records, whatever their order", function()
    control("record multi=127.0.0.12,127.0.0.11")
    assert.equal("127.0.0.11", dns.resolve("multi"))
  end)

  it("returns an error for NXDOMAIN and caches it briefly", function()
    local address, err = dns.resolve("uptime-kuma-node9")
    assert.is_nil(address)
    assert.matches("uptime%-kuma%-node9: NXDOMAIN", err)
    assert.is_nil((dns.resolve("uptime-kuma-node9")))
    assert.equal(1, count("uptime-kuma-node9"))
    ngx.sleep(dns.NEGATIVE_TTL_S + 0.1)
    assert.is_nil((dns.resolve("uptime-kuma-node9")))
    assert.equal(2, count("uptime-kuma-node9"))
  end)

  it("serves the last good address when the server stops answering", function()
    assert.equal("127.0.0.6", dns.resolve(SHORT))
    control("mode drop")
    ngx.sleep(1.1)
    local address, err = dns.resolve(SHORT)
    assert.is_nil(err)
    assert.equal("127.0.0.6", address)
    assert.is_true(count(SHORT) > 1) -- it did ask, and got no reply
    assert.is_true(entry_for(SHORT).stale)
  end)

  it("serves the last good address on SERVFAIL, logging it once per name per interval", function()
    assert.equal("127.0.0.6", dns.resolve(SHORT))
    control("mode servfail")
    local offset = log_size()
    ngx.sleep(1.1)
    assert.equal("127.0.0.6", dns.resolve(SHORT))
    ngx.sleep(dns.RETRY_AFTER_FAILURE_S + 0.1)
    assert.equal("127.0.0.6", dns.resolve(SHORT))
    assert.equal(3, count(SHORT))
    local pattern = "dns uptime%-kuma%-short: server error 2 %(server failure%); serving the last good address 127%.0%.0%.6"
    assert.equal(1, occurrences(log_since(offset), pattern))
  end)

  it("without a last good address, a failure is an error, not retried on every request", function()
    control("mode drop")
    local address, err = dns.resolve("uptime-kuma-node3")
    assert.is_nil(address)
    assert.matches("uptime%-kuma%-node3: .*timeout", err)
    local queries = count("uptime-kuma-node3")
    assert.is_nil((dns.resolve("uptime-kuma-node3")))
    assert.equal(queries, count("uptime-kuma-node3"))
  end)

  it("does not serve a stale address for a name that became NXDOMAIN", function()
    control("record deleted-pod=127.0.0.13,1")
    assert.equal("127.0.0.13", dns.resolve("deleted-pod"))
    control("delete deleted-pod")
    ngx.sleep(1.1)
    local address, err = dns.resolve("deleted-pod")
    assert.is_nil(address)
    assert.matches("NXDOMAIN", err)
    -- Nor later, when the resolver fails: the dead pod's address was forgotten.
    control("mode drop")
    ngx.sleep(dns.NEGATIVE_TTL_S + 0.1)
    address, err = dns.resolve("deleted-pod")
    assert.is_nil(address)
    assert.matches("timeout", err)
  end)

  it("makes one query for concurrent lookups of a name", function()
    local asked = asked_names(function()
      local threads = {}
      for i = 1, 5 do
        threads[i] = ngx.thread.spawn(dns.resolve, "uptime-kuma-node1")
      end
      for i = 1, 5 do
        local ok, address = ngx.thread.wait(threads[i])
        assert.is_true(ok)
        assert.equal("127.0.0.2", address)
      end
    end)
    assert.same({ "uptime-kuma-node1" }, asked)
  end)

  it("while one lookup is stuck, other requests get the last good address at once", function()
    assert.equal("127.0.0.6", dns.resolve(SHORT))
    ngx.sleep(1.1)
    control("mode drop")
    local stuck = ngx.thread.spawn(dns.resolve, SHORT)
    ngx.update_time()
    local started = ngx.now()
    assert.equal("127.0.0.6", dns.resolve(SHORT))
    ngx.update_time()
    assert.is_true(ngx.now() - started < 0.2)
    local ok, address = ngx.thread.wait(stuck)
    assert.is_true(ok)
    assert.equal("127.0.0.6", address)
  end)

  it("lists the cache for the status page", function()
    dns.resolve("uptime-kuma-node1")
    dns.resolve("uptime-kuma-node9")
    dns.resolve("127.0.0.9")
    local entries = dns.cacheEntries()
    assert.equal(2, #entries)
    local node1, node9 = entries[1], entries[2]
    assert.equal("uptime-kuma-node1", node1.name)
    assert.equal("127.0.0.2", node1.address)
    assert.is_false(node1.stale)
    assert.is_true(node1.expiresIn > 0 and node1.expiresIn <= dns.TTL_CAP_S)
    assert.equal("uptime-kuma-node9", node9.name)
    assert.is_nil(node9.address)
    assert.matches("NXDOMAIN", node9.error)
  end)
end)
