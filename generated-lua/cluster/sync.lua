local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 50,["6"] = 6,["7"] = 7,["8"] = 7,["9"] = 7,["10"] = 7,["11"] = 8,["12"] = 8,["13"] = 9,["14"] = 9,["15"] = 10,["16"] = 10,["17"] = 11,["18"] = 12,["19"] = 12,["20"] = 12,["21"] = 12,["22"] = 12,["23"] = 12,["24"] = 12,["25"] = 12,["26"] = 12,["27"] = 13,["28"] = 50,["29"] = 51,["30"] = 52,["31"] = 53,["33"] = 15,["35"] = 17,["37"] = 19,["39"] = 22,["41"] = 25,["45"] = 32,["46"] = 33,["47"] = 34,["48"] = 34,["50"] = 35,["51"] = 36,["52"] = 36,["54"] = 37,["55"] = 38,["56"] = 38,["58"] = 39,["59"] = 40,["60"] = 41,["61"] = 42,["62"] = 42,["63"] = 42,["64"] = 42,["66"] = 44,["67"] = 45,["68"] = 45,["70"] = 46,["71"] = 46,["72"] = 46,["73"] = 46,["74"] = 32,["75"] = 56,["76"] = 57,["77"] = 58,["78"] = 59,["79"] = 60,["80"] = 61,["81"] = 62,["83"] = 56,["84"] = 66,["85"] = 67,["86"] = 68,["89"] = 69,["90"] = 70,["91"] = 70,["92"] = 70,["93"] = 70,["94"] = 66,["95"] = 73,["96"] = 74,["99"] = 75,["100"] = 75,["101"] = 75,["102"] = 76,["103"] = 77,["106"] = 80,["109"] = 81,["110"] = 82,["111"] = 83,["114"] = 85,["117"] = 87,["123"] = 89,["124"] = 89,["126"] = 90,["128"] = 75,["129"] = 75,["130"] = 73,["132"] = 95,["133"] = 96,["134"] = 97,["135"] = 97,["136"] = 97,["137"] = 97,["138"] = 95});
local ____exports = {}
local read
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
local setupComplete = ____queries.setupComplete
local store = require("cluster.snapshot_store")
function read(sql, map, what)
    local res = db.query(sql)
    local value = map(res)
    return value ~= nil and ({value = value}) or ({error = res.error or what .. ": no rows"})
end
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
    local nodes = read(NODES_SQL, nodeRows, "nodes")
    if nodes.value == nil then
        return nil, nodes.error
    end
    local groups = read(MONITOR_GROUPS_SQL, monitorGroups, "monitor summary")
    if groups.value == nil then
        return nil, groups.error
    end
    local setup = read(SETUP_SQL, setupComplete, "setup")
    if setup.value == nil then
        return nil, setup.error
    end
    local rules = config.get().hostRules
    local source = monitorsSource(groups.value)
    if source == store.monitorsSource() then
        return store.publishNodes({
            nodes = buildNodes(nodes.value, groups.value, rules),
            setupComplete = setup.value
        })
    end
    local monitors = read(MONITORS_SQL, monitorRows, "monitors")
    if monitors.value == nil then
        return nil, monitors.error
    end
    return store.publish(
        buildSnapshot(nodes.value, monitors.value, setup.value, rules),
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
