local ____lualib = require("lualib_bundle")
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 9,["7"] = 10,["8"] = 10,["9"] = 10,["10"] = 11,["11"] = 11,["12"] = 11,["13"] = 13,["14"] = 13,["15"] = 14,["16"] = 14,["17"] = 15,["18"] = 16,["19"] = 16,["20"] = 17,["21"] = 17,["22"] = 18,["24"] = 52,["25"] = 53,["26"] = 55,["27"] = 56,["28"] = 56,["29"] = 56,["31"] = 57,["32"] = 57,["33"] = 57,["35"] = 58,["36"] = 55,["37"] = 61,["38"] = 62,["39"] = 62,["41"] = 63,["42"] = 64,["43"] = 61,["44"] = 67,["45"] = 68,["46"] = 67,["48"] = 72,["49"] = 73,["50"] = 74,["51"] = 74,["53"] = 75,["54"] = 76,["55"] = 77,["57"] = 77,["58"] = 77,["60"] = 77,["61"] = 77,["63"] = 78,["64"] = 78,["65"] = 78,["66"] = 78,["67"] = 78,["68"] = 78,["69"] = 78,["70"] = 85,["71"] = 86,["72"] = 72,["74"] = 90,["75"] = 90,["76"] = 90,["77"] = 90,["78"] = 90,["79"] = 90,["80"] = 90,["81"] = 92,["82"] = 93,["83"] = 94,["84"] = 95,["85"] = 96,["86"] = 97,["87"] = 98,["88"] = 92,["90"] = 102,["91"] = 103,["92"] = 103,["93"] = 103,["94"] = 103,["95"] = 103,["96"] = 103,["97"] = 103,["98"] = 104,["99"] = 105,["100"] = 106,["102"] = 109,["103"] = 110,["104"] = 110,["106"] = 111,["107"] = 112,["108"] = 113,["109"] = 114,["110"] = 115,["112"] = 117,["113"] = 118,["114"] = 102,["115"] = 121,["119"] = 128,["120"] = 129,["121"] = 130,["122"] = 131,["124"] = 136,["125"] = 138,["126"] = 140,["127"] = 141,["128"] = 142,["129"] = 142,["130"] = 142,["131"] = 142,["132"] = 142,["133"] = 142,["134"] = 142,["135"] = 143,["138"] = 145,["139"] = 145,["140"] = 145,["141"] = 145,["142"] = 145,["143"] = 145,["144"] = 145,["147"] = 146,["148"] = 128});
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
local function routeBy(snapshot, down, target, owner, upgrade)
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
    local ctx = ngx.ctx
    ctx.route = route
    if upgrade then
        ctx.upgrade = true
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
    local snapshot = store.current()
    if snapshot == nil then
        return respond.json(503, {error = "no_cluster_snapshot", message = "the router has not read the node registry yet: the database is unreachable; it will route once the database answers"})
    end
    local target = monitorPaths and classifyPath(ngx.var.uri or "/") or OTHER
    local owner = ownerOf(snapshot, target)
    local upgrade = upgrades and ngx.var.upstream_upgrade == "websocket"
    local down = downSet(snapshot.nodes)
    local unresolved = routeBy(
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
