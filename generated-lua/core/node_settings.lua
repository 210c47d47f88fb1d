local ____lualib = require("lualib_bundle")
local __TS__New = ____lualib.__TS__New
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 5,["7"] = 5,["8"] = 5,["9"] = 5,["10"] = 5,["12"] = 19,["13"] = 20,["14"] = 21,["15"] = 21,["17"] = 22,["18"] = 22,["19"] = 22,["20"] = 22,["21"] = 19,["22"] = 26,["23"] = 27,["24"] = 26,["26"] = 31,["27"] = 32,["28"] = 33,["29"] = 33,["31"] = 34,["32"] = 35,["33"] = 35,["34"] = 35,["35"] = 35,["36"] = 31,["37"] = 38,["38"] = 39,["39"] = 40,["40"] = 40,["42"] = 41,["43"] = 42,["44"] = 42,["45"] = 42,["46"] = 42,["47"] = 42,["48"] = 42,["49"] = 42,["50"] = 42,["51"] = 38,["53"] = 50,["54"] = 51,["55"] = 52,["56"] = 52,["58"] = 53,["59"] = 54,["60"] = 54,["61"] = 54,["62"] = 54,["63"] = 50,["67"] = 62,["68"] = 63,["69"] = 62});
local ____exports = {}
local ____settings = require("core.settings")
local detectEnvironment = ____settings.detectEnvironment
local dnsServers = ____settings.dnsServers
local Reader = ____settings.Reader
local readDb = ____settings.readDb
--- A Reader for the detected environment (Kubernetes has its own defaults for some variables).
local function readerFor(get)
    local env = detectEnvironment(get)
    if not env.ok then
        return env
    end
    return {
        ok = true,
        value = __TS__New(Reader, get, env.value == "kubernetes")
    }
end
local function done(r, value)
    return #r.errors > 0 and ({ok = false, errors = r.errors}) or ({ok = true, value = value})
end
--- DB_HOST, DB_PORT, ... (and their UPTIME_KUMA_DB_* aliases) without the router's variables.
function ____exports.loadDbSettings(get)
    local reader = readerFor(get)
    if not reader.ok then
        return reader
    end
    local r = reader.value
    return done(
        r,
        readDb(r)
    )
end
function ____exports.loadNodeAgentSettings(get)
    local reader = readerFor(get)
    if not reader.ok then
        return reader
    end
    local r = reader.value
    return done(
        r,
        {
            db = readDb(r),
            heartbeatIntervalS = r:seconds("HEARTBEAT_INTERVAL"),
            staleAfterS = r:seconds("STALE_NODE_TIMEOUT")
        }
    )
end
--- DNS_SERVERS, else K8S_DNS_SERVER, else the nameservers in `resolvConf`: the router's rule.
function ____exports.loadDnsServers(get, resolvConf)
    local reader = readerFor(get)
    if not reader.ok then
        return reader
    end
    local r = reader.value
    return done(
        r,
        dnsServers(r, resolvConf)
    )
end
--- Whether the environment names this node (UPTIME_KUMA_NODE_ID or its alias NODE_ID). Without
-- one, loadNodeIdentity describes the default local node, which is registered only into an
-- empty node table.
function ____exports.hasNodeId(get)
    return __TS__New(Reader, get, false):isSet("UPTIME_KUMA_NODE_ID")
end
return ____exports
