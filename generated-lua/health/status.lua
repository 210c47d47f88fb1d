local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 3,["6"] = 3,["7"] = 4,["8"] = 4,["9"] = 5,["10"] = 6,["11"] = 6,["12"] = 6,["13"] = 26,["14"] = 27,["15"] = 28,["16"] = 29,["17"] = 30,["18"] = 30,["19"] = 30,["20"] = 30,["21"] = 30,["22"] = 30,["24"] = 32,["25"] = 32,["26"] = 32,["27"] = 32,["28"] = 32,["29"] = 32,["30"] = 32,["31"] = 26});
local ____exports = {}
local ____lease = require("runtime.lease")
local leaseHolder = ____lease.leaseHolder
local ____prober = require("health.prober")
local LEASE = ____prober.LEASE
local verdicts = require("health.verdicts")
local ____writer = require("health.writer")
local writerPid = ____writer.writerPid
local writes = ____writer.writes
function ____exports.details(nodes)
    local out = {}
    for ____, n in ipairs(nodes) do
        local h = verdicts.read(n.id)
        out[n.id] = {
            down = (h and h.down) == true,
            successes = h and h.successes or 0,
            failures = h and h.failures or 0,
            lastProbe = verdicts.lastProbe(n.id)
        }
    end
    return {
        prober = leaseHolder(LEASE),
        writer = writerPid() ~= nil,
        writes = writes(),
        pendingWrites = verdicts.pending(),
        nodes = out
    }
end
return ____exports
