local ____lualib = require("lualib_bundle")
local __TS__ArrayPush = ____lualib.__TS__ArrayPush
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 27,["7"] = 8,["8"] = 9,["9"] = 9,["10"] = 9,["11"] = 9,["12"] = 11,["13"] = 11,["14"] = 12,["15"] = 12,["16"] = 13,["17"] = 13,["18"] = 14,["19"] = 14,["20"] = 15,["21"] = 16,["22"] = 17,["23"] = 18,["24"] = 18,["25"] = 18,["26"] = 18,["27"] = 18,["28"] = 18,["29"] = 18,["30"] = 18,["31"] = 18,["32"] = 18,["33"] = 18,["34"] = 18,["35"] = 18,["36"] = 18,["37"] = 19,["38"] = 58,["39"] = 59,["40"] = 59,["41"] = 59,["42"] = 60,["43"] = 60,["44"] = 60,["45"] = 60,["46"] = 60,["47"] = 60,["48"] = 60,["49"] = 60,["50"] = 61,["51"] = 62,["53"] = 66,["54"] = 67,["55"] = 68,["56"] = 68,["58"] = 69,["59"] = 70,["61"] = 74,["62"] = 75,["63"] = 76,["64"] = 76,["66"] = 77,["67"] = 78,["69"] = 82,["70"] = 83,["71"] = 84,["72"] = 85,["73"] = 86,["74"] = 87,["75"] = 88,["76"] = 89,["77"] = 89,["79"] = 90,["80"] = 91,["81"] = 92,["82"] = 92,["84"] = 93,["85"] = 94,["86"] = 94,["88"] = 95,["91"] = 98,["92"] = 99,["93"] = 99,["95"] = 100,["96"] = 101,["97"] = 101,["99"] = 102,["101"] = 106,["102"] = 107,["103"] = 108,["104"] = 109,["105"] = 110,["106"] = 111,["107"] = 112,["108"] = 113,["110"] = 115,["111"] = 115,["112"] = 115,["113"] = 115,["114"] = 115,["115"] = 115,["118"] = 117,["119"] = 117,["120"] = 117,["121"] = 117,["122"] = 117,["123"] = 118,["124"] = 118,["126"] = 119,["127"] = 120,["128"] = 121,["129"] = 121,["131"] = 123,["132"] = 123,["133"] = 123,["134"] = 123,["135"] = 123,["136"] = 123,["137"] = 123,["138"] = 123,["141"] = 124,["142"] = 125,["143"] = 126,["145"] = 130,["146"] = 131,["147"] = 132,["148"] = 133,["150"] = 21,["152"] = 23,["154"] = 25,["155"] = 27,["157"] = 30,["159"] = 33,["164"] = 43,["165"] = 44,["166"] = 45,["167"] = 45,["169"] = 46,["170"] = 47,["171"] = 47,["173"] = 48,["174"] = 49,["175"] = 49,["177"] = 50,["178"] = 51,["179"] = 51,["181"] = 53,["182"] = 54,["183"] = 54,["185"] = 55,["186"] = 55,["187"] = 55,["188"] = 55,["189"] = 43,["190"] = 136,["191"] = 137,["192"] = 138,["193"] = 139,["194"] = 140,["195"] = 141,["196"] = 142,["198"] = 136,["199"] = 146,["200"] = 147,["201"] = 148,["204"] = 149,["205"] = 150,["206"] = 150,["207"] = 150,["208"] = 150,["209"] = 146,["210"] = 153,["211"] = 154,["214"] = 155,["215"] = 155,["216"] = 155,["217"] = 156,["218"] = 157,["221"] = 160,["224"] = 161,["225"] = 162,["226"] = 163,["229"] = 165,["230"] = 166,["231"] = 166,["235"] = 168,["241"] = 170,["242"] = 170,["244"] = 171,["246"] = 155,["247"] = 155,["248"] = 153,["250"] = 176,["251"] = 177,["252"] = 178,["253"] = 178,["254"] = 178,["255"] = 178,["256"] = 176});
local ____exports = {}
local nodesPart, readAll, syncBySummary, syncChanges, publishChanges, read, CURSOR_TRUST_S
local config = require("config")
local ____snapshot = require("core.snapshot")
local buildSnapshot = ____snapshot.buildSnapshot
local markDrained = ____snapshot.markDrained
local monitorsSource = ____snapshot.monitorsSource
local ____monitor_maps = require("core.monitor_maps")
local rowsToEntries = ____monitor_maps.rowsToEntries
local ____dicts = require("dicts")
local snapshotDict = ____dicts.snapshotDict
local ____guard = require("hooks.guard")
local guard = ____guard.guard
local ____lease = require("lease")
local holdLease = ____lease.holdLease
local db = require("cluster.db")
local agents = require("cluster.agents")
local changes = require("cluster.changes")
local ____queries = require("cluster.queries")
local AWAY_SQL = ____queries.AWAY_SQL
local DRAINS_SQL = ____queries.DRAINS_SQL
local MONITORS_SQL = ____queries.MONITORS_SQL
local MONITOR_GROUPS_SQL = ____queries.MONITOR_GROUPS_SQL
local NODES_SQL = ____queries.NODES_SQL
local SETUP_SQL = ____queries.SETUP_SQL
local activeMonitorsSql = ____queries.activeMonitorsSql
local awayRows = ____queries.awayRows
local drainRows = ____queries.drainRows
local monitorGroups = ____queries.monitorGroups
local monitorRows = ____queries.monitorRows
local nodeRows = ____queries.nodeRows
local setupComplete = ____queries.setupComplete
local store = require("cluster.snapshot_store")
function nodesPart(rows, setup, away, drained)
    local ____config_get_result_0 = config.get()
    local hostRules = ____config_get_result_0.hostRules
    local managed = ____config_get_result_0.managed
    local built = buildSnapshot(
        rows,
        {},
        setup,
        hostRules,
        away,
        managed
    )
    markDrained(built.nodes, drained)
    return {nodes = built.nodes, setupComplete = setup, awayFrom = built.awayFrom, moved = built.moved}
