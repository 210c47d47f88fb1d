local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 5,["6"] = 6,["7"] = 6,["8"] = 7,["9"] = 7,["10"] = 8,["11"] = 8,["12"] = 9,["13"] = 9,["14"] = 10,["15"] = 11,["16"] = 11,["17"] = 11,["18"] = 11,["19"] = 11,["20"] = 11,["21"] = 12,["22"] = 14,["24"] = 16,["26"] = 18,["28"] = 21,["30"] = 24,["32"] = 27,["33"] = 28,["34"] = 29,["35"] = 30,["36"] = 30,["38"] = 31,["39"] = 32,["40"] = 33,["41"] = 33,["43"] = 34,["44"] = 35,["45"] = 35,["47"] = 36,["48"] = 37,["49"] = 37,["50"] = 37,["51"] = 37,["52"] = 37,["53"] = 37,["54"] = 27,["55"] = 40,["56"] = 41,["57"] = 42,["58"] = 43,["59"] = 44,["60"] = 45,["61"] = 46,["63"] = 40,["64"] = 50,["65"] = 51,["66"] = 52,["69"] = 53,["70"] = 54,["71"] = 54,["72"] = 54,["73"] = 54,["74"] = 50,["75"] = 57,["76"] = 58,["79"] = 59,["80"] = 59,["81"] = 59,["82"] = 60,["83"] = 61,["86"] = 64,["89"] = 65,["90"] = 66,["91"] = 67,["94"] = 69,["97"] = 71,["103"] = 73,["104"] = 73,["106"] = 74,["108"] = 59,["109"] = 59,["110"] = 57,["112"] = 79,["113"] = 80,["114"] = 81,["115"] = 81,["116"] = 81,["117"] = 81,["118"] = 79});
local ____exports = {}
local config = require("config")
local ____snapshot = require("core.snapshot")
local buildSnapshot = ____snapshot.buildSnapshot
local ____dicts = require("dicts")
local snapshotDict = ____dicts.snapshotDict
local ____guard = require("hooks.guard")
local guard = ____guard.guard
local ____lease = require("lease")
local holdLease = ____lease.holdLease
local db = require("cluster.db")
local ____queries = require("cluster.queries")
local MONITORS_SQL = ____queries.MONITORS_SQL
local NODES_SQL = ____queries.NODES_SQL
local SETUP_SQL = ____queries.SETUP_SQL
local monitorRows = ____queries.monitorRows
local nodeRows = ____queries.nodeRows
local store = require("cluster.snapshot_store")
local LEASE = "snapshot-sync"
--- A dead holder's lease lapses after this many intervals; then another worker syncs.
local LEASE_INTERVALS = 3
--- While the database stays down, repeat the error at most this often (seconds).
local REPEAT_ERROR_EVERY_S = 60
--- kuma_snapshot key: when the failure was last logged, whichever worker synced then.
local ERROR_LOGGED_AT = "error_logged_at"
--- This worker's sync is still waiting on the database (up to DB_TIMEOUT per step).
local syncing = false
--- One sync: read, build, publish. Returns the published version or an error.
function ____exports.syncOnce()
    local nodesRes = db.query(NODES_SQL)
    local nodes = nodeRows(nodesRes)
    if nodes == nil then
        return nil, nodesRes.error or "nodes: no rows"
    end
    local monitorsRes = db.query(MONITORS_SQL)
    local monitors = monitorRows(monitorsRes)
    if monitors == nil then
        return nil, monitorsRes.error or "monitors: no rows"
    end
    local setupRes = db.query(SETUP_SQL)
    if setupRes.rows == nil then
        return nil, setupRes.error or "setup: no rows"
    end
    local setupComplete = #setupRes.rows > 0 and db.num(setupRes.rows[1].setup_complete, 0) == 1
    return store.publish(buildSnapshot(
        nodes,
        monitors,
        setupComplete,
        config.get().hostRules
    ))
end
local function reportFailure(err)
    local first = store.markFailed(err)
    local now = ngx.now()
    local loggedAt = snapshotDict:get(ERROR_LOGGED_AT)
    if first or type(loggedAt) ~= "number" or now - loggedAt >= REPEAT_ERROR_EVERY_S then
        snapshotDict:set(ERROR_LOGGED_AT, now)
        ngx.log(ngx.ERR, "snapshot sync failed, routing from the last snapshot: " .. err)
    end
end
local function reportSuccess(version)
    local loggedAt = snapshotDict:get(ERROR_LOGGED_AT)
    if loggedAt == nil then
        return
    end
    snapshotDict:delete(ERROR_LOGGED_AT)
    ngx.log(
        ngx.NOTICE,
        "snapshot sync recovered at version " .. tostring(version)
    )
end
local function tick(premature)
    if premature then
        return
    end
    guard(
        "snapshot sync",
        function()
            local interval = config.get().router.syncIntervalS
            if not holdLease(LEASE, interval * LEASE_INTERVALS) then
                return
            end
            if syncing then
                return
            end
            syncing = true
            local version
            local err
            do
                local ____try, ____error = pcall(function()
                    version, err = ____exports.syncOnce()
                end)
                do
                    syncing = false
                end
                if not ____try then
                    error(____error, 0)
                end
            end
            if version == nil then
                reportFailure(err or "unknown error")
            else
                reportSuccess(version)
            end
        end
    )
end
--- init_worker: every worker ticks; only the lease holder reads the database.
function ____exports.start()
    ngx.timer.at(0, tick)
    ngx.timer.every(
        config.get().router.syncIntervalS,
        tick
    )
end
return ____exports
