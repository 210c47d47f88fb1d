local ____lualib = require("lualib_bundle")
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 9,["7"] = 10,["8"] = 10,["9"] = 12,["10"] = 12,["11"] = 13,["12"] = 14,["13"] = 15,["14"] = 15,["15"] = 15,["16"] = 15,["18"] = 18,["20"] = 26,["21"] = 28,["22"] = 29,["23"] = 30,["24"] = 30,["26"] = 31,["27"] = 31,["29"] = 32,["30"] = 33,["31"] = 33,["32"] = 33,["33"] = 33,["34"] = 28,["36"] = 37,["37"] = 38,["38"] = 39,["39"] = 39,["41"] = 40,["42"] = 40,["44"] = 41,["45"] = 41,["46"] = 41,["47"] = 41,["48"] = 37,["50"] = 45,["51"] = 46,["52"] = 47,["53"] = 47,["55"] = 48,["56"] = 49,["57"] = 50,["58"] = 50,["60"] = 51,["61"] = 52,["62"] = 52,["64"] = 53,["66"] = 54,["67"] = 45,["69"] = 58,["70"] = 59,["71"] = 60,["72"] = 60,["74"] = 61,["75"] = 62,["76"] = 63,["77"] = 64,["78"] = 65,["79"] = 66,["80"] = 67,["82"] = 69,["83"] = 70,["84"] = 71,["85"] = 72,["86"] = 73,["87"] = 73,["89"] = 75,["90"] = 76,["91"] = 76,["94"] = 78,["95"] = 58,["97"] = 82,["98"] = 83,["99"] = 84,["100"] = 84,["102"] = 85,["103"] = 86,["104"] = 87,["105"] = 87,["107"] = 88,["108"] = 88,["109"] = 88,["110"] = 88,["111"] = 82,["113"] = 92,["114"] = 93,["115"] = 94,["116"] = 95,["117"] = 96,["119"] = 98,["120"] = 99,["121"] = 99,["122"] = 99,["124"] = 99,["126"] = 99,["127"] = 92});
local ____exports = {}
local config = require("config")
local ____keys = require("core.keys")
local parseMonitorId = ____keys.parseMonitorId
local ____dicts = require("dicts")
local lookupsDict = ____dicts.lookupsDict
local budget = require("cluster.lookup_budget")
local db = require("cluster.db")
local ____queries = require("cluster.queries")
local monitorByIdSql = ____queries.monitorByIdSql
local monitorByTokenSql = ____queries.monitorByTokenSql
local monitorRows = ____queries.monitorRows
--- How often a waiting request looks for the first request's answer (seconds).
local WAIT_STEP_S = 0.005
--- The key was not looked up: the budget was spent, or the database did not answer.
____exports.SKIPPED = {id = "", owner = ""}
local function cached(key)
    local v = lookupsDict:get(key)
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
--- The monitor, undefined when the database has none, SKIPPED when it did not answer.
local function fetchOne(sql)
    local rows = monitorRows(db.query(sql, true))
    if rows == nil then
        return ____exports.SKIPPED
    end
    if #rows == 0 then
        return nil
    end
    return {
        id = tostring(rows[1].id),
        owner = rows[1].owner
    }
end
--- Asks the database for `key` within the budget; remembers the answer.
local function lookUp(key, sql)
    local slot = budget.acquire()
    if slot == nil then
        return ____exports.SKIPPED
    end
    local ref = fetchOne(sql)
    budget.release(slot)
    if ref == ____exports.SKIPPED then
        return ____exports.SKIPPED
    end
    local settings = config.get()
    if ref == nil then
        lookupsDict:set(key, "", settings.lookups.negativeTtlS)
    else
        lookupsDict:set(key, (ref.id .. " ") .. ref.owner, settings.router.syncIntervalS)
    end
    return ref
end
--- The remembered answer for `key`, else one lookup across all workers, else SKIPPED.
local function singleFlight(key, sql)
    local hit = cached(key)
    if hit ~= false then
        return hit
    end
    local waitS = 2 * config.get().db.timeoutMs / 1000
    local lock = "lock:" .. key
    local leader = lookupsDict:add(lock, 1, waitS)
    if leader then
        local ref = lookUp(key, sql)
        lookupsDict:delete(lock)
        return ref
    end
    local deadline = ngx.now() + waitS
    while ngx.now() < deadline do
        ngx.sleep(WAIT_STEP_S)
        local answer = cached(key)
        if answer ~= false then
            return answer
        end
        local held = lookupsDict:get(lock)
        if held == nil then
            return ____exports.SKIPPED
        end
    end
    return ____exports.SKIPPED
end
--- Monitor by id (a path segment): from the snapshot, else one lookup within the budget.
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
        "id:" .. key,
        monitorByIdSql(id)
    )
end
--- Monitor by push token: from the snapshot, else one lookup within the budget.
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
        ____temp_0 = singleFlight("token:" .. token, sql)
    end
    return ____temp_0
end
return ____exports
