-- Hostile request values straight into the pure rules (the Lua build of src-lua-ts/core/):
-- classifyPath and decide through the snapshot builder, the key parsers and the node id rules.
-- Nothing may throw, and no decision may name a node that is not in the snapshot.
-- test/router/hostile.test.ts sends the same kind of values through the running router.
local route = require("core.route")
local snapshot_core = require("core.snapshot")
local keys = require("core.keys")
local node_id = require("core.node_id")
local host = require("core.host")
local cookie_header = require("core.cookie_header")

local LONG = string.rep("x", 10000)

-- Cookie values, path segments, ids and tokens a client controls.
local VALUES = {
  "", " ", ".", "..", "../", "../../etc/passwd", "..%2F..%2Fetc", "%2e%2e", "/", "//",
  "evil.example.com", "evil.example.com.", "canary", "localhost", "127.0.0.1", "127.0.0.1:22",
  "127.3.0.250:3001", "[::1]:3001", "::1", "uptime-kuma-node1", "uptime-kuma-node1:3001",
  "uptime-kuma-0.uptime-kuma-headless.kuma-test.svc.cluster.local",
  "uptime-kuma-0.uptime-kuma-headless.kuma-test.svc.cluster.local:3001",
  "\0", "%00", "node1\0", "node1%00", "node1\r\nSet-Cookie: x=1", "node1\n", "\r", "node1 ", " node1",
  LONG, string.rep("a", 51), string.rep("9", 400),
  "n\195\182de1", "node1\226\128\174", "\240\159\146\169", "\255\254\128", "\192\128",
  '"node1"', "NODE1", "node1.", "node1/..", "node0", "node01", "node-1", "my_node-1",
  "constructor", "__proto__", "toString", "hasOwnProperty", "__index", "__newindex", "_G", "nil", "null", "undefined",
  "' OR '1'='1", "1 OR 1=1", "1;DROP TABLE monitor", "x'; DROP TABLE monitor;--", "x\\", 'x"',
  "99999999999999999999", "2147483648", "2147483647", "4294967297", "0", "-1", "01", "1e3", "0x1",
  "1.0", "+1", "1 ", "inf", "nan", "-0",
  "%", "%s%s%s", "%d", "%z", "[", "]", "(", ")", "^$", ".*", "$(id)", "${HOST}",
}

-- Node ids that are valid and present, so cookies naming them are legitimate.
local IDS = { "node1", "node2", "node3" }
local RULES = {
  environment = "docker-compose",
  namespace = "default",
  headlessService = "uptime-kuma-headless",
  clusterDomain = "cluster.local",
  port = 3001,
  hostPrefix = "uptime-kuma-",
}

