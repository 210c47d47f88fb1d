local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["7"] = 3,["8"] = 4,["9"] = 5,["10"] = 5,["11"] = 6,["12"] = 6,["13"] = 7,["14"] = 7,["15"] = 8,["16"] = 8,["17"] = 8,["18"] = 8,["19"] = 9,["20"] = 11,["21"] = 13,["22"] = 14,["23"] = 13,["24"] = 17,["25"] = 18,["26"] = 19,["27"] = 19,["28"] = 19,["29"] = 19,["30"] = 19,["31"] = 19,["32"] = 19,["33"] = 19,["34"] = 19,["35"] = 19,["36"] = 19,["37"] = 17,["38"] = 29,["39"] = 30,["40"] = 31,["41"] = 31,["43"] = 32,["44"] = 29,["46"] = 36,["47"] = 37,["48"] = 38,["51"] = 39,["52"] = 39,["53"] = 39,["54"] = 39,["55"] = 39,["56"] = 39,["57"] = 39,["58"] = 39,["59"] = 40,["60"] = 40,["61"] = 40,["62"] = 40,["63"] = 40,["64"] = 40,["65"] = 40,["66"] = 36,["68"] = 44,["69"] = 45,["70"] = 46,["73"] = 47,["74"] = 48,["75"] = 48,["76"] = 48,["77"] = 48,["78"] = 49,["79"] = 50,["81"] = 52,["82"] = 53,["83"] = 44,["85"] = 57,["86"] = 58,["87"] = 59,["88"] = 57,["90"] = 63,["91"] = 64,["92"] = 65,["95"] = 66,["96"] = 67,["97"] = 67,["98"] = 67,["100"] = 67,["102"] = 67,["103"] = 68,["104"] = 68,["106"] = 69,["107"] = 70,["108"] = 63});
local ____exports = {}
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
local FIXED_NODE_PATH = "/lb/fixed-node/"
function ____exports.health()
    respond.json(200, {status = "ok"})
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
local function requireSnapshot()
    local snapshot = store.current()
    if snapshot == nil then
        respond.json(503, {error = "no_cluster_snapshot", message = "the node registry has not been read yet"})
    end
    return snapshot
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
