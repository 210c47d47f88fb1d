-- Runs busted inside an nginx worker (started from a zero-delay timer in init_worker), so specs
-- use the real ngx API, cosockets and shared dicts. busted raises on failure and returns on
-- success; either way this runner ends the nginx process with the verdict as its exit code.
local _M = {}

function _M.run(args)
  _G.arg = args
  local ok, err = pcall(require("busted.runner"), { standalone = false, output = "plainTerminal" })
  io.stdout:flush()
  io.stderr:flush()
  if not ok and err ~= nil then
    io.stderr:write("busted runner error: ", tostring(err), "\n")
  end
  os.exit(ok and 0 or 1)
end

return _M
