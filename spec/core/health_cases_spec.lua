-- The health case table (spec/cases/health.json) against the Lua build of core/health.ts,
-- core/failover.ts, core/ownership.ts and core/handover.ts; test/core/health-cases.test.ts runs
-- it against the JavaScript build.
local case_match = require("support.case_match")
local health = require("core.health")
local failover = require("core.failover")
local ownership = require("core.ownership")
local handover = require("core.handover")
local rebalance = require("core.rebalance")

local FUNCTIONS = {}
for _, mod in ipairs({ health, failover, ownership, handover, rebalance }) do
  for name, fn in pairs(mod) do
    if type(fn) == "function" then FUNCTIONS[name] = fn end
  end
end

describe("health case table (Lua build)", function()
  local cases = case_match.read("health.json").cases

  it("covers flapping, the stale rule, the all-down hold, failover, the move record and hand-over", function()
    local seen = {}
    for _, c in ipairs(cases) do seen[c.fn] = true end
    for _, fn in ipairs({ "replay", "planStatusWrites", "isStale", "planFailover", "failoverWork", "probeObservation", "planRecords", "handoverOf" }) do
      assert.is_true(seen[fn] == true, fn)
    end
  end)

  for i, c in ipairs(cases) do
    it(("case %d: %s %s"):format(i, c.fn, c.note), function()
      local fn = FUNCTIONS[c.fn]
      assert.is_function(fn, c.fn)
      local args = case_match.denull(c.args)
      local problem = case_match.matches(fn(unpack(args, 1, #c.args)), c.expect)
      assert.is_nil(problem, problem)
    end)
  end
end)
