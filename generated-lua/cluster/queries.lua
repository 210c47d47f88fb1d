local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 5,["7"] = 5,["8"] = 9,["10"] = 12,["11"] = 17,["16"] = 26,["17"] = 32,["21"] = 39,["23"] = 45,["25"] = 52,["27"] = 55,["28"] = 56,["29"] = 55,["31"] = 60,["33"] = 63,["34"] = 64,["35"] = 64,["36"] = 64,["37"] = 64,["38"] = 64,["39"] = 64,["40"] = 64,["41"] = 63,["43"] = 68,["44"] = 70,["45"] = 72,["46"] = 74,["47"] = 72,["48"] = 77,["49"] = 78,["50"] = 78,["52"] = 79,["53"] = 77,["55"] = 83,["56"] = 84,["57"] = 84,["59"] = 85,["60"] = 86,["61"] = 86,["63"] = 87,["64"] = 83,["65"] = 90,["66"] = 91,["67"] = 91,["68"] = 91,["69"] = 91,["70"] = 91,["71"] = 91,["72"] = 91,["73"] = 91,["74"] = 91,["75"] = 91,["76"] = 91,["77"] = 90,["78"] = 101,["79"] = 102,["80"] = 102,["81"] = 102,["82"] = 102,["83"] = 102,["84"] = 102,["85"] = 102,["86"] = 102,["87"] = 101,["88"] = 105,["89"] = 106,["90"] = 106,["91"] = 106,["92"] = 106,["93"] = 106,["94"] = 106,["95"] = 106,["96"] = 106,["97"] = 105,["99"] = 110,["100"] = 111,["101"] = 110,["102"] = 114,["103"] = 115,["104"] = 115,["105"] = 115,["106"] = 115,["107"] = 115,["108"] = 115,["109"] = 115,["110"] = 114,["111"] = 118,["112"] = 119,["113"] = 119,["114"] = 119,["115"] = 119,["116"] = 118,["117"] = 122,["118"] = 123,["119"] = 123,["120"] = 123,["121"] = 123,["122"] = 123,["123"] = 123,["124"] = 123,["125"] = 123,["126"] = 123,["127"] = 123,["128"] = 123,["129"] = 123,["130"] = 122,["131"] = 140,["132"] = 141,["133"] = 141,["134"] = 141,["135"] = 141,["136"] = 141,["137"] = 141,["138"] = 141,["139"] = 141,["140"] = 140,["142"] = 145,["143"] = 146,["144"] = 146,["146"] = 147,["147"] = 145,["149"] = 151,["150"] = 152,["151"] = 152,["153"] = 153,["154"] = 151});
local ____exports = {}
local ____keys = require("core.keys")
local isValidPushToken = ____keys.isValidPushToken
local db = require("cluster.db")
--- last_seen_age uses the database clock, like the nodes that write last_seen.
____exports.NODES_SQL = ("SELECT node_id, node_name, COALESCE(host, '') AS host, COALESCE(status, 'offline') AS status, " .. "COALESCE(is_primary, 0) AS is_primary, ") .. "COALESCE(TIMESTAMPDIFF(SECOND, last_seen, UTC_TIMESTAMP()), -1) AS last_seen_age FROM node"
____exports.MONITORS_SQL = "SELECT id, COALESCE(assigned_node, node_id, '') AS owner, COALESCE(push_token, '') AS push_token " .. "FROM monitor WHERE active = 1"
--- The monitors query summed up by the database, one row per effective owner: how many active
-- monitors, and the XOR of a 64-bit hash of each row (MD5's first 16 hex digits; not CRC32,
-- whose linearity keeps the XOR unchanged when two monitors swap owners, as a failover and its
-- return do). The sync reads the monitors only when these rows move.
____exports.MONITOR_GROUPS_SQL = (("SELECT COALESCE(assigned_node, node_id, '') AS owner, COUNT(*) AS monitors, " .. "HEX(BIT_XOR(CAST(CONV(LEFT(MD5(CONCAT_WS('/', id, COALESCE(assigned_node, node_id, ''), ") .. "COALESCE(push_token, ''))), 16), 16, 10) AS UNSIGNED))) AS digest ") .. "FROM monitor WHERE active = 1 GROUP BY owner ORDER BY owner"
____exports.SETUP_SQL = "SELECT EXISTS (SELECT 1 FROM `user`) AS setup_complete"
--- Per node, the active monitors the router moved away from it and that still carry the owner
-- it wrote (a record an operator overtook counts for nothing). Read with the monitors: a move
-- record changes only together with its monitor's owner.
____exports.AWAY_SQL = ("SELECT r.from_node AS node_id, COUNT(*) AS away FROM kuma_cluster_move r " .. "JOIN monitor m ON m.id = r.monitor_id AND m.active = 1 AND m.assigned_node = r.to_node AND r.kind <> 'rebalance' ") .. "GROUP BY r.from_node ORDER BY r.from_node"
--- What the nodes' agents last reported; ages by the database clock, as for last_seen.
____exports.AGENTS_SQL = (("SELECT node_id, handover, COALESCE(detail, '') AS detail, COALESCE(agent_version, '') AS agent_version, " .. "TIMESTAMPDIFF(MICROSECOND, seen_at, UTC_TIMESTAMP(3)) / 1000000 AS seen_age, ") .. "COALESCE(TIMESTAMPDIFF(MICROSECOND, last_reconcile_at, UTC_TIMESTAMP(3)) / 1000000, -1) AS reconcile_age, ") .. "COALESCE(last_reconcile_ms, -1) AS reconcile_ms FROM kuma_cluster_agent ORDER BY node_id"
--- The change log's last sequence number: read before a full read of the monitors.
____exports.CHANGE_CURSOR_SQL = "SELECT COALESCE(MAX(seq), 0) AS seq FROM kuma_cluster_monitor_change"
--- The change log after `cursor`, at most `limit` rows.
function ____exports.changesSinceSql(cursor, limit)
    return (("SELECT seq, monitor_id, COALESCE(old_token, '') AS old_token FROM kuma_cluster_monitor_change WHERE seq > " .. tostring(math.floor(cursor))) .. " ORDER BY seq LIMIT ") .. tostring(math.floor(limit))
