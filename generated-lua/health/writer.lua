local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 30,["6"] = 7,["7"] = 8,["8"] = 9,["9"] = 10,["10"] = 10,["11"] = 10,["12"] = 12,["13"] = 12,["14"] = 12,["15"] = 13,["16"] = 13,["17"] = 14,["18"] = 14,["19"] = 14,["20"] = 14,["21"] = 14,["22"] = 15,["23"] = 15,["24"] = 16,["25"] = 16,["26"] = 17,["27"] = 17,["28"] = 18,["29"] = 19,["30"] = 163,["31"] = 164,["32"] = 164,["34"] = 165,["35"] = 166,["36"] = 167,["37"] = 167,["41"] = 22,["43"] = 24,["45"] = 26,["47"] = 28,["48"] = 30,["49"] = 31,["52"] = 36,["53"] = 38,["54"] = 39,["55"] = 40,["56"] = 41,["57"] = 42,["58"] = 43,["59"] = 44,["62"] = 50,["63"] = 51,["64"] = 52,["65"] = 53,["66"] = 54,["68"] = 56,["69"] = 50,["71"] = 60,["72"] = 61,["73"] = 62,["74"] = 62,["76"] = 63,["77"] = 60,["80"] = 70,["81"] = 71,["82"] = 72,["83"] = 72,["84"] = 72,["85"] = 72,["86"] = 72,["87"] = 73,["88"] = 73,["90"] = 74,["91"] = 75,["92"] = 76,["93"] = 77,["94"] = 78,["95"] = 79,["97"] = 81,["98"] = 81,["100"] = 82,["101"] = 82,["102"] = 83,["103"] = 84,["104"] = 84,["107"] = 86,["108"] = 70,["110"] = 100,["111"] = 101,["112"] = 101,["113"] = 101,["114"] = 101,["115"] = 101,["116"] = 102,["117"] = 102,["119"] = 103,["120"] = 104,["121"] = 104,["123"] = 105,["124"] = 105,["125"] = 105,["126"] = 105,["127"] = 106,["128"] = 106,["130"] = 107,["131"] = 107,["133"] = 108,["134"] = 100,["135"] = 111,["136"] = 112,["137"] = 112,["139"] = 113,["140"] = 113,["142"] = 114,["143"] = 115,["144"] = 116,["145"] = 117,["146"] = 117,["148"] = 118,["149"] = 119,["151"] = 121,["152"] = 122,["153"] = 123,["154"] = 124,["155"] = 126,["156"] = 127,["157"] = 111,["158"] = 130,["159"] = 131,["160"] = 132,["163"] = 135,["164"] = 136,["165"] = 137,["168"] = 138,["169"] = 139,["170"] = 140,["171"] = 141,["172"] = 142,["175"] = 145,["176"] = 145,["177"] = 145,["178"] = 145,["179"] = 145,["180"] = 147,["183"] = 148,["184"] = 149,["187"] = 150,["188"] = 151,["189"] = 152,["191"] = 154,["192"] = 155,["195"] = 156,["196"] = 157,["199"] = 160,["200"] = 130,["202"] = 171,["203"] = 172,["204"] = 173,["205"] = 171,["206"] = 176,["207"] = 177,["208"] = 178,["209"] = 176,["211"] = 182,["212"] = 183,["213"] = 183,["214"] = 183,["215"] = 183,["216"] = 183,["217"] = 183,["218"] = 182});
local ____exports = {}
local stop, WRITER_KEY
local config = require("runtime.config")
local sync = require("cluster.sync")
local store = require("cluster.snapshot_store")
local ____health = require("core.health")
local isStale = ____health.isStale
local planStatusWrites = ____health.planStatusWrites
local ____dicts = require("runtime.dicts")
local KEYS = ____dicts.KEYS
local healthDict = ____dicts.healthDict
local ____lease = require("runtime.lease")
local holdLease = ____lease.holdLease
local ____prober = require("health.prober")
local completedRounds = ____prober.completedRounds
local LEASE = ____prober.LEASE
local LEASE_TTL_S = ____prober.LEASE_TTL_S
local roundInProgress = ____prober.roundInProgress
local ____loop = require("runtime.loop")
local runLoop = ____loop.runLoop
local ____monitor_moves = require("health.monitor_moves")
local moveMonitors = ____monitor_moves.moveMonitors
local ____registry_sql = require("health.registry_sql")
local statusSql = ____registry_sql.statusSql
local session = require("health.writer_session")
local verdicts = require("health.verdicts")
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
WRITER_KEY = KEYS.health.writerPid
local WRITER_KEY_TTL_S = 2
--- Status writes and monitor moves that changed rows, each counted as soon as it committed (before
-- the snapshot refresh after it): /lb/status shows that only the writer writes.
local WRITES_KEY = KEYS.health.writes
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
--- node.status write-back on the writer's session: this router's transitions, and stale nodes
-- that fail their probes (core/health.ts planStatusWrites decides). Returns [rows written, failed].
local function writeStatuses(snapshot)
    local pending = verdicts.pending()
    local plan = planStatusWrites(
        verdicts.registryNodes(snapshot),
        pending,
        config.get().health.staleAfterS
    )
    for ____, id in ipairs(plan.settled) do
        verdicts.settle(id, pending[id])
    end
    local written = 0
    for ____, w in ipairs(plan.writes) do
        local res = session.exec(statusSql(w.id, w.status))
        if res.error ~= nil then
            ngx.log(ngx.WARN, (((("health writer: node " .. w.id) .. " -> ") .. w.status) .. ": ") .. res.error)
            return {written, true}
        end
        if w.reason == "transition" then
            verdicts.settle(w.id, w.status)
        end
        local ____opt_0 = res.ok
        local rows = ____opt_0 and ____opt_0.affected_rows or 0
        written = written + rows
        if rows > 0 then
            ngx.log(ngx.NOTICE, ((((("health writer: node " .. w.id) .. " marked ") .. w.status) .. " in the registry (") .. w.reason) .. ")")
        end
    end
    return {written, false}
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
    local ____moveMonitors_result_2 = moveMonitors(current)
    local moved = ____moveMonitors_result_2.moved
    local dropped = ____moveMonitors_result_2.dropped
    local failed = ____moveMonitors_result_2.failed
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
    session.ensureTables()
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
    local key = (((((tostring(verdicts.verdictVersion()) .. "/") .. tostring(verdicts.pendingVersion())) .. "/") .. tostring(completedRounds())) .. "/") .. lastSnapshotKey
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
