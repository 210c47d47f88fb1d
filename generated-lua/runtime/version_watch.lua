local ____lualib = require("lualib_bundle")
local __TS__Class = ____lualib.__TS__Class
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 6,["7"] = 6,["8"] = 6,["9"] = 11,["10"] = 11,["11"] = 12,["12"] = 7,["13"] = 8,["14"] = 10,["15"] = 16,["16"] = 17,["17"] = 18,["18"] = 19,["19"] = 20,["20"] = 21,["22"] = 23,["23"] = 16,["24"] = 27,["25"] = 28,["26"] = 27});
local ____exports = {}
____exports.VersionWatch = __TS__Class()
local VersionWatch = ____exports.VersionWatch
VersionWatch.name = "VersionWatch"
function VersionWatch.prototype.____constructor(self, dict, key)
    self.dict = dict
    self.key = key
    self.checkedAt = -1
    self.value = 0
end
function VersionWatch.prototype.read(self)
    local now = ngx.now()
    if now ~= self.checkedAt then
        self.checkedAt = now
        local v = self.dict:get(self.key)
        self.value = type(v) == "number" and v or 0
    end
    return self.value
end
function VersionWatch.prototype.touch(self)
    self.checkedAt = -1
end
return ____exports
