local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 4,["6"] = 4,["7"] = 5,["8"] = 6,["9"] = 6,["10"] = 7,["11"] = 7,["12"] = 7,["13"] = 8,["14"] = 8,["15"] = 8,["16"] = 9,["17"] = 9,["18"] = 11,["19"] = 12,["22"] = 13,["23"] = 13,["25"] = 14,["26"] = 11,["27"] = 17,["28"] = 19,["29"] = 19,["31"] = 20,["32"] = 20,["33"] = 20,["34"] = 20,["35"] = 21,["38"] = 22,["39"] = 23,["40"] = 17,["42"] = 27,["43"] = 28,["44"] = 29,["45"] = 29,["46"] = 29,["47"] = 29,["48"] = 29,["50"] = 27});
local ____exports = {}
local ____guard = require("runtime.guard")
local guard = ____guard.guard
local anomalies = require("metrics.anomalies")
local ____counters = require("metrics.counters")
local FLUSH_INTERVAL_S = ____counters.FLUSH_INTERVAL_S
local ____record = require("metrics.record")
local flush = ____record.flush
local workerExiting = ____record.workerExiting
local ____sampler = require("metrics.sampler")
local sampleTransitions = ____sampler.sampleTransitions
local sampling = ____sampler.sampling
local ____settings = require("metrics.settings")
local ENABLED = ____settings.ENABLED
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
