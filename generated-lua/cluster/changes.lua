local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 29,["7"] = 10,["8"] = 10,["9"] = 10,["10"] = 10,["11"] = 11,["12"] = 11,["13"] = 12,["14"] = 13,["15"] = 13,["16"] = 13,["17"] = 13,["18"] = 13,["19"] = 13,["20"] = 50,["21"] = 51,["22"] = 51,["23"] = 51,["24"] = 51,["25"] = 51,["26"] = 51,["27"] = 51,["28"] = 52,["29"] = 53,["30"] = 54,["31"] = 55,["33"] = 58,["34"] = 59,["37"] = 62,["38"] = 62,["40"] = 63,["41"] = 64,["44"] = 16,["46"] = 18,["48"] = 20,["49"] = 21,["50"] = 23,["51"] = 24,["52"] = 25,["53"] = 26,["54"] = 27,["58"] = 36,["59"] = 37,["60"] = 38,["61"] = 39,["62"] = 40,["63"] = 40,["65"] = 41,["66"] = 42,["67"] = 42,["68"] = 42,["69"] = 42,["70"] = 43,["71"] = 44,["72"] = 44,["74"] = 45,["75"] = 45,["77"] = 46,["78"] = 47,["79"] = 36,["81"] = 68,["82"] = 69,["83"] = 70,["84"] = 68,["86"] = 74,["87"] = 75,["88"] = 75,["89"] = 75,["90"] = 75,["91"] = 74,["92"] = 78,["93"] = 79,["94"] = 80,["95"] = 78,["97"] = 90,["98"] = 91,["99"] = 92,["100"] = 93,["101"] = 93,["103"] = 94,["104"] = 94,["106"] = 95,["107"] = 96,["108"] = 97,["111"] = 98,["113"] = 100,["114"] = 101,["115"] = 102,["116"] = 103,["117"] = 104,["118"] = 104,["119"] = 105,["120"] = 105,["123"] = 107,["124"] = 90,["126"] = 111,["127"] = 112,["128"] = 113,["129"] = 114,["132"] = 115,["133"] = 116,["134"] = 111});
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
    dict:set(CHECKED_AT, now)
    local count = singleNumber(
        db.query(CHANGE_TRIGGERS_COUNT_SQL),
        "n"
    )
    local ok = count == #CHANGE_TRIGGERS
    if not ok and count ~= nil then
        ok = install()
    end
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
    dict:delete(GAP_SINCE)
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
    if next < last then
        local now = ngx.now()
        local since = dict:get(GAP_SINCE)
        if type(since) ~= "number" then
            dict:set(GAP_SINCE, now)
        elseif now - since >= GAP_WAIT_S then
            next = last
        end
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
