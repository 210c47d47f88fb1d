local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 4,["6"] = 5,["7"] = 5,["8"] = 6,["9"] = 6,["10"] = 6,["11"] = 7,["12"] = 8,["13"] = 8,["14"] = 8,["16"] = 11,["17"] = 13,["18"] = 14,["19"] = 15,["20"] = 16,["22"] = 19,["23"] = 20,["24"] = 21,["25"] = 22,["28"] = 23,["29"] = 24,["30"] = 25,["31"] = 26,["32"] = 27,["33"] = 28,["34"] = 29,["35"] = 30,["36"] = 31,["38"] = 33,["39"] = 34,["40"] = 35,["41"] = 35,["43"] = 36,["46"] = 39,["47"] = 40,["48"] = 41,["49"] = 41,["50"] = 41,["51"] = 41,["52"] = 42,["53"] = 19,["55"] = 54,["56"] = 55,["57"] = 56,["58"] = 57,["59"] = 58,["60"] = 59,["61"] = 60,["62"] = 61,["63"] = 61,["66"] = 63,["67"] = 63,["68"] = 65,["69"] = 65,["70"] = 65,["71"] = 63,["72"] = 63,["73"] = 63,["74"] = 54});
local ____exports = {}
local cjson = require("cjson.safe")
local ____handover = require("core.handover")
local agentsByNode = ____handover.agentsByNode
local ____dicts = require("runtime.dicts")
local KEYS = ____dicts.KEYS
local dict = ____dicts.snapshotDict
local db = require("cluster.db")
local ____queries = require("cluster.queries")
local AGENTS_SQL = ____queries.AGENTS_SQL
local agentRows = ____queries.agentRows
--- Seconds between reads: agents report once per heartbeat (30 s by default).
____exports.READ_EVERY_S = 5
local ROWS = KEYS.snapshot.agents
local READ_AT = KEYS.snapshot.agentsReadAt
local TRIED_AT = KEYS.snapshot.agentsTriedAt
local LAST_ERROR = KEYS.snapshot.agentsError
--- Reads the agents' rows when the last try is READ_EVERY_S old (by the syncing worker).
function ____exports.refresh()
    local now = ngx.now()
    local triedAt = dict:get(TRIED_AT)
    if type(triedAt) == "number" and now - triedAt < ____exports.READ_EVERY_S then
        return
    end
    dict:set(TRIED_AT, now)
    local res = db.query(AGENTS_SQL)
    local rows = agentRows(res)
    local json
    local err = res.error or "no rows"
    if rows ~= nil then
        local encoded, encErr = cjson.encode(rows)
        json = encoded
        err = encErr or err
    end
    if json == nil then
        local previous = dict:get(LAST_ERROR)
        if previous ~= err then
            ngx.log(ngx.WARN, "reading kuma_cluster_agent failed, /lb/status keeps the last rows: " .. err)
        end
        dict:set(LAST_ERROR, err)
        return
    end
    ngx.update_time()
    dict:set(ROWS, json)
    dict:set(
        READ_AT,
        ngx.now()
    )
    dict:delete(LAST_ERROR)
end
--- The last rows read (decoded per call: for /lb/status and /metrics, never per request).
function ____exports.current()
    local json = dict:get(ROWS)
    local readAt = dict:get(READ_AT)
    local lastError = dict:get(LAST_ERROR)
    local rows = {}
    if type(json) == "string" then
        local decoded = cjson.decode(json)
        if type(decoded) == "table" then
            rows = decoded
        end
    end
    return {
        byNode = agentsByNode(rows),
        sinceReadS = type(readAt) == "number" and math.max(
            0,
            ngx.now() - readAt
        ) or nil,
        lastError = type(lastError) == "string" and lastError or nil
    }
end
return ____exports
