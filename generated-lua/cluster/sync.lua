local ____lualib = require("lualib_bundle")
local __TS__ArrayPush = ____lualib.__TS__ArrayPush
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 26,["7"] = 7,["8"] = 8,["9"] = 8,["10"] = 8,["11"] = 10,["12"] = 10,["13"] = 11,["14"] = 11,["15"] = 12,["16"] = 12,["17"] = 13,["18"] = 13,["19"] = 14,["20"] = 15,["21"] = 16,["22"] = 17,["23"] = 17,["24"] = 17,["25"] = 17,["26"] = 17,["27"] = 17,["28"] = 17,["29"] = 17,["30"] = 17,["31"] = 17,["32"] = 17,["33"] = 17,["34"] = 18,["35"] = 55,["36"] = 56,["37"] = 56,["38"] = 56,["39"] = 56,["40"] = 56,["41"] = 56,["42"] = 56,["43"] = 57,["45"] = 61,["46"] = 62,["47"] = 63,["48"] = 63,["50"] = 64,["51"] = 65,["53"] = 69,["54"] = 70,["55"] = 71,["56"] = 71,["58"] = 72,["59"] = 73,["61"] = 77,["62"] = 78,["63"] = 79,["64"] = 80,["65"] = 81,["66"] = 82,["67"] = 83,["68"] = 84,["69"] = 84,["71"] = 85,["72"] = 86,["73"] = 87,["74"] = 87,["76"] = 88,["77"] = 89,["78"] = 89,["80"] = 90,["83"] = 93,["84"] = 94,["85"] = 94,["87"] = 95,["88"] = 96,["89"] = 96,["91"] = 97,["93"] = 101,["94"] = 102,["95"] = 103,["96"] = 104,["97"] = 105,["98"] = 106,["99"] = 107,["100"] = 108,["102"] = 110,["103"] = 110,["104"] = 110,["105"] = 110,["106"] = 110,["107"] = 110,["110"] = 112,["111"] = 112,["112"] = 112,["113"] = 112,["114"] = 112,["115"] = 113,["116"] = 113,["118"] = 114,["119"] = 115,["120"] = 116,["121"] = 116,["123"] = 118,["124"] = 118,["125"] = 118,["126"] = 118,["127"] = 118,["128"] = 118,["129"] = 118,["130"] = 118,["133"] = 119,["134"] = 120,["135"] = 121,["137"] = 125,["138"] = 126,["139"] = 127,["140"] = 128,["142"] = 20,["144"] = 22,["146"] = 24,["147"] = 26,["149"] = 29,["151"] = 32,["156"] = 42,["157"] = 43,["158"] = 44,["159"] = 44,["161"] = 45,["162"] = 46,["163"] = 46,["165"] = 47,["166"] = 48,["167"] = 48,["169"] = 50,["170"] = 51,["171"] = 51,["173"] = 52,["174"] = 52,["175"] = 52,["176"] = 52,["177"] = 42,["178"] = 131,["179"] = 132,["180"] = 133,["181"] = 134,["182"] = 135,["183"] = 136,["184"] = 137,["186"] = 131,["187"] = 141,["188"] = 142,["189"] = 143,["192"] = 144,["193"] = 145,["194"] = 145,["195"] = 145,["196"] = 145,["197"] = 141,["198"] = 148,["199"] = 149,["202"] = 150,["203"] = 150,["204"] = 150,["205"] = 151,["206"] = 152,["209"] = 155,["212"] = 156,["213"] = 157,["214"] = 158,["217"] = 160,["218"] = 161,["219"] = 161,["223"] = 163,["229"] = 165,["230"] = 165,["232"] = 166,["234"] = 150,["235"] = 150,["236"] = 148,["238"] = 171,["239"] = 172,["240"] = 173,["241"] = 173,["242"] = 173,["243"] = 173,["244"] = 171});
local ____exports = {}
local nodesPart, readAll, syncBySummary, syncChanges, publishChanges, read, CURSOR_TRUST_S
local config = require("config")
local ____snapshot = require("core.snapshot")
local buildSnapshot = ____snapshot.buildSnapshot
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
local MONITORS_SQL = ____queries.MONITORS_SQL
local MONITOR_GROUPS_SQL = ____queries.MONITOR_GROUPS_SQL
local NODES_SQL = ____queries.NODES_SQL
local SETUP_SQL = ____queries.SETUP_SQL
local activeMonitorsSql = ____queries.activeMonitorsSql
local awayRows = ____queries.awayRows
local monitorGroups = ____queries.monitorGroups
local monitorRows = ____queries.monitorRows
local nodeRows = ____queries.nodeRows
local setupComplete = ____queries.setupComplete
local store = require("cluster.snapshot_store")
function nodesPart(rows, setup, away)
    local built = buildSnapshot(
        rows,
        {},
        setup,
        config.get().hostRules,
        away
    )
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
    local step = changes.available() and syncChanges() or syncBySummary()
    if step.error ~= nil then
        return nil, step.error
    end
    local away = read(AWAY_SQL, awayRows, "moved monitors")
    if away.value == nil then
        return nil, away.error
    end
    return store.publishNodes(
        nodesPart(nodes.value, setup.value, away.value),
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
