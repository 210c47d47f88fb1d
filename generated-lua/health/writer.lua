local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 29,["6"] = 7,["7"] = 8,["8"] = 9,["9"] = 10,["10"] = 10,["11"] = 10,["12"] = 12,["13"] = 12,["14"] = 12,["15"] = 13,["16"] = 13,["17"] = 14,["18"] = 14,["19"] = 15,["20"] = 15,["21"] = 16,["22"] = 16,["23"] = 17,["24"] = 18,["25"] = 162,["26"] = 163,["27"] = 163,["29"] = 164,["30"] = 165,["31"] = 166,["32"] = 166,["36"] = 21,["38"] = 23,["40"] = 25,["42"] = 27,["43"] = 29,["44"] = 30,["47"] = 35,["48"] = 37,["49"] = 38,["50"] = 39,["51"] = 40,["52"] = 41,["53"] = 42,["54"] = 43,["57"] = 49,["58"] = 50,["59"] = 51,["60"] = 52,["61"] = 53,["63"] = 55,["64"] = 49,["66"] = 59,["67"] = 60,["68"] = 61,["69"] = 61,["71"] = 62,["72"] = 59,["75"] = 69,["76"] = 70,["77"] = 71,["78"] = 71,["79"] = 71,["80"] = 71,["81"] = 71,["82"] = 72,["83"] = 72,["85"] = 73,["86"] = 74,["87"] = 75,["88"] = 76,["89"] = 77,["90"] = 78,["92"] = 80,["93"] = 80,["95"] = 81,["96"] = 81,["97"] = 82,["98"] = 83,["99"] = 83,["102"] = 85,["103"] = 69,["105"] = 99,["106"] = 100,["107"] = 100,["108"] = 100,["109"] = 100,["110"] = 100,["111"] = 101,["112"] = 101,["114"] = 102,["115"] = 103,["116"] = 103,["118"] = 104,["119"] = 104,["120"] = 104,["121"] = 104,["122"] = 105,["123"] = 105,["125"] = 106,["126"] = 106,["128"] = 107,["129"] = 99,["130"] = 110,["131"] = 111,["132"] = 111,["134"] = 112,["135"] = 112,["137"] = 113,["138"] = 114,["139"] = 115,["140"] = 116,["141"] = 116,["143"] = 117,["144"] = 118,["146"] = 120,["147"] = 121,["148"] = 122,["149"] = 123,["150"] = 125,["151"] = 126,["152"] = 110,["153"] = 129,["154"] = 130,["155"] = 131,["158"] = 134,["159"] = 135,["160"] = 136,["163"] = 137,["164"] = 138,["165"] = 139,["166"] = 140,["167"] = 141,["170"] = 144,["171"] = 144,["172"] = 144,["173"] = 144,["174"] = 144,["175"] = 146,["178"] = 147,["179"] = 148,["182"] = 149,["183"] = 150,["184"] = 151,["186"] = 153,["187"] = 154,["190"] = 155,["191"] = 156,["194"] = 159,["195"] = 129,["197"] = 170,["198"] = 171,["199"] = 172,["200"] = 170,["201"] = 175,["202"] = 176,["203"] = 177,["204"] = 175,["206"] = 181,["207"] = 182,["208"] = 182,["209"] = 182,["210"] = 182,["211"] = 182,["212"] = 182,["213"] = 181});
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
    if not holdLease(verdicts.LEASE, verdicts.LEASE_TTL_S) then
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
    if verdicts.roundInProgress() then
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
    local key = (((((tostring(verdicts.verdictVersion()) .. "/") .. tostring(verdicts.pendingVersion())) .. "/") .. tostring(verdicts.completedRounds())) .. "/") .. lastSnapshotKey
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
