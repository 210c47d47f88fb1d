local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 4,["6"] = 4,["7"] = 6,["9"] = 9,["10"] = 14,["15"] = 24,["16"] = 30,["17"] = 32,["18"] = 34,["19"] = 36,["20"] = 34,["21"] = 39,["22"] = 40,["23"] = 40,["25"] = 41,["26"] = 39,["27"] = 44,["28"] = 45,["29"] = 45,["31"] = 46,["32"] = 47,["33"] = 48,["34"] = 48,["35"] = 48,["36"] = 48,["37"] = 48,["38"] = 48,["39"] = 48,["40"] = 48,["42"] = 57,["43"] = 44,["44"] = 60,["45"] = 61,["46"] = 61,["48"] = 62,["49"] = 63,["50"] = 64,["51"] = 64,["52"] = 64,["53"] = 64,["54"] = 64,["56"] = 66,["57"] = 60,["58"] = 69,["59"] = 70,["60"] = 70,["62"] = 71,["63"] = 72,["64"] = 73,["65"] = 73,["66"] = 73,["67"] = 73,["68"] = 73,["70"] = 75,["71"] = 69,["73"] = 79,["74"] = 80,["75"] = 80,["77"] = 81,["78"] = 79});
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
function ____exports.nodeRows(rows)
    if rows.rows == nil then
        return nil
    end
    local out = {}
    for ____, r in ipairs(rows.rows) do
        out[#out + 1] = {
            node_id = db.text(r.node_id),
            node_name = db.text(r.node_name),
            host = db.text(r.host),
            status = db.text(r.status),
            is_primary = db.num(r.is_primary, 0),
            last_seen_age = db.num(r.last_seen_age, -1)
        }
    end
    return out
end
function ____exports.monitorRows(rows)
    if rows.rows == nil then
        return nil
    end
    local out = {}
    for ____, r in ipairs(rows.rows) do
        out[#out + 1] = {
            id = db.num(r.id, 0),
            owner = db.text(r.owner),
            push_token = db.text(r.push_token)
        }
    end
    return out
end
function ____exports.monitorGroups(rows)
    if rows.rows == nil then
        return nil
    end
    local out = {}
    for ____, r in ipairs(rows.rows) do
        out[#out + 1] = {
            owner = db.text(r.owner),
            monitors = db.num(r.monitors, 0),
            digest = db.text(r.digest)
        }
    end
    return out
end
--- Setup is complete once the user table has a row.
function ____exports.setupComplete(rows)
    if rows.rows == nil then
        return nil
    end
    return #rows.rows > 0 and db.num(rows.rows[1].setup_complete, 0) == 1
end
return ____exports
