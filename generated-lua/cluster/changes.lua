local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 29,["7"] = 10,["8"] = 10,["9"] = 10,["10"] = 10,["11"] = 11,["12"] = 11,["13"] = 12,["14"] = 13,["15"] = 13,["16"] = 13,["17"] = 13,["18"] = 13,["19"] = 13,["20"] = 59,["21"] = 60,["22"] = 60,["23"] = 60,["24"] = 60,["25"] = 60,["26"] = 60,["27"] = 60,["28"] = 61,["29"] = 62,["30"] = 62,["32"] = 63,["33"] = 64,["34"] = 65,["36"] = 68,["37"] = 69,["40"] = 72,["41"] = 72,["43"] = 73,["44"] = 74,["47"] = 16,["49"] = 18,["51"] = 20,["52"] = 21,["53"] = 23,["54"] = 24,["55"] = 25,["56"] = 26,["57"] = 27,["61"] = 36,["62"] = 37,["63"] = 38,["64"] = 39,["65"] = 40,["66"] = 40,["68"] = 41,["69"] = 41,["70"] = 41,["71"] = 41,["72"] = 43,["73"] = 43,["75"] = 44,["76"] = 45,["77"] = 46,["78"] = 48,["79"] = 48,["81"] = 49,["82"] = 50,["83"] = 50,["86"] = 52,["87"] = 53,["88"] = 53,["90"] = 54,["91"] = 55,["92"] = 36,["94"] = 78,["95"] = 79,["96"] = 80,["97"] = 78,["99"] = 84,["100"] = 85,["101"] = 85,["102"] = 85,["103"] = 85,["104"] = 84,["105"] = 88,["106"] = 89,["107"] = 88,["109"] = 99,["110"] = 100,["111"] = 101,["112"] = 102,["113"] = 102,["115"] = 103,["116"] = 103,["118"] = 104,["119"] = 105,["120"] = 106,["123"] = 107,["125"] = 109,["126"] = 110,["127"] = 111,["128"] = 112,["129"] = 112,["131"] = 113,["132"] = 114,["133"] = 114,["134"] = 114,["135"] = 114,["136"] = 115,["137"] = 116,["138"] = 117,["140"] = 119,["141"] = 99,["143"] = 123,["144"] = 124,["145"] = 125,["146"] = 126,["149"] = 127,["150"] = 128,["151"] = 123});
local ____exports = {}
local install, lastInstallError
local ____router_tables = require("core.router_tables")
local CHANGE_TABLE_DDL = ____router_tables.CHANGE_TABLE_DDL
local CHANGE_TRIGGERS = ____router_tables.CHANGE_TRIGGERS
local CHANGE_TRIGGERS_COUNT_SQL = ____router_tables.CHANGE_TRIGGERS_COUNT_SQL
local ____dicts = require("dicts")
local dict = ____dicts.snapshotDict
local db = require("cluster.db")
local ____queries = require("cluster.queries")
local CHANGE_CURSOR_SQL = ____queries.CHANGE_CURSOR_SQL
local PRUNE_CHANGES_SQL = ____queries.PRUNE_CHANGES_SQL
local changeRows = ____queries.changeRows
local changesSinceSql = ____queries.changesSinceSql
local singleNumber = ____queries.singleNumber
function install()
    for ____, ddl in ipairs({
        CHANGE_TABLE_DDL,
        unpack(__TS__ArrayMap(
            CHANGE_TRIGGERS,
            function(____, t) return t.ddl end
        ))
    }) do
        local res = db.query(ddl)
        if res.errno == db.NO_SUCH_TABLE then
            return nil
        end
        if res.error ~= nil then
            if res.error ~= lastInstallError then
                ngx.log(ngx.ERR, "snapshot sync: cannot install the monitor change log (run kuma-cluster-node migrate, or grant TRIGGER), " .. "every change reads all monitors: " .. res.error)
            end
            lastInstallError = res.error
            return false
        end
    end
    if lastInstallError ~= nil then
        ngx.log(ngx.NOTICE, "snapshot sync: monitor change log installed")
    end
    lastInstallError = nil
    return true
end
--- Check the triggers this often (seconds): a fork migration that recreated `monitor` drops them.
local CHECK_EVERY_S = 30
--- A hole in the sequence older than this is taken for a rollback (seconds).
local GAP_WAIT_S = 3
--- More changes than this since the cursor: a full read is cheaper than the list.
____exports.MAX_CHANGES = 5000
local PRUNE_EVERY_S = 60
local CHECKED_AT = "changes_checked_at"
local COMPLETE = "changes_complete"
local CURSOR = "changes_cursor"
local GAP_SINCE = "changes_gap_since"
local PRUNED_AT = "changes_pruned_at"
--- True when the triggers are in place (checked every CHECK_EVERY_S); installs what is missing.
-- A change log that was just completed has missed changes: the cursor goes, so the next sync
-- reads everything.
function ____exports.available()
    local now = ngx.now()
    local checkedAt = dict:get(CHECKED_AT)
    local complete = dict:get(COMPLETE)
    if type(checkedAt) == "number" and now - checkedAt < CHECK_EVERY_S then
        return complete == true
    end
    local count = singleNumber(
        db.query(CHANGE_TRIGGERS_COUNT_SQL),
        "n"
    )
    if count == nil then
        return complete == true
    end
    local ok = count == #CHANGE_TRIGGERS
    if not ok then
        local installed = install()
        if installed == nil then
            return false
        end
        ok = installed
        if ok then
            dict:delete(CURSOR)
        end
    end
    dict:set(CHECKED_AT, now)
    if ok and complete ~= true then
        dict:delete(CURSOR)
    end
    dict:set(COMPLETE, ok)
    return ok
end
--- The cursor the stored monitors include, or undefined (then only a full read will do).
function ____exports.cursor()
    local c = dict:get(CURSOR)
    return type(c) == "number" and c or nil
end
--- The log's last sequence number now: read before the monitors of a full read.
function ____exports.head()
    return singleNumber(
        db.query(CHANGE_CURSOR_SQL),
        "seq"
    )
end
function ____exports.setCursor(seq)
    dict:set(CURSOR, seq)
end
--- The rows after `from`; "overflow" when there are more than MAX_CHANGES; an error as a string.
function ____exports.since(from)
    local res = db.query(changesSinceSql(from, ____exports.MAX_CHANGES + 1))
    local rows = changeRows(res)
    if rows == nil then
        return "change log: " .. (res.error or "no rows")
    end
    if #rows > ____exports.MAX_CHANGES then
        return "overflow"
    end
    local next = from
    for ____, r in ipairs(rows) do
        if r.seq ~= next + 1 then
            break
        end
        next = r.seq
    end
    local last = #rows > 0 and rows[#rows].seq or from
    local gapSince = dict:get(GAP_SINCE)
    if next == last then
        if gapSince ~= nil then
            dict:delete(GAP_SINCE)
        end
    elseif type(gapSince) ~= "number" then
        dict:set(
            GAP_SINCE,
            ngx.now()
        )
    elseif ngx.now() - gapSince >= GAP_WAIT_S then
        next = last
        dict:delete(GAP_SINCE)
    end
    return {rows = rows, next = next}
end
--- Deletes rows older than an hour, once a minute at most.
function ____exports.prune()
    local now = ngx.now()
    local at = dict:get(PRUNED_AT)
    if type(at) == "number" and now - at < PRUNE_EVERY_S then
        return
    end
    dict:set(PRUNED_AT, now)
    db.query(PRUNE_CHANGES_SQL)
end
return ____exports
