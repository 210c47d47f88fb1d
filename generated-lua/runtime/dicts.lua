local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 3,["6"] = 4,["7"] = 5,["8"] = 5,["10"] = 6,["11"] = 3,["12"] = 9,["13"] = 10,["14"] = 11,["15"] = 12,["16"] = 13});
local ____exports = {}
local function required(name)
    local dict = ngx.shared[name]
    if dict == nil then
        error(("lua_shared_dict " .. name) .. " is not declared (see nginx/shared-dicts.conf)", 0)
    end
    return dict
end
____exports.snapshotDict = required("kuma_snapshot")
____exports.healthDict = required("kuma_health")
____exports.locksDict = required("kuma_locks")
____exports.dnsDict = required("kuma_dns")
____exports.metricsDict = required("kuma_metrics")
return ____exports
