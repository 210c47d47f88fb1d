local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 5,["7"] = 5,["8"] = 5,["11"] = 11,["13"] = 17,["14"] = 18,["15"] = 17,["18"] = 25,["19"] = 26,["20"] = 28,["21"] = 28,["22"] = 28,["23"] = 28,["24"] = 28,["25"] = 27,["26"] = 25,["28"] = 34,["29"] = 35,["30"] = 34,["32"] = 42,["33"] = 43,["34"] = 42,["36"] = 52,["37"] = 53,["38"] = 52,["41"] = 60,["42"] = 61,["43"] = 62,["44"] = 60,["47"] = 72,["48"] = 73,["49"] = 72,["52"] = 83,["53"] = 84,["54"] = 83,["59"] = 96,["60"] = 97,["61"] = 98,["62"] = 96});
local ____exports = {}
local ____registry_sql = require("health.registry_sql")
local quoteNodeId = ____registry_sql.quoteNodeId
local monitorIdList = ____registry_sql.monitorIdList
--- Every record of a temporary move with its monitor's row as it is now, locked until COMMIT. A
-- rebalance record only keeps its monitor from moving again within the cool-down.
____exports.RECORDS_SQL = ("SELECT r.monitor_id, r.from_node, r.to_node, m.id IS NOT NULL AS present, " .. "COALESCE(m.node_id, '') AS node_id, COALESCE(m.assigned_node, '') AS assigned_node ") .. "FROM kuma_cluster_move r LEFT JOIN monitor m ON m.id = r.monitor_id WHERE r.kind <> 'rebalance' ORDER BY r.monitor_id FOR UPDATE"
--- An age in seconds as a MariaDB interval (microseconds: fractional settings stay exact).
local function ago(seconds)
    return ("UTC_TIMESTAMP(3) - INTERVAL " .. string.format("%.0f", seconds * 1000000)) .. " MICROSECOND"
end
--- The targets' monitors a rebalance may move: active, their creator's (no assigned_node: never
-- an operator's override nor a move in force), not rebalanced within the cool-down.
function ____exports.movableSql(targets, cooldownS)
    return ("SELECT m.id, m.node_id FROM monitor m LEFT JOIN kuma_cluster_move r ON r.monitor_id = m.id " .. ("WHERE m.active = 1 AND m.assigned_node IS NULL AND m.node_id IN (" .. table.concat(
        __TS__ArrayMap(
            targets,
            function(____, id) return quoteNodeId(id) end
        ),
        ", "
    )) .. ") ") .. ("AND (r.monitor_id IS NULL OR r.kind <> 'rebalance' OR r.moved_at < " .. ago(cooldownS)) .. ") ORDER BY m.id"
end
--- Gives `ids` to `to` for good, each only while it is still `from`'s own, unassigned and active.
function ____exports.rebalanceSql(from, to, ids)
    return (((("UPDATE monitor SET node_id = " .. quoteNodeId(to)) .. " WHERE id IN (") .. monitorIdList(ids)) .. ") ") .. "AND active = 1 AND assigned_node IS NULL AND node_id = " .. quoteNodeId(from)
end
--- Records the rebalance of the `ids` now on `to` (their cool-down starts).
function ____exports.rebalanceRecordSql(from, to, ids)
    return (("INSERT INTO kuma_cluster_move (monitor_id, from_node, to_node, kind, moved_at) " .. ("SELECT id, " .. quoteNodeId(from)) .. ", node_id, 'rebalance', UTC_TIMESTAMP(3) FROM monitor ") .. ((("WHERE id IN (" .. monitorIdList(ids)) .. ") AND node_id = ") .. quoteNodeId(to)) .. " AND assigned_node IS NULL ") .. "ON DUPLICATE KEY UPDATE from_node = VALUES(from_node), to_node = VALUES(to_node), kind = VALUES(kind), moved_at = VALUES(moved_at)"
end
--- Rebalance records past their cool-down describe nothing any more.
function ____exports.expiredRebalancesSql(cooldownS)
    return "DELETE FROM kuma_cluster_move WHERE kind = 'rebalance' AND moved_at < " .. ago(cooldownS)
end
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
