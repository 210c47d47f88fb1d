local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 58,["6"] = 7,["7"] = 8,["8"] = 8,["9"] = 8,["10"] = 8,["11"] = 8,["12"] = 9,["13"] = 9,["14"] = 10,["15"] = 10,["16"] = 11,["17"] = 11,["18"] = 12,["19"] = 13,["20"] = 14,["21"] = 14,["22"] = 14,["23"] = 14,["24"] = 14,["25"] = 14,["26"] = 14,["27"] = 14,["28"] = 14,["29"] = 14,["30"] = 14,["31"] = 14,["32"] = 14,["33"] = 15,["34"] = 58,["35"] = 59,["36"] = 60,["37"] = 61,["39"] = 17,["41"] = 19,["43"] = 21,["45"] = 24,["47"] = 27,["51"] = 34,["52"] = 35,["53"] = 36,["54"] = 36,["56"] = 37,["57"] = 38,["58"] = 38,["60"] = 39,["61"] = 40,["62"] = 40,["64"] = 41,["65"] = 42,["66"] = 42,["68"] = 43,["69"] = 43,["70"] = 43,["71"] = 44,["72"] = 45,["73"] = 46,["74"] = 46,["75"] = 46,["76"] = 46,["77"] = 46,["78"] = 46,["79"] = 46,["81"] = 48,["82"] = 49,["83"] = 49,["85"] = 50,["86"] = 51,["87"] = 51,["89"] = 52,["90"] = 52,["91"] = 52,["92"] = 52,["93"] = 52,["94"] = 52,["95"] = 52,["96"] = 52,["97"] = 53,["98"] = 54,["99"] = 34,["100"] = 64,["101"] = 65,["102"] = 66,["103"] = 67,["104"] = 68,["105"] = 69,["106"] = 70,["108"] = 64,["109"] = 74,["110"] = 75,["111"] = 76,["114"] = 77,["115"] = 78,["116"] = 78,["117"] = 78,["118"] = 78,["119"] = 74,["120"] = 81,["121"] = 82,["124"] = 83,["125"] = 83,["126"] = 83,["127"] = 84,["128"] = 85,["131"] = 88,["134"] = 89,["135"] = 90,["136"] = 91,["139"] = 93,["140"] = 94,["141"] = 94,["145"] = 96,["151"] = 98,["152"] = 98,["154"] = 99,["156"] = 83,["157"] = 83,["158"] = 81,["160"] = 104,["161"] = 105,["162"] = 106,["163"] = 106,["164"] = 106,["165"] = 106,["166"] = 104});
local ____exports = {}
local read
local config = require("config")
local ____snapshot = require("core.snapshot")
local buildNodes = ____snapshot.buildNodes
local buildSnapshot = ____snapshot.buildSnapshot
local markDrained = ____snapshot.markDrained
local monitorsSource = ____snapshot.monitorsSource
local ____dicts = require("dicts")
local snapshotDict = ____dicts.snapshotDict
local ____guard = require("hooks.guard")
local guard = ____guard.guard
local ____lease = require("lease")
local holdLease = ____lease.holdLease
local db = require("cluster.db")
local agents = require("cluster.agents")
local ____queries = require("cluster.queries")
local AWAY_SQL = ____queries.AWAY_SQL
local DRAINS_SQL = ____queries.DRAINS_SQL
local MONITORS_SQL = ____queries.MONITORS_SQL
local MONITOR_GROUPS_SQL = ____queries.MONITOR_GROUPS_SQL
local NODES_SQL = ____queries.NODES_SQL
local SETUP_SQL = ____queries.SETUP_SQL
local awayRows = ____queries.awayRows
local drainRows = ____queries.drainRows
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
    local drains = read(DRAINS_SQL, drainRows, "drained nodes")
    if drains.value == nil then
        return nil, drains.error
    end
    local ____config_get_result_0 = config.get()
    local rules = ____config_get_result_0.hostRules
    local managed = ____config_get_result_0.managed
    local source = monitorsSource(groups.value)
    if source == store.monitorsSource() then
        return store.publishNodes({
            nodes = markDrained(
                buildNodes(nodes.value, groups.value, rules, managed),
                drains.value
            ),
            setupComplete = setup.value
        })
    end
    local monitors = read(MONITORS_SQL, monitorRows, "monitors")
    if monitors.value == nil then
        return nil, monitors.error
    end
    local away = read(AWAY_SQL, awayRows, "moved monitors")
    if away.value == nil then
        return nil, away.error
    end
    local built = buildSnapshot(
        nodes.value,
        monitors.value,
        setup.value,
        rules,
        away.value,
        managed
    )
    markDrained(built.nodes, drains.value)
    return store.publish(built, source)
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
                    if version ~= nil then
                        agents.refresh()
                    end
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
