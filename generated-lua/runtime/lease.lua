local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 4,["6"] = 4,["8"] = 7,["9"] = 8,["10"] = 9,["11"] = 10,["12"] = 10,["14"] = 11,["15"] = 12,["16"] = 12,["18"] = 13,["19"] = 14,["20"] = 7,["22"] = 18,["23"] = 19,["24"] = 20,["25"] = 18,["27"] = 24,["28"] = 25,["29"] = 26,["30"] = 26,["32"] = 24});
local ____exports = {}
local ____dicts = require("runtime.dicts")
local locks = ____dicts.locksDict
--- True when this worker holds (or just took) the lease `name` for the next `ttlS` seconds.
function ____exports.holdLease(name, ttlS)
    local me = ngx.worker.pid()
    local taken = locks:add(name, me, ttlS)
    if taken then
        return true
    end
    local holder = locks:get(name)
    if holder ~= me then
        return false
    end
    locks:set(name, me, ttlS)
    return true
end
--- The pid holding the lease, if any (for the status page).
function ____exports.leaseHolder(name)
    local holder = locks:get(name)
    return type(holder) == "number" and holder or nil
end
--- Gives up a lease this worker holds, so a reloaded worker need not wait for it to lapse.
function ____exports.releaseLease(name)
    local holder = locks:get(name)
    if holder == ngx.worker.pid() then
        locks:delete(name)
    end
end
return ____exports
