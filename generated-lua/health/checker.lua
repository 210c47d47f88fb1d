local ____lualib = require("lualib_bundle")
local __TS__Delete = ____lualib.__TS__Delete
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ArrayFilter = ____lualib.__TS__ArrayFilter
local __TS__ArraySlice = ____lualib.__TS__ArraySlice
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["9"] = 8,["10"] = 9,["11"] = 10,["12"] = 10,["13"] = 12,["14"] = 12,["15"] = 12,["16"] = 12,["17"] = 13,["18"] = 13,["19"] = 14,["20"] = 14,["21"] = 15,["22"] = 17,["24"] = 19,["26"] = 21,["28"] = 23,["29"] = 24,["32"] = 29,["35"] = 34,["36"] = 36,["37"] = 37,["38"] = 38,["40"] = 40,["42"] = 42,["44"] = 45,["45"] = 46,["46"] = 45,["48"] = 50,["49"] = 51,["50"] = 50,["51"] = 54,["52"] = 55,["53"] = 56,["54"] = 54,["55"] = 59,["56"] = 60,["57"] = 61,["60"] = 63,["61"] = 64,["62"] = 65,["63"] = 66,["64"] = 67,["65"] = 67,["67"] = 68,["68"] = 68,["69"] = 68,["70"] = 68,["71"] = 69,["72"] = 69,["73"] = 69,["74"] = 69,["75"] = 69,["76"] = 59,["78"] = 73,["79"] = 74,["80"] = 74,["81"] = 74,["82"] = 74,["83"] = 75,["84"] = 76,["85"] = 77,["86"] = 77,["87"] = 77,["88"] = 77,["89"] = 77,["92"] = 73,["94"] = 82,["95"] = 83,["96"] = 83,["97"] = 83,["98"] = 83,["100"] = 84,["101"] = 84,["102"] = 84,["103"] = 84,["106"] = 82,["110"] = 92,["111"] = 93,["112"] = 94,["113"] = 95,["114"] = 96,["116"] = 97,["119"] = 98,["120"] = 98,["122"] = 99,["123"] = 100,["124"] = 100,["126"] = 101,["127"] = 102,["131"] = 104,["132"] = 104,["134"] = 105,["135"] = 92,["136"] = 108,["137"] = 109,["138"] = 110,["141"] = 113,["142"] = 114,["143"] = 115,["146"] = 116,["147"] = 117,["148"] = 118,["151"] = 121,["152"] = 122,["153"] = 123,["154"] = 124,["155"] = 125,["156"] = 125,["158"] = 126,["159"] = 127,["160"] = 108,["162"] = 131,["163"] = 132,["164"] = 133,["165"] = 134,["166"] = 134,["168"] = 136,["169"] = 136,["170"] = 136,["171"] = 136,["172"] = 131,["174"] = 140,["175"] = 141,["178"] = 142,["179"] = 143,["180"] = 143,["182"] = 140,["186"] = 151,["187"] = 152,["188"] = 152,["189"] = 152,["190"] = 152,["191"] = 152,["192"] = 152,["193"] = 153,["194"] = 153,["195"] = 153,["196"] = 153,["197"] = 153,["198"] = 153,["199"] = 151});
local ____exports = {}
local config = require("config")
local store = require("cluster.snapshot_store")
local ____health = require("core.health")
local probeObservation = ____health.probeObservation
local ____lease = require("lease")
local holdLease = ____lease.holdLease
local leaseHolder = ____lease.leaseHolder
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
--- How often the lease holder looks for urgent requests: a dead node's first failed try is
-- confirmed by a refused connect within this, so its traffic stops well within a second.
local URGENT_STEP_S = 0.1
--- At most one urgent probe per node this often: clients can provoke passive failures at will,
-- and must not turn them into a probe storm against a node.
local URGENT_SPACING_S = 0.5
local nextRoundAt = 0
local rounds = 0
local probing = false
--- Nodes this worker is probing now (round or urgent): an urgent probe waits for these.
local inFlight = {}
--- When this worker last started an urgent probe of each node (ngx.now()).
local lastUrgentAt = {}
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
    state.clearProbeRequest(node.id)
    inFlight[node.id] = true
    local ok, answer = pcall(probe, node.address, h.path, h.timeoutMs)
    __TS__Delete(inFlight, node.id)
    if not ok then
        error(answer, 0)
    end
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
--- Probes `nodes` (at most BATCH) in parallel light threads and waits for all of them.
local function probeBatch(nodes)
    local threads = __TS__ArrayMap(
        nodes,
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
            probeBatch(__TS__ArraySlice(targets, i, i + BATCH))
            i = i + BATCH
        end
    end
end
--- Urgent probes: nodes the passive checks asked about, not being probed already and not
-- probed urgently within URGENT_SPACING_S, at most BATCH at once. A request that has to wait
-- stays set and is served at a later step.
function ____exports.probeUrgent(nodes)
    ngx.update_time()
    local now = ngx.now()
    local due = {}
    for ____, n in ipairs(nodes) do
        do
            if #due >= BATCH then
                break
            end
            if n.address == nil or inFlight[n.id] == true or not state.probeRequested(n.id) then
                goto __continue18
            end
            local last = lastUrgentAt[n.id]
            if last ~= nil and now - last < URGENT_SPACING_S then
                goto __continue18
            end
            lastUrgentAt[n.id] = now
            due[#due + 1] = n
        end
        ::__continue18::
    end
    if #due > 0 then
        probeBatch(due)
    end
    return due
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
--- The urgent loop follows the lease the round loop holds; it never takes it.
local function urgentStep()
    if leaseHolder(____exports.LEASE) ~= ngx.worker.pid() then
        return
    end
    local snapshot = store.current()
    if snapshot ~= nil then
        ____exports.probeUrgent(snapshot.nodes)
    end
end
--- init_worker: every worker runs both loops; only the lease holder probes. Urgent probes have
-- their own loop so that a round slowed by hanging nodes (up to one timeout per batch) does
-- not hold them up.
function ____exports.start()
    runLoop(
        "health prober",
        stepSeconds,
        step,
        function() return releaseLease(____exports.LEASE) end
    )
    runLoop(
        "health urgent probes",
        function() return URGENT_STEP_S end,
        urgentStep,
        function() return nil end
    )
end
return ____exports
