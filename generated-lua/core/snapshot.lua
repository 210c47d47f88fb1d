local ____lualib = require("lualib_bundle")
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 4,["9"] = 4,["10"] = 4,["11"] = 5,["12"] = 5,["13"] = 5,["14"] = 6,["15"] = 6,["17"] = 96,["18"] = 97,["19"] = 98,["20"] = 99,["22"] = 101,["23"] = 102,["24"] = 102,["26"] = 103,["27"] = 104,["28"] = 96,["29"] = 138,["30"] = 143,["31"] = 143,["33"] = 144,["34"] = 144,["36"] = 146,["37"] = 147,["38"] = 148,["40"] = 150,["41"] = 150,["43"] = 151,["44"] = 151,["45"] = 151,["46"] = 151,["47"] = 151,["48"] = 151,["49"] = 151,["50"] = 151,["51"] = 151,["52"] = 151,["53"] = 151,["54"] = 162,["55"] = 163,["59"] = 165,["60"] = 165,["61"] = 165,["62"] = 165,["63"] = 167,["64"] = 168,["65"] = 169,["66"] = 170,["67"] = 171,["68"] = 172,["69"] = 173,["70"] = 173,["72"] = 174,["73"] = 175,["74"] = 175,["76"] = 176,["78"] = 178,["79"] = 179,["80"] = 180,["81"] = 181,["82"] = 182,["84"] = 184,["85"] = 184,["86"] = 184,["87"] = 184,["88"] = 184,["89"] = 184,["90"] = 184,["91"] = 184,["92"] = 184,["93"] = 138,["95"] = 73,["96"] = 74,["97"] = 74,["98"] = 74,["100"] = 74,["102"] = 74,["103"] = 75,["104"] = 73,["108"] = 83,["109"] = 84,["110"] = 85,["111"] = 83,["113"] = 89,["114"] = 90,["115"] = 91,["116"] = 91,["117"] = 91,["120"] = 92,["121"] = 89,["123"] = 108,["125"] = 119,["126"] = 120,["127"] = 120,["128"] = 120,["129"] = 120,["130"] = 120,["131"] = 120,["132"] = 120,["133"] = 119,["136"] = 127,["137"] = 127,["138"] = 127,["140"] = 128,["141"] = 128,["142"] = 128,["143"] = 128,["144"] = 128,["145"] = 128,["146"] = 128,["147"] = 128,["148"] = 128,["149"] = 129,["150"] = 130,["151"] = 130,["153"] = 131,["154"] = 132,["155"] = 133,["156"] = 133,["159"] = 135,["160"] = 127});
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
