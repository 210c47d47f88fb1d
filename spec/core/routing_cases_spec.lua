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
      local snapshot = snapshot_core.indexNodes(snapshot_core.buildSnapshot(fx.nodes, fx.monitors, fx.setup, fx.rules))
      local down = {}
      for _, id in ipairs(c.down) do down[id] = true end
      local f = case_match.denull(c.facts)
      local facts = { method = f.method, target = route.classifyPath(f.path), fixedNode = f.fixedNode, upgrade = f.upgrade, owner = f.owner }
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
end)
