local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 29,["7"] = 10,["8"] = 10,["9"] = 10,["10"] = 10,["11"] = 11,["12"] = 11,["13"] = 11,["14"] = 12,["15"] = 13,["16"] = 13,["17"] = 13,["18"] = 13,["19"] = 13,["20"] = 13,["21"] = 59,["22"] = 60,["23"] = 60,["24"] = 60,["25"] = 60,["26"] = 60,["27"] = 60,["28"] = 60,["29"] = 61,["30"] = 62,["31"] = 62,["33"] = 63,["34"] = 64,["35"] = 65,["37"] = 71,["38"] = 72,["41"] = 75,["42"] = 75,["44"] = 76,["45"] = 77,["48"] = 16,["50"] = 18,["52"] = 20,["53"] = 21,["54"] = 23,["55"] = 24,["56"] = 25,["57"] = 26,["58"] = 27,["62"] = 36,["63"] = 37,["64"] = 38,["65"] = 39,["66"] = 40,["67"] = 40,["69"] = 41,["70"] = 41,["71"] = 41,["72"] = 41,["73"] = 43,["74"] = 43,["76"] = 44,["77"] = 45,["78"] = 46,["79"] = 48,["80"] = 48,["82"] = 49,["83"] = 50,["84"] = 50,["87"] = 52,["88"] = 53,["89"] = 53,["91"] = 54,["92"] = 55,["93"] = 36,["95"] = 81,["96"] = 82,["97"] = 83,["98"] = 81,["100"] = 87,["101"] = 88,["102"] = 88,["103"] = 88,["104"] = 88,["105"] = 87,["106"] = 91,["107"] = 92,["108"] = 91,["110"] = 102,["111"] = 103,["112"] = 104,["113"] = 105,["114"] = 105,["116"] = 106,["117"] = 106,["119"] = 107,["120"] = 108,["121"] = 109,["124"] = 110,["126"] = 112,["127"] = 113,["128"] = 114,["129"] = 115,["130"] = 115,["132"] = 116,["133"] = 117,["134"] = 117,["135"] = 117,["136"] = 117,["137"] = 118,["138"] = 119,["139"] = 120,["141"] = 122,["142"] = 102,["144"] = 126,["145"] = 127,["146"] = 128,["147"] = 129,["150"] = 130,["151"] = 131,["152"] = 126});
local ____exports = {}
local install, lastInstallError
local ____router_tables = require("core.router_tables")
local CHANGE_TABLE_DDL = ____router_tables.CHANGE_TABLE_DDL
local CHANGE_TRIGGERS = ____router_tables.CHANGE_TRIGGERS
local CHANGE_TRIGGERS_COUNT_SQL = ____router_tables.CHANGE_TRIGGERS_COUNT_SQL
local ____dicts = require("runtime.dicts")
local KEYS = ____dicts.KEYS
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
local CHECKED_AT = KEYS.snapshot.changesCheckedAt
local COMPLETE = KEYS.snapshot.changesComplete
local CURSOR = KEYS.snapshot.changesCursor
local GAP_SINCE = KEYS.snapshot.changesGapSince
local PRUNED_AT = KEYS.snapshot.changesPrunedAt
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
