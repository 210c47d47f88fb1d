local ____lualib = require("lualib_bundle")
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 9,["7"] = 10,["8"] = 10,["9"] = 12,["10"] = 12,["11"] = 12,["12"] = 13,["13"] = 14,["14"] = 15,["15"] = 15,["16"] = 15,["17"] = 15,["19"] = 18,["21"] = 26,["22"] = 28,["23"] = 29,["24"] = 30,["25"] = 30,["27"] = 31,["28"] = 31,["30"] = 32,["31"] = 33,["32"] = 33,["33"] = 33,["34"] = 33,["35"] = 28,["37"] = 37,["38"] = 38,["39"] = 39,["40"] = 39,["42"] = 40,["43"] = 40,["45"] = 41,["46"] = 41,["47"] = 41,["48"] = 41,["49"] = 37,["51"] = 45,["52"] = 46,["53"] = 47,["54"] = 47,["56"] = 48,["57"] = 49,["58"] = 50,["59"] = 50,["61"] = 51,["62"] = 52,["63"] = 52,["65"] = 53,["67"] = 54,["68"] = 45,["70"] = 58,["71"] = 59,["72"] = 60,["73"] = 60,["75"] = 61,["76"] = 62,["77"] = 63,["78"] = 64,["79"] = 65,["80"] = 66,["81"] = 67,["83"] = 69,["84"] = 70,["85"] = 71,["86"] = 72,["87"] = 73,["88"] = 73,["90"] = 75,["91"] = 76,["92"] = 76,["95"] = 78,["96"] = 58,["98"] = 82,["99"] = 83,["100"] = 84,["101"] = 84,["103"] = 85,["104"] = 86,["105"] = 87,["106"] = 87,["108"] = 88,["109"] = 88,["110"] = 88,["111"] = 88,["112"] = 82,["114"] = 92,["115"] = 93,["116"] = 94,["117"] = 95,["118"] = 96,["120"] = 98,["121"] = 99,["122"] = 99,["123"] = 99,["125"] = 99,["127"] = 99,["128"] = 92});
local ____exports = {}
local config = require("runtime.config")
local ____keys = require("core.keys")
local parseMonitorId = ____keys.parseMonitorId
local ____dicts = require("runtime.dicts")
local KEYS = ____dicts.KEYS
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
    local lock = KEYS.lookups.lock .. key
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
        KEYS.lookups.byId .. key,
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
        ____temp_0 = singleFlight(KEYS.lookups.byToken .. token, sql)
    end
    return ____temp_0
end
return ____exports
