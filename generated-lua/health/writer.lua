local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 31,["6"] = 7,["7"] = 8,["8"] = 9,["9"] = 10,["10"] = 10,["11"] = 12,["12"] = 12,["13"] = 13,["14"] = 13,["15"] = 14,["16"] = 14,["17"] = 14,["18"] = 14,["19"] = 14,["20"] = 15,["21"] = 15,["22"] = 16,["23"] = 16,["24"] = 17,["25"] = 17,["26"] = 18,["27"] = 19,["28"] = 20,["29"] = 144,["30"] = 145,["31"] = 145,["33"] = 146,["34"] = 147,["35"] = 148,["36"] = 148,["40"] = 23,["42"] = 25,["44"] = 27,["46"] = 29,["47"] = 31,["48"] = 32,["51"] = 37,["52"] = 39,["53"] = 40,["54"] = 41,["55"] = 42,["56"] = 43,["57"] = 44,["58"] = 45,["61"] = 51,["62"] = 52,["63"] = 53,["64"] = 54,["65"] = 55,["67"] = 57,["68"] = 51,["70"] = 61,["71"] = 62,["72"] = 63,["73"] = 63,["75"] = 64,["76"] = 61,["78"] = 78,["79"] = 79,["80"] = 79,["81"] = 79,["82"] = 79,["83"] = 79,["84"] = 80,["85"] = 80,["87"] = 81,["88"] = 82,["89"] = 82,["91"] = 83,["92"] = 83,["93"] = 83,["94"] = 83,["95"] = 84,["96"] = 84,["98"] = 85,["99"] = 85,["101"] = 86,["102"] = 78,["103"] = 89,["104"] = 90,["105"] = 90,["107"] = 91,["108"] = 91,["110"] = 92,["111"] = 93,["112"] = 94,["113"] = 95,["114"] = 95,["116"] = 96,["117"] = 97,["119"] = 99,["120"] = 100,["121"] = 101,["122"] = 102,["123"] = 104,["124"] = 105,["125"] = 89,["126"] = 108,["127"] = 109,["128"] = 110,["131"] = 113,["132"] = 114,["133"] = 116,["134"] = 117,["135"] = 117,["137"] = 118,["140"] = 119,["141"] = 120,["142"] = 121,["143"] = 122,["144"] = 123,["147"] = 126,["148"] = 126,["149"] = 126,["150"] = 126,["151"] = 126,["152"] = 128,["155"] = 129,["156"] = 130,["159"] = 131,["160"] = 132,["161"] = 133,["163"] = 135,["164"] = 136,["167"] = 137,["168"] = 138,["171"] = 141,["172"] = 108,["174"] = 152,["175"] = 153,["176"] = 154,["177"] = 152,["178"] = 157,["179"] = 158,["180"] = 159,["181"] = 157,["183"] = 163,["184"] = 164,["185"] = 164,["186"] = 164,["187"] = 164,["188"] = 164,["189"] = 164,["190"] = 163});
local ____exports = {}
local stop, WRITER_KEY
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
local ____status_writes = require("health.status_writes")
local writeStatuses = ____status_writes.writeStatuses
local session = require("health.writer_session")
local state = require("health.state")
local tables = require("health.tables")
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
--- After a failed write, the same work is retried this much later, not every step.
local RETRY_AFTER_S = 1
WRITER_KEY = "writer:pid"
local WRITER_KEY_TTL_S = 2
--- Status writes and monitor moves that changed rows, each counted as soon as it committed (before
-- the snapshot refresh after it): /lb/status shows that only the writer writes.
local WRITES_KEY = "writer:writes"
local nextAcquireAt = 0
local nextConfirmAt = 0
local lastSnapshot
local lastSnapshotKey = ""
local lastKey = ""
local retryAt = 0
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
--- Publishes what was just written, so routing and the next step see it now, not a sync later.
local function refreshSnapshot()
    local ____, err = sync.syncOnce()
    if err ~= nil then
        ngx.log(ngx.WARN, "health writer: snapshot refresh failed: " .. err)
    end
    return store.current()
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
