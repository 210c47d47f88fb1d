local ____lualib = require("lualib_bundle")
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 4,["7"] = 5,["8"] = 5,["9"] = 7,["10"] = 7,["11"] = 7,["12"] = 7,["13"] = 8,["14"] = 9,["15"] = 9,["16"] = 9,["17"] = 9,["19"] = 12,["20"] = 19,["21"] = 20,["22"] = 21,["23"] = 21,["25"] = 22,["26"] = 22,["28"] = 23,["29"] = 24,["30"] = 24,["31"] = 24,["32"] = 24,["33"] = 19,["34"] = 27,["35"] = 28,["36"] = 29,["37"] = 29,["39"] = 30,["40"] = 30,["41"] = 30,["42"] = 30,["43"] = 27,["45"] = 34,["46"] = 35,["47"] = 36,["48"] = 36,["50"] = 37,["51"] = 38,["52"] = 39,["53"] = 40,["54"] = 41,["55"] = 42,["56"] = 43,["57"] = 44,["59"] = 46,["60"] = 47,["61"] = 48,["62"] = 49,["63"] = 50,["64"] = 50,["67"] = 52,["68"] = 34,["70"] = 56,["71"] = 57,["72"] = 58,["73"] = 58,["75"] = 59,["76"] = 60,["77"] = 61,["78"] = 61,["80"] = 62,["81"] = 62,["82"] = 62,["83"] = 62,["84"] = 56,["86"] = 66,["87"] = 67,["88"] = 68,["89"] = 69,["90"] = 70,["92"] = 72,["93"] = 73,["94"] = 73,["95"] = 73,["97"] = 73,["99"] = 73,["100"] = 66});
local ____exports = {}
local config = require("runtime.config")
local ____keys = require("core.keys")
local parseMonitorId = ____keys.parseMonitorId
local ____dicts = require("runtime.dicts")
local KEYS = ____dicts.KEYS
local locksDict = ____dicts.locksDict
local snapshotDict = ____dicts.snapshotDict
local db = require("cluster.db")
local ____queries = require("cluster.queries")
local monitorByIdSql = ____queries.monitorByIdSql
local monitorByTokenSql = ____queries.monitorByTokenSql
local monitorRows = ____queries.monitorRows
--- How often a waiting request looks for the first request's answer (seconds).
local WAIT_STEP_S = 0.005
local function cached(key)
    local v = snapshotDict:get(key)
    if type(v) ~= "string" then
        return false
    end
    if v == "" then
        return nil
    end
    local space = (string.find(v, " ", nil, true) or 0) - 1
    return {
        id = __TS__StringSubstring(v, 0, space),
        owner = __TS__StringSubstring(v, space + 1)
    }
end
local function fetchOne(sql)
    local rows = monitorRows(db.query(sql))
    if rows == nil or #rows == 0 then
        return nil
    end
    return {
        id = tostring(rows[1].id),
        owner = rows[1].owner
    }
end
--- The cached answer for `key`, asking the database once per interval across all workers.
local function singleFlight(key, sql)
    local hit = cached(key)
    if hit ~= false then
        return hit
    end
    local settings = config.get()
    local waitS = settings.db.timeoutMs / 1000
    local leader = locksDict:add(key, 1, waitS)
    if leader then
        local ref = fetchOne(sql)
        snapshotDict:set(key, ref == nil and "" or (ref.id .. " ") .. ref.owner, settings.router.syncIntervalS)
        locksDict:delete(key)
        return ref
    end
    local deadline = ngx.now() + waitS
    while ngx.now() < deadline do
        ngx.sleep(WAIT_STEP_S)
        local answer = cached(key)
        if answer ~= false then
            return answer
        end
    end
    return nil
end
--- Monitor by id (a path segment): from the snapshot, else one lookup per interval.
function ____exports.monitorById(snapshot, rawId)
    local id = parseMonitorId(rawId)
    if id == nil then
        return nil
    end
    local key = tostring(id)
    local owner = snapshot.ownerOf[key]
    if owner ~= nil then
        return {id = key, owner = owner}
    end
    return singleFlight(
        KEYS.snapshot.missById .. key,
        monitorByIdSql(id)
    )
end
--- Monitor by push token: from the snapshot, else one lookup per interval.
function ____exports.monitorByToken(snapshot, token)
    local id = snapshot.monitorOfToken[token]
    if id ~= nil then
        local owner = snapshot.ownerOf[id]
        return owner ~= nil and ({id = id, owner = owner}) or nil
    end
    local sql = monitorByTokenSql(token)
    local ____temp_0
    if sql == nil then
        ____temp_0 = nil
    else
        ____temp_0 = singleFlight(KEYS.snapshot.missByToken .. token, sql)
    end
    return ____temp_0
end
return ____exports
