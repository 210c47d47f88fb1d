local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 4,["6"] = 4,["8"] = 7,["9"] = 8,["10"] = 9,["11"] = 10,["12"] = 11,["13"] = 12,["16"] = 15,["17"] = 8,["18"] = 17,["19"] = 18,["20"] = 18,["21"] = 18,["22"] = 18,["23"] = 18,["25"] = 7});
local ____exports = {}
local ____guard = require("runtime.guard")
local guard = ____guard.guard
--- Runs step() every stepS seconds (first at once), then onExit() when the worker exits.
function ____exports.runLoop(name, stepS, step, onExit)
    local function loop(premature)
        if not premature then
            while not ngx.worker.exiting() do
                guard(name, step)
                ngx.sleep(stepS())
            end
        end
        guard(name .. " exit", onExit)
    end
    local ok, err = ngx.timer.at(0, loop)
    if ok == nil then
        ngx.log(
            ngx.ERR,
            (name .. ": cannot start its timer: ") .. tostring(err)
        )
    end
end
return ____exports
