local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 30,["6"] = 7,["7"] = 8,["8"] = 9,["9"] = 10,["10"] = 10,["11"] = 12,["12"] = 12,["13"] = 13,["14"] = 13,["15"] = 14,["16"] = 14,["17"] = 14,["18"] = 14,["19"] = 14,["20"] = 15,["21"] = 15,["22"] = 16,["23"] = 16,["24"] = 17,["25"] = 17,["26"] = 18,["27"] = 18,["28"] = 19,["29"] = 20,["30"] = 21,["31"] = 62,["32"] = 63,["33"] = 64,["34"] = 64,["36"] = 65,["38"] = 149,["39"] = 150,["40"] = 151,["41"] = 151,["42"] = 152,["43"] = 153,["44"] = 154,["47"] = 158,["48"] = 159,["49"] = 159,["51"] = 160,["52"] = 161,["53"] = 162,["54"] = 162,["58"] = 24,["60"] = 26,["62"] = 28,["63"] = 30,["64"] = 32,["65"] = 33,["66"] = 38,["67"] = 40,["68"] = 41,["69"] = 42,["70"] = 43,["71"] = 44,["72"] = 45,["73"] = 46,["76"] = 52,["77"] = 53,["78"] = 54,["79"] = 55,["80"] = 56,["82"] = 58,["83"] = 52,["85"] = 79,["86"] = 80,["87"] = 80,["88"] = 80,["89"] = 80,["90"] = 80,["91"] = 81,["92"] = 81,["94"] = 82,["95"] = 83,["96"] = 83,["98"] = 84,["99"] = 84,["100"] = 84,["101"] = 84,["102"] = 85,["103"] = 85,["105"] = 86,["106"] = 86,["108"] = 87,["109"] = 79,["110"] = 90,["111"] = 91,["112"] = 91,["114"] = 92,["115"] = 92,["117"] = 93,["118"] = 94,["119"] = 95,["120"] = 96,["121"] = 96,["123"] = 97,["124"] = 98,["126"] = 100,["127"] = 101,["128"] = 102,["129"] = 103,["130"] = 105,["131"] = 106,["132"] = 90,["133"] = 109,["134"] = 110,["135"] = 111,["138"] = 114,["139"] = 115,["140"] = 117,["141"] = 118,["142"] = 118,["144"] = 119,["147"] = 120,["148"] = 121,["149"] = 122,["150"] = 123,["151"] = 124,["154"] = 127,["155"] = 127,["156"] = 127,["157"] = 127,["158"] = 127,["159"] = 129,["162"] = 130,["163"] = 131,["166"] = 132,["167"] = 133,["168"] = 134,["170"] = 136,["171"] = 137,["172"] = 139,["173"] = 139,["177"] = 142,["178"] = 143,["181"] = 146,["182"] = 109,["184"] = 166,["185"] = 167,["186"] = 168,["187"] = 166,["188"] = 171,["189"] = 172,["190"] = 173,["191"] = 171,["193"] = 177,["194"] = 178,["195"] = 178,["196"] = 178,["197"] = 178,["198"] = 178,["199"] = 178,["200"] = 177});
local ____exports = {}
local refreshSnapshot, rebalance, stop, RETRY_AFTER_S, WRITER_KEY, WRITES_KEY, retryAt
local config = require("config")
local sync = require("cluster.sync")
local store = require("cluster.snapshot_store")
local ____health = require("core.health")
local isStale = ____health.isStale
local ____dicts = require("dicts")
local healthDict = ____dicts.healthDict
local ____lease = require("lease")
local holdLease = ____lease.holdLease
local ____checker = require("health.checker")
local completedRounds = ____checker.completedRounds
local LEASE = ____checker.LEASE
local LEASE_TTL_S = ____checker.LEASE_TTL_S
local roundInProgress = ____checker.roundInProgress
local ____loop = require("health.loop")
local runLoop = ____loop.runLoop
local ____monitor_moves = require("health.monitor_moves")
local moveMonitors = ____monitor_moves.moveMonitors
local ____rebalance = require("health.rebalance")
local rebalanceStep = ____rebalance.rebalanceStep
local ____status_writes = require("health.status_writes")
local writeStatuses = ____status_writes.writeStatuses
local session = require("health.writer_session")
local state = require("health.state")
local tables = require("health.tables")
function refreshSnapshot()
    local ____, err = sync.syncOnce()
    if err ~= nil then
        ngx.log(ngx.WARN, "health writer: snapshot refresh failed: " .. err)
    end
    return store.current()
end
function rebalance(snapshot, now)
    local moved = rebalanceStep(snapshot, now)
    if moved < 0 then
        retryAt = now + RETRY_AFTER_S
    elseif moved > 0 then
        healthDict:incr(WRITES_KEY, 1, 0)
        refreshSnapshot()
    end
end
function stop()
    if session.holding() then
        ngx.log(ngx.NOTICE, "health writer: giving up the writer lock")
    end
    session.release()
    local pid = healthDict:get(WRITER_KEY)
    if pid == ngx.worker.pid() then
        healthDict:delete(WRITER_KEY)
    end
