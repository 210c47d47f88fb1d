-- The Lua build of core/metrics_text.ts, core/status_html.ts and core/anomaly.ts on the fixtures
-- shared with test/metrics/*.test.ts: both builds must produce the same bytes.
local cjson = require("cjson.safe")
local text = require("core.metrics_text")
local html = require("core.status_html")
local anomaly = require("core.anomaly")

local function read(name)
  local f = assert(io.open(os.getenv("SPEC_ROOT") .. "/metrics/" .. name, "r"))
  local data = f:read("*a")
  f:close()
  return data
end

local function nullable(v)
  if v == cjson.null then return nil end
  return v
end

local cases = assert(cjson.decode(read("render_cases.json")))

describe("core.metrics_text (Lua build)", function()
  it("selects buckets", function()
    for _, c in ipairs(cases.buckets) do
      assert.equals(c.index, text.bucketIndex(c.seconds), tostring(c.seconds))
    end
  end)

  it("selects the same buckets through the per-millisecond table", function()
    local byMs = text.millisecondBuckets()
    for _, c in ipairs(cases.buckets) do
      assert.equals(c.index, text.bucketOf(c.seconds, byMs), tostring(c.seconds))
    end
    for us = 0, 12000000, 997 do
      local s = us / 1e6
      assert.equals(text.bucketIndex(s), text.bucketOf(s, byMs), tostring(s))
    end
  end)

  it("formats values like the JavaScript build", function()
    for _, c in ipairs(cases.values) do
      assert.equals(c.text, text.formatValue(c.value), tostring(c.value))
    end
    assert.equals("+Inf", text.formatValue(math.huge))
    assert.equals("NaN", text.formatValue(0 / 0))
  end)

  it("escapes label values and HELP text", function()
    for _, c in ipairs(cases.escapes) do
      assert.equals(c.label, text.escapeLabelValue(c.raw))
      assert.equals(c.help, text.escapeHelp(c.raw))
    end
  end)

  it("builds shared-dict keys", function()
    for _, c in ipairs(cases.keys) do
      local key
      if c.fn == "bucketKey" then key = text.bucketKey(c.name, c.values, c.index)
      elseif c.fn == "processKey" then key = text.processKey(c.name, c.values, c.pid)
      else key = text[c.fn](c.name, c.values) end
      assert.equals(nullable(c.key), key, cjson.encode(c))
    end
  end)

  it("renders the fixture to the golden file", function()
    local r = cases.render
    local alive = {}
    for _, pid in ipairs(r.alivePids) do alive[pid] = true end
    local outcome = text.collect(r.entries, function(pid) return alive[pid] == true end)
    for _, g in ipairs(r.gauges) do text.addSample(outcome.collected, g[1], g[2], g[3]) end
    assert.equals(read(r.expected), text.render(outcome.collected))
    table.sort(outcome.deadKeys)
    local expected = { unpack(r.deadKeys) }
    table.sort(expected)
    assert.same(expected, outcome.deadKeys)
  end)
end)

describe("core.status_html (Lua build)", function()
  it("renders the fixture to the golden page", function()
    local view = assert(cjson.decode(read("status_view.json"))).view
    assert.equals(read("status_page.html"), html.renderStatusPage(view))
  end)
end)

describe("core.anomaly (Lua build)", function()
  it("holds back repeats of one kind and node, and reports how many", function()
    local l = {}
    assert.equals(0, anomaly.admit(l, "retry|node2", 100, 10))
    assert.is_nil(anomaly.admit(l, "retry|node2", 105, 10))
    assert.is_nil(anomaly.admit(l, "retry|node2", 109.9, 10))
    assert.equals(2, anomaly.admit(l, "retry|node2", 110, 10))
    assert.equals(
      "routing anomaly: re-pin node=node3 from=node1: the pinned node is down, browser pinned anew (2 more held back since the last such line)",
      anomaly.describeAnomaly({ kind = "re-pin", node = "node3", from = "node1" }, 2))
  end)
end)
