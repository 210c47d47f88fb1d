local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 4,["6"] = 4,["7"] = 5,["8"] = 7,["9"] = 8,["11"] = 11,["12"] = 12,["13"] = 13,["14"] = 13,["16"] = 14,["17"] = 15,["18"] = 16,["19"] = 17,["20"] = 18,["22"] = 20,["23"] = 21,["26"] = 24,["27"] = 25,["28"] = 26,["29"] = 11});
local ____exports = {}
local ____router_tables = require("core.router_tables")
local ROUTER_TABLES_DDL = ____router_tables.ROUTER_TABLES_DDL
local session = require("health.writer_session")
local readyFor = 0
local lastError
--- True once the tables exist for this session; logs a failure once until it changes.
function ____exports.ensure()
    local current = session.sessionNumber()
    if readyFor == current then
        return true
    end
    for ____, ddl in ipairs(ROUTER_TABLES_DDL) do
        local res = session.exec(ddl)
        if res.error ~= nil then
            if res.error ~= lastError then
                ngx.log(ngx.ERR, "health writer: cannot create the router's tables (run kuma-cluster-node migrate, or grant CREATE): " .. res.error)
            end
            lastError = res.error
            return false
        end
    end
    lastError = nil
    readyFor = current
    return true
end
return ____exports