end
--- How soon a transition reaches the database (and monitors move).
local STEP_S = 0.1
--- A router that is not the writer asks for the lock this often (on its open session).
local ACQUIRE_EVERY_S = 2
--- The writer proves it still holds the lock this often (well within SESSION_IDLE_S).
local CONFIRM_EVERY_S = 5
RETRY_AFTER_S = 1
WRITER_KEY = "writer:pid"
local WRITER_KEY_TTL_S = 2
WRITES_KEY = "writer:writes"
local nextAcquireAt = 0
local nextConfirmAt = 0
local lastSnapshot
local lastSnapshotKey = ""
local lastKey = ""
retryAt = 0
local lastAcquireError
--- What the writer's decisions read from the snapshot. last_seen ages move every second, so the
-- snapshot's version does too: only a node crossing the stale line matters.
local function snapshotKey(snapshot)
    local staleAfterS = config.get().health.staleAfterS
    local parts = {}
    for ____, n in ipairs(snapshot.nodes) do
        parts[#parts + 1] = ((((((n.id .. ":") .. tostring(n.online and 1 or 0)) .. tostring(n.address ~= nil and 1 or 0)) .. tostring(isStale(n.lastSeenAge, staleAfterS) and 1 or 0)) .. tostring(n.drained == true and 1 or 0)) .. ":") .. tostring(n.owned)
    end
    return table.concat(parts, ",")
end
--- One pass of the writer's work on its session (which must hold the lock).
function ____exports.writeOnce(snapshot)
    local written, statusFailed = unpack(
        writeStatuses(snapshot),
        1,
        2
    )
    if written > 0 then
        healthDict:incr(WRITES_KEY, 1, 0)
    end
    local current = written > 0 and (refreshSnapshot() or snapshot) or snapshot
    if statusFailed then
        return {written = written, moved = 0, dropped = 0, failed = true}
    end
    local ____moveMonitors_result_0 = moveMonitors(current)
    local moved = ____moveMonitors_result_0.moved
    local dropped = ____moveMonitors_result_0.dropped
    local failed = ____moveMonitors_result_0.failed
    if moved > 0 or dropped > 0 then
        healthDict:incr(WRITES_KEY, 1, 0)
    end
    if moved > 0 then
        refreshSnapshot()
    end
    return {written = written, moved = moved, dropped = dropped, failed = failed}
end
local function becomeWriter(now)
    if session.holding() then
        return true
    end
    if now < nextAcquireAt then
        return false
    end
    nextAcquireAt = now + ACQUIRE_EVERY_S
    local got, err = session.acquire()
    if not got then
        if err ~= nil and err ~= lastAcquireError then
            ngx.log(ngx.WARN, "health writer: cannot try the writer lock: " .. err)
        end
        lastAcquireError = err
        return false
    end
    lastAcquireError = nil
    nextConfirmAt = now + CONFIRM_EVERY_S
    lastKey = ""
    ngx.log(ngx.NOTICE, "health writer: this router now writes the registry (MariaDB lock held)")
    tables.ensure()
    return true
end
local function step()
    if not holdLease(LEASE, LEASE_TTL_S) then
        stop()
        return
    end
    ngx.update_time()
    local now = ngx.now()
    local seen = store.current()
    if seen ~= nil then
        state.holdAwayNodes(seen)
    end
    if not becomeWriter(now) then
        return
    end
    if now >= nextConfirmAt then
        nextConfirmAt = now + CONFIRM_EVERY_S
        if not session.confirm() then
            ngx.log(ngx.WARN, "health writer: lost the writer lock (session ended)")
            return stop()
        end
    end
    healthDict:set(
        WRITER_KEY,
        ngx.worker.pid(),
        WRITER_KEY_TTL_S
    )
    if roundInProgress() then
        return
    end
    local snapshot = store.current()
    if snapshot == nil then
        return
    end
    if snapshot ~= lastSnapshot then
        lastSnapshot = snapshot
        lastSnapshotKey = snapshotKey(snapshot)
    end
    local key = (((((tostring(state.verdictVersion()) .. "/") .. tostring(state.pendingVersion())) .. "/") .. tostring(completedRounds())) .. "/") .. lastSnapshotKey
    if key == lastKey or now < retryAt then
        if now >= retryAt then
            rebalance(snapshot, now)
        end
        return
    end
    if ____exports.writeOnce(snapshot).failed then
        retryAt = now + RETRY_AFTER_S
        return
    end
    lastKey = key
end
--- The worker holding the writer lock in this router, if any.
function ____exports.writerPid()
    local pid = healthDict:get(WRITER_KEY)
    return type(pid) == "number" and pid or nil
end
function ____exports.writes()
    local n = healthDict:get(WRITES_KEY)
    return type(n) == "number" and n or 0
end
--- init_worker: every worker runs the loop; the prober's worker writes when it holds the lock.
function ____exports.start()
    runLoop(
        "health writer",
        function() return STEP_S end,
        step,
        stop
    )
end
return ____exports
