local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 4,["6"] = 4,["7"] = 5,["8"] = 6,["9"] = 6,["10"] = 7,["11"] = 7,["12"] = 8,["13"] = 8,["14"] = 8,["15"] = 9,["16"] = 9,["17"] = 11,["18"] = 12,["21"] = 13,["22"] = 13,["24"] = 14,["25"] = 11,["26"] = 17,["27"] = 18,["28"] = 18,["29"] = 18,["30"] = 18,["31"] = 19,["34"] = 20,["35"] = 21,["36"] = 17,["38"] = 25,["39"] = 26,["40"] = 27,["41"] = 27,["42"] = 27,["43"] = 27,["44"] = 27,["46"] = 25});
local ____exports = {}
local ____guard = require("hooks.guard")
local guard = ____guard.guard
local anomalies = require("router.anomalies")
local ____counters = require("metrics.counters")
local FLUSH_INTERVAL_S = ____counters.FLUSH_INTERVAL_S
local ____record = require("metrics.record")
local flush = ____record.flush
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
