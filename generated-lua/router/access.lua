local ____lualib = require("lualib_bundle")
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 9,["7"] = 10,["8"] = 10,["9"] = 10,["10"] = 11,["11"] = 11,["12"] = 11,["13"] = 11,["14"] = 13,["15"] = 13,["16"] = 14,["17"] = 14,["18"] = 15,["19"] = 16,["20"] = 16,["21"] = 17,["22"] = 17,["23"] = 19,["24"] = 20,["26"] = 25,["27"] = 26,["28"] = 28,["29"] = 29,["30"] = 29,["31"] = 29,["33"] = 30,["34"] = 30,["35"] = 30,["37"] = 31,["38"] = 28,["39"] = 34,["40"] = 35,["41"] = 35,["43"] = 36,["44"] = 37,["45"] = 34,["46"] = 40,["47"] = 41,["48"] = 40,["50"] = 45,["51"] = 46,["52"] = 47,["53"] = 47,["55"] = 48,["56"] = 49,["57"] = 50,["59"] = 50,["60"] = 50,["62"] = 50,["63"] = 50,["65"] = 51,["66"] = 51,["67"] = 51,["68"] = 51,["69"] = 51,["70"] = 51,["71"] = 51,["72"] = 58,["73"] = 59,["74"] = 45,["76"] = 63,["77"] = 63,["78"] = 63,["79"] = 63,["80"] = 63,["81"] = 63,["82"] = 63,["83"] = 65,["84"] = 66,["85"] = 67,["86"] = 68,["87"] = 69,["88"] = 70,["89"] = 71,["90"] = 65,["92"] = 75,["93"] = 76,["94"] = 76,["95"] = 76,["96"] = 76,["97"] = 76,["98"] = 76,["99"] = 76,["100"] = 77,["101"] = 78,["102"] = 79,["104"] = 82,["105"] = 83,["106"] = 83,["108"] = 84,["109"] = 85,["110"] = 86,["111"] = 87,["113"] = 89,["114"] = 90,["115"] = 75,["119"] = 98,["120"] = 99,["121"] = 100,["122"] = 101,["123"] = 102,["125"] = 107,["126"] = 109,["127"] = 111,["128"] = 112,["129"] = 113,["130"] = 113,["131"] = 113,["132"] = 113,["133"] = 113,["134"] = 113,["135"] = 113,["136"] = 113,["137"] = 114,["140"] = 116,["141"] = 116,["142"] = 116,["143"] = 116,["144"] = 116,["145"] = 116,["146"] = 116,["147"] = 116,["150"] = 117,["151"] = 98});
local ____exports = {}
local store = require("cluster.snapshot_store")
local ____lookup = require("cluster.lookup")
local monitorById = ____lookup.monitorById
local monitorByToken = ____lookup.monitorByToken
local ____route = require("core.route")
local OTHER_TARGET = ____route.OTHER_TARGET
local classifyPath = ____route.classifyPath
local decide = ____route.decide
local ____resolve = require("dns.resolve")
local resolve = ____resolve.resolve
local ____verdicts = require("health.verdicts")
local downSet = ____verdicts.downSet
local record = require("metrics.record")
local ____cookie = require("request.cookie")
local fixedNodeOf = ____cookie.fixedNodeOf
local ____headers = require("router.headers")
local announce = ____headers.announce
local requestState = require("request.state")
local respond = require("runtime.respond")
--- Routes by decision object (they are kept per snapshot and health view), checked against the addresses.
local routes = {}
setmetatable(routes, {__mode = "k"})
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
local function addressOf(node)
    if node == nil or node.address == nil then
        return nil
    end
    local address = resolve(node.address.host)
    return address
end
local function peer(node, address)
    return {nodeId = node.id, address = address, port = node.address.port}
end
--- The route for `d`, or undefined when its node's name does not resolve.
local function routeOf(d)
    local address = addressOf(d.node)
    if address == nil then
        return nil
    end
    local retryAddress = addressOf(d.retry)
    local known = routes[d]
    local ____temp_6 = known ~= nil and known.peer.address == address
    if ____temp_6 then
        local ____opt_4 = known.retry
        ____temp_6 = (____opt_4 and ____opt_4.address) == retryAddress
    end
    if ____temp_6 then
        return known
    end
    local route = {
        peer = peer(d.node, address),
        retry = d.retry ~= nil and retryAddress ~= nil and peer(d.retry, retryAddress) or nil,
        reason = d.reason,
        cookie = d.cookie,
        fallback = d.fallback
    }
    routes[d] = route
    return route
end
--- One facts object per worker, filled right before each decision (nothing in between yields).
local facts = {
    method = "GET",
    target = OTHER_TARGET,
    fixedNode = nil,
    upgrade = false,
    owner = nil
}
local function decideNow(snapshot, down, target, owner, upgrade)
    facts.method = ngx.req.get_method()
    facts.target = target
    facts.fixedNode = fixedNodeOf()
    facts.upgrade = upgrade
    facts.owner = owner
    return decide(facts, snapshot, down)
end
--- Routes by `down`: true when routed or answered, else the id of a node whose name did not resolve.
local function routeBy(key, snapshot, down, target, owner, upgrade)
    local d = decideNow(
        snapshot,
        down,
        target,
        owner,
        upgrade
    )
    if not d.ok then
        respond.json(d.status, {error = d.error, message = d.message})
        return true
    end
    local route = routeOf(d)
    if route == nil then
        return d.node.id
    end
    requestState.setRoute(key, route)
    if upgrade then
        requestState.markUpgraded(key)
        record.upgradeOpened(route.peer.nodeId)
    end
    announce(route, false)
    return true
end
--- `monitorPaths`: the location serves /api/ (push, badge and REST monitor paths name their
-- monitor; elsewhere the path decides nothing and is not read). `upgrades`: the location passes
-- WebSocket upgrades to the node (socket.io's).
function ____exports.route(monitorPaths, upgrades)
    local key = requestState.begin()
    local snapshot = store.current()
    if snapshot == nil then
        return respond.json(503, {error = "no_cluster_snapshot", message = "the router has not read the node registry yet: the database is unreachable; it will route once the database answers"})
    end
    local target = monitorPaths and classifyPath(ngx.var.uri or "/") or OTHER_TARGET
    local owner = ownerOf(snapshot, target)
    local upgrade = upgrades and ngx.var.upstream_upgrade == "websocket"
    local down = downSet(snapshot.nodes)
    local unresolved = routeBy(
        key,
        snapshot,
        down,
        target,
        owner,
        upgrade
    )
    if unresolved == true then
        return
    end
    if routeBy(
        key,
        snapshot,
        __TS__ObjectAssign({}, down, {[unresolved] = true}),
        target,
        owner,
        upgrade
    ) == true then
        return
    end
    return respond.json(502, {error = "node_unresolvable", message = "the chosen nodes' names do not resolve"})
end
return ____exports
