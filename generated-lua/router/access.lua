local ____lualib = require("lualib_bundle")
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SparseArrayNew = ____lualib.__TS__SparseArrayNew
local __TS__SparseArrayPush = ____lualib.__TS__SparseArrayPush
local __TS__SparseArraySpread = ____lualib.__TS__SparseArraySpread
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["9"] = 9,["10"] = 10,["11"] = 10,["12"] = 10,["13"] = 10,["14"] = 11,["15"] = 11,["16"] = 11,["17"] = 11,["18"] = 13,["19"] = 13,["20"] = 14,["21"] = 14,["22"] = 15,["23"] = 16,["24"] = 16,["25"] = 17,["26"] = 17,["27"] = 18,["28"] = 20,["29"] = 21,["31"] = 26,["32"] = 27,["34"] = 30,["35"] = 31,["36"] = 33,["37"] = 34,["38"] = 34,["40"] = 35,["41"] = 35,["43"] = 36,["44"] = 33,["45"] = 39,["46"] = 40,["47"] = 41,["48"] = 42,["49"] = 43,["51"] = 45,["52"] = 39,["53"] = 48,["54"] = 49,["55"] = 49,["57"] = 50,["58"] = 51,["59"] = 48,["60"] = 54,["61"] = 55,["62"] = 54,["64"] = 59,["65"] = 60,["66"] = 61,["67"] = 61,["69"] = 62,["70"] = 63,["71"] = 64,["73"] = 64,["74"] = 64,["76"] = 64,["77"] = 64,["79"] = 65,["80"] = 65,["81"] = 65,["82"] = 65,["83"] = 65,["84"] = 65,["85"] = 65,["86"] = 72,["87"] = 73,["88"] = 59,["90"] = 77,["91"] = 77,["92"] = 77,["93"] = 77,["94"] = 77,["95"] = 77,["96"] = 77,["97"] = 79,["98"] = 80,["99"] = 81,["100"] = 82,["101"] = 83,["102"] = 84,["103"] = 85,["104"] = 86,["105"] = 79,["107"] = 90,["108"] = 98,["109"] = 98,["110"] = 98,["111"] = 98,["112"] = 98,["114"] = 98,["116"] = 98,["117"] = 98,["118"] = 99,["119"] = 100,["120"] = 101,["122"] = 104,["123"] = 105,["124"] = 105,["126"] = 106,["127"] = 107,["128"] = 108,["129"] = 109,["130"] = 110,["132"] = 112,["133"] = 113,["134"] = 113,["136"] = 114,["137"] = 90,["141"] = 122,["142"] = 123,["143"] = 124,["144"] = 125,["145"] = 126,["147"] = 131,["148"] = 133,["149"] = 135,["150"] = 136,["151"] = 137,["152"] = 137,["153"] = 137,["154"] = 137,["155"] = 137,["156"] = 137,["157"] = 137,["158"] = 137,["159"] = 138,["162"] = 140,["163"] = 140,["164"] = 140,["165"] = 140,["166"] = 140,["167"] = 140,["168"] = 140,["169"] = 140,["172"] = 141,["173"] = 122});
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
local ____verdicts = require("health.verdicts")
local downSet = ____verdicts.downSet
local record = require("metrics.record")
local ____cookie = require("request.cookie")
local fixedNodeOf = ____cookie.fixedNodeOf
local ____headers = require("router.headers")
local announce = ____headers.announce
local newPins = require("router.new_pins")
local requestState = require("request.state")
local respond = require("runtime.respond")
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
