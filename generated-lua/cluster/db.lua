local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 3,["6"] = 4,["8"] = 7,["10"] = 9,["12"] = 15,["13"] = 16,["14"] = 17,["15"] = 17,["17"] = 18,["18"] = 19,["19"] = 20,["20"] = 20,["21"] = 20,["22"] = 20,["23"] = 20,["24"] = 20,["25"] = 20,["26"] = 20,["27"] = 20,["28"] = 29,["29"] = 30,["31"] = 32,["32"] = 33,["33"] = 34,["34"] = 35,["36"] = 37,["37"] = 38,["38"] = 15,["40"] = 42,["41"] = 43,["42"] = 43,["43"] = 43,["45"] = 43,["47"] = 43,["48"] = 42,["49"] = 46,["50"] = 47,["51"] = 48,["52"] = 46,["53"] = 51,["54"] = 52,["55"] = 53,["56"] = 53,["58"] = 54,["59"] = 54,["60"] = 54,["62"] = 54,["64"] = 54,["65"] = 55,["66"] = 51});
local ____exports = {}
local mysql = require("resty.mysql")
local config = require("config")
--- Idle pooled connections live this long, so a 1 s sync reuses its connection.
local KEEPALIVE_MS = 60000
--- Per worker: the sync, the prober and a few missing-key lookups at once.
local POOL_SIZE = 8
--- Runs one statement on a pooled connection. Never throws: failures come back as `error`.
function ____exports.query(sql)
    local conn, newErr = mysql.new()
    if conn == nil then
        return {error = "mysql.new: " .. tostring(newErr)}
    end
    local db = config.get().db
    conn:set_timeout(db.timeoutMs)
    local connected, connErr, connErrno = conn:connect({
        host = db.host,
        port = db.port,
        user = db.user,
        password = db.password,
        database = db.database,
        charset = "utf8mb4",
        pool_size = POOL_SIZE
    })
    if connected == nil then
        return {error = ((((("connect " .. db.host) .. ":") .. tostring(db.port)) .. ": ") .. tostring(connErr)) .. (connErrno ~= nil and (" (" .. tostring(connErrno)) .. ")" or "")}
    end
    local res, err, errno, sqlstate = conn:query(sql)
    if res == nil then
        conn:close()
        return {error = ("query failed: " .. tostring(err)) .. (errno ~= nil and (((" (" .. tostring(errno)) .. " ") .. tostring(sqlstate)) .. ")" or "")}
    end
    conn:set_keepalive(KEEPALIVE_MS, POOL_SIZE)
    return res.affected_rows ~= nil and ({ok = res}) or ({rows = res})
end
--- ngx.null and missing values become undefined; everything else is kept.
function ____exports.value(v)
    local ____temp_0
    if v == nil or v == ngx.null then
        ____temp_0 = nil
    else
        ____temp_0 = v
    end
    return ____temp_0
end
function ____exports.text(v)
    local x = ____exports.value(v)
    return x == nil and "" or tostring(x)
end
function ____exports.num(v, fallback)
    local x = ____exports.value(v)
    if type(x) == "number" then
        return x
    end
    local ____temp_1
    if x == nil then
        ____temp_1 = nil
    else
        ____temp_1 = tonumber(x)
    end
    local n = ____temp_1
    return n or fallback
end
return ____exports
