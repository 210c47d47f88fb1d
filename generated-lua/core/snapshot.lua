local ____lualib = require("lualib_bundle")
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 4,["9"] = 4,["10"] = 4,["11"] = 5,["12"] = 5,["13"] = 5,["15"] = 90,["16"] = 91,["17"] = 92,["18"] = 93,["20"] = 95,["21"] = 96,["22"] = 96,["24"] = 97,["25"] = 98,["26"] = 90,["27"] = 129,["28"] = 129,["29"] = 129,["31"] = 130,["32"] = 131,["33"] = 132,["35"] = 134,["36"] = 134,["38"] = 135,["39"] = 135,["40"] = 135,["41"] = 135,["42"] = 135,["43"] = 135,["44"] = 135,["45"] = 135,["46"] = 135,["47"] = 135,["48"] = 145,["49"] = 146,["53"] = 148,["54"] = 148,["55"] = 148,["56"] = 148,["57"] = 150,["58"] = 151,["59"] = 152,["60"] = 153,["61"] = 154,["62"] = 155,["63"] = 156,["64"] = 156,["66"] = 157,["67"] = 158,["68"] = 158,["70"] = 159,["72"] = 161,["73"] = 162,["74"] = 163,["75"] = 164,["76"] = 165,["78"] = 167,["79"] = 167,["80"] = 167,["81"] = 167,["82"] = 167,["83"] = 167,["84"] = 167,["85"] = 167,["86"] = 167,["87"] = 129,["89"] = 67,["90"] = 68,["91"] = 68,["92"] = 68,["94"] = 68,["96"] = 68,["97"] = 69,["98"] = 67,["102"] = 77,["103"] = 78,["104"] = 79,["105"] = 77,["107"] = 83,["108"] = 84,["109"] = 85,["110"] = 85,["111"] = 85,["114"] = 86,["115"] = 83,["117"] = 110,["118"] = 111,["119"] = 111,["120"] = 111,["121"] = 111,["122"] = 111,["123"] = 111,["124"] = 111,["125"] = 110,["128"] = 118,["129"] = 119,["130"] = 119,["131"] = 120,["132"] = 121,["133"] = 121,["135"] = 122,["136"] = 123,["137"] = 124,["138"] = 124,["141"] = 126,["142"] = 118});
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
                owned = 0
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
