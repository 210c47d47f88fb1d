local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["7"] = 39,["8"] = 4,["9"] = 5,["10"] = 6,["11"] = 6,["12"] = 7,["13"] = 7,["14"] = 8,["15"] = 8,["16"] = 9,["17"] = 9,["18"] = 9,["19"] = 9,["20"] = 10,["21"] = 39,["22"] = 40,["23"] = 41,["24"] = 41,["26"] = 42,["28"] = 12,["30"] = 15,["31"] = 16,["32"] = 15,["35"] = 23,["36"] = 24,["37"] = 24,["39"] = 23,["40"] = 27,["41"] = 28,["42"] = 29,["43"] = 29,["44"] = 29,["45"] = 29,["46"] = 29,["47"] = 29,["48"] = 29,["49"] = 29,["50"] = 29,["51"] = 29,["52"] = 29,["53"] = 27,["55"] = 46,["56"] = 47,["57"] = 48,["60"] = 49,["61"] = 49,["62"] = 49,["63"] = 49,["64"] = 49,["65"] = 49,["66"] = 49,["67"] = 49,["68"] = 50,["69"] = 50,["70"] = 50,["71"] = 50,["72"] = 50,["73"] = 50,["74"] = 50,["75"] = 46,["77"] = 54,["78"] = 55,["79"] = 56,["82"] = 57,["83"] = 58,["84"] = 58,["85"] = 58,["86"] = 58,["87"] = 59,["88"] = 60,["90"] = 62,["91"] = 63,["92"] = 54,["94"] = 67,["95"] = 68,["96"] = 69,["97"] = 67,["99"] = 73,["100"] = 74,["101"] = 75,["104"] = 76,["105"] = 77,["106"] = 77,["107"] = 77,["109"] = 77,["111"] = 77,["112"] = 78,["113"] = 78,["115"] = 79,["116"] = 80,["117"] = 73});
local ____exports = {}
local requireSnapshot
local config = require("runtime.config")
local store = require("cluster.snapshot_store")
local ____route = require("core.route")
local candidatesOf = ____route.candidatesOf
local ____snapshot = require("core.snapshot")
local nodeOf = ____snapshot.nodeOf
local ____verdicts = require("health.verdicts")
local downSet = ____verdicts.downSet
local ____cookie = require("request.cookie")
local clearHeader = ____cookie.clearHeader
local fixedNodeOf = ____cookie.fixedNodeOf
local pinHeader = ____cookie.pinHeader
local respond = require("runtime.respond")
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
