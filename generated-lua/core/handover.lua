local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 34,["7"] = 37,["10"] = 43,["11"] = 44,["12"] = 44,["14"] = 45,["15"] = 47,["16"] = 48,["17"] = 49,["18"] = 49,["19"] = 49,["21"] = 49,["23"] = 50,["24"] = 50,["25"] = 50,["27"] = 50,["29"] = 46,["30"] = 52,["31"] = 52,["32"] = 52,["33"] = 52,["34"] = 52,["35"] = 52,["37"] = 53,["38"] = 54,["40"] = 55,["41"] = 56,["43"] = 57,["44"] = 43,["46"] = 61,["47"] = 62,["48"] = 63,["49"] = 63,["51"] = 64,["52"] = 61,["54"] = 68,["55"] = 69,["56"] = 70,["57"] = 68});
local ____exports = {}
____exports.NO_AGENT = "no kuma-cluster-node agent seen"
--- An agent is current while it was seen within this many of its heartbeats.
____exports.AGENT_HEARTBEATS = 3
--- The node's hand-over: the agent's word while it is current (seen within AGENT_HEARTBEATS
-- heartbeats), else the timer. `sinceReadS` is how long ago the row was read.
function ____exports.handoverOf(row, sinceReadS, heartbeatS)
    if row == nil then
        return {mode = "timer", reason = ____exports.NO_AGENT}
    end
    local seenAgeS = math.max(0, row.seen_age) + sinceReadS
    local ____row_agent_version_2 = row.agent_version
    local ____seenAgeS_3 = seenAgeS
    local ____temp_0
    if row.reconcile_age < 0 then
        ____temp_0 = nil
    else
        ____temp_0 = row.reconcile_age + sinceReadS
    end
    local ____temp_1
    if row.reconcile_ms < 0 then
        ____temp_1 = nil
    else
        ____temp_1 = row.reconcile_ms
    end
    local agent = {version = ____row_agent_version_2, seenAgeS = ____seenAgeS_3, lastReconcileAgeS = ____temp_0, lastReconcileMs = ____temp_1}
    if seenAgeS > ____exports.AGENT_HEARTBEATS * heartbeatS then
        return {
            mode = "timer",
            reason = ((____exports.NO_AGENT .. " for ") .. tostring(math.floor(seenAgeS))) .. " s",
            agent = agent
        }
    end
    if row.handover == "trigger" then
        return {mode = "trigger", reason = row.detail ~= "" and row.detail or "the agent triggers the node's reconcile", agent = agent}
    end
    if row.handover == "timer" then
        return {mode = "timer", reason = row.detail ~= "" and row.detail or "the agent cannot trigger the node's reconcile", agent = agent}
    end
    return {mode = "timer", reason = "unknown hand-over mode " .. row.handover, agent = agent}
end
--- node id -> its row.
function ____exports.agentsByNode(rows)
    local out = {}
    for ____, r in ipairs(rows) do
        out[r.node_id] = r
    end
    return out
end
--- The node's row, if any (a node id such as "constructor" finds nothing but its own row in JS).
function ____exports.agentOf(byNode, nodeId)
    local r = byNode[nodeId]
    return r ~= nil and r.node_id == nodeId and r or nil
end
return ____exports
