local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 3,["6"] = 4,["7"] = 4,["8"] = 6,["9"] = 6,["10"] = 7,["11"] = 8,["13"] = 11,["14"] = 12,["15"] = 13,["16"] = 13,["17"] = 13,["18"] = 13,["19"] = 13,["20"] = 14,["21"] = 14,["23"] = 15,["24"] = 16,["25"] = 17,["26"] = 18,["27"] = 19,["28"] = 20,["30"] = 22,["31"] = 22,["33"] = 23,["34"] = 23,["35"] = 24,["36"] = 25,["37"] = 25,["40"] = 27,["41"] = 11});
local ____exports = {}
local config = require("runtime.config")
local ____health = require("core.health")
local planStatusWrites = ____health.planStatusWrites
local ____registry_sql = require("health.registry_sql")
local statusSql = ____registry_sql.statusSql
local session = require("health.writer_session")
local state = require("health.state")
--- node.status for pending transitions and stale nodes. Returns [rows written, failed].
function ____exports.writeStatuses(snapshot)
    local pending = state.pending()
    local plan = planStatusWrites(
        state.registryNodes(snapshot),
        pending,
        config.get().health.staleAfterS
    )
    for ____, id in ipairs(plan.settled) do
        state.settle(id, pending[id])
    end
    local written = 0
    for ____, w in ipairs(plan.writes) do
        local res = session.exec(statusSql(w.id, w.status))
        if res.error ~= nil then
            ngx.log(ngx.WARN, (((("health writer: node " .. w.id) .. " -> ") .. w.status) .. ": ") .. res.error)
            return {written, true}
        end
        if w.reason == "transition" then
            state.settle(w.id, w.status)
        end
        local ____opt_0 = res.ok
        local rows = ____opt_0 and ____opt_0.affected_rows or 0
        written = written + rows
        if rows > 0 then
            ngx.log(ngx.NOTICE, ((((("health writer: node " .. w.id) .. " marked ") .. w.status) .. " in the registry (") .. w.reason) .. ")")
        end
    end
    return {written, false}
end
return ____exports
