local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 29,["7"] = 10,["8"] = 10,["9"] = 10,["10"] = 10,["11"] = 11,["12"] = 11,["13"] = 12,["14"] = 13,["15"] = 13,["16"] = 13,["17"] = 13,["18"] = 13,["19"] = 13,["20"] = 53,["21"] = 54,["22"] = 54,["23"] = 54,["24"] = 54,["25"] = 54,["26"] = 54,["27"] = 54,["28"] = 55,["29"] = 56,["30"] = 57,["31"] = 58,["33"] = 61,["34"] = 62,["37"] = 65,["38"] = 65,["40"] = 66,["41"] = 67,["44"] = 16,["46"] = 18,["48"] = 20,["49"] = 21,["50"] = 23,["51"] = 24,["52"] = 25,["53"] = 26,["54"] = 27,["58"] = 36,["59"] = 37,["60"] = 38,["61"] = 39,["62"] = 40,["63"] = 40,["65"] = 41,["66"] = 42,["67"] = 42,["68"] = 42,["69"] = 42,["70"] = 43,["71"] = 44,["72"] = 45,["73"] = 46,["74"] = 46,["77"] = 48,["78"] = 48,["80"] = 49,["81"] = 50,["82"] = 36,["84"] = 71,["85"] = 72,["86"] = 73,["87"] = 71,["89"] = 77,["90"] = 78,["91"] = 78,["92"] = 78,["93"] = 78,["94"] = 77,["95"] = 81,["96"] = 82,["97"] = 83,["98"] = 81,["100"] = 93,["101"] = 94,["102"] = 95,["103"] = 96,["104"] = 96,["106"] = 97,["107"] = 97,["109"] = 98,["110"] = 99,["111"] = 100,["114"] = 101,["116"] = 103,["117"] = 104,["118"] = 105,["119"] = 106,["120"] = 107,["121"] = 107,["122"] = 108,["123"] = 108,["126"] = 110,["127"] = 93,["129"] = 114,["130"] = 115,["131"] = 116,["132"] = 117,["135"] = 118,["136"] = 119,["137"] = 114});
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
        if ok then
            dict:delete(CURSOR)
        end
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
