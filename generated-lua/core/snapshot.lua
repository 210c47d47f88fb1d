local ____lualib = require("lualib_bundle")
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 4,["9"] = 4,["10"] = 4,["11"] = 5,["12"] = 5,["13"] = 5,["14"] = 6,["15"] = 6,["17"] = 75,["18"] = 76,["19"] = 76,["20"] = 76,["22"] = 76,["24"] = 76,["25"] = 77,["26"] = 75,["30"] = 85,["31"] = 86,["32"] = 87,["33"] = 85,["35"] = 91,["36"] = 92,["37"] = 93,["38"] = 93,["39"] = 93,["42"] = 94,["43"] = 91,["45"] = 98,["46"] = 99,["47"] = 100,["48"] = 101,["50"] = 103,["51"] = 104,["52"] = 104,["54"] = 105,["55"] = 106,["56"] = 98,["58"] = 110,["60"] = 112,["61"] = 113,["62"] = 114,["63"] = 114,["65"] = 115,["66"] = 115,["67"] = 115,["70"] = 116,["71"] = 112,["73"] = 128,["74"] = 129,["75"] = 129,["76"] = 129,["77"] = 129,["78"] = 129,["79"] = 129,["80"] = 129,["81"] = 128,["82"] = 132,["83"] = 137,["84"] = 137,["86"] = 138,["87"] = 138,["89"] = 140,["90"] = 141,["91"] = 142,["93"] = 144,["94"] = 144,["96"] = 145,["97"] = 145,["98"] = 145,["99"] = 145,["100"] = 145,["101"] = 145,["102"] = 145,["103"] = 145,["104"] = 145,["105"] = 145,["106"] = 145,["107"] = 156,["108"] = 157,["112"] = 159,["113"] = 159,["114"] = 159,["115"] = 159,["116"] = 161,["117"] = 162,["118"] = 163,["119"] = 164,["120"] = 165,["121"] = 166,["122"] = 167,["123"] = 167,["125"] = 168,["126"] = 169,["127"] = 169,["129"] = 170,["131"] = 172,["132"] = 173,["133"] = 174,["134"] = 175,["135"] = 176,["137"] = 178,["138"] = 178,["139"] = 178,["140"] = 178,["141"] = 178,["142"] = 178,["143"] = 178,["144"] = 178,["145"] = 178,["146"] = 132});
local ____exports = {}
local ____node_id = require("core.node_id")
local isValidNodeId = ____node_id.isValidNodeId
local nodeIndex = ____node_id.nodeIndex
local ____host = require("core.host")
local buildNodeHost = ____host.buildNodeHost
local parseHostPort = ____host.parseHostPort
local ____world = require("core.world")
local isManaged = ____world.isManaged
--- Monitors the router moved away from the node (0 when none; any string is a safe key).
function ____exports.awayFrom(snapshot, id)
    local ____temp_0
    if snapshot.awayFrom == nil then
        ____temp_0 = nil
    else
        ____temp_0 = snapshot.awayFrom[id]
    end
    local n = ____temp_0
    return type(n) == "number" and n or 0
end
--- The node with this id, for ids taken from requests (a cookie, a path). The index holds valid
-- ids only, so any string is a safe key; a key such as "constructor" finds no node's own id in
-- either runtime. No validation loop here: it runs per request (see classifyPath).
function ____exports.nodeOf(snapshot, id)
    local n = snapshot.nodeById[id]
    return n ~= nil and n.id == id and n or nil
end
--- Adds the by-id index (valid node ids only) to a stored (or decoded) snapshot.
function ____exports.indexNodes(stored)
    local nodeById = {}
    for ____, n in ipairs(stored.nodes) do
        if isValidNodeId(n.id) then
            nodeById[n.id] = n
        end
    end
    return __TS__ObjectAssign({}, stored, {nodeById = nodeById})
end
--- The node's address: the registry's host when it parses, else built from the id.
function ____exports.nodeAddress(row, rules)
    if row.host ~= "" then
        local parsed = parseHostPort(row.host, rules.port)
        return parsed.ok and parsed.value or nil
    end
    local built = buildNodeHost(row.node_id, rules)
    if built == nil then
        return nil
    end
    local parsed = parseHostPort(built, rules.port)
    return parsed.ok and parsed.value or nil
end
--- Every node managed: a local router, and callers that know of one world only.
____exports.ALL_NODES = {kind = "all"}
--- Marks the drained nodes (ids from kuma_cluster_drain; ids of no registered node are ignored).
function ____exports.markDrained(nodes, drained)
    local set = {}
    for ____, id in ipairs(drained) do
        set[id] = true
    end
    for ____, n in ipairs(nodes) do
        if set[n.id] == true then
            n.drained = true
        end
    end
    return nodes
end
--- What the stored monitor maps were built from: equal strings, equal maps.
function ____exports.monitorsSource(groups)
    return table.concat(
        __TS__ArrayMap(
            groups,
            function(____, g) return (((g.owner .. "\n") .. tostring(g.monitors)) .. "\n") .. g.digest end
        ),
        "\n\n"
    )
end
function ____exports.buildSnapshot(nodeRows, monitorRows, setupComplete, rules, awayRows, managed)
    if awayRows == nil then
        awayRows = {}
    end
    if managed == nil then
        managed = ____exports.ALL_NODES
    end
    local nodeById = {}
    local nodes = {}
    for ____, row in ipairs(nodeRows) do
        do
            if not isValidNodeId(row.node_id) then
                goto __continue20
            end
            local info = {
                id = row.node_id,
                name = row.node_name,
                address = ____exports.nodeAddress(row, rules),
                online = row.status == "online",
                isPrimary = row.is_primary == 1,
                index = nodeIndex(row.node_id),
                lastSeenAge = row.last_seen_age,
                owned = 0,
                foreign = not isManaged(row.node_id, row.host, managed)
            }
            nodeById[info.id] = info
            nodes[#nodes + 1] = info
        end
        ::__continue20::
    end
    __TS__ArraySort(
        nodes,
        function(____, a, b) return a.id < b.id and -1 or (a.id > b.id and 1 or 0) end
    )
    local ownerOf = {}
    local monitorOfToken = {}
    local monitorCount = 0
    for ____, m in ipairs(monitorRows) do
        local key = tostring(m.id)
        ownerOf[key] = m.owner
        if m.push_token ~= "" then
            monitorOfToken[m.push_token] = key
        end
        local owner = nodeById[m.owner]
        if owner ~= nil then
            owner.owned = owner.owned + 1
        end
        monitorCount = monitorCount + 1
    end
    local awayFrom = {}
    local moved = 0
    for ____, a in ipairs(awayRows) do
        awayFrom[a.node_id] = a.away
        moved = moved + a.away
    end
    return {
        nodes = nodes,
        ownerOf = ownerOf,
        monitorOfToken = monitorOfToken,
        setupComplete = setupComplete,
        monitorCount = monitorCount,
        awayFrom = awayFrom,
        moved = moved
    }
end
return ____exports
