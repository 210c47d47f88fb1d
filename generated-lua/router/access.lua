local ____lualib = require("lualib_bundle")
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 9,["7"] = 10,["8"] = 10,["9"] = 10,["10"] = 10,["11"] = 11,["12"] = 11,["13"] = 11,["14"] = 11,["15"] = 13,["16"] = 13,["17"] = 14,["18"] = 14,["19"] = 15,["20"] = 16,["21"] = 16,["22"] = 17,["23"] = 17,["24"] = 18,["25"] = 20,["26"] = 21,["28"] = 26,["29"] = 27,["31"] = 30,["32"] = 31,["33"] = 33,["34"] = 34,["35"] = 34,["37"] = 35,["38"] = 35,["40"] = 36,["41"] = 33,["42"] = 39,["43"] = 40,["44"] = 41,["45"] = 42,["46"] = 43,["48"] = 45,["49"] = 39,["50"] = 48,["51"] = 49,["52"] = 49,["54"] = 50,["55"] = 51,["56"] = 48,["57"] = 54,["58"] = 55,["59"] = 54,["61"] = 59,["62"] = 60,["63"] = 61,["64"] = 61,["66"] = 62,["67"] = 63,["68"] = 64,["70"] = 64,["71"] = 64,["73"] = 64,["74"] = 64,["76"] = 65,["77"] = 65,["78"] = 65,["79"] = 65,["80"] = 65,["81"] = 65,["82"] = 65,["83"] = 72,["84"] = 73,["85"] = 59,["87"] = 77,["88"] = 77,["89"] = 77,["90"] = 77,["91"] = 77,["92"] = 77,["93"] = 77,["94"] = 79,["95"] = 80,["96"] = 81,["97"] = 82,["98"] = 83,["99"] = 84,["100"] = 85,["101"] = 86,["102"] = 79,["104"] = 90,["105"] = 100,["106"] = 100,["107"] = 100,["109"] = 100,["111"] = 100,["112"] = 101,["113"] = 101,["114"] = 101,["115"] = 101,["116"] = 101,["117"] = 101,["118"] = 101,["119"] = 102,["120"] = 103,["121"] = 104,["123"] = 107,["124"] = 108,["125"] = 108,["127"] = 109,["128"] = 110,["129"] = 111,["130"] = 112,["131"] = 113,["133"] = 115,["134"] = 116,["135"] = 116,["137"] = 117,["138"] = 90,["142"] = 125,["143"] = 126,["144"] = 127,["145"] = 128,["146"] = 129,["148"] = 134,["149"] = 136,["150"] = 138,["151"] = 139,["152"] = 140,["153"] = 140,["154"] = 140,["155"] = 140,["156"] = 140,["157"] = 140,["158"] = 140,["159"] = 140,["160"] = 141,["163"] = 143,["164"] = 143,["165"] = 143,["166"] = 143,["167"] = 143,["168"] = 143,["169"] = 143,["170"] = 143,["173"] = 144,["174"] = 125});
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
    local ____temp_5
    if monitor == SKIPPED then
        ____temp_5 = nil
    else
        ____temp_5 = monitor and monitor.owner
    end
    local owner = ____temp_5
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
