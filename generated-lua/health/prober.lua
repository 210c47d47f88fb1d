local ____lualib = require("lualib_bundle")
local __TS__Delete = ____lualib.__TS__Delete
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ArrayFilter = ____lualib.__TS__ArrayFilter
local __TS__ArraySlice = ____lualib.__TS__ArraySlice
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["9"] = 8,["10"] = 9,["11"] = 10,["12"] = 10,["13"] = 10,["14"] = 11,["15"] = 11,["16"] = 13,["17"] = 13,["18"] = 14,["19"] = 14,["20"] = 14,["21"] = 14,["22"] = 15,["23"] = 15,["24"] = 16,["25"] = 16,["26"] = 16,["27"] = 17,["28"] = 19,["30"] = 21,["32"] = 23,["34"] = 25,["36"] = 27,["37"] = 28,["40"] = 33,["43"] = 38,["44"] = 44,["45"] = 52,["46"] = 54,["47"] = 52,["49"] = 58,["50"] = 59,["51"] = 60,["52"] = 60,["53"] = 60,["54"] = 60,["55"] = 58,["56"] = 63,["57"] = 64,["58"] = 65,["59"] = 66,["60"] = 66,["62"] = 67,["63"] = 68,["64"] = 69,["65"] = 70,["66"] = 71,["67"] = 72,["68"] = 72,["69"] = 72,["70"] = 72,["72"] = 74,["73"] = 75,["74"] = 76,["75"] = 77,["76"] = 78,["77"] = 78,["78"] = 78,["79"] = 78,["81"] = 80,["82"] = 81,["83"] = 82,["84"] = 83,["85"] = 83,["86"] = 83,["87"] = 83,["88"] = 83,["90"] = 84,["91"] = 85,["92"] = 63,["94"] = 89,["95"] = 90,["96"] = 91,["97"] = 92,["98"] = 93,["99"] = 94,["100"] = 94,["101"] = 94,["102"] = 94,["103"] = 89,["104"] = 98,["106"] = 100,["107"] = 101,["108"] = 102,["110"] = 104,["112"] = 106,["114"] = 109,["115"] = 110,["116"] = 109,["118"] = 114,["119"] = 115,["120"] = 114,["121"] = 118,["122"] = 119,["123"] = 120,["124"] = 118,["125"] = 123,["126"] = 124,["127"] = 125,["130"] = 127,["131"] = 128,["132"] = 129,["133"] = 130,["134"] = 131,["135"] = 131,["137"] = 132,["138"] = 132,["139"] = 132,["140"] = 132,["141"] = 133,["142"] = 133,["143"] = 133,["144"] = 133,["145"] = 133,["146"] = 123,["148"] = 137,["149"] = 138,["150"] = 138,["151"] = 138,["152"] = 138,["153"] = 139,["154"] = 140,["155"] = 141,["156"] = 141,["157"] = 141,["158"] = 141,["159"] = 141,["162"] = 137,["164"] = 146,["165"] = 147,["166"] = 147,["167"] = 147,["168"] = 147,["170"] = 148,["171"] = 148,["172"] = 148,["173"] = 148,["176"] = 146,["180"] = 156,["181"] = 157,["182"] = 158,["183"] = 159,["184"] = 160,["186"] = 161,["189"] = 162,["190"] = 162,["192"] = 163,["193"] = 164,["194"] = 164,["196"] = 165,["197"] = 166,["201"] = 168,["202"] = 168,["204"] = 169,["205"] = 156,["206"] = 172,["207"] = 173,["208"] = 174,["209"] = 175,["212"] = 178,["213"] = 179,["214"] = 180,["217"] = 181,["218"] = 182,["219"] = 183,["220"] = 184,["223"] = 187,["224"] = 188,["225"] = 189,["226"] = 190,["227"] = 191,["228"] = 191,["230"] = 192,["231"] = 193,["232"] = 172,["234"] = 197,["235"] = 198,["236"] = 199,["237"] = 200,["238"] = 200,["240"] = 202,["241"] = 202,["242"] = 202,["243"] = 202,["244"] = 197,["246"] = 206,["247"] = 207,["250"] = 208,["251"] = 209,["252"] = 209,["254"] = 206,["258"] = 217,["259"] = 218,["260"] = 218,["261"] = 218,["262"] = 218,["263"] = 218,["264"] = 218,["265"] = 219,["266"] = 219,["267"] = 219,["268"] = 219,["269"] = 219,["270"] = 219,["271"] = 217});
local ____exports = {}
local config = require("runtime.config")
local store = require("cluster.snapshot_store")
local ____health = require("core.health")
local parseStatusLine = ____health.parseStatusLine
local probeObservation = ____health.probeObservation
local ____host = require("core.host")
local formatHostPort = ____host.formatHostPort
local ____dicts = require("runtime.dicts")
local KEYS = ____dicts.KEYS
local ____lease = require("runtime.lease")
local holdLease = ____lease.holdLease
local leaseHolder = ____lease.leaseHolder
local releaseLease = ____lease.releaseLease
local ____loop = require("runtime.loop")
local runLoop = ____loop.runLoop
local ____resolve = require("dns.resolve")
local forget = ____resolve.forget
local resolve = ____resolve.resolve
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
local USER_AGENT = "kuma-cluster-router/health"
local function request(path, address)
    return ((((("GET " .. path) .. " HTTP/1.1\r\nHost: ") .. formatHostPort(address)) .. "\r\nUser-Agent: ") .. USER_AGENT) .. "\r\nAccept: */*\r\nConnection: close\r\n\r\n"
end
--- Milliseconds left before the deadline (at least 1: settimeout(0) would mean "no timeout").
local function remaining(deadline)
    ngx.update_time()
    return math.max(
        1,
        math.floor((deadline - ngx.now()) * 1000)
    )
end
local function exchange(address, path, timeoutMs, started)
    local deadline = started + timeoutMs / 1000
    local ip, dnsErr = resolve(address.host)
    if ip == nil then
        return {kind = "error", error = "dns: " .. (dnsErr or "no address")}
    end
    local sock = ngx.socket.tcp()
    sock:settimeout(remaining(deadline))
    local connected, connErr = sock:connect(ip, address.port)
    if connected == nil then
        forget(address.host)
        return {
            kind = "error",
            error = "connect: " .. tostring(connErr)
        }
    end
    sock:settimeout(remaining(deadline))
    local sent, sendErr = sock:send(request(path, address))
    if sent == nil then
        sock:close()
        return {
            kind = "error",
            error = "send: " .. tostring(sendErr)
        }
    end
    sock:settimeout(remaining(deadline))
    local line, readErr = sock:receive("*l")
    sock:close()
    if line == nil then
        return {
            kind = "error",
            error = "read: " .. tostring(readErr)
        }
    end
    local status = parseStatusLine(line)
    return status == nil and ({kind = "error", error = "not an HTTP/1.x status line"}) or ({kind = "status", status = status})
end
--- Probes `address` (a registry host, resolved here) at `path`. Never throws.
function ____exports.probe(address, path, timeoutMs)
    ngx.update_time()
    local started = ngx.now()
    local result = exchange(address, path, timeoutMs, started)
    ngx.update_time()
    return {
        result = result,
        ms = math.floor((ngx.now() - started) * 1000)
    }
end
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
    local ok, answer = pcall(____exports.probe, node.address, h.path, h.timeoutMs)
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
                goto __continue26
            end
            local last = lastUrgentAt[n.id]
            if last ~= nil and now - last < URGENT_SPACING_S then
                goto __continue26
            end
            lastUrgentAt[n.id] = now
            due[#due + 1] = n
        end
        ::__continue26::
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
