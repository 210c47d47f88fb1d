local ____lualib = require("lualib_bundle")
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 4,["7"] = 4,["8"] = 4,["9"] = 5,["10"] = 5,["11"] = 5,["13"] = 50,["14"] = 51,["15"] = 52,["16"] = 53,["18"] = 55,["19"] = 56,["20"] = 56,["22"] = 57,["23"] = 58,["24"] = 50,["25"] = 61,["26"] = 62,["27"] = 63,["28"] = 64,["30"] = 66,["31"] = 66,["33"] = 67,["34"] = 67,["35"] = 67,["36"] = 67,["37"] = 67,["38"] = 67,["39"] = 67,["40"] = 67,["41"] = 67,["42"] = 67,["43"] = 77,["44"] = 78,["48"] = 80,["49"] = 80,["50"] = 80,["51"] = 80,["52"] = 82,["53"] = 83,["54"] = 84,["55"] = 85,["56"] = 86,["57"] = 87,["58"] = 88,["59"] = 88,["61"] = 89,["62"] = 90,["63"] = 90,["65"] = 91,["67"] = 93,["68"] = 93,["69"] = 93,["70"] = 93,["71"] = 93,["72"] = 93,["73"] = 93,["74"] = 93,["75"] = 61});
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
                goto __continue6
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
        ::__continue6::
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
        nodeById = nodeById,
        ownerOf = ownerOf,
        monitorOfToken = monitorOfToken,
        setupComplete = setupComplete,
        monitorCount = monitorCount
    }
end
return ____exports
