local ____lualib = require("lualib_bundle")
local __TS__New = ____lualib.__TS__New
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 5,["7"] = 5,["8"] = 5,["9"] = 5,["10"] = 5,["11"] = 5,["13"] = 21,["14"] = 22,["15"] = 23,["16"] = 23,["18"] = 24,["19"] = 25,["20"] = 26,["21"] = 21,["23"] = 30,["24"] = 31,["25"] = 30,["26"] = 34,["27"] = 35,["28"] = 35,["29"] = 35,["30"] = 35,["31"] = 35,["32"] = 35,["33"] = 39,["34"] = 39,["35"] = 39,["36"] = 35,["37"] = 35,["38"] = 35,["39"] = 34,["41"] = 44,["42"] = 45,["43"] = 45,["44"] = 45,["45"] = 45,["46"] = 44,["50"] = 53,["51"] = 54,["52"] = 55,["53"] = 53});
local ____exports = {}
local ____settings = require("core.settings")
local detectEnvironment = ____settings.detectEnvironment
local dnsServers = ____settings.dnsServers
local nodeIdVariable = ____settings.nodeIdVariable
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
            staleAfterS = r:seconds("STALE_NODE_TIMEOUT"),
            nodeListen = {
                host = r:string("UPTIME_KUMA_HOST"),
                port = r:int("UPTIME_KUMA_PORT")
            }
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
--- Whether the environment names this node (UPTIME_KUMA_NODE_ID or its alias NODE_ID; in
-- Kubernetes also the pod name in HOSTNAME). Without one, loadNodeIdentity describes the default
-- local node, which is registered only into an empty node table.
function ____exports.hasNodeId(get)
    local env = detectEnvironment(get)
    return nodeIdVariable(get, env.ok and env.value or "local") ~= nil
end
return ____exports
