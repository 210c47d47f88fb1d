local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 3,["6"] = 4,["7"] = 6,["8"] = 7,["9"] = 8,["10"] = 6});
local ____exports = {}
local checker = require("health.checker")
local writer = require("health.writer")
function ____exports.start()
    checker.start()
    writer.start()
end
return ____exports
