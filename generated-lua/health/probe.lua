local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 4,["6"] = 4,["7"] = 5,["8"] = 5,["9"] = 6,["10"] = 6,["11"] = 6,["12"] = 8,["13"] = 16,["14"] = 18,["15"] = 16,["17"] = 22,["18"] = 23,["19"] = 24,["20"] = 24,["21"] = 24,["22"] = 24,["23"] = 22,["24"] = 27,["25"] = 28,["26"] = 29,["27"] = 30,["28"] = 30,["30"] = 31,["31"] = 32,["32"] = 33,["33"] = 34,["34"] = 35,["35"] = 36,["36"] = 36,["37"] = 36,["38"] = 36,["40"] = 38,["41"] = 39,["42"] = 40,["43"] = 41,["44"] = 42,["45"] = 42,["46"] = 42,["47"] = 42,["49"] = 44,["50"] = 45,["51"] = 46,["52"] = 47,["53"] = 47,["54"] = 47,["55"] = 47,["56"] = 47,["58"] = 48,["59"] = 49,["60"] = 27,["62"] = 53,["63"] = 54,["64"] = 55,["65"] = 56,["66"] = 57,["67"] = 58,["68"] = 58,["69"] = 58,["70"] = 58,["71"] = 53});
local ____exports = {}
local ____host = require("core.host")
local formatHostPort = ____host.formatHostPort
local ____health = require("core.health")
local parseStatusLine = ____health.parseStatusLine
local ____resolve = require("dns.resolve")
local forget = ____resolve.forget
local resolve = ____resolve.resolve
local USER_AGENT = "kuma-cluster-router/health"
local function request(path, address)
    return ((((("GET " .. path) .. " HTTP/1.1\r\nHost: ") .. formatHostPort(address)) .. "\r\nUser-Agent: ") .. USER_AGENT) .. "\r\nAccept: */*\r\nConnection: close\r\n\r\n"
end
--- Milliseconds left before the deadline (at least 1: settimeout(0) would mean "no timeout").
local function remaining(deadline)
    ngx.update_time()
    return math.max(
        1,
        math.floor((deadline - ngx.now()) * 1000)
    )
end
local function exchange(address, path, timeoutMs, started)
    local deadline = started + timeoutMs / 1000
    local ip, dnsErr = resolve(address.host)
    if ip == nil then
        return {kind = "error", error = "dns: " .. (dnsErr or "no address")}
    end
    local sock = ngx.socket.tcp()
    sock:settimeout(remaining(deadline))
    local connected, connErr = sock:connect(ip, address.port)
    if connected == nil then
        forget(address.host)
        return {
            kind = "error",
            error = "connect: " .. tostring(connErr)
        }
    end
    sock:settimeout(remaining(deadline))
    local sent, sendErr = sock:send(request(path, address))
    if sent == nil then
        sock:close()
        return {
            kind = "error",
            error = "send: " .. tostring(sendErr)
        }
    end
    sock:settimeout(remaining(deadline))
    local line, readErr = sock:receive("*l")
    sock:close()
    if line == nil then
        return {
            kind = "error",
            error = "read: " .. tostring(readErr)
        }
    end
    local status = parseStatusLine(line)
    return status == nil and ({kind = "error", error = "not an HTTP/1.x status line"}) or ({kind = "status", status = status})
end
--- Probes `address` (a registry host, resolved here) at `path`. Never throws.
function ____exports.probe(address, path, timeoutMs)
    ngx.update_time()
    local started = ngx.now()
    local result = exchange(address, path, timeoutMs, started)
    ngx.update_time()
    return {
        result = result,
        ms = math.floor((ngx.now() - started) * 1000)
    }
end
return ____exports
