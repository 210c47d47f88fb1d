local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["7"] = 40,["8"] = 4,["9"] = 5,["10"] = 6,["11"] = 6,["12"] = 7,["13"] = 7,["14"] = 8,["15"] = 8,["16"] = 9,["17"] = 9,["18"] = 9,["19"] = 9,["20"] = 10,["21"] = 40,["22"] = 41,["23"] = 42,["24"] = 42,["26"] = 43,["28"] = 12,["30"] = 15,["31"] = 16,["32"] = 15,["35"] = 23,["36"] = 24,["37"] = 24,["39"] = 23,["40"] = 27,["41"] = 28,["42"] = 29,["43"] = 29,["44"] = 29,["45"] = 29,["46"] = 29,["47"] = 29,["48"] = 29,["49"] = 29,["50"] = 29,["51"] = 29,["52"] = 29,["53"] = 29,["54"] = 27,["56"] = 47,["57"] = 48,["58"] = 49,["61"] = 50,["62"] = 50,["63"] = 50,["64"] = 50,["65"] = 50,["66"] = 50,["67"] = 50,["68"] = 50,["69"] = 51,["70"] = 51,["71"] = 51,["72"] = 51,["73"] = 51,["74"] = 51,["75"] = 51,["76"] = 47,["78"] = 55,["79"] = 56,["80"] = 57,["83"] = 58,["84"] = 59,["85"] = 59,["86"] = 59,["87"] = 59,["88"] = 60,["89"] = 61,["91"] = 63,["92"] = 64,["93"] = 55,["95"] = 68,["96"] = 69,["97"] = 70,["98"] = 68,["100"] = 74,["101"] = 75,["102"] = 76,["105"] = 77,["106"] = 78,["107"] = 78,["108"] = 78,["110"] = 78,["112"] = 78,["113"] = 79,["114"] = 79,["116"] = 80,["117"] = 81,["118"] = 74});
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
            lookups = s.lookups,
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
