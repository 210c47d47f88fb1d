local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 4,["6"] = 5,["7"] = 6,["8"] = 7,["9"] = 7,["10"] = 8,["11"] = 8,["12"] = 9,["13"] = 9,["14"] = 10,["15"] = 10,["16"] = 11,["18"] = 14,["19"] = 15,["20"] = 14,["21"] = 22,["22"] = 23,["23"] = 22,["25"] = 27,["26"] = 28,["27"] = 29,["28"] = 29,["30"] = 30,["31"] = 31,["32"] = 27,["33"] = 34,["34"] = 35,["35"] = 36,["36"] = 37,["38"] = 39,["39"] = 40,["40"] = 40,["42"] = 41,["43"] = 42,["44"] = 43,["46"] = 45,["47"] = 46,["49"] = 48,["50"] = 49,["51"] = 50,["52"] = 51,["54"] = 53,["55"] = 54,["56"] = 55,["57"] = 34});
local ____exports = {}
local db = require("cluster.db")
local store = require("cluster.snapshot_store")
local sync = require("cluster.sync")
local ____drain = require("core.drain")
local parseDrainPath = ____drain.parseDrainPath
local ____router_tables = require("core.router_tables")
local DRAIN_TABLE_DDL = ____router_tables.DRAIN_TABLE_DDL
local ____snapshot = require("core.snapshot")
local nodeOf = ____snapshot.nodeOf
local ____registry_sql = require("health.registry_sql")
local quoteNodeId = ____registry_sql.quoteNodeId
local respond = require("runtime.respond")
--- An operator's drain: kept until undrained, whatever the node does meanwhile.
local function drainSql(nodeId)
    return ("INSERT INTO kuma_cluster_drain (node_id, requested_by, drained_at) " .. ("VALUES (" .. quoteNodeId(nodeId)) .. ", 'operator', UTC_TIMESTAMP(3)) ") .. "ON DUPLICATE KEY UPDATE requested_by = VALUES(requested_by)"
end
local function undrainSql(nodeId)
    return "DELETE FROM kuma_cluster_drain WHERE node_id = " .. quoteNodeId(nodeId)
end
--- The statement, once more after creating the table if it was missing.
local function write(sql)
    local res = db.query(sql)
    if res.errno ~= db.NO_SUCH_TABLE then
        return res
    end
    local created = db.query(DRAIN_TABLE_DDL)
    return created.error ~= nil and created or db.query(sql)
end
function ____exports.serve()
    if ngx.req.get_method() ~= "POST" then
        ngx.header.Allow = "POST"
        return respond.json(405, {error = "method_not_allowed", message = "drain and undrain take POST"})
    end
    local request = parseDrainPath(ngx.var.uri or "")
    if request == nil then
        return respond.json(404, {error = "not_found", message = "expected /lb/nodes/<node id>/drain or /undrain"})
    end
    local snapshot = store.current()
    if snapshot == nil then
        return respond.json(503, {error = "no_cluster_snapshot", message = "the node registry has not been read yet"})
    end
    if request.drain and nodeOf(snapshot, request.nodeId) == nil then
        return respond.json(404, {error = "unknown_node", message = "no registered node has this id"})
    end
    local res = write(request.drain and drainSql(request.nodeId) or undrainSql(request.nodeId))
    if res.error ~= nil then
        ngx.log(ngx.ERR, (("drain: " .. request.nodeId) .. ": ") .. res.error)
        return respond.json(503, {error = "database_unavailable", message = "the drain could not be written; try again"})
    end
    ngx.log(ngx.NOTICE, ((("drain: node " .. request.nodeId) .. " ") .. (request.drain and "drained" or "undrained")) .. " by the internal listener")
    sync.syncOnce()
    respond.json(200, {node = request.nodeId, drained = request.drain})
end
return ____exports
