local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 3,["9"] = 4,["10"] = 5,["11"] = 5,["12"] = 6,["13"] = 6,["14"] = 7,["15"] = 7,["16"] = 8,["17"] = 8,["18"] = 9,["19"] = 9,["20"] = 9,["21"] = 9,["22"] = 10,["23"] = 12,["24"] = 14,["25"] = 15,["26"] = 14,["27"] = 18,["28"] = 19,["29"] = 20,["30"] = 20,["31"] = 20,["32"] = 20,["33"] = 20,["34"] = 20,["35"] = 20,["36"] = 20,["37"] = 20,["38"] = 20,["39"] = 20,["40"] = 18,["41"] = 30,["42"] = 31,["43"] = 32,["44"] = 32,["46"] = 33,["47"] = 30,["49"] = 37,["50"] = 38,["51"] = 39,["54"] = 40,["55"] = 40,["56"] = 40,["57"] = 40,["58"] = 40,["59"] = 40,["60"] = 40,["61"] = 40,["62"] = 41,["63"] = 41,["64"] = 41,["65"] = 41,["66"] = 41,["67"] = 41,["68"] = 41,["69"] = 37,["71"] = 45,["72"] = 46,["73"] = 47,["76"] = 48,["77"] = 49,["78"] = 49,["79"] = 49,["80"] = 49,["81"] = 50,["82"] = 51,["84"] = 53,["85"] = 54,["86"] = 45,["88"] = 58,["89"] = 59,["90"] = 60,["91"] = 58,["93"] = 64,["94"] = 65,["95"] = 66,["98"] = 67,["99"] = 68,["100"] = 68,["101"] = 68,["103"] = 68,["105"] = 68,["106"] = 69,["107"] = 69,["109"] = 70,["110"] = 71,["111"] = 64,["113"] = 75,["114"] = 76,["115"] = 77,["116"] = 78,["117"] = 79,["118"] = 80,["119"] = 80,["120"] = 80,["121"] = 80,["122"] = 80,["123"] = 80,["124"] = 84,["125"] = 84,["126"] = 84,["127"] = 85,["128"] = 86,["129"] = 87,["130"] = 87,["131"] = 87,["133"] = 87,["135"] = 84,["136"] = 84,["137"] = 84,["138"] = 84,["139"] = 84,["140"] = 84,["141"] = 84,["142"] = 84,["143"] = 84,["144"] = 84,["145"] = 84,["146"] = 84,["147"] = 80,["148"] = 80,["149"] = 80,["150"] = 75});
local ____exports = {}
local config = require("config")
local store = require("cluster.snapshot_store")
local ____route = require("core.route")
local candidatesOf = ____route.candidatesOf
local ____snapshot = require("core.snapshot")
local nodeOf = ____snapshot.nodeOf
local ____view = require("health.view")
local downSet = ____view.downSet
local ____status = require("health.status")
local healthDetails = ____status.details
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
            checks = healthDetails(nodes),
            nodes = respond.list(__TS__ArrayMap(
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
            ))
        }
    )
end
return ____exports
