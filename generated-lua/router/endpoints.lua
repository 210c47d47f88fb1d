local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["7"] = 38,["8"] = 3,["9"] = 4,["10"] = 5,["11"] = 5,["12"] = 6,["13"] = 6,["14"] = 7,["15"] = 7,["16"] = 8,["17"] = 8,["18"] = 8,["19"] = 8,["20"] = 9,["21"] = 38,["22"] = 39,["23"] = 40,["24"] = 40,["26"] = 41,["28"] = 11,["30"] = 14,["31"] = 15,["32"] = 14,["35"] = 22,["36"] = 23,["37"] = 23,["39"] = 22,["40"] = 26,["41"] = 27,["42"] = 28,["43"] = 28,["44"] = 28,["45"] = 28,["46"] = 28,["47"] = 28,["48"] = 28,["49"] = 28,["50"] = 28,["51"] = 28,["52"] = 28,["53"] = 26,["55"] = 45,["56"] = 46,["57"] = 47,["60"] = 48,["61"] = 48,["62"] = 48,["63"] = 48,["64"] = 48,["65"] = 48,["66"] = 48,["67"] = 48,["68"] = 49,["69"] = 49,["70"] = 49,["71"] = 49,["72"] = 49,["73"] = 49,["74"] = 49,["75"] = 45,["77"] = 53,["78"] = 54,["79"] = 55,["82"] = 56,["83"] = 57,["84"] = 57,["85"] = 57,["86"] = 57,["87"] = 58,["88"] = 59,["90"] = 61,["91"] = 62,["92"] = 53,["94"] = 66,["95"] = 67,["96"] = 68,["97"] = 66,["99"] = 72,["100"] = 73,["101"] = 74,["104"] = 75,["105"] = 76,["106"] = 76,["107"] = 76,["109"] = 76,["111"] = 76,["112"] = 77,["113"] = 77,["115"] = 78,["116"] = 79,["117"] = 72});
local ____exports = {}
local requireSnapshot
local config = require("config")
local store = require("cluster.snapshot_store")
local ____route = require("core.route")
local candidatesOf = ____route.candidatesOf
local ____snapshot = require("core.snapshot")
local nodeOf = ____snapshot.nodeOf
local ____view = require("health.view")
local downSet = ____view.downSet
local ____cookie = require("router.cookie")
local clearHeader = ____cookie.clearHeader
local fixedNodeOf = ____cookie.fixedNodeOf
local pinHeader = ____cookie.pinHeader
local respond = require("router.respond")
function requireSnapshot()
    local snapshot = store.current()
    if snapshot == nil then
        respond.json(503, {error = "no_cluster_snapshot", message = "the node registry has not been read yet"})
    end
    return snapshot
end
local FIXED_NODE_PATH = "/lb/fixed-node/"
--- Liveness: nginx answers. Never the database's state: a restart would lose the snapshot.
function ____exports.health()
    respond.json(200, {status = "ok"})
end
--- Readiness: the registry was read once. Until then every request would get a 503; afterwards
-- the router routes from its last snapshot whatever the database does, so it stays ready.
function ____exports.ready()
    if requireSnapshot() ~= nil then
        respond.json(200, {status = "ready"})
    end
end
function ____exports.configuration()
    local s = config.get()
    respond.json(
        200,
        {
            environment = s.environment,
            variables = config.effectiveEnvironment(),
            dns = s.dns,
            health = s.health,
            router = s.router,
            cluster = s.cluster
        }
    )
end
--- Node ids and names that would take new work: no addresses on the public listener.
function ____exports.availableNodes()
    local snapshot = requireSnapshot()
    if snapshot == nil then
        return
    end
    local candidates = unpack(
        candidatesOf(
            snapshot,
            downSet(snapshot.nodes)
        ),
        1,
        1
    )
    respond.json(
        200,
        {nodes = respond.list(__TS__ArrayMap(
            candidates,
            function(____, n) return {id = n.id, name = n.name} end
        ))}
    )
end
--- GET /lb/fixed-node/<node_id>: pin this browser to a registered node.
function ____exports.setFixedNode()
    local snapshot = requireSnapshot()
    if snapshot == nil then
        return
    end
    local uri = ngx.var.uri or ""
    local node = nodeOf(
        snapshot,
        __TS__StringSubstring(uri, #FIXED_NODE_PATH)
    )
    if node == nil then
        return respond.json(404, {error = "unknown_node", message = "no registered node has this id"})
    end
    ngx.header["Set-Cookie"] = pinHeader(node.id)
    respond.json(200, {fixedNode = node.id, online = node.online})
end
--- GET /lb/clear-fixed-node: forget the pin; the next request is pinned anew.
function ____exports.clearFixedNode()
    ngx.header["Set-Cookie"] = clearHeader()
    respond.json(200, {fixedNode = nil})
end
--- GET /lb/fixed-node: which node this browser is pinned to, and whether it takes traffic.
function ____exports.fixedNodeStatus()
    local snapshot = requireSnapshot()
    if snapshot == nil then
        return
    end
    local value = fixedNodeOf()
    local ____temp_0
    if value == nil then
        ____temp_0 = nil
    else
        ____temp_0 = nodeOf(snapshot, value)
    end
    local node = ____temp_0
    if node == nil then
        return respond.json(200, {fixedNode = nil, valid = value == nil})
    end
    local down = downSet(snapshot.nodes)
    respond.json(200, {fixedNode = node.id, online = node.online, healthy = down[node.id] ~= true})
end
return ____exports
