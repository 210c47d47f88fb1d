local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 28,["6"] = 7,["7"] = 8,["8"] = 9,["9"] = 10,["10"] = 10,["11"] = 10,["12"] = 12,["13"] = 12,["14"] = 12,["15"] = 13,["16"] = 13,["17"] = 14,["18"] = 14,["19"] = 15,["20"] = 15,["21"] = 16,["22"] = 16,["23"] = 17,["24"] = 17,["25"] = 18,["26"] = 19,["27"] = 60,["28"] = 61,["29"] = 62,["30"] = 62,["32"] = 63,["34"] = 170,["35"] = 171,["36"] = 172,["37"] = 172,["38"] = 173,["39"] = 174,["40"] = 175,["43"] = 179,["44"] = 180,["45"] = 180,["47"] = 181,["48"] = 182,["49"] = 183,["50"] = 183,["54"] = 22,["56"] = 24,["58"] = 26,["59"] = 28,["60"] = 30,["61"] = 31,["62"] = 36,["63"] = 38,["64"] = 39,["65"] = 40,["66"] = 41,["67"] = 42,["68"] = 43,["69"] = 44,["72"] = 50,["73"] = 51,["74"] = 52,["75"] = 53,["76"] = 54,["78"] = 56,["79"] = 50,["82"] = 70,["83"] = 71,["84"] = 72,["85"] = 72,["86"] = 72,["87"] = 72,["88"] = 72,["89"] = 73,["90"] = 73,["92"] = 74,["93"] = 75,["94"] = 76,["95"] = 77,["96"] = 78,["97"] = 79,["99"] = 81,["100"] = 81,["102"] = 82,["103"] = 82,["104"] = 83,["105"] = 84,["106"] = 84,["109"] = 86,["110"] = 70,["112"] = 100,["113"] = 101,["114"] = 101,["115"] = 101,["116"] = 101,["117"] = 101,["118"] = 102,["119"] = 102,["121"] = 103,["122"] = 104,["123"] = 104,["125"] = 105,["126"] = 105,["127"] = 105,["128"] = 105,["129"] = 106,["130"] = 106,["132"] = 107,["133"] = 107,["135"] = 108,["136"] = 100,["137"] = 111,["138"] = 112,["139"] = 112,["141"] = 113,["142"] = 113,["144"] = 114,["145"] = 115,["146"] = 116,["147"] = 117,["148"] = 117,["150"] = 118,["151"] = 119,["153"] = 121,["154"] = 122,["155"] = 123,["156"] = 124,["157"] = 126,["158"] = 127,["159"] = 111,["160"] = 130,["161"] = 131,["162"] = 132,["165"] = 135,["166"] = 136,["167"] = 138,["168"] = 139,["169"] = 139,["171"] = 140,["174"] = 141,["175"] = 142,["176"] = 143,["177"] = 144,["178"] = 145,["181"] = 148,["182"] = 148,["183"] = 148,["184"] = 148,["185"] = 148,["186"] = 150,["189"] = 151,["190"] = 152,["193"] = 153,["194"] = 154,["195"] = 155,["197"] = 157,["198"] = 158,["199"] = 160,["200"] = 160,["204"] = 163,["205"] = 164,["208"] = 167,["209"] = 130,["211"] = 187,["212"] = 188,["213"] = 189,["214"] = 187,["215"] = 192,["216"] = 193,["217"] = 194,["218"] = 192,["220"] = 198,["221"] = 199,["222"] = 199,["223"] = 199,["224"] = 199,["225"] = 199,["226"] = 199,["227"] = 198});
local ____exports = {}
local refreshSnapshot, rebalance, stop, RETRY_AFTER_S, WRITER_KEY, WRITES_KEY, retryAt
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
local ____rebalance = require("health.rebalance")
local rebalanceStep = ____rebalance.rebalanceStep
local ____registry_sql = require("health.registry_sql")
local statusSql = ____registry_sql.statusSql
local session = require("health.writer_session")
local verdicts = require("health.verdicts")
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
WRITER_KEY = KEYS.health.writerPid
local WRITER_KEY_TTL_S = 2
WRITES_KEY = KEYS.health.writes
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
    local seen = store.current()
    if seen ~= nil then
        verdicts.holdAwayNodes(seen)
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
