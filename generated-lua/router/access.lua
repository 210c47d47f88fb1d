local ____lualib = require("lualib_bundle")
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SparseArrayNew = ____lualib.__TS__SparseArrayNew
local __TS__SparseArrayPush = ____lualib.__TS__SparseArrayPush
local __TS__SparseArraySpread = ____lualib.__TS__SparseArraySpread
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["9"] = 9,["10"] = 10,["11"] = 10,["12"] = 10,["13"] = 10,["14"] = 11,["15"] = 11,["16"] = 11,["17"] = 11,["18"] = 13,["19"] = 13,["20"] = 14,["21"] = 14,["22"] = 15,["23"] = 16,["24"] = 16,["25"] = 17,["26"] = 17,["27"] = 18,["28"] = 19,["29"] = 20,["31"] = 46,["32"] = 47,["34"] = 50,["35"] = 51,["36"] = 53,["37"] = 54,["38"] = 54,["40"] = 55,["41"] = 55,["43"] = 56,["44"] = 53,["45"] = 59,["46"] = 60,["47"] = 61,["48"] = 62,["49"] = 63,["51"] = 65,["52"] = 59,["53"] = 68,["54"] = 69,["55"] = 69,["57"] = 70,["58"] = 71,["59"] = 68,["60"] = 74,["61"] = 75,["62"] = 74,["64"] = 79,["65"] = 80,["66"] = 81,["67"] = 81,["69"] = 82,["70"] = 83,["71"] = 84,["73"] = 84,["74"] = 84,["76"] = 84,["77"] = 84,["79"] = 85,["80"] = 85,["81"] = 85,["82"] = 85,["83"] = 85,["84"] = 85,["85"] = 85,["86"] = 92,["87"] = 93,["88"] = 79,["90"] = 97,["91"] = 97,["92"] = 97,["93"] = 97,["94"] = 97,["95"] = 97,["96"] = 97,["97"] = 99,["98"] = 100,["99"] = 101,["100"] = 102,["101"] = 103,["102"] = 104,["103"] = 105,["104"] = 106,["105"] = 99,["107"] = 110,["108"] = 111,["109"] = 111,["110"] = 111,["111"] = 111,["112"] = 111,["114"] = 111,["116"] = 111,["117"] = 111,["118"] = 112,["119"] = 113,["120"] = 114,["122"] = 117,["123"] = 118,["124"] = 118,["126"] = 119,["127"] = 120,["128"] = 121,["129"] = 122,["130"] = 123,["132"] = 125,["133"] = 126,["134"] = 126,["136"] = 127,["137"] = 110,["141"] = 135,["142"] = 136,["143"] = 137,["144"] = 138,["145"] = 139,["147"] = 144,["148"] = 146,["149"] = 148,["150"] = 149,["151"] = 150,["152"] = 150,["153"] = 150,["154"] = 150,["155"] = 150,["156"] = 150,["157"] = 150,["158"] = 150,["159"] = 151,["162"] = 153,["163"] = 153,["164"] = 153,["165"] = 153,["166"] = 153,["167"] = 153,["168"] = 153,["169"] = 153,["172"] = 154,["173"] = 135});
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
local newPins = require("router.new_pins")
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
    facts.recentPins = newPins.recent()
    return decide(facts, snapshot, down)
end
--- Routes by `down`: true when routed or answered, else the id of a node whose name did not resolve.
local function routeBy(key, snapshot, down, target, monitor, upgrade)
    local ____decideNow_7 = decideNow
    local ____array_6 = __TS__SparseArrayNew(snapshot, down, target)
    local ____temp_5
    if monitor == SKIPPED then
        ____temp_5 = nil
    else
        ____temp_5 = monitor and monitor.owner
    end
    __TS__SparseArrayPush(____array_6, ____temp_5, upgrade)
    local d = ____decideNow_7(__TS__SparseArraySpread(____array_6))
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
    if route.cookie == "set" then
        newPins.add(route.peer.nodeId)
    end
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
