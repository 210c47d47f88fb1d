-- The routing case table (spec/cases/routing.json) against the Lua build of core/route.ts;
-- test/core/routing-cases.test.ts runs it against the JavaScript build.
local case_match = require("support.case_match")
local route = require("core.route")
local snapshot_core = require("core.snapshot")

describe("routing case table (Lua build)", function()
  local data = case_match.read("routing.json")

  for i, c in ipairs(data.decisions) do
    it(("decision %d: %s"):format(i, c.note), function()
      local fx = case_match.denull(c.fixture)
      local snapshot = snapshot_core.indexNodes(snapshot_core.buildSnapshot(fx.nodes, fx.monitors, fx.setup, fx.rules, nil, fx.managed))
      local down = {}
      for _, id in ipairs(c.down) do down[id] = true end
      local f = case_match.denull(c.facts)
      local facts = { method = f.method, target = route.classifyPath(f.path), fixedNode = f.fixedNode, upgrade = f.upgrade, owner = f.owner, recentPins = f.recentPins }
      local problem = case_match.matches(route.summarize(route.decide(facts, snapshot, down)), c.expect)
      assert.is_nil(problem, problem)
    end)
  end

  for _, c in ipairs(data.paths) do
    it("path " .. c.path, function()
      local problem = case_match.matches(route.classifyPath(c.path), c.expect)
      assert.is_nil(problem, problem)
    end)
  end

  -- classifyPath reads the usual path by index and any other by its segments: both must agree
  -- with a plain reading (test/core/routing-cases.test.ts does the same in JS).
  it("agrees with a plain reading of the segments on generated paths", function()
    local function reference(path)
      local s = {}
      for part in path:gmatch("[^/]+") do s[#s + 1] = part end
      if #s >= 1 and s[1] == "lb" then return "router" end
      if #s < 3 or s[1] ~= "api" then return "other" end
      if s[2] == "push" then return "push:" .. s[3] end
      if s[2] == "badge" and #s >= 4 then return "badge:" .. s[3] end
      if s[2] == "v1" and s[3] == "monitors" and #s >= 4 then return "monitor:" .. s[4] end
      return "other"
    end
    local function flat(t)
      return t.kind .. ((t.token or t.id) and (":" .. (t.token or t.id)) or "")
    end
    local words = { "api", "push", "badge", "v1", "monitors", "lb", "tok", "12", "x" }
    local checked = 0
    local function visit(segments)
      for _, lead in ipairs({ "/", "//", "" }) do
        for _, tail in ipairs({ "", "/", "//" }) do
          for _, sep in ipairs({ "/", "//" }) do
            local path = lead .. table.concat(segments, sep) .. tail
            assert.equals(reference(path), flat(route.classifyPath(path)), path)
            checked = checked + 1
          end
        end
      end
      if #segments < 4 then
        for _, w in ipairs(words) do
          local next_ = { unpack(segments) }
          next_[#next_ + 1] = w
          visit(next_)
        end
      end
    end
    visit({})
    assert.is_true(checked > 100000)
  end)
end)