end
--- Change-log rows older than an hour: every router has read them (or resynced in full since).
____exports.PRUNE_CHANGES_SQL = "DELETE FROM kuma_cluster_monitor_change WHERE changed_at < NOW(3) - INTERVAL 1 HOUR LIMIT 100000"
--- The present state of these monitors, active ones only (the ids are integers from the change log).
function ____exports.activeMonitorsSql(ids)
    return ((____exports.MONITORS_SQL .. " AND id IN (") .. table.concat(
        __TS__ArrayMap(
            ids,
            function(____, id) return tostring(math.floor(id)) end
        ),
        ","
    )) .. ")"
end
--- The drained nodes (core/router_tables.ts); read at every sync, a drain shows within one.
____exports.DRAINS_SQL = "SELECT node_id FROM kuma_cluster_drain ORDER BY node_id"
local MONITOR_COLUMNS = "SELECT id, COALESCE(assigned_node, node_id, '') AS owner, COALESCE(push_token, '') AS push_token FROM monitor"
function ____exports.monitorByIdSql(id)
    return ((MONITOR_COLUMNS .. " WHERE id = ") .. tostring(math.floor(id))) .. " LIMIT 1"
end
function ____exports.monitorByTokenSql(token)
    if not isValidPushToken(token) then
        return nil
    end
    return ((MONITOR_COLUMNS .. " WHERE push_token = ") .. ngx.quote_sql_str(token)) .. " LIMIT 1"
end
--- The statement's rows through `map`, or undefined when it failed.
local function mapped(res, map)
    if res.rows == nil then
        return nil
    end
    local out = {}
    for ____, r in ipairs(res.rows) do
        out[#out + 1] = map(r)
    end
    return out
end
function ____exports.nodeRows(res)
    return mapped(
        res,
        function(r) return {
            node_id = db.text(r.node_id),
            node_name = db.text(r.node_name),
            host = db.text(r.host),
            status = db.text(r.status),
            is_primary = db.num(r.is_primary, 0),
            last_seen_age = db.num(r.last_seen_age, -1)
        } end
    )
end
function ____exports.monitorRows(res)
    return mapped(
        res,
        function(r) return {
            id = db.num(r.id, 0),
            owner = db.text(r.owner),
            push_token = db.text(r.push_token)
        } end
    )
end
function ____exports.monitorGroups(res)
    return mapped(
        res,
        function(r) return {
            owner = db.text(r.owner),
            monitors = db.num(r.monitors, 0),
            digest = db.text(r.digest)
        } end
    )
end
--- A router table that an older database lacks reads as empty.
local function orEmpty(res, map)
    return res.errno == db.NO_SUCH_TABLE and ({}) or mapped(res, map)
end
function ____exports.awayRows(res)
    return orEmpty(
        res,
        function(r) return {
            node_id = db.text(r.node_id),
            away = db.num(r.away, 0)
        } end
    )
end
function ____exports.drainRows(res)
    return orEmpty(
        res,
        function(r) return db.text(r.node_id) end
    )
end
function ____exports.agentRows(res)
    return orEmpty(
        res,
        function(r) return {
            node_id = db.text(r.node_id),
            handover = db.text(r.handover),
            detail = db.text(r.detail),
            agent_version = db.text(r.agent_version),
            seen_age = db.num(r.seen_age, 0),
            reconcile_age = db.num(r.reconcile_age, -1),
            reconcile_ms = db.num(r.reconcile_ms, -1)
        } end
    )
end
function ____exports.changeRows(res)
    return mapped(
        res,
        function(r) return {
            seq = db.num(r.seq, 0),
            monitor_id = db.num(r.monitor_id, 0),
            old_token = db.text(r.old_token)
        } end
    )
end
--- The single number of a one-row, one-column answer (`n` or `seq`).
function ____exports.singleNumber(res, column)
    if res.rows == nil or #res.rows == 0 then
        return nil
    end
    return db.num(res.rows[1][column], 0)
end
--- Setup is complete once the user table has a row.
function ____exports.setupComplete(rows)
    if rows.rows == nil then
        return nil
    end
    return #rows.rows > 0 and db.num(rows.rows[1].setup_complete, 0) == 1
end
return ____exports
