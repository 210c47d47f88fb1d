local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 3,["9"] = 4,["10"] = 5,["11"] = 5,["12"] = 6,["13"] = 6,["14"] = 7,["15"] = 7,["16"] = 8,["17"] = 8,["18"] = 8,["19"] = 8,["20"] = 9,["21"] = 11,["22"] = 13,["23"] = 14,["24"] = 13,["25"] = 17,["26"] = 18,["27"] = 19,["28"] = 19,["29"] = 19,["30"] = 19,["31"] = 19,["32"] = 19,["33"] = 19,["34"] = 19,["35"] = 19,["36"] = 19,["37"] = 19,["38"] = 17,["39"] = 29,["40"] = 30,["41"] = 31,["42"] = 31,["44"] = 32,["45"] = 29,["47"] = 36,["48"] = 37,["49"] = 38,["52"] = 39,["53"] = 39,["54"] = 39,["55"] = 39,["56"] = 39,["57"] = 39,["58"] = 39,["59"] = 39,["60"] = 40,["61"] = 40,["62"] = 40,["63"] = 40,["64"] = 40,["65"] = 40,["66"] = 40,["67"] = 36,["69"] = 44,["70"] = 45,["71"] = 46,["74"] = 47,["75"] = 48,["76"] = 48,["77"] = 48,["78"] = 48,["79"] = 49,["80"] = 50,["82"] = 52,["83"] = 53,["84"] = 44,["86"] = 57,["87"] = 58,["88"] = 59,["89"] = 57,["91"] = 63,["92"] = 64,["93"] = 65,["96"] = 66,["97"] = 67,["98"] = 67,["99"] = 67,["101"] = 67,["103"] = 67,["104"] = 68,["105"] = 68,["107"] = 69,["108"] = 70,["109"] = 63,["111"] = 74,["112"] = 75,["113"] = 76,["114"] = 77,["115"] = 78,["116"] = 79,["117"] = 79,["118"] = 79,["119"] = 79,["120"] = 79,["121"] = 82,["122"] = 82,["123"] = 82,["124"] = 83,["125"] = 84,["126"] = 85,["127"] = 85,["128"] = 85,["130"] = 85,["132"] = 82,["133"] = 82,["134"] = 82,["135"] = 82,["136"] = 82,["137"] = 82,["138"] = 82,["139"] = 82,["140"] = 82,["141"] = 82,["142"] = 82,["143"] = 82,["144"] = 79,["145"] = 79,["146"] = 79,["147"] = 74});
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
        {nodes = __TS__ArrayMap(
            candidates,
            function(____, n) return {id = n.id, name = n.name} end
        )}
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
--- GET /lb/status (internal): nodes, verdicts, owned counts, snapshot version and age.
function ____exports.status()
    local snapshot = store.current()
    local snap = store.status()
    local nodes = snapshot == nil and ({}) or snapshot.nodes
    local down = downSet(nodes)
    respond.json(
        snapshot == nil and 503 or 200,
        {
            environment = config.get().environment,
            snapshot = __TS__ObjectAssign({}, snap, {setupComplete = snapshot and snapshot.setupComplete, monitors = snapshot and snapshot.monitorCount}),
            nodes = __TS__ArrayMap(
                nodes,
                function(____, n)
                    local ____n_id_6 = n.id
                    local ____n_name_7 = n.name
                    local ____temp_5
                    if n.address == nil then
                        ____temp_5 = nil
                    else
                        ____temp_5 = (n.address.host .. ":") .. tostring(n.address.port)
                    end
                    return {
                        id = ____n_id_6,
                        name = ____n_name_7,
                        host = ____temp_5,
                        registry = n.online and "online" or "offline",
                        health = down[n.id] == true and "down" or "up",
                        primary = n.isPrimary,
                        index = n.index,
                        owned = n.owned,
                        lastSeenAgeS = n.lastSeenAge
                    }
                end
            )
        }
    )
end
return ____exports
