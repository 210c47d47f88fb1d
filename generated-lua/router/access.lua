local ____lualib = require("lualib_bundle")
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 9,["7"] = 10,["8"] = 10,["9"] = 10,["10"] = 11,["11"] = 11,["12"] = 11,["13"] = 11,["14"] = 13,["15"] = 13,["16"] = 14,["17"] = 14,["18"] = 15,["19"] = 16,["20"] = 16,["21"] = 17,["22"] = 17,["23"] = 18,["24"] = 19,["26"] = 43,["27"] = 44,["28"] = 46,["29"] = 47,["30"] = 47,["31"] = 47,["33"] = 48,["34"] = 48,["35"] = 48,["37"] = 49,["38"] = 46,["39"] = 52,["40"] = 53,["41"] = 53,["43"] = 54,["44"] = 55,["45"] = 52,["46"] = 58,["47"] = 59,["48"] = 58,["50"] = 63,["51"] = 64,["52"] = 65,["53"] = 65,["55"] = 66,["56"] = 67,["57"] = 68,["59"] = 68,["60"] = 68,["62"] = 68,["63"] = 68,["65"] = 69,["66"] = 69,["67"] = 69,["68"] = 69,["69"] = 69,["70"] = 69,["71"] = 69,["72"] = 76,["73"] = 77,["74"] = 63,["76"] = 81,["77"] = 81,["78"] = 81,["79"] = 81,["80"] = 81,["81"] = 81,["82"] = 81,["83"] = 83,["84"] = 84,["85"] = 85,["86"] = 86,["87"] = 87,["88"] = 88,["89"] = 89,["90"] = 83,["92"] = 93,["93"] = 94,["94"] = 94,["95"] = 94,["96"] = 94,["97"] = 94,["98"] = 94,["99"] = 94,["100"] = 95,["101"] = 96,["102"] = 97,["104"] = 100,["105"] = 101,["106"] = 101,["108"] = 102,["109"] = 103,["110"] = 104,["111"] = 105,["113"] = 107,["114"] = 108,["115"] = 93,["119"] = 116,["120"] = 117,["121"] = 118,["122"] = 119,["123"] = 120,["125"] = 125,["126"] = 127,["127"] = 129,["128"] = 130,["129"] = 131,["130"] = 131,["131"] = 131,["132"] = 131,["133"] = 131,["134"] = 131,["135"] = 131,["136"] = 131,["137"] = 132,["140"] = 134,["141"] = 134,["142"] = 134,["143"] = 134,["144"] = 134,["145"] = 134,["146"] = 134,["147"] = 134,["150"] = 135,["151"] = 116});
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
local ____view = require("health.view")
local downSet = ____view.downSet
local record = require("metrics.record")
local ____cookie = require("router.cookie")
local fixedNodeOf = ____cookie.fixedNodeOf
local ____headers = require("router.headers")
local announce = ____headers.announce
local requestState = require("router.request_state")
local respond = require("router.respond")
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
