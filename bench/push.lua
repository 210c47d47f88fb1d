-- wrk: GET /api/push/<token>, cycling through the benchmark's push tokens (all known to the
-- router's snapshot), so each request is routed to its monitor's owner.
local tokens = tonumber(os.getenv("BENCH_TOKENS") or "300")
local i = 0

request = function()
  i = i % tokens + 1
  return wrk.format("GET", "/api/push/bench-tok-" .. i)
end
