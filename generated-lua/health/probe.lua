local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 4,["6"] = 4,["7"] = 5,["8"] = 5,["9"] = 6,["10"] = 6,["11"] = 8,["12"] = 16,["13"] = 18,["14"] = 16,["16"] = 22,["17"] = 23,["18"] = 24,["19"] = 24,["20"] = 24,["21"] = 24,["22"] = 22,["23"] = 27,["24"] = 28,["25"] = 29,["26"] = 30,["27"] = 30,["29"] = 31,["30"] = 32,["31"] = 33,["32"] = 34,["33"] = 34,["34"] = 34,["35"] = 34,["36"] = 34,["38"] = 35,["39"] = 36,["40"] = 37,["41"] = 38,["42"] = 39,["43"] = 39,["44"] = 39,["45"] = 39,["47"] = 41,["48"] = 42,["49"] = 43,["50"] = 44,["51"] = 44,["52"] = 44,["53"] = 44,["54"] = 44,["56"] = 45,["57"] = 46,["58"] = 27,["60"] = 50,["61"] = 51,["62"] = 52,["63"] = 53,["64"] = 54,["65"] = 55,["66"] = 55,["67"] = 55,["68"] = 55,["69"] = 50});
local ____exports = {}
local ____host = require("core.host")
local formatHostPort = ____host.formatHostPort
local ____health = require("core.health")
local parseStatusLine = ____health.parseStatusLine
local ____resolve = require("dns.resolve")
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
