local ____lualib = require("lualib_bundle")
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 4,["7"] = 5,["8"] = 5,["9"] = 5,["10"] = 6,["11"] = 6,["12"] = 6,["13"] = 8,["14"] = 8,["15"] = 9,["16"] = 9,["17"] = 10,["18"] = 10,["19"] = 11,["20"] = 37,["21"] = 38,["22"] = 38,["23"] = 38,["25"] = 39,["26"] = 39,["27"] = 39,["29"] = 40,["30"] = 37,["31"] = 43,["32"] = 44,["33"] = 44,["35"] = 45,["36"] = 46,["37"] = 46,["38"] = 46,["40"] = 46,["42"] = 46,["43"] = 43,["44"] = 49,["45"] = 50,["46"] = 51,["47"] = 52,["49"] = 57,["50"] = 58,["51"] = 58,["52"] = 58,["53"] = 58,["54"] = 58,["55"] = 58,["56"] = 58,["57"] = 66,["59"] = 68,["60"] = 68,["61"] = 69,["62"] = 70,["63"] = 70,["65"] = 71,["66"] = 72,["67"] = 73,["68"] = 73,["69"] = 73,["70"] = 73,["71"] = 73,["72"] = 73,["73"] = 73,["74"] = 73,["75"] = 73,["78"] = 76,["79"] = 68,["82"] = 78,["83"] = 49});
local ____exports = {}
local store = require("cluster.snapshot_store")
local ____lookup = require("cluster.lookup")
local monitorById = ____lookup.monitorById
local monitorByToken = ____lookup.monitorByToken
local ____route = require("core.route")
local classifyPath = ____route.classifyPath
local decide = ____route.decide
local ____resolve = require("dns.resolve")
local resolve = ____resolve.resolve
local ____view = require("health.view")
local downSet = ____view.downSet
local ____cookie = require("router.cookie")
local fixedNodeOf = ____cookie.fixedNodeOf
local respond = require("router.respond")
local function ownerOf(snapshot, target)
    if target.kind == "push" then
        local ____opt_0 = monitorByToken(snapshot, target.token)
        return ____opt_0 and ____opt_0.owner
    end
    if target.kind == "badge" or target.kind == "monitor" then
        local ____opt_2 = monitorById(snapshot, target.id)
        return ____opt_2 and ____opt_2.owner
    end
    return nil
end
local function peerOf(node)
    if node == nil or node.address == nil then
        return nil
    end
    local address = resolve(node.address.host)
    local ____temp_4
    if address == nil then
        ____temp_4 = nil
    else
        ____temp_4 = {nodeId = node.id, address = address, port = node.address.port}
    end
    return ____temp_4
end
function ____exports.route()
    local snapshot = store.current()
    if snapshot == nil then
        return respond.json(503, {error = "no_cluster_snapshot", message = "the router has not read the node registry yet: the database is unreachable; it will route once the database answers"})
    end
    local target = classifyPath(ngx.var.uri or "/")
    local facts = {
        method = ngx.req.get_method(),
        target = target,
        fixedNode = fixedNodeOf(),
        upgrade = ngx.var.upstream_upgrade == "websocket",
        owner = ownerOf(snapshot, target)
    }
    local down = downSet(snapshot.nodes)
    do
        local attempt = 0
        while attempt < 2 do
            local d = decide(facts, snapshot, down)
            if not d.ok then
                return respond.json(d.status, {error = d.error, message = d.message})
            end
            local peer = peerOf(d.node)
            if peer ~= nil then
                ngx.ctx.route = {
                    peer = peer,
                    retry = peerOf(d.retry),
                    reason = d.reason,
                    cookie = d.cookie,
                    fallback = d.fallback,
                    retried = false,
                    tries = 0
                }
                return
            end
            down = __TS__ObjectAssign({}, down, {[d.node.id] = true})
            attempt = attempt + 1
        end
    end
    return respond.json(502, {error = "node_unresolvable", message = "the chosen nodes' names do not resolve"})
end
return ____exports
