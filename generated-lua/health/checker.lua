local ____lualib = require("lualib_bundle")
local __TS__Delete = ____lualib.__TS__Delete
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ArrayFilter = ____lualib.__TS__ArrayFilter
local __TS__ArraySlice = ____lualib.__TS__ArraySlice
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["9"] = 8,["10"] = 9,["11"] = 10,["12"] = 10,["13"] = 12,["14"] = 12,["15"] = 12,["16"] = 12,["17"] = 13,["18"] = 13,["19"] = 14,["20"] = 14,["21"] = 15,["22"] = 17,["24"] = 19,["26"] = 21,["28"] = 23,["30"] = 25,["31"] = 26,["34"] = 31,["37"] = 36,["38"] = 38,["40"] = 40,["41"] = 41,["42"] = 42,["44"] = 44,["46"] = 46,["48"] = 49,["49"] = 50,["50"] = 49,["52"] = 54,["53"] = 55,["54"] = 54,["55"] = 58,["56"] = 59,["57"] = 60,["58"] = 58,["59"] = 63,["60"] = 64,["61"] = 65,["64"] = 67,["65"] = 68,["66"] = 69,["67"] = 70,["68"] = 71,["69"] = 71,["71"] = 72,["72"] = 72,["73"] = 72,["74"] = 72,["75"] = 73,["76"] = 73,["77"] = 73,["78"] = 73,["79"] = 73,["80"] = 63,["82"] = 77,["83"] = 78,["84"] = 77,["86"] = 82,["87"] = 83,["88"] = 83,["89"] = 83,["90"] = 83,["91"] = 84,["92"] = 85,["93"] = 86,["94"] = 86,["95"] = 86,["96"] = 86,["97"] = 86,["100"] = 82,["102"] = 91,["103"] = 92,["104"] = 92,["105"] = 92,["106"] = 92,["108"] = 93,["109"] = 93,["110"] = 93,["111"] = 93,["114"] = 91,["118"] = 101,["119"] = 102,["120"] = 103,["121"] = 104,["122"] = 105,["124"] = 106,["127"] = 107,["128"] = 107,["130"] = 108,["131"] = 109,["132"] = 109,["134"] = 110,["135"] = 111,["139"] = 113,["140"] = 113,["142"] = 114,["143"] = 101,["144"] = 117,["145"] = 118,["146"] = 119,["147"] = 120,["150"] = 123,["151"] = 124,["152"] = 125,["155"] = 126,["156"] = 127,["157"] = 128,["158"] = 129,["161"] = 132,["162"] = 133,["163"] = 134,["164"] = 135,["165"] = 136,["166"] = 136,["168"] = 137,["169"] = 138,["170"] = 117,["172"] = 142,["173"] = 143,["174"] = 144,["175"] = 145,["176"] = 145,["178"] = 147,["179"] = 147,["180"] = 147,["181"] = 147,["182"] = 142,["184"] = 151,["185"] = 152,["188"] = 153,["189"] = 154,["190"] = 154,["192"] = 151,["196"] = 162,["197"] = 163,["198"] = 163,["199"] = 163,["200"] = 163,["201"] = 163,["202"] = 163,["203"] = 164,["204"] = 164,["205"] = 164,["206"] = 164,["207"] = 164,["208"] = 164,["209"] = 162});
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
--- A node this router manages and can address: another world's names may not resolve here.
local function isProbed(n)
    return n.address ~= nil and not n.foreign
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
        function(____, n) return isProbed(n) end
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
            if not isProbed(n) or inFlight[n.id] == true or not state.probeRequested(n.id) then
                goto __continue19
            end
            local last = lastUrgentAt[n.id]
            if last ~= nil and now - last < URGENT_SPACING_S then
                goto __continue19
            end
            lastUrgentAt[n.id] = now
            due[#due + 1] = n
        end
        ::__continue19::
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
    state.prune(snapshot.nodeById)
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
