local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 5,["6"] = 5,["7"] = 5,["9"] = 8,["12"] = 17,["13"] = 18,["14"] = 19,["15"] = 17,["18"] = 29,["19"] = 30,["20"] = 29,["23"] = 40,["24"] = 41,["25"] = 40,["30"] = 53,["31"] = 54,["32"] = 55,["33"] = 53});
local ____exports = {}
local ____registry_sql = require("health.registry_sql")
local quoteNodeId = ____registry_sql.quoteNodeId
local monitorIdList = ____registry_sql.monitorIdList
--- Every record with its monitor's row as it is now, locked until COMMIT.
____exports.RECORDS_SQL = ("SELECT r.monitor_id, r.from_node, r.to_node, m.id IS NOT NULL AS present, " .. "COALESCE(m.node_id, '') AS node_id, COALESCE(m.assigned_node, '') AS assigned_node ") .. "FROM kuma_cluster_move r LEFT JOIN monitor m ON m.id = r.monitor_id ORDER BY r.monitor_id FOR UPDATE"
--- Moved monitors go back (`value` "" = NULL: the creator's node), each only while its
-- assigned_node is still what the router wrote: an operator's change since is never undone.
function ____exports.returnSql(value, ids)
    local v = value == "" and "NULL" or quoteNodeId(value)
    return (("UPDATE monitor m JOIN kuma_cluster_move r ON r.monitor_id = m.id SET m.assigned_node = " .. v) .. " ") .. ("WHERE m.id IN (" .. monitorIdList(ids)) .. ") AND m.assigned_node = r.to_node"
end
--- Moved monitors whose from node is gone for good: the owner the router wrote becomes their
-- node_id, assigned_node NULL (the record is forgotten after), only where the write is still in place.
function ____exports.rehomeSql(ids)
    return "UPDATE monitor m JOIN kuma_cluster_move r ON r.monitor_id = m.id SET m.node_id = r.to_node, m.assigned_node = NULL " .. ("WHERE m.id IN (" .. monitorIdList(ids)) .. ") AND m.assigned_node = r.to_node"
end
--- Drops records that no longer describe their monitor (returned just now, edited by an
-- operator, monitor deleted). A record still in force is kept whatever the caller asked.
function ____exports.forgetSql(ids)
    return "DELETE r FROM kuma_cluster_move r LEFT JOIN monitor m ON m.id = r.monitor_id " .. ("WHERE r.monitor_id IN (" .. monitorIdList(ids)) .. ") AND (m.id IS NULL OR NOT (m.assigned_node <=> r.to_node))"
end
--- Records the failover of `ids` from `from` to `to`, for the monitors that now carry `to` (the
-- write it records, in the same transaction). A monitor moved again (its temporary owner went
-- down too) is passed with its record's from node, so it still returns there. moved_at is the
-- latest write's time.
function ____exports.recordSql(from, to, ids, kind)
    local target = quoteNodeId(to)
    return (("INSERT INTO kuma_cluster_move (monitor_id, from_node, to_node, kind, moved_at) " .. ((("SELECT id, " .. quoteNodeId(from)) .. ", assigned_node, ") .. ngx.quote_sql_str(kind)) .. ", UTC_TIMESTAMP(3) FROM monitor ") .. ((("WHERE id IN (" .. monitorIdList(ids)) .. ") AND assigned_node = ") .. target) .. " ") .. "ON DUPLICATE KEY UPDATE from_node = VALUES(from_node), to_node = VALUES(to_node), kind = VALUES(kind), moved_at = VALUES(moved_at)"
end
return ____exports
