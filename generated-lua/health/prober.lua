local ____lualib = require("lualib_bundle")
local __TS__Delete = ____lualib.__TS__Delete
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ArrayFilter = ____lualib.__TS__ArrayFilter
local __TS__ArraySlice = ____lualib.__TS__ArraySlice
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["9"] = 8,["10"] = 9,["11"] = 10,["12"] = 10,["13"] = 12,["14"] = 12,["15"] = 13,["16"] = 13,["17"] = 13,["18"] = 13,["19"] = 14,["20"] = 14,["21"] = 15,["22"] = 15,["23"] = 16,["24"] = 18,["26"] = 20,["28"] = 22,["30"] = 24,["32"] = 26,["33"] = 27,["36"] = 32,["39"] = 37,["40"] = 39,["42"] = 41,["43"] = 42,["44"] = 43,["46"] = 45,["48"] = 47,["50"] = 50,["51"] = 51,["52"] = 50,["54"] = 55,["55"] = 56,["56"] = 55,["57"] = 59,["58"] = 60,["59"] = 61,["60"] = 59,["61"] = 64,["62"] = 65,["63"] = 66,["66"] = 68,["67"] = 69,["68"] = 70,["69"] = 71,["70"] = 72,["71"] = 72,["73"] = 73,["74"] = 73,["75"] = 73,["76"] = 73,["77"] = 74,["78"] = 74,["79"] = 74,["80"] = 74,["81"] = 74,["82"] = 64,["84"] = 78,["85"] = 79,["86"] = 79,["87"] = 79,["88"] = 79,["89"] = 80,["90"] = 81,["91"] = 82,["92"] = 82,["93"] = 82,["94"] = 82,["95"] = 82,["98"] = 78,["100"] = 87,["101"] = 88,["102"] = 88,["103"] = 88,["104"] = 88,["106"] = 89,["107"] = 89,["108"] = 89,["109"] = 89,["112"] = 87,["116"] = 97,["117"] = 98,["118"] = 99,["119"] = 100,["120"] = 101,["122"] = 102,["125"] = 103,["126"] = 103,["128"] = 104,["129"] = 105,["130"] = 105,["132"] = 106,["133"] = 107,["137"] = 109,["138"] = 109,["140"] = 110,["141"] = 97,["142"] = 113,["143"] = 114,["144"] = 115,["145"] = 116,["148"] = 119,["149"] = 120,["150"] = 121,["153"] = 122,["154"] = 123,["155"] = 124,["156"] = 125,["159"] = 128,["160"] = 129,["161"] = 130,["162"] = 131,["163"] = 132,["164"] = 132,["166"] = 133,["167"] = 134,["168"] = 113,["170"] = 138,["171"] = 139,["172"] = 140,["173"] = 141,["174"] = 141,["176"] = 143,["177"] = 143,["178"] = 143,["179"] = 143,["180"] = 138,["182"] = 147,["183"] = 148,["186"] = 149,["187"] = 150,["188"] = 150,["190"] = 147,["194"] = 158,["195"] = 159,["196"] = 159,["197"] = 159,["198"] = 159,["199"] = 159,["200"] = 159,["201"] = 160,["202"] = 160,["203"] = 160,["204"] = 160,["205"] = 160,["206"] = 160,["207"] = 158});
local ____exports = {}
local config = require("runtime.config")
local store = require("cluster.snapshot_store")
local ____health = require("core.health")
local probeObservation = ____health.probeObservation
local ____dicts = require("runtime.dicts")
local KEYS = ____dicts.KEYS
local ____lease = require("runtime.lease")
local holdLease = ____lease.holdLease
local leaseHolder = ____lease.leaseHolder
local releaseLease = ____lease.releaseLease
local ____loop = require("runtime.loop")
local runLoop = ____loop.runLoop
local ____probe = require("health.probe")
local probe = ____probe.probe
local verdicts = require("health.verdicts")
____exports.LEASE = KEYS.locks.proberLease
--- Renewed every writer step (0.1 s) and prober step: a dead worker is replaced this fast.
____exports.LEASE_TTL_S = 5
--- Probes in flight at once: a handful of hanging nodes cannot starve the others.
local BATCH = 8
--- How often a worker without the lease checks whether the holder died.
local MAX_STEP_S = 0.5
--- How often the lease holder looks for the first snapshot: the first round follows the first sync.
local SNAPSHOT_WAIT_S = 0.05
local MIN_STEP_S = 0.005
--- How often the lease holder looks for urgent requests: a dead node's first failed try is
-- confirmed by a refused connect within this, so its traffic stops well within a second.
local URGENT_STEP_S = 0.1
--- At most one urgent probe per node this often: clients can provoke passive failures at will,
-- and must not turn them into a probe storm against a node.
local URGENT_SPACING_S = 0.5
local nextRoundAt = 0
--- The lease holder has no snapshot yet to probe from.
local awaitingSnapshot = false
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
    verdicts.clearProbeRequest(node.id)
    inFlight[node.id] = true
    local ok, answer = pcall(probe, node.address, h.path, h.timeoutMs)
    __TS__Delete(inFlight, node.id)
    if not ok then
        error(answer, 0)
    end
    verdicts.setLastProbe(
        node.id,
        describe(answer)
    )
    verdicts.record(
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
            if n.address == nil or inFlight[n.id] == true or not verdicts.probeRequested(n.id) then
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
        awaitingSnapshot = false
        return
    end
    ngx.update_time()
    local now = ngx.now()
    if now < nextRoundAt then
        return
    end
    local snapshot = store.current()
    awaitingSnapshot = snapshot == nil
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
    verdicts.prune(snapshot.nodeById)
    rounds = rounds + 1
end
--- Until the next round is due, at most MAX_STEP_S (rounds start on time, not on a grid).
local function stepSeconds()
    ngx.update_time()
    local wait = nextRoundAt - ngx.now()
    if nextRoundAt == 0 then
        return awaitingSnapshot and SNAPSHOT_WAIT_S or MAX_STEP_S
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
