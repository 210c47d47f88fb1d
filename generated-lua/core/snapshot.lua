local ____lualib = require("lualib_bundle")
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 4,["9"] = 4,["10"] = 4,["11"] = 5,["12"] = 5,["13"] = 5,["14"] = 6,["15"] = 6,["17"] = 98,["18"] = 99,["19"] = 100,["20"] = 101,["22"] = 103,["23"] = 104,["24"] = 104,["26"] = 105,["27"] = 106,["28"] = 98,["29"] = 147,["30"] = 152,["31"] = 152,["33"] = 153,["34"] = 153,["36"] = 155,["37"] = 156,["38"] = 157,["40"] = 159,["41"] = 159,["43"] = 160,["44"] = 160,["45"] = 160,["46"] = 160,["47"] = 160,["48"] = 160,["49"] = 160,["50"] = 160,["51"] = 160,["52"] = 160,["53"] = 160,["54"] = 171,["55"] = 172,["59"] = 174,["60"] = 174,["61"] = 174,["62"] = 174,["63"] = 176,["64"] = 177,["65"] = 178,["66"] = 179,["67"] = 180,["68"] = 181,["69"] = 182,["70"] = 182,["72"] = 183,["73"] = 184,["74"] = 184,["76"] = 185,["78"] = 187,["79"] = 188,["80"] = 189,["81"] = 190,["82"] = 191,["84"] = 193,["85"] = 193,["86"] = 193,["87"] = 193,["88"] = 193,["89"] = 193,["90"] = 193,["91"] = 193,["92"] = 193,["93"] = 147,["95"] = 75,["96"] = 76,["97"] = 76,["98"] = 76,["100"] = 76,["102"] = 76,["103"] = 77,["104"] = 75,["108"] = 85,["109"] = 86,["110"] = 87,["111"] = 85,["113"] = 91,["114"] = 92,["115"] = 93,["116"] = 93,["117"] = 93,["120"] = 94,["121"] = 91,["123"] = 110,["125"] = 112,["126"] = 113,["127"] = 114,["128"] = 114,["130"] = 115,["131"] = 115,["132"] = 115,["135"] = 116,["136"] = 112,["138"] = 128,["139"] = 129,["140"] = 129,["141"] = 129,["142"] = 129,["143"] = 129,["144"] = 129,["145"] = 129,["146"] = 128,["149"] = 136,["150"] = 136,["151"] = 136,["153"] = 137,["154"] = 137,["155"] = 137,["156"] = 137,["157"] = 137,["158"] = 137,["159"] = 137,["160"] = 137,["161"] = 137,["162"] = 138,["163"] = 139,["164"] = 139,["166"] = 140,["167"] = 141,["168"] = 142,["169"] = 142,["172"] = 144,["173"] = 136});
local ____exports = {}
local ____node_id = require("core.node_id")
local isValidNodeId = ____node_id.isValidNodeId
local nodeIndex = ____node_id.nodeIndex
local ____host = require("core.host")
local buildNodeHost = ____host.buildNodeHost
local parseHostPort = ____host.parseHostPort
local ____world = require("core.world")
local isManaged = ____world.isManaged
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
                goto __continue26
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
        ::__continue26::
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
--- The node list when the monitors did not change: owned counts come from the summary rather
-- than from reading every monitor (the same counts buildSnapshot takes from the rows).
function ____exports.buildNodes(nodeRows, groups, rules, managed)
    if managed == nil then
        managed = ____exports.ALL_NODES
    end
    local ____exports_buildSnapshot_result_1 = ____exports.buildSnapshot(
        nodeRows,
        {},
        false,
        rules,
        {},
        managed
    )
    local nodes = ____exports_buildSnapshot_result_1.nodes
    local byId = {}
    for ____, n in ipairs(nodes) do
        byId[n.id] = n
    end
    for ____, g in ipairs(groups) do
        local owner = byId[g.owner]
        if owner ~= nil then
            owner.owned = g.monitors
        end
    end
    return nodes
end
return ____exports
