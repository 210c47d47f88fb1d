-- The map of shared-dict keys (runtime/dicts.ts): within one dict, no key starts with another's
-- prefix, so a prune over one prefix (health/verdicts.ts) never reaches another's keys.
local KEYS = require("runtime.dicts").KEYS

local function flatten(group, out)
  for _, v in pairs(group) do
    if type(v) == "table" then flatten(v, out) else out[#out + 1] = v end
  end
  return out
end

local function is_prefix(key)
  local last = key:sub(-1)
  return last == ":" or last == "|"
end

describe("runtime.dicts KEYS", function()
  it("keeps every dict's keys apart from each other's prefixes", function()
    for name, keys in pairs({ snapshot = flatten(KEYS.snapshot, {}), health = flatten(KEYS.health, {}),
                              locks = flatten(KEYS.locks, {}), lookups = flatten(KEYS.lookups, {}),
                              dns = flatten(KEYS.dns, {}), metrics = flatten(KEYS.metrics, {}) }) do
      assert.is_true(#keys > 0, name)
      for i, a in ipairs(keys) do
        for j, b in ipairs(keys) do
          if i ~= j then
            assert.are_not.equal(a, b, name .. ": " .. a .. " twice")
            if is_prefix(a) then assert.is_false(b:sub(1, #a) == a, name .. ": " .. b .. " starts with the prefix " .. a) end
          end
        end
      end
    end
  end)

  it("keeps the metrics dict's own prefixes apart from its counter series", function()
    for _, prefix in ipairs(flatten(KEYS.metrics, {})) do
      assert.is_false(prefix:sub(1, 5) == "kuma_", prefix)
    end
  end)
end)
