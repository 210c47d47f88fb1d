local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 3,["6"] = 4,["7"] = 5,["8"] = 5,["10"] = 8,["12"] = 10,["14"] = 17,["16"] = 20,["17"] = 21,["18"] = 22,["19"] = 22,["21"] = 23,["22"] = 26,["23"] = 27,["24"] = 27,["26"] = 28,["27"] = 29,["28"] = 29,["29"] = 29,["30"] = 29,["31"] = 29,["32"] = 29,["33"] = 29,["34"] = 29,["35"] = 29,["36"] = 38,["37"] = 39,["39"] = 41,["40"] = 42,["41"] = 43,["42"] = 44,["43"] = 44,["44"] = 44,["45"] = 44,["47"] = 46,["48"] = 47,["49"] = 20,["51"] = 51,["52"] = 52,["53"] = 52,["54"] = 52,["56"] = 52,["58"] = 52,["59"] = 51,["60"] = 55,["61"] = 56,["62"] = 57,["63"] = 55,["64"] = 60,["65"] = 61,["66"] = 62,["67"] = 62,["69"] = 63,["70"] = 63,["71"] = 63,["73"] = 63,["75"] = 63,["76"] = 64,["77"] = 60});
local ____exports = {}
local mysql = require("resty.mysql")
local config = require("runtime.config")
local ____resolve = require("dns.resolve")
local resolve = ____resolve.resolve
--- Idle pooled connections live this long, so a 1 s sync reuses its connection.
local KEEPALIVE_MS = 60000
--- Per worker: the sync, the prober and a few missing-key lookups at once.
local POOL_SIZE = 8
--- MariaDB's "table doesn't exist" (ER_NO_SUCH_TABLE).
____exports.NO_SUCH_TABLE = 1146
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
        return {
            error = ("query failed: " .. tostring(err)) .. (errno ~= nil and (((" (" .. tostring(errno)) .. " ") .. tostring(sqlstate)) .. ")" or ""),
            errno = errno
        }
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
