local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 28,["6"] = 7,["7"] = 8,["8"] = 9,["9"] = 10,["10"] = 10,["11"] = 10,["12"] = 12,["13"] = 12,["14"] = 12,["15"] = 13,["16"] = 13,["17"] = 14,["18"] = 14,["19"] = 15,["20"] = 15,["21"] = 16,["22"] = 16,["23"] = 17,["24"] = 17,["25"] = 18,["26"] = 19,["27"] = 62,["28"] = 63,["29"] = 64,["30"] = 64,["32"] = 65,["34"] = 172,["35"] = 173,["36"] = 174,["37"] = 174,["38"] = 175,["39"] = 176,["40"] = 177,["43"] = 181,["44"] = 182,["45"] = 182,["47"] = 183,["48"] = 184,["49"] = 185,["50"] = 185,["54"] = 22,["56"] = 24,["58"] = 26,["59"] = 28,["60"] = 30,["61"] = 31,["62"] = 36,["63"] = 38,["64"] = 39,["65"] = 40,["66"] = 41,["67"] = 42,["68"] = 43,["69"] = 44,["72"] = 50,["73"] = 51,["74"] = 52,["75"] = 53,["76"] = 54,["78"] = 58,["79"] = 50,["82"] = 72,["83"] = 73,["84"] = 74,["85"] = 74,["86"] = 74,["87"] = 74,["88"] = 74,["89"] = 75,["90"] = 75,["92"] = 76,["93"] = 77,["94"] = 78,["95"] = 79,["96"] = 80,["97"] = 81,["99"] = 83,["100"] = 83,["102"] = 84,["103"] = 84,["104"] = 85,["105"] = 86,["106"] = 86,["109"] = 88,["110"] = 72,["112"] = 102,["113"] = 103,["114"] = 103,["115"] = 103,["116"] = 103,["117"] = 103,["118"] = 104,["119"] = 104,["121"] = 105,["122"] = 106,["123"] = 106,["125"] = 107,["126"] = 107,["127"] = 107,["128"] = 107,["129"] = 108,["130"] = 108,["132"] = 109,["133"] = 109,["135"] = 110,["136"] = 102,["137"] = 113,["138"] = 114,["139"] = 114,["141"] = 115,["142"] = 115,["144"] = 116,["145"] = 117,["146"] = 118,["147"] = 119,["148"] = 119,["150"] = 120,["151"] = 121,["153"] = 123,["154"] = 124,["155"] = 125,["156"] = 126,["157"] = 128,["158"] = 129,["159"] = 113,["160"] = 132,["161"] = 133,["162"] = 134,["165"] = 137,["166"] = 138,["167"] = 140,["168"] = 141,["169"] = 141,["171"] = 142,["174"] = 143,["175"] = 144,["176"] = 145,["177"] = 146,["178"] = 147,["181"] = 150,["182"] = 150,["183"] = 150,["184"] = 150,["185"] = 150,["186"] = 152,["189"] = 153,["190"] = 154,["193"] = 155,["194"] = 156,["195"] = 157,["197"] = 159,["198"] = 160,["199"] = 162,["200"] = 162,["204"] = 165,["205"] = 166,["208"] = 169,["209"] = 132,["211"] = 189,["212"] = 190,["213"] = 191,["214"] = 189,["215"] = 194,["216"] = 195,["217"] = 196,["218"] = 194,["220"] = 200,["221"] = 201,["222"] = 201,["223"] = 201,["224"] = 201,["225"] = 201,["226"] = 201,["227"] = 200});
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
