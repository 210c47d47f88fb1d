local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 4,["6"] = 5,["7"] = 5,["8"] = 6,["9"] = 6,["10"] = 7,["11"] = 8,["12"] = 8,["13"] = 8,["15"] = 11,["16"] = 13,["17"] = 14,["18"] = 15,["19"] = 16,["21"] = 19,["22"] = 20,["23"] = 21,["24"] = 22,["27"] = 23,["28"] = 24,["29"] = 25,["30"] = 26,["31"] = 27,["32"] = 28,["33"] = 29,["34"] = 30,["35"] = 31,["37"] = 33,["38"] = 34,["39"] = 35,["40"] = 35,["42"] = 36,["45"] = 39,["46"] = 40,["47"] = 41,["48"] = 41,["49"] = 41,["50"] = 41,["51"] = 42,["52"] = 19,["54"] = 54,["55"] = 55,["56"] = 56,["57"] = 57,["58"] = 58,["59"] = 59,["60"] = 60,["61"] = 61,["62"] = 61,["65"] = 63,["66"] = 63,["67"] = 65,["68"] = 65,["69"] = 65,["70"] = 63,["71"] = 63,["72"] = 63,["73"] = 54});
local ____exports = {}
local cjson = require("cjson.safe")
local ____handover = require("core.handover")
local agentsByNode = ____handover.agentsByNode
local ____dicts = require("runtime.dicts")
local dict = ____dicts.snapshotDict
local db = require("cluster.db")
local ____queries = require("cluster.queries")
local AGENTS_SQL = ____queries.AGENTS_SQL
local agentRows = ____queries.agentRows
--- Seconds between reads: agents report once per heartbeat (30 s by default).
____exports.READ_EVERY_S = 5
local ROWS = "agents"
local READ_AT = "agents_read_at"
local TRIED_AT = "agents_tried_at"
local LAST_ERROR = "agents_error"
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
