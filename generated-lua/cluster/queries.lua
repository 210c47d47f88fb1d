local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 5,["7"] = 5,["8"] = 9,["10"] = 12,["11"] = 17,["16"] = 27,["17"] = 33,["21"] = 40,["23"] = 46,["25"] = 53,["27"] = 56,["28"] = 57,["29"] = 56,["31"] = 61,["33"] = 64,["34"] = 65,["35"] = 65,["36"] = 65,["37"] = 65,["38"] = 65,["39"] = 65,["40"] = 65,["41"] = 64,["43"] = 69,["44"] = 71,["45"] = 73,["46"] = 75,["47"] = 73,["48"] = 78,["49"] = 79,["50"] = 79,["52"] = 80,["53"] = 78,["55"] = 84,["56"] = 85,["57"] = 85,["59"] = 86,["60"] = 87,["61"] = 87,["63"] = 88,["64"] = 84,["65"] = 91,["66"] = 92,["67"] = 92,["68"] = 92,["69"] = 92,["70"] = 92,["71"] = 92,["72"] = 92,["73"] = 92,["74"] = 92,["75"] = 92,["76"] = 92,["77"] = 91,["78"] = 102,["79"] = 103,["80"] = 103,["81"] = 103,["82"] = 103,["83"] = 103,["84"] = 103,["85"] = 103,["86"] = 103,["87"] = 102,["88"] = 106,["89"] = 107,["90"] = 107,["91"] = 107,["92"] = 107,["93"] = 107,["94"] = 107,["95"] = 107,["96"] = 107,["97"] = 106,["99"] = 111,["100"] = 112,["101"] = 111,["102"] = 115,["103"] = 116,["104"] = 116,["105"] = 116,["106"] = 116,["107"] = 116,["108"] = 116,["109"] = 116,["110"] = 115,["111"] = 119,["112"] = 120,["113"] = 120,["114"] = 120,["115"] = 120,["116"] = 119,["117"] = 123,["118"] = 124,["119"] = 124,["120"] = 124,["121"] = 124,["122"] = 124,["123"] = 124,["124"] = 124,["125"] = 124,["126"] = 124,["127"] = 124,["128"] = 124,["129"] = 124,["130"] = 123,["131"] = 141,["132"] = 142,["133"] = 142,["134"] = 142,["135"] = 142,["136"] = 142,["137"] = 142,["138"] = 142,["139"] = 142,["140"] = 141,["142"] = 146,["143"] = 147,["144"] = 147,["146"] = 148,["147"] = 146,["149"] = 152,["150"] = 153,["151"] = 153,["153"] = 154,["154"] = 152});
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
