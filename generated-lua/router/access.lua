local ____lualib = require("lualib_bundle")
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 9,["7"] = 10,["8"] = 10,["9"] = 10,["10"] = 10,["11"] = 11,["12"] = 11,["13"] = 11,["14"] = 11,["15"] = 13,["16"] = 13,["17"] = 14,["18"] = 14,["19"] = 15,["20"] = 16,["21"] = 16,["22"] = 17,["23"] = 17,["24"] = 18,["25"] = 19,["27"] = 45,["28"] = 46,["30"] = 49,["31"] = 50,["32"] = 52,["33"] = 53,["34"] = 53,["36"] = 54,["37"] = 54,["39"] = 55,["40"] = 52,["41"] = 58,["42"] = 59,["43"] = 60,["44"] = 61,["45"] = 62,["47"] = 64,["48"] = 58,["49"] = 67,["50"] = 68,["51"] = 68,["53"] = 69,["54"] = 70,["55"] = 67,["56"] = 73,["57"] = 74,["58"] = 73,["60"] = 78,["61"] = 79,["62"] = 80,["63"] = 80,["65"] = 81,["66"] = 82,["67"] = 83,["69"] = 83,["70"] = 83,["72"] = 83,["73"] = 83,["75"] = 84,["76"] = 84,["77"] = 84,["78"] = 84,["79"] = 84,["80"] = 84,["81"] = 84,["82"] = 91,["83"] = 92,["84"] = 78,["86"] = 96,["87"] = 96,["88"] = 96,["89"] = 96,["90"] = 96,["91"] = 96,["92"] = 96,["93"] = 98,["94"] = 99,["95"] = 100,["96"] = 101,["97"] = 102,["98"] = 103,["99"] = 104,["100"] = 98,["102"] = 108,["103"] = 109,["104"] = 109,["105"] = 109,["106"] = 109,["107"] = 109,["108"] = 109,["109"] = 109,["110"] = 110,["111"] = 111,["112"] = 112,["114"] = 115,["115"] = 116,["116"] = 116,["118"] = 117,["119"] = 118,["120"] = 119,["121"] = 120,["122"] = 121,["124"] = 123,["125"] = 124,["126"] = 108,["130"] = 132,["131"] = 133,["132"] = 134,["133"] = 135,["134"] = 136,["136"] = 141,["137"] = 143,["138"] = 145,["139"] = 146,["140"] = 147,["141"] = 147,["142"] = 147,["143"] = 147,["144"] = 147,["145"] = 147,["146"] = 147,["147"] = 147,["148"] = 148,["151"] = 150,["152"] = 150,["153"] = 150,["154"] = 150,["155"] = 150,["156"] = 150,["157"] = 150,["158"] = 150,["161"] = 151,["162"] = 132});
local ____exports = {}
local store = require("cluster.snapshot_store")
local ____lookup = require("cluster.lookup")
local SKIPPED = ____lookup.SKIPPED
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
--- Routes whose key was not looked up, by the route they copy (rare: built as needed).
local skippedRoutes = {}
setmetatable(skippedRoutes, {__mode = "k"})
local function monitorOf(snapshot, target)
    if target.kind == "push" then
        return monitorByToken(snapshot, target.token)
    end
    if target.kind == "badge" or target.kind == "monitor" then
        return monitorById(snapshot, target.id)
    end
    return nil
end
local function skippedVariant(route)
    local variant = skippedRoutes[route]
    if variant == nil then
        variant = __TS__ObjectAssign({}, route, {lookupSkipped = true})
        skippedRoutes[route] = variant
    end
    return variant
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
    local ____temp_2 = known ~= nil and known.peer.address == address
    if ____temp_2 then
        local ____opt_0 = known.retry
        ____temp_2 = (____opt_0 and ____opt_0.address) == retryAddress
    end
    if ____temp_2 then
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
local function routeBy(key, snapshot, down, target, monitor, upgrade)
    local d = decideNow(
        snapshot,
        down,
        target,
        monitor and monitor.owner,
        upgrade
    )
    if not d.ok then
        respond.json(d.status, {error = d.error, message = d.message})
        return true
    end
    local decided = routeOf(d)
    if decided == nil then
        return d.node.id
    end
    local route = monitor == SKIPPED and skippedVariant(decided) or decided
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
    local monitor = monitorOf(snapshot, target)
    local upgrade = upgrades and ngx.var.upstream_upgrade == "websocket"
    local down = downSet(snapshot.nodes)
    local unresolved = routeBy(
        key,
        snapshot,
        down,
        target,
        monitor,
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
        monitor,
        upgrade
    ) == true then
        return
    end
    return respond.json(502, {error = "node_unresolvable", message = "the chosen nodes' names do not resolve"})
end
return ____exports
