local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 29,["6"] = 6,["7"] = 7,["8"] = 8,["9"] = 9,["10"] = 9,["11"] = 11,["12"] = 11,["13"] = 12,["14"] = 12,["15"] = 13,["16"] = 13,["17"] = 13,["18"] = 13,["19"] = 13,["20"] = 14,["21"] = 14,["22"] = 15,["23"] = 15,["24"] = 16,["25"] = 16,["26"] = 17,["27"] = 18,["28"] = 136,["29"] = 137,["30"] = 137,["32"] = 138,["33"] = 139,["34"] = 140,["35"] = 140,["39"] = 21,["41"] = 23,["43"] = 25,["45"] = 27,["46"] = 29,["47"] = 30,["50"] = 35,["51"] = 37,["52"] = 38,["53"] = 39,["54"] = 40,["55"] = 41,["56"] = 42,["57"] = 43,["60"] = 49,["61"] = 50,["62"] = 51,["63"] = 52,["64"] = 53,["66"] = 55,["67"] = 49,["69"] = 59,["70"] = 60,["71"] = 61,["72"] = 61,["74"] = 62,["75"] = 59,["77"] = 74,["78"] = 75,["79"] = 75,["80"] = 75,["81"] = 75,["82"] = 75,["83"] = 76,["84"] = 76,["86"] = 77,["87"] = 78,["88"] = 78,["89"] = 78,["90"] = 78,["91"] = 78,["92"] = 79,["93"] = 80,["94"] = 81,["96"] = 83,["97"] = 74,["98"] = 86,["99"] = 87,["100"] = 87,["102"] = 88,["103"] = 88,["105"] = 89,["106"] = 90,["107"] = 91,["108"] = 92,["109"] = 92,["111"] = 93,["112"] = 94,["114"] = 96,["115"] = 97,["116"] = 98,["117"] = 99,["118"] = 100,["119"] = 86,["120"] = 103,["121"] = 104,["122"] = 105,["125"] = 108,["126"] = 109,["127"] = 110,["130"] = 111,["131"] = 112,["132"] = 113,["133"] = 114,["134"] = 115,["137"] = 118,["138"] = 118,["139"] = 118,["140"] = 118,["141"] = 118,["142"] = 120,["145"] = 121,["146"] = 122,["149"] = 123,["150"] = 124,["151"] = 125,["153"] = 127,["154"] = 128,["157"] = 129,["158"] = 130,["161"] = 133,["162"] = 103,["164"] = 144,["165"] = 145,["166"] = 146,["167"] = 144,["168"] = 149,["169"] = 150,["170"] = 151,["171"] = 149,["173"] = 155,["174"] = 156,["175"] = 156,["176"] = 156,["177"] = 156,["178"] = 156,["179"] = 156,["180"] = 155});
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
        parts[#parts + 1] = (((((n.id .. ":") .. tostring(n.online and 1 or 0)) .. tostring(n.address ~= nil and 1 or 0)) .. tostring(isStale(n.lastSeenAge, staleAfterS) and 1 or 0)) .. ":") .. tostring(n.owned)
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
    local moved, moveFailed = unpack(
        statusFailed and ({0, true}) or moveMonitors(current),
        1,
        2
    )
    if moved > 0 then
        healthDict:incr(WRITES_KEY, 1, 0)
        refreshSnapshot()
    end
    return {written = written, moved = moved, failed = statusFailed or moveFailed}
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
    return true
end
local function step()
    if not holdLease(LEASE, LEASE_TTL_S) then
        stop()
        return
    end
    ngx.update_time()
    local now = ngx.now()
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
