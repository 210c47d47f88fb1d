local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 54,["6"] = 7,["7"] = 8,["8"] = 8,["9"] = 8,["10"] = 8,["11"] = 9,["12"] = 9,["13"] = 9,["14"] = 10,["15"] = 10,["16"] = 11,["17"] = 11,["18"] = 12,["19"] = 13,["20"] = 14,["21"] = 14,["22"] = 14,["23"] = 14,["24"] = 14,["25"] = 14,["26"] = 14,["27"] = 14,["28"] = 14,["29"] = 14,["30"] = 14,["31"] = 15,["32"] = 54,["33"] = 55,["34"] = 56,["35"] = 57,["37"] = 17,["39"] = 19,["41"] = 21,["43"] = 24,["45"] = 27,["49"] = 34,["50"] = 35,["51"] = 36,["52"] = 36,["54"] = 37,["55"] = 38,["56"] = 38,["58"] = 39,["59"] = 40,["60"] = 40,["62"] = 41,["63"] = 42,["64"] = 43,["65"] = 44,["66"] = 44,["67"] = 44,["68"] = 44,["70"] = 46,["71"] = 47,["72"] = 47,["74"] = 48,["75"] = 49,["76"] = 49,["78"] = 50,["79"] = 50,["80"] = 50,["81"] = 50,["82"] = 50,["83"] = 50,["84"] = 50,["85"] = 50,["86"] = 50,["87"] = 50,["88"] = 34,["89"] = 60,["90"] = 61,["91"] = 62,["92"] = 63,["93"] = 64,["94"] = 65,["95"] = 66,["97"] = 60,["98"] = 70,["99"] = 71,["100"] = 72,["103"] = 73,["104"] = 74,["105"] = 74,["106"] = 74,["107"] = 74,["108"] = 70,["109"] = 77,["110"] = 78,["113"] = 79,["114"] = 79,["115"] = 79,["116"] = 80,["117"] = 81,["120"] = 84,["123"] = 85,["124"] = 86,["125"] = 87,["128"] = 89,["129"] = 90,["130"] = 90,["134"] = 92,["140"] = 94,["141"] = 94,["143"] = 95,["145"] = 79,["146"] = 79,["147"] = 77,["149"] = 100,["150"] = 101,["151"] = 102,["152"] = 102,["153"] = 102,["154"] = 102,["155"] = 100});
local ____exports = {}
local read
local config = require("runtime.config")
local ____snapshot = require("core.snapshot")
local buildNodes = ____snapshot.buildNodes
local buildSnapshot = ____snapshot.buildSnapshot
local monitorsSource = ____snapshot.monitorsSource
local ____dicts = require("runtime.dicts")
local KEYS = ____dicts.KEYS
local snapshotDict = ____dicts.snapshotDict
local ____guard = require("runtime.guard")
local guard = ____guard.guard
local ____lease = require("runtime.lease")
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
local LEASE = KEYS.locks.syncLease
--- A dead holder's lease lapses after this many intervals; then another worker syncs.
local LEASE_INTERVALS = 3
--- While the database stays down, repeat the error at most this often (seconds).
local REPEAT_ERROR_EVERY_S = 60
--- kuma_snapshot key: when the failure was last logged, whichever worker synced then.
local ERROR_LOGGED_AT = KEYS.snapshot.errorLoggedAt
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
            away.value
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
