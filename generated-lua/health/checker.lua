local ____lualib = require("lualib_bundle")
local __TS__ArrayFilter = ____lualib.__TS__ArrayFilter
local __TS__ArraySlice = ____lualib.__TS__ArraySlice
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 5,["9"] = 6,["10"] = 7,["11"] = 7,["12"] = 9,["13"] = 9,["14"] = 10,["15"] = 10,["16"] = 11,["17"] = 11,["18"] = 12,["19"] = 12,["20"] = 13,["21"] = 15,["23"] = 17,["25"] = 19,["27"] = 21,["28"] = 22,["29"] = 24,["30"] = 25,["31"] = 26,["33"] = 29,["34"] = 30,["35"] = 29,["37"] = 34,["38"] = 35,["39"] = 34,["40"] = 38,["41"] = 39,["42"] = 40,["43"] = 38,["44"] = 43,["45"] = 44,["46"] = 45,["49"] = 46,["50"] = 47,["51"] = 47,["52"] = 47,["53"] = 47,["54"] = 48,["55"] = 48,["56"] = 48,["57"] = 48,["58"] = 48,["59"] = 43,["61"] = 52,["62"] = 53,["63"] = 53,["64"] = 53,["65"] = 53,["67"] = 54,["68"] = 54,["69"] = 55,["70"] = 55,["71"] = 55,["72"] = 55,["73"] = 56,["74"] = 57,["75"] = 58,["76"] = 58,["77"] = 58,["78"] = 58,["79"] = 58,["82"] = 54,["85"] = 52,["86"] = 63,["87"] = 64,["88"] = 65,["91"] = 68,["92"] = 69,["93"] = 70,["96"] = 71,["97"] = 72,["98"] = 73,["101"] = 76,["102"] = 77,["103"] = 78,["104"] = 79,["105"] = 80,["106"] = 80,["108"] = 81,["109"] = 82,["110"] = 63,["112"] = 86,["113"] = 87,["114"] = 88,["115"] = 89,["116"] = 89,["118"] = 91,["119"] = 91,["120"] = 91,["121"] = 91,["122"] = 86,["124"] = 95,["125"] = 96,["126"] = 96,["127"] = 96,["128"] = 96,["129"] = 96,["130"] = 96,["131"] = 95});
local ____exports = {}
local config = require("config")
local store = require("cluster.snapshot_store")
local ____health = require("core.health")
local probeObservation = ____health.probeObservation
local ____lease = require("lease")
local holdLease = ____lease.holdLease
local ____lease = require("lease")
local releaseLease = ____lease.releaseLease
local ____loop = require("health.loop")
local runLoop = ____loop.runLoop
local ____probe = require("health.probe")
local probe = ____probe.probe
local state = require("health.state")
____exports.LEASE = "health-prober"
--- Renewed every writer step (0.1 s) and prober step: a dead worker is replaced this fast.
____exports.LEASE_TTL_S = 5
--- Probes in flight at once: a handful of hanging nodes cannot starve the others.
local BATCH = 8
--- How often a worker without the lease checks whether the holder died.
local MAX_STEP_S = 0.5
local MIN_STEP_S = 0.005
local nextRoundAt = 0
local rounds = 0
local probing = false
--- Probe rounds this worker completed: the writer reconciles after each one.
function ____exports.completedRounds()
    return rounds
end
--- True while a round runs: the writer waits for its transitions to land together.
function ____exports.roundInProgress()
    return probing
end
local function describe(answer)
    local r = answer.result
    return r.kind == "status" and ((tostring(r.status) .. " in ") .. tostring(answer.ms)) .. " ms" or ((r.error .. " after ") .. tostring(answer.ms)) .. " ms"
end
local function probeNode(node)
    local h = config.get().health
    if node.address == nil then
        return
    end
    local answer = probe(node.address, h.path, h.timeoutMs)
    state.setLastProbe(
        node.id,
        describe(answer)
    )
    state.record(
        node.id,
        node.online,
        probeObservation(answer.result, h.healthyStatuses)
    )
end
--- One round: every addressable node, BATCH at a time.
function ____exports.probeAll(nodes)
    local targets = __TS__ArrayFilter(
        nodes,
        function(____, n) return n.address ~= nil end
    )
    do
        local i = 0
        while i < #targets and not ngx.worker.exiting() do
            local threads = __TS__ArrayMap(
                __TS__ArraySlice(targets, i, i + BATCH),
                function(____, n) return ngx.thread.spawn(probeNode, n) end
            )
            for ____, t in ipairs(threads) do
                local ok, err = ngx.thread.wait(t)
                if not ok then
                    ngx.log(
                        ngx.ERR,
                        "health probe failed: " .. tostring(err)
                    )
                end
            end
            i = i + BATCH
        end
    end
end
local function step()
    if not holdLease(____exports.LEASE, ____exports.LEASE_TTL_S) then
        nextRoundAt = 0
        return
    end
    ngx.update_time()
    local now = ngx.now()
    if now < nextRoundAt then
        return
    end
    local snapshot = store.current()
    if snapshot == nil then
        nextRoundAt = 0
        return
    end
    nextRoundAt = now + config.get().health.intervalS
    probing = true
    local ok, err = pcall(____exports.probeAll, snapshot.nodes)
    probing = false
    if not ok then
        error(err, 0)
    end
    state.prune(snapshot.nodeById)
    rounds = rounds + 1
end
--- Until the next round is due, at most MAX_STEP_S (rounds start on time, not on a grid).
local function stepSeconds()
    ngx.update_time()
    local wait = nextRoundAt - ngx.now()
    if nextRoundAt == 0 then
        return MAX_STEP_S
    end
    return math.max(
        MIN_STEP_S,
        math.min(wait, MAX_STEP_S)
    )
end
--- init_worker: every worker runs the loop; only the lease holder probes.
function ____exports.start()
    runLoop(
        "health prober",
        stepSeconds,
        step,
        function() return releaseLease(____exports.LEASE) end
    )
end
return ____exports
