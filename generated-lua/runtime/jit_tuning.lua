local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 5,["6"] = 5,["7"] = 5,["8"] = 5,["9"] = 5,["10"] = 5,["11"] = 5,["12"] = 5,["13"] = 5,["15"] = 8,["16"] = 9,["17"] = 8});
local ____exports = {}
local OPTIONS = {
    "maxtrace=4000",
    "maxrecord=16000",
    "maxirconst=2000",
    "maxside=200",
    "maxsnap=2000",
    "sizemcode=64",
    "maxmcode=16384"
}
--- Called once in init_by_lua (the master): the workers inherit the settings.
function ____exports.tune()
    jit.opt.start(unpack(OPTIONS))
end
return ____exports
