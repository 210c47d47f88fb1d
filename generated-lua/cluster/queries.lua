local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 4,["6"] = 4,["7"] = 7,["9"] = 10,["10"] = 15,["15"] = 25,["16"] = 31,["17"] = 33,["18"] = 35,["19"] = 37,["20"] = 35,["21"] = 40,["22"] = 41,["23"] = 41,["25"] = 42,["26"] = 40,["28"] = 46,["29"] = 47,["30"] = 47,["32"] = 48,["33"] = 49,["34"] = 49,["36"] = 50,["37"] = 46,["38"] = 53,["39"] = 54,["40"] = 54,["41"] = 54,["42"] = 54,["43"] = 54,["44"] = 54,["45"] = 54,["46"] = 54,["47"] = 54,["48"] = 54,["49"] = 54,["50"] = 53,["51"] = 64,["52"] = 65,["53"] = 65,["54"] = 65,["55"] = 65,["56"] = 65,["57"] = 65,["58"] = 65,["59"] = 65,["60"] = 64,["61"] = 68,["62"] = 69,["63"] = 69,["64"] = 69,["65"] = 69,["66"] = 69,["67"] = 69,["68"] = 69,["69"] = 69,["70"] = 68,["72"] = 73,["73"] = 74,["74"] = 74,["76"] = 75,["77"] = 73});
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
--- Setup is complete once the user table has a row.
function ____exports.setupComplete(rows)
    if rows.rows == nil then
        return nil
    end
    return #rows.rows > 0 and db.num(rows.rows[1].setup_complete, 0) == 1
end
return ____exports
