local ____lualib = require("lualib_bundle")
local __TS__ArrayPush = ____lualib.__TS__ArrayPush
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 27,["7"] = 8,["8"] = 9,["9"] = 9,["10"] = 9,["11"] = 9,["12"] = 11,["13"] = 11,["14"] = 12,["15"] = 12,["16"] = 12,["17"] = 13,["18"] = 13,["19"] = 14,["20"] = 14,["21"] = 15,["22"] = 16,["23"] = 17,["24"] = 18,["25"] = 18,["26"] = 18,["27"] = 18,["28"] = 18,["29"] = 18,["30"] = 18,["31"] = 18,["32"] = 18,["33"] = 18,["34"] = 18,["35"] = 18,["36"] = 18,["37"] = 18,["38"] = 19,["39"] = 58,["40"] = 59,["41"] = 59,["42"] = 59,["43"] = 60,["44"] = 60,["45"] = 60,["46"] = 60,["47"] = 60,["48"] = 60,["49"] = 60,["50"] = 60,["51"] = 61,["52"] = 62,["54"] = 66,["55"] = 67,["56"] = 68,["57"] = 68,["59"] = 69,["60"] = 70,["62"] = 74,["63"] = 75,["64"] = 76,["65"] = 76,["67"] = 77,["68"] = 78,["70"] = 82,["71"] = 83,["72"] = 84,["73"] = 85,["74"] = 86,["75"] = 87,["76"] = 88,["77"] = 89,["78"] = 89,["80"] = 90,["81"] = 91,["82"] = 92,["83"] = 92,["85"] = 93,["86"] = 94,["87"] = 94,["89"] = 95,["92"] = 98,["93"] = 99,["94"] = 99,["96"] = 100,["97"] = 101,["98"] = 101,["100"] = 102,["102"] = 106,["103"] = 107,["104"] = 108,["105"] = 109,["106"] = 110,["107"] = 111,["108"] = 112,["109"] = 113,["111"] = 115,["112"] = 115,["113"] = 115,["114"] = 115,["115"] = 115,["116"] = 115,["119"] = 117,["120"] = 117,["121"] = 117,["122"] = 117,["123"] = 117,["124"] = 118,["125"] = 118,["127"] = 119,["128"] = 120,["129"] = 121,["130"] = 121,["132"] = 123,["133"] = 123,["134"] = 123,["135"] = 123,["136"] = 123,["137"] = 123,["138"] = 123,["139"] = 123,["142"] = 124,["143"] = 125,["144"] = 126,["146"] = 130,["147"] = 131,["148"] = 132,["149"] = 133,["151"] = 21,["153"] = 23,["155"] = 25,["156"] = 27,["158"] = 30,["160"] = 33,["165"] = 43,["166"] = 44,["167"] = 45,["168"] = 45,["170"] = 46,["171"] = 47,["172"] = 47,["174"] = 48,["175"] = 49,["176"] = 49,["178"] = 50,["179"] = 51,["180"] = 51,["182"] = 53,["183"] = 54,["184"] = 54,["186"] = 55,["187"] = 55,["188"] = 55,["189"] = 55,["190"] = 43,["191"] = 136,["192"] = 137,["193"] = 138,["194"] = 139,["195"] = 140,["196"] = 141,["197"] = 142,["199"] = 136,["200"] = 146,["201"] = 147,["202"] = 148,["205"] = 149,["206"] = 150,["207"] = 150,["208"] = 150,["209"] = 150,["210"] = 146,["211"] = 153,["212"] = 154,["215"] = 155,["216"] = 155,["217"] = 155,["218"] = 156,["219"] = 157,["222"] = 160,["225"] = 161,["226"] = 162,["227"] = 163,["230"] = 165,["231"] = 166,["232"] = 166,["236"] = 168,["242"] = 170,["243"] = 170,["245"] = 171,["247"] = 155,["248"] = 155,["249"] = 153,["251"] = 176,["252"] = 177,["253"] = 178,["254"] = 178,["255"] = 178,["256"] = 178,["257"] = 176});
local ____exports = {}
local nodesPart, readAll, syncBySummary, syncChanges, publishChanges, read, CURSOR_TRUST_S
local config = require("runtime.config")
local ____snapshot = require("core.snapshot")
local buildSnapshot = ____snapshot.buildSnapshot
local markDrained = ____snapshot.markDrained
local monitorsSource = ____snapshot.monitorsSource
local ____monitor_maps = require("core.monitor_maps")
local rowsToEntries = ____monitor_maps.rowsToEntries
local ____dicts = require("runtime.dicts")
local KEYS = ____dicts.KEYS
local snapshotDict = ____dicts.snapshotDict
local ____guard = require("runtime.guard")
local guard = ____guard.guard
local ____lease = require("runtime.lease")
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
local LEASE = KEYS.locks.syncLease
--- A dead holder's lease lapses after this many intervals; then another worker syncs.
local LEASE_INTERVALS = 3
--- While the database stays down, repeat the error at most this often (seconds).
local REPEAT_ERROR_EVERY_S = 60
CURSOR_TRUST_S = 1800
--- kuma_snapshot key: when the failure was last logged, whichever worker synced then.
local ERROR_LOGGED_AT = KEYS.snapshot.errorLoggedAt
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
