local ____lualib = require("lualib_bundle")
local __TS__ArrayPush = ____lualib.__TS__ArrayPush
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 26,["7"] = 7,["8"] = 8,["9"] = 8,["10"] = 8,["11"] = 10,["12"] = 10,["13"] = 11,["14"] = 11,["15"] = 11,["16"] = 12,["17"] = 12,["18"] = 13,["19"] = 13,["20"] = 14,["21"] = 15,["22"] = 16,["23"] = 17,["24"] = 17,["25"] = 17,["26"] = 17,["27"] = 17,["28"] = 17,["29"] = 17,["30"] = 17,["31"] = 17,["32"] = 17,["33"] = 17,["34"] = 17,["35"] = 18,["36"] = 55,["37"] = 56,["38"] = 56,["39"] = 56,["40"] = 56,["41"] = 56,["42"] = 56,["43"] = 56,["44"] = 57,["46"] = 61,["47"] = 62,["48"] = 63,["49"] = 63,["51"] = 64,["52"] = 65,["54"] = 69,["55"] = 70,["56"] = 71,["57"] = 71,["59"] = 72,["60"] = 73,["62"] = 77,["63"] = 78,["64"] = 79,["65"] = 80,["66"] = 81,["67"] = 82,["68"] = 83,["69"] = 84,["70"] = 84,["72"] = 85,["73"] = 86,["74"] = 87,["75"] = 87,["77"] = 88,["78"] = 89,["79"] = 89,["81"] = 90,["84"] = 93,["85"] = 94,["86"] = 94,["88"] = 95,["89"] = 96,["90"] = 96,["92"] = 97,["94"] = 101,["95"] = 102,["96"] = 103,["97"] = 104,["98"] = 105,["99"] = 106,["100"] = 107,["101"] = 108,["103"] = 110,["104"] = 110,["105"] = 110,["106"] = 110,["107"] = 110,["108"] = 110,["111"] = 112,["112"] = 112,["113"] = 112,["114"] = 112,["115"] = 112,["116"] = 113,["117"] = 113,["119"] = 114,["120"] = 115,["121"] = 116,["122"] = 116,["124"] = 118,["125"] = 118,["126"] = 118,["127"] = 118,["128"] = 118,["129"] = 118,["130"] = 118,["131"] = 118,["134"] = 119,["135"] = 120,["136"] = 121,["138"] = 125,["139"] = 126,["140"] = 127,["141"] = 128,["143"] = 20,["145"] = 22,["147"] = 24,["148"] = 26,["150"] = 29,["152"] = 32,["157"] = 42,["158"] = 43,["159"] = 44,["160"] = 44,["162"] = 45,["163"] = 46,["164"] = 46,["166"] = 47,["167"] = 48,["168"] = 48,["170"] = 50,["171"] = 51,["172"] = 51,["174"] = 52,["175"] = 52,["176"] = 52,["177"] = 52,["178"] = 42,["179"] = 131,["180"] = 132,["181"] = 133,["182"] = 134,["183"] = 135,["184"] = 136,["185"] = 137,["187"] = 131,["188"] = 141,["189"] = 142,["190"] = 143,["193"] = 144,["194"] = 145,["195"] = 145,["196"] = 145,["197"] = 145,["198"] = 141,["199"] = 148,["200"] = 149,["203"] = 150,["204"] = 150,["205"] = 150,["206"] = 151,["207"] = 152,["210"] = 155,["213"] = 156,["214"] = 157,["215"] = 158,["218"] = 160,["219"] = 161,["220"] = 161,["224"] = 163,["230"] = 165,["231"] = 165,["233"] = 166,["235"] = 150,["236"] = 150,["237"] = 148,["239"] = 171,["240"] = 172,["241"] = 173,["242"] = 173,["243"] = 173,["244"] = 173,["245"] = 171});
local ____exports = {}
local nodesPart, readAll, syncBySummary, syncChanges, publishChanges, read, CURSOR_TRUST_S
local config = require("runtime.config")
local ____snapshot = require("core.snapshot")
local buildSnapshot = ____snapshot.buildSnapshot
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
