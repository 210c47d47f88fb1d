local ____lualib = require("lualib_bundle")
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 9,["7"] = 10,["8"] = 10,["9"] = 10,["10"] = 11,["11"] = 11,["12"] = 11,["13"] = 13,["14"] = 13,["15"] = 14,["16"] = 14,["17"] = 15,["18"] = 16,["19"] = 16,["20"] = 17,["21"] = 17,["22"] = 18,["23"] = 19,["25"] = 43,["26"] = 44,["27"] = 46,["28"] = 47,["29"] = 47,["30"] = 47,["32"] = 48,["33"] = 48,["34"] = 48,["36"] = 49,["37"] = 46,["38"] = 52,["39"] = 53,["40"] = 53,["42"] = 54,["43"] = 55,["44"] = 52,["45"] = 58,["46"] = 59,["47"] = 58,["49"] = 63,["50"] = 64,["51"] = 65,["52"] = 65,["54"] = 66,["55"] = 67,["56"] = 68,["58"] = 68,["59"] = 68,["61"] = 68,["62"] = 68,["64"] = 69,["65"] = 69,["66"] = 69,["67"] = 69,["68"] = 69,["69"] = 69,["70"] = 69,["71"] = 76,["72"] = 77,["73"] = 63,["75"] = 81,["76"] = 81,["77"] = 81,["78"] = 81,["79"] = 81,["80"] = 81,["81"] = 81,["82"] = 83,["83"] = 84,["84"] = 85,["85"] = 86,["86"] = 87,["87"] = 88,["88"] = 89,["89"] = 83,["91"] = 93,["92"] = 94,["93"] = 94,["94"] = 94,["95"] = 94,["96"] = 94,["97"] = 94,["98"] = 94,["99"] = 95,["100"] = 96,["101"] = 97,["103"] = 100,["104"] = 101,["105"] = 101,["107"] = 102,["108"] = 103,["109"] = 104,["110"] = 105,["112"] = 107,["113"] = 108,["114"] = 93,["115"] = 111,["119"] = 118,["120"] = 119,["121"] = 120,["122"] = 121,["123"] = 122,["125"] = 127,["126"] = 129,["127"] = 131,["128"] = 132,["129"] = 133,["130"] = 133,["131"] = 133,["132"] = 133,["133"] = 133,["134"] = 133,["135"] = 133,["136"] = 133,["137"] = 134,["140"] = 136,["141"] = 136,["142"] = 136,["143"] = 136,["144"] = 136,["145"] = 136,["146"] = 136,["147"] = 136,["150"] = 137,["151"] = 118});
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
    target = {kind = "other"},
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
local OTHER = {kind = "other"}
--- `monitorPaths`: the location serves /api/ (push, badge and REST monitor paths name their
-- monitor; elsewhere the path decides nothing and is not read). `upgrades`: the location passes
-- WebSocket upgrades to the node (socket.io's).
function ____exports.route(monitorPaths, upgrades)
    local key = requestState.begin()
    local snapshot = store.current()
    if snapshot == nil then
        return respond.json(503, {error = "no_cluster_snapshot", message = "the router has not read the node registry yet: the database is unreachable; it will route once the database answers"})
    end
    local target = monitorPaths and classifyPath(ngx.var.uri or "/") or OTHER
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
