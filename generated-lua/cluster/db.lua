local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 3,["6"] = 4,["7"] = 5,["8"] = 5,["10"] = 8,["12"] = 10,["14"] = 16,["15"] = 17,["16"] = 18,["17"] = 18,["19"] = 19,["20"] = 22,["21"] = 23,["22"] = 23,["24"] = 24,["25"] = 25,["26"] = 25,["27"] = 25,["28"] = 25,["29"] = 25,["30"] = 25,["31"] = 25,["32"] = 25,["33"] = 25,["34"] = 34,["35"] = 35,["37"] = 37,["38"] = 38,["39"] = 39,["40"] = 40,["42"] = 42,["43"] = 43,["44"] = 16,["46"] = 47,["47"] = 48,["48"] = 48,["49"] = 48,["51"] = 48,["53"] = 48,["54"] = 47,["55"] = 51,["56"] = 52,["57"] = 53,["58"] = 51,["59"] = 56,["60"] = 57,["61"] = 58,["62"] = 58,["64"] = 59,["65"] = 59,["66"] = 59,["68"] = 59,["70"] = 59,["71"] = 60,["72"] = 56});
local ____exports = {}
local mysql = require("resty.mysql")
local config = require("config")
local ____resolve = require("dns.resolve")
local resolve = ____resolve.resolve
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
    local address, dnsErr = resolve(db.host)
    if address == nil then
        return {error = (("resolve " .. db.host) .. ": ") .. tostring(dnsErr)}
    end
    conn:set_timeout(db.timeoutMs)
    local connected, connErr, connErrno = conn:connect({
        host = address,
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
