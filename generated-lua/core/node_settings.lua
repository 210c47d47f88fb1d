local ____lualib = require("lualib_bundle")
local __TS__New = ____lualib.__TS__New
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 5,["7"] = 5,["8"] = 5,["9"] = 5,["10"] = 5,["12"] = 19,["13"] = 20,["14"] = 21,["15"] = 21,["17"] = 22,["18"] = 23,["19"] = 24,["20"] = 19,["22"] = 28,["23"] = 29,["24"] = 28,["25"] = 32,["26"] = 33,["27"] = 33,["28"] = 33,["29"] = 33,["30"] = 33,["31"] = 33,["32"] = 33,["33"] = 33,["34"] = 32,["36"] = 41,["37"] = 42,["38"] = 42,["39"] = 42,["40"] = 42,["41"] = 41,["45"] = 50,["46"] = 51,["47"] = 50});
local ____exports = {}
local ____settings = require("core.settings")
local detectEnvironment = ____settings.detectEnvironment
local dnsServers = ____settings.dnsServers
local Reader = ____settings.Reader
local readDb = ____settings.readDb
--- Reads through a Reader for the detected environment (Kubernetes has its own defaults).
local function load(get, read)
    local env = detectEnvironment(get)
    if not env.ok then
        return env
    end
    local r = __TS__New(Reader, get, env.value == "kubernetes")
    local value = read(r)
    return #r.errors > 0 and ({ok = false, errors = r.errors}) or ({ok = true, value = value})
end
--- DB_HOST, DB_PORT, ... (and their UPTIME_KUMA_DB_* aliases) without the router's variables.
function ____exports.loadDbSettings(get)
    return load(get, readDb)
end
function ____exports.loadNodeAgentSettings(get)
    return load(
        get,
        function(r) return {
            db = readDb(r),
            heartbeatIntervalS = r:seconds("HEARTBEAT_INTERVAL"),
            staleAfterS = r:seconds("STALE_NODE_TIMEOUT")
        } end
    )
end
--- DNS_SERVERS, else K8S_DNS_SERVER, else the nameservers in `resolvConf`: the router's rule.
function ____exports.loadDnsServers(get, resolvConf)
    return load(
        get,
        function(r) return dnsServers(r, resolvConf) end
    )
end
--- Whether the environment names this node (UPTIME_KUMA_NODE_ID or its alias NODE_ID). Without
-- one, loadNodeIdentity describes the default local node, which is registered only into an
-- empty node table.
function ____exports.hasNodeId(get)
    return __TS__New(Reader, get, false):isSet("UPTIME_KUMA_NODE_ID")
end
return ____exports
