-- The shared case table (spec/cases/naming.json) against the Lua build of src-lua-ts/core.
-- test/core/naming-cases.test.ts runs the same table against the JavaScript build.
local cjson = require("cjson.safe")
local node_id = require("core.node_id")
local host = require("core.host")
local settings = require("core.settings")

local function read_table()
  local root = os.getenv("SPEC_ROOT")
  local f = assert(io.open(root .. "/cases/naming.json", "r"))
  local data = assert(cjson.decode(f:read("*a")))
  f:close()
  return data.cases
end

local function getter(env)
  return function(name) return env[name] end
end

local FUNCTIONS = {}
for _, mod in ipairs({ node_id, host, settings }) do
  for name, fn in pairs(mod) do
    if type(fn) == "function" then FUNCTIONS[name] = fn end
  end
end
FUNCTIONS.detectEnvironment = function(env) return settings.detectEnvironment(getter(env)) end
FUNCTIONS.loadNodeIdentity = function(env) return settings.loadNodeIdentity(getter(env)) end
FUNCTIONS.loadRouterSettings = function(env, resolv) return settings.loadRouterSettings(getter(env), resolv) end

local function show(v)
  return type(v) == "table" and (cjson.encode(v) or "<table>") or tostring(v)
end

-- Objects in `expected` are subsets of `actual`; arrays and scalars must be equal.
-- cjson decodes JSON null as cjson.null: "no value", which is nil in Lua.
local function matches(actual, expected, path)
  if expected == cjson.null then
    if actual == nil then return nil end
    return path .. ": expected no value, got " .. show(actual)
  end
  if type(expected) == "table" then
    if type(actual) ~= "table" then return path .. ": expected " .. show(expected) .. ", got " .. show(actual) end
    if #expected > 0 or next(expected) == nil then
      if #actual ~= #expected then return path .. ": expected " .. show(expected) .. ", got " .. show(actual) end
      for i = 1, #expected do
        local m = matches(actual[i], expected[i], path .. "[" .. (i - 1) .. "]")
        if m then return m end
      end
      return nil
    end
    for k, v in pairs(expected) do
      local m = matches(actual[k], v, path .. "." .. k)
      if m then return m end
    end
    return nil
  end
  if actual == expected then return nil end
  return path .. ": expected " .. show(expected) .. ", got " .. show(actual)
end

describe("naming case table (Lua build)", function()
  local cases = read_table()

  it("has at least 60 cases", function()
    assert.is_true(#cases >= 60)
  end)

  for i, c in ipairs(cases) do
    it(("case %d: %s %s"):format(i, c.fn, c.note), function()
      local fn = assert(FUNCTIONS[c.fn], "no function " .. c.fn)
      local args = {}
      for j = 1, #c.args do args[j] = c.args[j] end
      local problem = matches(fn(unpack(args, 1, #c.args)), c.expect, "result")
      assert.is_nil(problem, problem)
    end)
  end
end)
