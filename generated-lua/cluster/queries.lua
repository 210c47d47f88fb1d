local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 4,["6"] = 4,["7"] = 6,["9"] = 9,["10"] = 14,["11"] = 18,["12"] = 20,["13"] = 22,["14"] = 24,["15"] = 22,["16"] = 27,["17"] = 28,["18"] = 28,["20"] = 29,["21"] = 27,["22"] = 32,["23"] = 33,["24"] = 33,["26"] = 34,["27"] = 35,["28"] = 36,["29"] = 36,["30"] = 36,["31"] = 36,["32"] = 36,["33"] = 36,["34"] = 36,["35"] = 36,["37"] = 45,["38"] = 32,["39"] = 48,["40"] = 49,["41"] = 49,["43"] = 50,["44"] = 51,["45"] = 52,["46"] = 52,["47"] = 52,["48"] = 52,["49"] = 52,["51"] = 54,["52"] = 48});
local ____exports = {}
local ____keys = require("core.keys")
local isValidPushToken = ____keys.isValidPushToken
local db = require("cluster.db")
--- last_seen_age uses the database clock, like the nodes that write last_seen.
____exports.NODES_SQL = ("SELECT node_id, node_name, COALESCE(host, '') AS host, COALESCE(status, 'offline') AS status, " .. "COALESCE(is_primary, 0) AS is_primary, ") .. "COALESCE(TIMESTAMPDIFF(SECOND, last_seen, UTC_TIMESTAMP()), -1) AS last_seen_age FROM node"
____exports.MONITORS_SQL = "SELECT id, COALESCE(assigned_node, node_id, '') AS owner, COALESCE(push_token, '') AS push_token " .. "FROM monitor WHERE active = 1"
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
return ____exports
