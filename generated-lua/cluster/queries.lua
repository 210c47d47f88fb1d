local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 5,["6"] = 5,["7"] = 9,["9"] = 12,["10"] = 17,["15"] = 27,["16"] = 33,["20"] = 40,["22"] = 46,["24"] = 53,["25"] = 55,["26"] = 57,["27"] = 59,["28"] = 57,["29"] = 62,["30"] = 63,["31"] = 63,["33"] = 64,["34"] = 62,["36"] = 68,["37"] = 69,["38"] = 69,["40"] = 70,["41"] = 71,["42"] = 71,["44"] = 72,["45"] = 68,["46"] = 75,["47"] = 76,["48"] = 76,["49"] = 76,["50"] = 76,["51"] = 76,["52"] = 76,["53"] = 76,["54"] = 76,["55"] = 76,["56"] = 76,["57"] = 76,["58"] = 75,["59"] = 86,["60"] = 87,["61"] = 87,["62"] = 87,["63"] = 87,["64"] = 87,["65"] = 87,["66"] = 87,["67"] = 87,["68"] = 86,["69"] = 90,["70"] = 91,["71"] = 91,["72"] = 91,["73"] = 91,["74"] = 91,["75"] = 91,["76"] = 91,["77"] = 91,["78"] = 90,["80"] = 95,["81"] = 96,["82"] = 95,["83"] = 99,["84"] = 100,["85"] = 100,["86"] = 100,["87"] = 100,["88"] = 100,["89"] = 100,["90"] = 100,["91"] = 99,["92"] = 103,["93"] = 104,["94"] = 104,["95"] = 104,["96"] = 104,["97"] = 103,["98"] = 107,["99"] = 108,["100"] = 108,["101"] = 108,["102"] = 108,["103"] = 108,["104"] = 108,["105"] = 108,["106"] = 108,["107"] = 108,["108"] = 108,["109"] = 108,["110"] = 108,["111"] = 107,["113"] = 120,["114"] = 121,["115"] = 121,["117"] = 122,["118"] = 120});
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
--- Setup is complete once the user table has a row.
function ____exports.setupComplete(rows)
    if rows.rows == nil then
        return nil
    end
    return #rows.rows > 0 and db.num(rows.rows[1].setup_complete, 0) == 1
end
return ____exports
