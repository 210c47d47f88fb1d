local ____lualib = require("lualib_bundle")
local __TS__ArrayPush = ____lualib.__TS__ArrayPush
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 41,["7"] = 8,["8"] = 9,["9"] = 9,["10"] = 9,["11"] = 9,["12"] = 11,["13"] = 11,["14"] = 12,["15"] = 12,["16"] = 12,["17"] = 13,["18"] = 13,["19"] = 14,["20"] = 14,["21"] = 15,["22"] = 16,["23"] = 17,["24"] = 18,["25"] = 19,["26"] = 20,["27"] = 21,["28"] = 22,["29"] = 23,["30"] = 24,["31"] = 25,["32"] = 26,["33"] = 27,["34"] = 28,["35"] = 29,["36"] = 30,["37"] = 31,["38"] = 33,["39"] = 72,["40"] = 73,["41"] = 73,["42"] = 73,["43"] = 74,["44"] = 74,["45"] = 74,["46"] = 74,["47"] = 74,["48"] = 74,["49"] = 74,["50"] = 74,["51"] = 75,["52"] = 76,["54"] = 80,["55"] = 81,["56"] = 82,["57"] = 82,["59"] = 83,["60"] = 84,["62"] = 88,["63"] = 89,["64"] = 90,["65"] = 90,["67"] = 91,["68"] = 92,["70"] = 96,["71"] = 97,["72"] = 98,["73"] = 99,["74"] = 100,["75"] = 101,["76"] = 102,["77"] = 103,["78"] = 103,["80"] = 104,["81"] = 105,["82"] = 106,["83"] = 106,["85"] = 107,["86"] = 108,["87"] = 108,["89"] = 109,["92"] = 112,["93"] = 113,["94"] = 113,["96"] = 114,["97"] = 115,["98"] = 115,["100"] = 116,["102"] = 120,["103"] = 121,["104"] = 122,["105"] = 123,["106"] = 124,["107"] = 125,["108"] = 126,["109"] = 127,["111"] = 129,["112"] = 129,["113"] = 129,["114"] = 129,["115"] = 129,["116"] = 129,["119"] = 131,["120"] = 131,["121"] = 131,["122"] = 131,["123"] = 131,["124"] = 132,["125"] = 132,["127"] = 133,["128"] = 134,["129"] = 135,["130"] = 135,["132"] = 137,["133"] = 137,["134"] = 137,["135"] = 137,["136"] = 137,["137"] = 137,["138"] = 137,["139"] = 137,["142"] = 138,["143"] = 139,["144"] = 140,["146"] = 144,["147"] = 145,["148"] = 146,["149"] = 147,["151"] = 35,["153"] = 37,["155"] = 39,["156"] = 41,["158"] = 44,["160"] = 47,["165"] = 57,["166"] = 58,["167"] = 59,["168"] = 59,["170"] = 60,["171"] = 61,["172"] = 61,["174"] = 62,["175"] = 63,["176"] = 63,["178"] = 64,["179"] = 65,["180"] = 65,["182"] = 67,["183"] = 68,["184"] = 68,["186"] = 69,["187"] = 69,["188"] = 69,["189"] = 69,["190"] = 57,["191"] = 150,["192"] = 151,["193"] = 152,["194"] = 153,["195"] = 154,["196"] = 155,["197"] = 156,["199"] = 150,["200"] = 160,["201"] = 161,["202"] = 162,["205"] = 163,["206"] = 164,["207"] = 164,["208"] = 164,["209"] = 164,["210"] = 160,["211"] = 167,["212"] = 168,["215"] = 169,["216"] = 169,["217"] = 169,["218"] = 170,["219"] = 171,["222"] = 174,["225"] = 175,["226"] = 176,["227"] = 177,["230"] = 179,["231"] = 180,["232"] = 180,["236"] = 182,["242"] = 184,["243"] = 184,["245"] = 185,["247"] = 169,["248"] = 169,["249"] = 167,["251"] = 190,["252"] = 191,["253"] = 192,["254"] = 192,["255"] = 192,["256"] = 192,["257"] = 190});
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
