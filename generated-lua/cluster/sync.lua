local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 54,["6"] = 7,["7"] = 8,["8"] = 8,["9"] = 8,["10"] = 8,["11"] = 9,["12"] = 9,["13"] = 10,["14"] = 10,["15"] = 11,["16"] = 11,["17"] = 12,["18"] = 13,["19"] = 14,["20"] = 14,["21"] = 14,["22"] = 14,["23"] = 14,["24"] = 14,["25"] = 14,["26"] = 14,["27"] = 14,["28"] = 14,["29"] = 14,["30"] = 15,["31"] = 54,["32"] = 55,["33"] = 56,["34"] = 57,["36"] = 17,["38"] = 19,["40"] = 21,["42"] = 24,["44"] = 27,["48"] = 34,["49"] = 35,["50"] = 36,["51"] = 36,["53"] = 37,["54"] = 38,["55"] = 38,["57"] = 39,["58"] = 40,["59"] = 40,["61"] = 41,["62"] = 41,["63"] = 41,["64"] = 42,["65"] = 43,["66"] = 44,["67"] = 44,["68"] = 44,["69"] = 44,["71"] = 46,["72"] = 47,["73"] = 47,["75"] = 48,["76"] = 49,["77"] = 49,["79"] = 50,["80"] = 50,["81"] = 50,["82"] = 50,["83"] = 50,["84"] = 50,["85"] = 50,["86"] = 50,["87"] = 50,["88"] = 50,["89"] = 50,["90"] = 34,["91"] = 60,["92"] = 61,["93"] = 62,["94"] = 63,["95"] = 64,["96"] = 65,["97"] = 66,["99"] = 60,["100"] = 70,["101"] = 71,["102"] = 72,["105"] = 73,["106"] = 74,["107"] = 74,["108"] = 74,["109"] = 74,["110"] = 70,["111"] = 77,["112"] = 78,["115"] = 79,["116"] = 79,["117"] = 79,["118"] = 80,["119"] = 81,["122"] = 84,["125"] = 85,["126"] = 86,["127"] = 87,["130"] = 89,["131"] = 90,["132"] = 90,["136"] = 92,["142"] = 94,["143"] = 94,["145"] = 95,["147"] = 79,["148"] = 79,["149"] = 77,["151"] = 100,["152"] = 101,["153"] = 102,["154"] = 102,["155"] = 102,["156"] = 102,["157"] = 100});
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
local agents = require("cluster.agents")
local ____queries = require("cluster.queries")
local AWAY_SQL = ____queries.AWAY_SQL
local MONITORS_SQL = ____queries.MONITORS_SQL
local MONITOR_GROUPS_SQL = ____queries.MONITOR_GROUPS_SQL
local NODES_SQL = ____queries.NODES_SQL
local SETUP_SQL = ____queries.SETUP_SQL
local awayRows = ____queries.awayRows
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
    local ____config_get_result_0 = config.get()
    local rules = ____config_get_result_0.hostRules
    local managed = ____config_get_result_0.managed
    local source = monitorsSource(groups.value)
    if source == store.monitorsSource() then
        return store.publishNodes({
            nodes = buildNodes(nodes.value, groups.value, rules, managed),
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
    return store.publish(
        buildSnapshot(
            nodes.value,
            monitors.value,
            setup.value,
            rules,
            away.value,
            managed
        ),
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
