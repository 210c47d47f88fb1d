local ____lualib = require("lualib_bundle")
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 4,["9"] = 4,["10"] = 4,["11"] = 5,["12"] = 5,["13"] = 5,["15"] = 67,["16"] = 68,["17"] = 68,["18"] = 68,["20"] = 68,["22"] = 68,["23"] = 69,["24"] = 67,["28"] = 77,["29"] = 78,["30"] = 79,["31"] = 77,["33"] = 83,["34"] = 84,["35"] = 85,["36"] = 85,["37"] = 85,["40"] = 86,["41"] = 83,["43"] = 90,["44"] = 91,["45"] = 92,["46"] = 93,["48"] = 95,["49"] = 96,["50"] = 96,["52"] = 97,["53"] = 98,["54"] = 90,["56"] = 110,["57"] = 111,["58"] = 111,["59"] = 111,["60"] = 111,["61"] = 111,["62"] = 111,["63"] = 111,["64"] = 110,["65"] = 114,["66"] = 114,["67"] = 114,["69"] = 115,["70"] = 116,["71"] = 117,["73"] = 119,["74"] = 119,["76"] = 120,["77"] = 120,["78"] = 120,["79"] = 120,["80"] = 120,["81"] = 120,["82"] = 120,["83"] = 120,["84"] = 120,["85"] = 120,["86"] = 130,["87"] = 131,["91"] = 133,["92"] = 133,["93"] = 133,["94"] = 133,["95"] = 135,["96"] = 136,["97"] = 137,["98"] = 138,["99"] = 139,["100"] = 140,["101"] = 141,["102"] = 141,["104"] = 142,["105"] = 143,["106"] = 143,["108"] = 144,["110"] = 146,["111"] = 147,["112"] = 148,["113"] = 149,["114"] = 150,["116"] = 152,["117"] = 152,["118"] = 152,["119"] = 152,["120"] = 152,["121"] = 152,["122"] = 152,["123"] = 152,["124"] = 152,["125"] = 114});
local ____exports = {}
local ____node_id = require("core.node_id")
local isValidNodeId = ____node_id.isValidNodeId
local nodeIndex = ____node_id.nodeIndex
local ____host = require("core.host")
local buildNodeHost = ____host.buildNodeHost
local parseHostPort = ____host.parseHostPort
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
function ____exports.buildSnapshot(nodeRows, monitorRows, setupComplete, rules, awayRows)
    if awayRows == nil then
        awayRows = {}
    end
    local nodeById = {}
    local nodes = {}
    for ____, row in ipairs(nodeRows) do
        do
            if not isValidNodeId(row.node_id) then
                goto __continue14
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
        ::__continue14::
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
