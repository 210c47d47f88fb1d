-- A Lua error inside a guarded phase handler is logged with the TypeScript file and line.
local guard = require("runtime.guard").guard
local explode = require("fixtures.explode").explode

local function error_log()
  local f = assert(io.open(os.getenv("SPEC_PREFIX") .. "/logs/error.log", "r"))
  local text = f:read("*a")
  f:close()
  return text
end

describe("runtime.guard", function()
  it("returns true when the handler succeeds", function()
    assert.is_true(guard("spec", function() end))
  end)

  it("logs a thrown Error with the .ts file and line, and returns false", function()
    assert.is_false(guard("spec-phase", explode))
    local log = error_log()
    assert.matches("spec%-phase failed: Error: deliberate failure for the source%-map spec", log)
    -- explode.ts line 4 holds the throw; the generated .lua line is different.
    assert.matches("fixtures/explode%.ts:4", log)
  end)

  it("logs a plain string error with a mapped traceback", function()
    assert.is_false(guard("spec-string", function() error("plain failure") end))
    assert.matches("spec%-string failed: .*plain failure", error_log())
  end)
end)