end
function readAll(source)
    local monitors = read(MONITORS_SQL, monitorRows, "monitors")
    if monitors.value == nil then
        return {changed = false, error = monitors.error}
    end
    local ok, err = store.publishMonitors(monitors.value, source)
    return ok and ({changed = true}) or ({changed = false, error = err})
end
function syncBySummary()
    local groups = read(MONITOR_GROUPS_SQL, monitorGroups, "monitor summary")
    if groups.value == nil then
        return {changed = false, error = groups.error}
    end
    local source = monitorsSource(groups.value)
    return source == store.monitorsSource() and ({changed = false}) or readAll(source)
end
function syncChanges()
    local cursor = changes.cursor()
    local lag = store.baseLag()
    local age = store.status().ageS
    local stale = age == nil or age > CURSOR_TRUST_S
    if cursor ~= nil and lag ~= nil and lag < store.KEEP_DELTAS and not stale then
        local pending = changes.since(cursor)
        if type(pending) == "string" and pending ~= "overflow" then
            return {changed = false, error = pending}
        end
        if pending ~= "overflow" then
            changes.prune()
            if #pending.rows == 0 then
                return {changed = false}
            end
            local step = publishChanges(pending.rows)
            if step.error == nil then
                changes.setCursor(pending.next)
            end
            return step
        end
    end
    local head = changes.head()
    if head == nil then
        return {changed = false, error = "change log: no head"}
    end
    local step = readAll(nil)
    if step.error == nil then
        changes.setCursor(head)
    end
    return step
end
function publishChanges(rows)
    local ids = {}
    local seen = {}
    local drops = {}
    for ____, r in ipairs(rows) do
        if not seen[r.monitor_id] then
            seen[r.monitor_id] = true
            ids[#ids + 1] = r.monitor_id
        end
        if r.old_token ~= "" then
            __TS__ArrayPush(
                drops,
                r.old_token,
                tostring(r.monitor_id)
            )
        end
    end
    local found = read(
        activeMonitorsSql(ids),
        monitorRows,
        "changed monitors"
    )
    if found.value == nil then
        return {changed = false, error = found.error}
    end
    local entries = rowsToEntries(found.value)
    local present = {}
    for ____, m in ipairs(found.value) do
        present[m.id] = true
    end
    for ____, id in ipairs(ids) do
        if not present[id] then
            __TS__ArrayPush(
                entries,
                tostring(id),
                "",
                ""
            )
        end
    end
    local delta = {entries = entries, drops = drops}
    local ok, err = store.publishDelta(delta)
    return ok and ({changed = true}) or ({changed = false, error = err})
end
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
CURSOR_TRUST_S = 1800
--- kuma_snapshot key: when the failure was last logged, whichever worker synced then.
local ERROR_LOGGED_AT = "error_logged_at"
--- This worker's sync is still waiting on the database (up to DB_TIMEOUT per step).
local syncing = false
--- One sync: read, publish. Returns the published version or an error. The monitors change in
-- proportion to what changed: with the change log (cluster/changes.ts) only the monitors it
-- names are read again; without it, all of them, and only when the database's per-owner
-- summary of them moved (docs/benchmarks.md, "Snapshot at scale").
function ____exports.syncOnce()
    local nodes = read(NODES_SQL, nodeRows, "nodes")
    if nodes.value == nil then
        return nil, nodes.error
    end
    local setup = read(SETUP_SQL, setupComplete, "setup")
    if setup.value == nil then
        return nil, setup.error
    end
    local drains = read(DRAINS_SQL, drainRows, "drained nodes")
    if drains.value == nil then
        return nil, drains.error
    end
    local step = changes.available() and syncChanges() or syncBySummary()
    if step.error ~= nil then
        return nil, step.error
    end
    local away = read(AWAY_SQL, awayRows, "moved monitors")
    if away.value == nil then
        return nil, away.error
    end
    return store.publishNodes(
        nodesPart(nodes.value, setup.value, away.value, drains.value),
        step.changed
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
