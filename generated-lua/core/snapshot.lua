local ____lualib = require("lualib_bundle")
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 4,["9"] = 4,["10"] = 4,["11"] = 5,["12"] = 5,["13"] = 5,["15"] = 92,["16"] = 93,["17"] = 94,["18"] = 95,["20"] = 97,["21"] = 98,["22"] = 98,["24"] = 99,["25"] = 100,["26"] = 92,["27"] = 139,["28"] = 139,["29"] = 139,["31"] = 140,["32"] = 141,["33"] = 142,["35"] = 144,["36"] = 144,["38"] = 145,["39"] = 145,["40"] = 145,["41"] = 145,["42"] = 145,["43"] = 145,["44"] = 145,["45"] = 145,["46"] = 145,["47"] = 145,["48"] = 155,["49"] = 156,["53"] = 158,["54"] = 158,["55"] = 158,["56"] = 158,["57"] = 160,["58"] = 161,["59"] = 162,["60"] = 163,["61"] = 164,["62"] = 165,["63"] = 166,["64"] = 166,["66"] = 167,["67"] = 168,["68"] = 168,["70"] = 169,["72"] = 171,["73"] = 172,["74"] = 173,["75"] = 174,["76"] = 175,["78"] = 177,["79"] = 177,["80"] = 177,["81"] = 177,["82"] = 177,["83"] = 177,["84"] = 177,["85"] = 177,["86"] = 177,["87"] = 139,["89"] = 69,["90"] = 70,["91"] = 70,["92"] = 70,["94"] = 70,["96"] = 70,["97"] = 71,["98"] = 69,["102"] = 79,["103"] = 80,["104"] = 81,["105"] = 79,["107"] = 85,["108"] = 86,["109"] = 87,["110"] = 87,["111"] = 87,["114"] = 88,["115"] = 85,["117"] = 104,["118"] = 105,["119"] = 106,["120"] = 106,["122"] = 107,["123"] = 107,["124"] = 107,["127"] = 108,["128"] = 104,["130"] = 120,["131"] = 121,["132"] = 121,["133"] = 121,["134"] = 121,["135"] = 121,["136"] = 121,["137"] = 121,["138"] = 120,["141"] = 128,["142"] = 129,["143"] = 129,["144"] = 130,["145"] = 131,["146"] = 131,["148"] = 132,["149"] = 133,["150"] = 134,["151"] = 134,["154"] = 136,["155"] = 128});
local ____exports = {}
local ____node_id = require("core.node_id")
local isValidNodeId = ____node_id.isValidNodeId
local nodeIndex = ____node_id.nodeIndex
local ____host = require("core.host")
local buildNodeHost = ____host.buildNodeHost
local parseHostPort = ____host.parseHostPort
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
function ____exports.buildSnapshot(nodeRows, monitorRows, setupComplete, rules, awayRows)
    if awayRows == nil then
        awayRows = {}
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
                owned = 0
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
function ____exports.buildNodes(nodeRows, groups, rules)
    local ____exports_buildSnapshot_result_1 = ____exports.buildSnapshot(nodeRows, {}, false, rules)
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