local function node_rows()
  local rows = {}
  for i, id in ipairs(IDS) do
    rows[#rows + 1] = {
      node_id = id, node_name = id, host = "uptime-kuma-" .. id .. ":3001", status = "online",
      is_primary = i == 1 and 1 or 0, last_seen_age = 5,
    }
  end
  -- Registry rows whose ids could not come from a node: the builder must drop them.
  for _, bad in ipairs({ "../x", "evil.example.com:80", "", LONG, "node1\0" }) do
    rows[#rows + 1] = { node_id = bad, node_name = "bad", host = "127.3.0.250:3001", status = "online", is_primary = 0, last_seen_age = 5 }
  end
  return rows
end

local MONITORS = {
  { id = 1, owner = "node1", push_token = "tok1" },
  { id = 2, owner = "node1", push_token = "" },
  { id = 3, owner = "node2", push_token = "tok3" },
  -- Garbage owners in the database must not become routes either.
  { id = 4, owner = "evil.example.com", push_token = "tok4" },
  { id = 5, owner = "127.3.0.250:3001", push_token = "tok5" },
}

local function snapshot(setup)
  return snapshot_core.indexNodes(snapshot_core.buildSnapshot(node_rows(), MONITORS, setup, RULES))
end

local function paths_for(v)
  return {
    v, "/" .. v, "/api/push/" .. v, "/api/badge/" .. v .. "/status", "/api/v1/monitors/" .. v,
    "/lb/" .. v, "//api//push//" .. v, "/api/push/" .. v .. "/extra", "/api/badge/1/" .. v,
  }
end

-- What the access phase would find for the request's monitor: the registry's owner, if any.
local function owner_of(snap, target)
  if target.kind == "push" then
    local id = snap.monitorOfToken[target.token]
    return id ~= nil and snap.ownerOf[id] or nil
  end
  if target.kind == "badge" or target.kind == "monitor" then
    local id = keys.parseMonitorId(target.id)
    return id ~= nil and snap.ownerOf[tostring(id)] or nil
  end
  return nil
end

local function in_snapshot(snap, node)
  for _, n in ipairs(snap.nodes) do
    if n == node then return true end
  end
  return false
end

local function is_id(v)
  for _, id in ipairs(IDS) do
    if v == id then return true end
  end
  return false
end

-- Only safe methods may be retried on another node, and never an upgrade.
local RETRYABLE = { GET = true, HEAD = true, OPTIONS = true }

local function show(v)
  v = tostring(v)
  return #v > 60 and (v:sub(1, 60) .. "...(" .. #v .. " bytes)") or string.format("%q", v)
end

-- Checks one decision; returns a problem description or nil.
local function check_decision(snap, facts, d)
  if not d.ok then
    if d.status ~= 503 then return "refused with " .. tostring(d.status) end
    if #snap.nodes > 0 then return "refused although nodes are registered" end
    return nil
  end
  if not in_snapshot(snap, d.node) or not is_id(d.node.id) then return "routed outside the snapshot: " .. show(d.node and d.node.id) end
  if d.retry ~= nil and (not in_snapshot(snap, d.retry) or d.retry == d.node) then return "retry outside the snapshot" end
  if d.cookie ~= "keep" and d.cookie ~= "set" and d.cookie ~= "clear" then return "cookie action " .. show(d.cookie) end
  if d.reason == "fixed-node" and facts.fixedNode ~= d.node.id then return "fixed-node without naming the node" end
  if facts.fixedNode ~= nil and not is_id(facts.fixedNode) and d.cookie == "keep" then return "an unknown cookie was kept" end
  if (facts.upgrade or not RETRYABLE[facts.method]) and d.retry ~= nil then return "retry allowed for " .. show(facts.method) .. (facts.upgrade and " upgrade" or "") end
  return nil
end

describe("hostile values against the pure routing rules (Lua build)", function()
  it("the snapshot builder drops registry rows with impossible ids and garbage owners own nothing", function()
    local snap = snapshot(true)
    assert.are.equal(#IDS, #snap.nodes)
    for _, n in ipairs(snap.nodes) do
      assert.is_true(is_id(n.id))
      assert.are.equal("uptime-kuma-" .. n.id, n.address.host)
    end
    assert.is_nil(snapshot_core.nodeOf(snap, "evil.example.com"))
  end)

  it("classifyPath never throws and keys are substrings of the path", function()
    for _, v in ipairs(VALUES) do
      for _, p in ipairs(paths_for(v)) do
        local ok, target = pcall(route.classifyPath, p)
        assert.is_true(ok, "classifyPath(" .. show(p) .. "): " .. tostring(target))
        local kind = target.kind
        assert.is_true(kind == "router" or kind == "push" or kind == "badge" or kind == "monitor" or kind == "other", show(p))
        local key = target.token or target.id
        if key ~= nil then
          assert.is_true(#key > 0 and key:find("/", 1, true) == nil and p:find(key, 1, true) ~= nil, show(p) .. " -> " .. show(key))
        end
      end
    end
  end)

  it("decide never throws and never names a node outside the snapshot", function()
    local methods = { "GET", "POST", "HEAD", "", "GET\r\n", "DELETE", "get" }
    local snaps = { snapshot(true), snapshot(false) }
    local downs = { {}, { node1 = true }, { node1 = true, node2 = true }, { node1 = true, node2 = true, node3 = true }, { ["evil.example.com"] = true } }
    local cookies = { false }
    for _, v in ipairs(VALUES) do cookies[#cookies + 1] = v end
    for _, id in ipairs(IDS) do cookies[#cookies + 1] = id end
    local problems, decisions, step = {}, 0, 0
    for _, v in ipairs(VALUES) do
      for _, p in ipairs(paths_for(v)) do
        local target = route.classifyPath(p)
        for _, c in ipairs(cookies) do
          step = step + 1
          -- Rotate the rest of the facts instead of multiplying them out: bounded and covering.
          local snap = snaps[step % #snaps + 1]
          local down = downs[step % #downs + 1]
          local facts = {
            method = methods[step % #methods + 1],
            target = target,
            fixedNode = c or nil,
            upgrade = step % 3 == 0,
            -- Every other time the owner is the hostile value itself (garbage in the database).
            owner = step % 2 == 0 and owner_of(snap, target) or v,
          }
          local ok, d = pcall(route.decide, facts, snap, down)
          decisions = decisions + 1
          local problem
          if ok then
            problem = check_decision(snap, facts, d)
          else
            problem = "threw " .. (type(d) == "table" and tostring(d.message) or tostring(d))
          end
          if problem ~= nil and #problems < 10 then
            problems[#problems + 1] = problem .. " for path " .. show(p) .. ", cookie " .. show(facts.fixedNode) .. ", owner " .. show(facts.owner)
          end
        end
      end
    end
    assert.are.same({}, problems)
    assert.is_true(decisions > 50000, "decisions made: " .. decisions)
  end)

  it("decide with no registered node refuses with 503, whatever the request says", function()
    local empty = snapshot_core.indexNodes(snapshot_core.buildSnapshot({}, {}, true, RULES))
    for _, v in ipairs(VALUES) do
      local d = route.decide({ method = "GET", target = route.classifyPath("/api/push/" .. v), fixedNode = v, upgrade = false, owner = v }, empty, {})
      assert.is_false(d.ok)
      assert.are.equal(503, d.status)
    end
  end)

  it("parseMonitorId accepts only canonical ids in 1..2^31-1; isValidPushToken only 1..32 unreserved characters", function()
    for _, v in ipairs(VALUES) do
      local ok, id = pcall(keys.parseMonitorId, v)
      assert.is_true(ok, show(v))
      if id ~= nil then
        assert.is_true(id >= 1 and id <= 2147483647 and id == math.floor(id) and tostring(id) == v, show(v) .. " -> " .. tostring(id))
      end
      local ok2, valid = pcall(keys.isValidPushToken, v)
      assert.is_true(ok2, show(v))
      assert.are.equal(#v >= 1 and #v <= 32 and v:find("^[%w%._~%-]+$") ~= nil, valid, show(v))
    end
    assert.are.equal(2147483647, keys.parseMonitorId("2147483647"))
    assert.is_nil(keys.parseMonitorId("2147483648"))
  end)

  it("node id rules never throw; an accepted id is 1..50 safe characters and builds only a safe host", function()
    for _, v in ipairs(VALUES) do
      local ok, valid = pcall(node_id.isValidNodeId, v)
      assert.is_true(ok, show(v))
      assert.are.equal(#v >= 1 and #v <= 50 and v:find("^[%w][%w%._%-]*$") ~= nil, valid, show(v))
      local ok2, format = pcall(node_id.nodeIdFormat, v)
      assert.is_true(ok2, show(v))
      assert.is_true(format == "custom" or format == "docker-compose" or format == "k8s-statefulset", show(v))
      local ok3, index = pcall(node_id.nodeIndex, v)
      assert.is_true(ok3, show(v))
      assert.is_true(index == nil or (index >= 0 and index == math.floor(index)), show(v))
      local ok4, built = pcall(host.buildNodeHost, v, RULES)
      assert.is_true(ok4, show(v))
      -- Built hosts are only ever made from registry ids (validated first); even so, never
      -- anything but a host name and a port.
      assert.is_true(built == nil or built:find("^[%w%._%-]+:%d+$") ~= nil, show(v) .. " -> " .. show(built))
    end
    for _, t in ipairs({ 1, 0, true, {}, -1 }) do
      assert.is_false(node_id.isValidNodeId(t))
    end
  end)

  it("the fixed-node cookie is read by its exact name only, the first pair when repeated", function()
    local P = "KUMA_FIXED_NODE="
    local cases = {
      { "KUMA_FIXED_NODE=node2", "node2" },
      { "a=1; KUMA_FIXED_NODE=node2; b=2", "node2" },
      { "a=1;KUMA_FIXED_NODE= node2 ", "node2" },
      { "KUMA_FIXED_NODE=node2; KUMA_FIXED_NODE=node3", "node2" },
      { "KUMA_FIXED_NODE=", "" },
      { "kuma_fixed_node=node2", nil },
      { "Kuma_Fixed_Node=node2", nil },
      { "XKUMA_FIXED_NODE=node2", nil },
      { "x=KUMA_FIXED_NODE=node2", nil },
      { "kuma_fixed_node=node1; KUMA_FIXED_NODE=node3", "node3" },
      { "", nil },
    }
    for _, c in ipairs(cases) do
      assert.are.equal(c[2], cookie_header.cookieValue(c[1], P), show(c[1]))
    end
    assert.is_nil(cookie_header.cookieValue(nil, P))
    -- Every header built from these pieces reads as a plain split on ";" reads it: the loop-free
    -- path of the usual header and the scan of any other agree with it.
    local function reference(header)
      for pair in (header .. ";"):gmatch("([^;]*);") do
        local name, value = pair:match("^[ \t]*([^=]*)=(.*)$")
        if name == "KUMA_FIXED_NODE" then return (value:gsub("^[ \t]+", ""):gsub("[ \t]+$", "")) end
      end
      return nil
    end
    local heads = { "", "a=1;", "a=1; ", "a=1;  ", "a=1;\t", " ", "x", "b=KUMA_FIXED_NODE=n9; ", "kuma_fixed_node=n8; " }
    local values = { "node2", " node2", "node2 ", "\tnode2\t", "", "no de2" }
    local tails = { "", ";", "; b=2", " ;c=3", "; KUMA_FIXED_NODE=node3" }
    local compared = 0
    for _, h in ipairs(heads) do
      for _, v in ipairs(values) do
        for _, t in ipairs(tails) do
          local header = h .. P .. v .. t
          assert.are.equal(reference(header), cookie_header.cookieValue(header, P), show(header))
          compared = compared + 1
        end
      end
    end
    assert.are.equal(#heads * #values * #tails, compared)
    for _, v in ipairs(VALUES) do
      assert.is_true(pcall(cookie_header.cookieValue, v, P), show(v))
      assert.is_true(pcall(cookie_header.cookieValue, P .. v, P), show(v))
    end
  end)
end)
