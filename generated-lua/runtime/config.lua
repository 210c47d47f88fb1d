local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 3,["7"] = 3,["8"] = 3,["9"] = 5,["10"] = 7,["11"] = 9,["12"] = 10,["13"] = 11,["14"] = 11,["16"] = 12,["17"] = 13,["18"] = 14,["19"] = 9,["20"] = 17,["21"] = 17,["22"] = 17,["24"] = 20,["25"] = 21,["26"] = 21,["27"] = 21,["28"] = 21,["29"] = 22,["31"] = 23,["35"] = 25,["36"] = 26,["37"] = 20,["39"] = 30,["40"] = 31,["41"] = 30,["43"] = 35,["44"] = 36,["45"] = 36,["46"] = 36,["47"] = 36,["48"] = 36,["49"] = 35,["51"] = 40,["52"] = 41,["53"] = 42,["54"] = 42,["55"] = 42,["56"] = 42,["57"] = 42,["58"] = 42,["59"] = 42,["60"] = 43,["61"] = 43,["62"] = 43,["63"] = 43,["64"] = 44,["65"] = 48,["66"] = 48,["67"] = 48,["68"] = 48,["69"] = 40});
local ____exports = {}
local ____settings = require("core.settings")
local describeEnvironment = ____settings.describeEnvironment
local loadRouterSettings = ____settings.loadRouterSettings
local RESOLV_CONF = "/etc/resolv.conf"
local current
local function readFile(path)
    local f = io.open(path, "r")
    if f == nil then
        return ""
    end
    local text = f:read("*a")
    f:close()
    return text or ""
end
local function getenv(name)
    return os.getenv(name)
end
--- Loads and validates; throws a message naming every bad variable.
function ____exports.load()
    local loaded = loadRouterSettings(
        getenv,
        readFile(RESOLV_CONF)
    )
    if not loaded.ok then
        error(
            "invalid environment: " .. table.concat(loaded.errors, "; "),
            0
        )
    end
    current = loaded.value
    return current
end
--- The settings loaded at startup (loading them on first use in a spec context).
function ____exports.get()
    return current or ____exports.load()
end
--- name -> effective value of every variable the router reads, secrets redacted.
function ____exports.effectiveEnvironment()
    return describeEnvironment(
        getenv,
        "router",
        ____exports.get().environment
    )
end
--- One startup line per concern, so an operator sees what the router believes.
function ____exports.logEnvironment()
    local s = ____exports.get()
    local dns = table.concat(
        __TS__ArrayMap(
            s.dns.servers,
            function(____, d) return (d.host .. ":") .. tostring(d.port) end
        ),
        ","
    )
    ngx.log(
        ngx.NOTICE,
        ((((((((("environment=" .. s.environment) .. " db=") .. s.db.user) .. "@") .. s.db.host) .. ":") .. tostring(s.db.port)) .. "/") .. s.db.database) .. " (password redacted)"
    )
    ngx.log(ngx.NOTICE, (((((("dns=" .. (dns == "" and "none" or dns)) .. " (from ") .. s.dns.source) .. ") k8s namespace=") .. s.hostRules.namespace) .. " headless=") .. s.hostRules.headlessService)
    ngx.log(
        ngx.NOTICE,
        ((((((((((("health path=" .. s.health.path) .. " interval=") .. tostring(s.health.intervalS)) .. "s timeout=") .. tostring(s.health.timeoutMs)) .. "ms down after ") .. tostring(s.health.failures)) .. " up after ") .. tostring(s.health.successes)) .. "; sync every ") .. tostring(s.router.syncIntervalS)) .. "s"
    )
end
return ____exports
