local ____lualib = require("lualib_bundle")
local __TS__Delete = ____lualib.__TS__Delete
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__ArrayFilter = ____lualib.__TS__ArrayFilter
local __TS__ArraySlice = ____lualib.__TS__ArraySlice
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["9"] = 8,["10"] = 9,["11"] = 10,["12"] = 10,["13"] = 10,["14"] = 11,["15"] = 11,["16"] = 13,["17"] = 13,["18"] = 13,["19"] = 13,["20"] = 14,["21"] = 14,["22"] = 15,["23"] = 15,["24"] = 15,["25"] = 16,["27"] = 19,["29"] = 21,["31"] = 23,["32"] = 24,["35"] = 29,["38"] = 34,["39"] = 40,["40"] = 48,["41"] = 50,["42"] = 48,["44"] = 54,["45"] = 55,["46"] = 56,["47"] = 56,["48"] = 56,["49"] = 56,["50"] = 54,["51"] = 59,["52"] = 60,["53"] = 61,["54"] = 62,["55"] = 62,["57"] = 63,["58"] = 64,["59"] = 65,["60"] = 66,["61"] = 67,["62"] = 68,["63"] = 68,["64"] = 68,["65"] = 68,["67"] = 70,["68"] = 71,["69"] = 72,["70"] = 73,["71"] = 74,["72"] = 74,["73"] = 74,["74"] = 74,["76"] = 76,["77"] = 77,["78"] = 78,["79"] = 79,["80"] = 79,["81"] = 79,["82"] = 79,["83"] = 79,["85"] = 80,["86"] = 81,["87"] = 59,["89"] = 85,["90"] = 86,["91"] = 87,["92"] = 88,["93"] = 89,["94"] = 90,["95"] = 90,["96"] = 90,["97"] = 90,["98"] = 85,["99"] = 94,["101"] = 96,["103"] = 98,["105"] = 100,["106"] = 102,["107"] = 103,["108"] = 104,["109"] = 102,["110"] = 107,["111"] = 108,["112"] = 109,["115"] = 111,["116"] = 112,["117"] = 113,["118"] = 114,["119"] = 115,["120"] = 115,["122"] = 116,["123"] = 116,["124"] = 116,["125"] = 116,["126"] = 117,["127"] = 117,["128"] = 117,["129"] = 117,["130"] = 117,["131"] = 107,["133"] = 121,["134"] = 122,["135"] = 121,["137"] = 126,["138"] = 127,["139"] = 127,["140"] = 127,["141"] = 127,["142"] = 128,["143"] = 129,["144"] = 130,["145"] = 130,["146"] = 130,["147"] = 130,["148"] = 130,["151"] = 126,["153"] = 135,["154"] = 136,["155"] = 136,["156"] = 136,["157"] = 136,["159"] = 137,["160"] = 137,["161"] = 137,["162"] = 137,["165"] = 135,["169"] = 145,["170"] = 146,["171"] = 147,["172"] = 148,["173"] = 149,["175"] = 150,["178"] = 151,["179"] = 151,["181"] = 152,["182"] = 153,["183"] = 153,["185"] = 154,["186"] = 155,["190"] = 157,["191"] = 157,["193"] = 158,["194"] = 145,["195"] = 161,["196"] = 162,["197"] = 163,["198"] = 164,["201"] = 167,["202"] = 168,["203"] = 169,["206"] = 170,["207"] = 171,["208"] = 172,["209"] = 173,["212"] = 176,["213"] = 177,["214"] = 178,["215"] = 179,["216"] = 180,["217"] = 180,["219"] = 181,["220"] = 161,["222"] = 185,["223"] = 186,["224"] = 187,["225"] = 188,["226"] = 188,["228"] = 190,["229"] = 190,["230"] = 190,["231"] = 190,["232"] = 185,["234"] = 194,["235"] = 195,["238"] = 196,["239"] = 197,["240"] = 197,["242"] = 194,["246"] = 205,["247"] = 206,["248"] = 206,["249"] = 206,["250"] = 206,["251"] = 206,["252"] = 206,["253"] = 207,["254"] = 207,["255"] = 207,["256"] = 207,["257"] = 207,["258"] = 207,["259"] = 205});
local ____exports = {}
local config = require("runtime.config")
local store = require("cluster.snapshot_store")
local ____health = require("core.health")
local parseStatusLine = ____health.parseStatusLine
local probeObservation = ____health.probeObservation
local ____host = require("core.host")
local formatHostPort = ____host.formatHostPort
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
--- Nodes this worker is probing now (round or urgent): an urgent probe waits for these.
local inFlight = {}
--- When this worker last started an urgent probe of each node (ngx.now()).
local lastUrgentAt = {}
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
            if not isProbed(n) or inFlight[n.id] == true or not verdicts.probeRequested(n.id) then
                goto __continue25
            end
            local last = lastUrgentAt[n.id]
            if last ~= nil and now - last < URGENT_SPACING_S then
                goto __continue25
            end
            lastUrgentAt[n.id] = now
            due[#due + 1] = n
        end
        ::__continue25::
    end
    if #due > 0 then
        probeBatch(due)
    end
    return due
end
local function step()
    if not holdLease(verdicts.LEASE, verdicts.LEASE_TTL_S) then
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
    verdicts.roundStarted()
    local ok, err = pcall(____exports.probeAll, snapshot.nodes)
    verdicts.roundEnded(ok)
    if not ok then
        error(err, 0)
    end
    verdicts.prune(snapshot.nodeById)
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
    if leaseHolder(verdicts.LEASE) ~= ngx.worker.pid() then
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
        function() return releaseLease(verdicts.LEASE) end
    )
    runLoop(
        "health urgent probes",
        function() return URGENT_STEP_S end,
        urgentStep,
        function() return nil end
    )
end
return ____exports
