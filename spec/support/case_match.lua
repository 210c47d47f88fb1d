-- Comparison used by the shared case tables (spec/cases/*.json); test/core/case-match.ts is
-- its JavaScript twin. Objects in `expected` are subsets of `actual`; arrays and scalars are
-- equal; JSON null (cjson.null) means "no value", which is nil in Lua.
local cjson = require("cjson.safe")

local _M = {}

local function show(v)
  return type(v) == "table" and (cjson.encode(v) or "<table>") or tostring(v)
end

function _M.matches(actual, expected, path)
  path = path or "result"
  if expected == cjson.null then
    if actual == nil then return nil end
    return path .. ": expected no value, got " .. show(actual)
  end
  if type(expected) == "table" then
    if type(actual) ~= "table" then return path .. ": expected " .. show(expected) .. ", got " .. show(actual) end
    if #expected > 0 or next(expected) == nil then
      if #actual ~= #expected then return path .. ": expected " .. show(expected) .. ", got " .. show(actual) end
      for i = 1, #expected do
        local m = _M.matches(actual[i], expected[i], path .. "[" .. (i - 1) .. "]")
        if m then return m end
      end
      return nil
    end
    for k, v in pairs(expected) do
      local m = _M.matches(actual[k], v, path .. "." .. k)
      if m then return m end
    end
    return nil
  end
  if actual == expected then return nil end
  return path .. ": expected " .. show(expected) .. ", got " .. show(actual)
end

function _M.read(name)
  local f = assert(io.open(os.getenv("SPEC_ROOT") .. "/cases/" .. name, "r"))
  local data = assert(cjson.decode(f:read("*a")))
  f:close()
  return data
end

-- cjson.null -> nil, recursively (JSON fixtures hold null for "absent").
function _M.denull(v)
  if v == cjson.null then return nil end
  if type(v) ~= "table" then return v end
  local out = {}
  for k, x in pairs(v) do out[k] = _M.denull(x) end
  return out
end

return _M
