local ____lualib = require("lualib_bundle")
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 4,["9"] = 4,["10"] = 4,["11"] = 5,["12"] = 5,["13"] = 5,["15"] = 71,["16"] = 72,["17"] = 73,["18"] = 74,["20"] = 76,["21"] = 77,["22"] = 77,["24"] = 78,["25"] = 79,["26"] = 71,["27"] = 110,["28"] = 111,["29"] = 112,["30"] = 113,["32"] = 115,["33"] = 115,["35"] = 116,["36"] = 116,["37"] = 116,["38"] = 116,["39"] = 116,["40"] = 116,["41"] = 116,["42"] = 116,["43"] = 116,["44"] = 116,["45"] = 126,["46"] = 127,["50"] = 129,["51"] = 129,["52"] = 129,["53"] = 129,["54"] = 131,["55"] = 132,["56"] = 133,["57"] = 134,["58"] = 135,["59"] = 136,["60"] = 137,["61"] = 137,["63"] = 138,["64"] = 139,["65"] = 139,["67"] = 140,["69"] = 142,["70"] = 142,["71"] = 142,["72"] = 142,["73"] = 142,["74"] = 142,["75"] = 142,["76"] = 110,["80"] = 58,["81"] = 59,["82"] = 60,["83"] = 58,["85"] = 64,["86"] = 65,["87"] = 66,["88"] = 66,["89"] = 66,["92"] = 67,["93"] = 64,["95"] = 91,["96"] = 92,["97"] = 92,["98"] = 92,["99"] = 92,["100"] = 92,["101"] = 92,["102"] = 92,["103"] = 91,["106"] = 99,["107"] = 100,["108"] = 100,["109"] = 101,["110"] = 102,["111"] = 102,["113"] = 103,["114"] = 104,["115"] = 105,["116"] = 105,["119"] = 107,["120"] = 99});
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
function ____exports.buildSnapshot(nodeRows, monitorRows, setupComplete, rules)
    local nodeById = {}
    local nodes = {}
    for ____, row in ipairs(nodeRows) do
        do
            if not isValidNodeId(row.node_id) then
                goto __continue19
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
        ::__continue19::
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
    return {
        nodes = nodes,
        ownerOf = ownerOf,
        monitorOfToken = monitorOfToken,
        setupComplete = setupComplete,
        monitorCount = monitorCount
    }
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
    local ____exports_buildSnapshot_result_0 = ____exports.buildSnapshot(nodeRows, {}, false, rules)
    local nodes = ____exports_buildSnapshot_result_0.nodes
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
