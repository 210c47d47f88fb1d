local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 29,["6"] = 6,["7"] = 7,["8"] = 8,["9"] = 9,["10"] = 9,["11"] = 11,["12"] = 11,["13"] = 12,["14"] = 12,["15"] = 13,["16"] = 13,["17"] = 13,["18"] = 13,["19"] = 13,["20"] = 14,["21"] = 14,["22"] = 15,["23"] = 15,["24"] = 16,["25"] = 16,["26"] = 17,["27"] = 18,["28"] = 130,["29"] = 131,["30"] = 131,["32"] = 132,["33"] = 133,["34"] = 134,["35"] = 134,["39"] = 21,["41"] = 23,["43"] = 25,["45"] = 27,["46"] = 29,["47"] = 30,["49"] = 32,["50"] = 34,["51"] = 35,["52"] = 36,["53"] = 37,["54"] = 38,["55"] = 39,["56"] = 40,["59"] = 46,["60"] = 47,["61"] = 48,["62"] = 49,["63"] = 50,["65"] = 52,["66"] = 46,["68"] = 56,["69"] = 57,["70"] = 58,["71"] = 58,["73"] = 59,["74"] = 56,["76"] = 71,["77"] = 72,["78"] = 72,["79"] = 72,["80"] = 72,["81"] = 72,["82"] = 73,["83"] = 74,["84"] = 74,["85"] = 74,["86"] = 74,["87"] = 74,["88"] = 75,["89"] = 75,["91"] = 76,["92"] = 76,["94"] = 77,["95"] = 71,["96"] = 80,["97"] = 81,["98"] = 81,["100"] = 82,["101"] = 82,["103"] = 83,["104"] = 84,["105"] = 85,["106"] = 86,["107"] = 86,["109"] = 87,["110"] = 88,["112"] = 90,["113"] = 91,["114"] = 92,["115"] = 93,["116"] = 94,["117"] = 80,["118"] = 97,["119"] = 98,["120"] = 99,["123"] = 102,["124"] = 103,["125"] = 104,["128"] = 105,["129"] = 106,["130"] = 107,["131"] = 108,["132"] = 109,["135"] = 112,["136"] = 112,["137"] = 112,["138"] = 112,["139"] = 112,["140"] = 114,["143"] = 115,["144"] = 116,["147"] = 117,["148"] = 118,["149"] = 119,["151"] = 121,["152"] = 122,["155"] = 123,["156"] = 124,["159"] = 127,["160"] = 97,["162"] = 138,["163"] = 139,["164"] = 140,["165"] = 138,["166"] = 143,["167"] = 144,["168"] = 145,["169"] = 143,["171"] = 149,["172"] = 150,["173"] = 150,["174"] = 150,["175"] = 150,["176"] = 150,["177"] = 150,["178"] = 149});
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
--- Passes that changed rows: /lb/status shows that only the writer writes.
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
    local current = written > 0 and (refreshSnapshot() or snapshot) or snapshot
    local moved, moveFailed = unpack(
        statusFailed and ({0, true}) or moveMonitors(current),
        1,
        2
    )
    if moved > 0 then
        refreshSnapshot()
    end
    if written > 0 or moved > 0 then
        healthDict:incr(WRITES_KEY, 1, 0)
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
