-- The shared case table (spec/cases/naming.json) against the Lua build of src-lua-ts/core.
-- test/core/naming-cases.test.ts runs the same table against the JavaScript build.
local case_match = require("support.case_match")
local node_id = require("core.node_id")
local host = require("core.host")
local settings = require("core.settings")
local world = require("core.world")

local function getter(env)
  return function(name) return env[name] end
end

local FUNCTIONS = {}
for _, mod in ipairs({ node_id, host, settings, world }) do
  for name, fn in pairs(mod) do
    if type(fn) == "function" then FUNCTIONS[name] = fn end
  end
end
FUNCTIONS.detectEnvironment = function(env) return settings.detectEnvironment(getter(env)) end
FUNCTIONS.loadNodeIdentity = function(env) return settings.loadNodeIdentity(getter(env)) end
FUNCTIONS.loadRouterSettings = function(env, resolv) return settings.loadRouterSettings(getter(env), resolv) end

describe("naming case table (Lua build)", function()
  local cases = case_match.read("naming.json").cases

  it("has at least 60 cases", function()
    assert.is_true(#cases >= 60)
  end)

  for i, c in ipairs(cases) do
    it(("case %d: %s %s"):format(i, c.fn, c.note), function()
      local fn = assert(FUNCTIONS[c.fn], "no function " .. c.fn)
      local args = {}
      for j = 1, #c.args do args[j] = c.args[j] end
      local problem = case_match.matches(fn(unpack(args, 1, #c.args)), c.expect, "result")
      assert.is_nil(problem, problem)
    end)
  end
end)
