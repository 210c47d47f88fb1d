local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 6,["6"] = 7,["7"] = 7,["8"] = 7,["9"] = 7,["10"] = 8,["11"] = 8,["12"] = 9,["13"] = 9,["14"] = 10,["15"] = 10,["16"] = 11,["17"] = 12,["18"] = 12,["19"] = 12,["20"] = 12,["21"] = 12,["22"] = 12,["23"] = 12,["24"] = 12,["25"] = 13,["26"] = 15,["28"] = 17,["30"] = 19,["32"] = 22,["34"] = 25,["38"] = 32,["39"] = 33,["40"] = 34,["41"] = 35,["42"] = 35,["44"] = 36,["45"] = 37,["46"] = 38,["47"] = 38,["49"] = 39,["50"] = 40,["51"] = 40,["53"] = 41,["54"] = 42,["55"] = 43,["56"] = 44,["57"] = 44,["58"] = 44,["59"] = 44,["60"] = 44,["62"] = 45,["63"] = 46,["64"] = 47,["65"] = 47,["67"] = 48,["68"] = 48,["69"] = 48,["70"] = 48,["71"] = 32,["72"] = 51,["73"] = 52,["74"] = 53,["75"] = 54,["76"] = 55,["77"] = 56,["78"] = 57,["80"] = 51,["81"] = 61,["82"] = 62,["83"] = 63,["86"] = 64,["87"] = 65,["88"] = 65,["89"] = 65,["90"] = 65,["91"] = 61,["92"] = 68,["93"] = 69,["96"] = 70,["97"] = 70,["98"] = 70,["99"] = 71,["100"] = 72,["103"] = 75,["106"] = 76,["107"] = 77,["108"] = 78,["111"] = 80,["114"] = 82,["120"] = 84,["121"] = 84,["123"] = 85,["125"] = 70,["126"] = 70,["127"] = 68,["129"] = 90,["130"] = 91,["131"] = 92,["132"] = 92,["133"] = 92,["134"] = 92,["135"] = 90});
local ____exports = {}
local config = require("config")
local ____snapshot = require("core.snapshot")
local buildNodes = ____snapshot.buildNodes
local buildSnapshot = ____snapshot.buildSnapshot
local monitorsSource = ____snapshot.monitorsSource
local ____dicts = require("dicts")
local snapshotDict = ____dicts.snapshotDict
local ____guard = require("hooks.guard")
local guard = ____guard.guard
local ____lease = require("lease")
local holdLease = ____lease.holdLease
local db = require("cluster.db")
local ____queries = require("cluster.queries")
local MONITORS_SQL = ____queries.MONITORS_SQL
local MONITOR_GROUPS_SQL = ____queries.MONITOR_GROUPS_SQL
local NODES_SQL = ____queries.NODES_SQL
local SETUP_SQL = ____queries.SETUP_SQL
local monitorGroups = ____queries.monitorGroups
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
--- One sync: read, build, publish. Returns the published version or an error. The monitors are
-- read only when the database's per-owner summary of them moved: at 100,000 monitors the full
-- read costs the syncing worker half a second every interval (docs/benchmarks.md).
function ____exports.syncOnce()
    local nodesRes = db.query(NODES_SQL)
    local nodes = nodeRows(nodesRes)
    if nodes == nil then
        return nil, nodesRes.error or "nodes: no rows"
    end
    local groupsRes = db.query(MONITOR_GROUPS_SQL)
    local groups = monitorGroups(groupsRes)
    if groups == nil then
        return nil, groupsRes.error or "monitor summary: no rows"
    end
    local setupRes = db.query(SETUP_SQL)
    if setupRes.rows == nil then
        return nil, setupRes.error or "setup: no rows"
    end
    local setupComplete = #setupRes.rows > 0 and db.num(setupRes.rows[1].setup_complete, 0) == 1
    local rules = config.get().hostRules
    local source = monitorsSource(groups)
    if source == store.monitorsSource() then
        return store.publishNodes({
            nodes = buildNodes(nodes, groups, rules),
            setupComplete = setupComplete
        })
    end
    local monitorsRes = db.query(MONITORS_SQL)
    local monitors = monitorRows(monitorsRes)
    if monitors == nil then
        return nil, monitorsRes.error or "monitors: no rows"
    end
    return store.publish(
        buildSnapshot(nodes, monitors, setupComplete, rules),
        source
    )
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
