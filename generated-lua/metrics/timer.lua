local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 4,["6"] = 4,["7"] = 5,["8"] = 6,["9"] = 6,["10"] = 7,["11"] = 7,["12"] = 7,["13"] = 7,["14"] = 8,["15"] = 8,["16"] = 8,["17"] = 10,["18"] = 11,["21"] = 12,["22"] = 12,["24"] = 13,["25"] = 10,["26"] = 16,["27"] = 18,["28"] = 18,["30"] = 19,["31"] = 19,["32"] = 19,["33"] = 19,["34"] = 20,["37"] = 21,["38"] = 22,["39"] = 16,["41"] = 26,["42"] = 27,["43"] = 28,["44"] = 28,["45"] = 28,["46"] = 28,["47"] = 28,["49"] = 26});
local ____exports = {}
local ____guard = require("runtime.guard")
local guard = ____guard.guard
local anomalies = require("metrics.anomalies")
local ____counters = require("metrics.counters")
local FLUSH_INTERVAL_S = ____counters.FLUSH_INTERVAL_S
local ____record = require("metrics.record")
local ENABLED = ____record.ENABLED
local flush = ____record.flush
local workerExiting = ____record.workerExiting
local ____sampler = require("metrics.sampler")
local sampleTransitions = ____sampler.sampleTransitions
local sampling = ____sampler.sampling
local function sample()
    if not sampling() then
        return
    end
    if ENABLED then
        sampleTransitions()
    end
    anomalies.checkSnapshot()
end
local function tick(premature)
    if premature then
        workerExiting()
    end
    guard(
        "metrics flush",
        function() return flush(ngx.now()) end
    )
    if premature then
        return
    end
    guard("metrics sampler", sample)
    anomalies.tick(ngx.now())
end
--- init_worker: one timer per worker.
function ____exports.start()
    local ok, err = ngx.timer.every(FLUSH_INTERVAL_S, tick)
    if ok == nil then
        ngx.log(
            ngx.ERR,
            "metrics: cannot start the flush timer: " .. tostring(err)
        )
    end
end
return ____exports
