local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 5,["7"] = 5,["8"] = 7,["10"] = 9,["14"] = 16,["15"] = 17,["16"] = 18,["17"] = 16,["19"] = 22,["20"] = 23,["22"] = 23,["26"] = 24,["27"] = 22,["28"] = 27,["29"] = 28,["30"] = 28,["31"] = 28,["32"] = 28,["33"] = 28,["34"] = 28,["35"] = 28,["36"] = 27,["37"] = 31,["38"] = 32,["39"] = 32,["40"] = 32,["41"] = 32,["42"] = 32,["43"] = 32,["44"] = 32,["45"] = 31,["47"] = 36,["48"] = 37,["49"] = 36,["51"] = 41,["52"] = 42,["53"] = 41,["54"] = 45,["55"] = 46,["56"] = 45,["59"] = 53,["60"] = 54,["61"] = 53,["63"] = 58,["64"] = 59,["65"] = 60,["67"] = 62,["68"] = 58,["69"] = 65,["71"] = 68,["72"] = 69,["73"] = 68,["75"] = 73,["76"] = 74,["77"] = 73,["79"] = 78,["80"] = 79,["81"] = 78});
local ____exports = {}
local ____node_id = require("core.node_id")
local isValidNodeId = ____node_id.isValidNodeId
local LOCK_PREFIX = "kuma-router-writer:"
--- MariaDB's limit on lock names.
local LOCK_NAME_MAX = 64
--- One writer per cluster: a MariaDB named lock, held by the writer's own session. Lock names
-- are server-wide, so the cluster's database is part of the name (hashed when too long): two
-- clusters on one server must not share a writer.
function ____exports.writerLock(database)
    local name = LOCK_PREFIX .. database
    return #name <= LOCK_NAME_MAX and name or LOCK_PREFIX .. ngx.md5(database)
end
--- A quoted node id, or an error for an id that could not have come from a node.
function ____exports.quoteNodeId(id)
    if not isValidNodeId(id) then
        error(
            ("refusing node id " .. string.format("%q", id)) .. " in SQL",
            0
        )
    end
    return ngx.quote_sql_str(id)
end
local function idList(ids)
    return table.concat(
        __TS__ArrayMap(
            ids,
            function(____, id) return ____exports.quoteNodeId(id) end
        ),
        ", "
    )
end
function ____exports.monitorIdList(ids)
    return table.concat(
        __TS__ArrayMap(
            ids,
            function(____, id) return string.format("%d", id) end
        ),
        ", "
    )
end
--- 1 when this session took the lock (or already had it), 0 when another session holds it.
function ____exports.acquireSql(lock)
    return ("SELECT GET_LOCK(" .. ngx.quote_sql_str(lock)) .. ", 0) AS got"
end
--- Gives the lock back at once; closing the session alone frees it only once the server notices.
function ____exports.releaseSql(lock)
    return ("DO RELEASE_LOCK(" .. ngx.quote_sql_str(lock)) .. ")"
end
function ____exports.stillMineSql(lock)
    return ("SELECT COALESCE(IS_USED_LOCK(" .. ngx.quote_sql_str(lock)) .. ") = CONNECTION_ID(), 0) AS mine"
end
--- A dead or partitioned writer's session (and with it the lock) lapses after idleS of silence;
-- lock waits stay shorter than the socket timeout, so a blocked statement fails as SQL.
function ____exports.sessionSql(idleS, lockWaitS)
    return (("SET SESSION wait_timeout = " .. string.format("%d", idleS)) .. ", innodb_lock_wait_timeout = ") .. string.format("%d", lockWaitS)
end
--- The registry row after a transition; last_seen too when the node answered its probes.
function ____exports.statusSql(id, status)
    if status == "online" then
        return "UPDATE node SET status = 'online', modified_date = UTC_TIMESTAMP(), last_seen = UTC_TIMESTAMP() WHERE node_id = " .. ____exports.quoteNodeId(id)
    end
    return ("UPDATE node SET status = 'offline', modified_date = UTC_TIMESTAMP() WHERE node_id = " .. ____exports.quoteNodeId(id)) .. " AND status <> 'offline'"
end
local OWNER = "COALESCE(assigned_node, node_id)"
--- The source nodes' active monitors, locked until COMMIT.
function ____exports.sourceMonitorsSql(sources)
    return ((("SELECT id, COALESCE(node_id, '') AS node_id, COALESCE(assigned_node, '') AS assigned_node FROM monitor WHERE active = 1 AND " .. OWNER) .. " IN (") .. idList(sources)) .. ") ORDER BY id FOR UPDATE"
end
--- Active monitors per target node (its load for the per-node limit).
function ____exports.loadsSql(targets)
    return (((((("SELECT " .. OWNER) .. " AS owner, COUNT(*) AS n FROM monitor WHERE active = 1 AND ") .. OWNER) .. " IN (") .. idList(targets)) .. ") GROUP BY ") .. OWNER
end
--- Gives `ids` to `target`, each only while a source still owns it.
function ____exports.assignSql(target, ids, sources)
    return ((((((("UPDATE monitor SET assigned_node = " .. ____exports.quoteNodeId(target)) .. " WHERE id IN (") .. ____exports.monitorIdList(ids)) .. ") AND active = 1 AND ") .. OWNER) .. " IN (") .. idList(sources)) .. ")"
end
return ____exports
