local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 36,["6"] = 38,["7"] = 38,["8"] = 38,["9"] = 38,["10"] = 38,["11"] = 38,["12"] = 38,["13"] = 36,["14"] = 39,["15"] = 39,["16"] = 39,["17"] = 39,["18"] = 39,["19"] = 39,["20"] = 39,["21"] = 36,["22"] = 40,["23"] = 40,["24"] = 40,["25"] = 40,["26"] = 40,["27"] = 40,["28"] = 40,["29"] = 36,["30"] = 42,["31"] = 42,["32"] = 42,["33"] = 42,["34"] = 42,["35"] = 42,["36"] = 42,["37"] = 36,["38"] = 43,["39"] = 43,["40"] = 43,["41"] = 43,["42"] = 43,["43"] = 43,["44"] = 43,["45"] = 43,["46"] = 43,["47"] = 36,["48"] = 44,["49"] = 44,["50"] = 44,["51"] = 44,["52"] = 44,["53"] = 44,["54"] = 44,["55"] = 36,["56"] = 45,["57"] = 45,["58"] = 45,["59"] = 45,["60"] = 45,["61"] = 45,["62"] = 45,["63"] = 45,["64"] = 36,["65"] = 46,["66"] = 46,["67"] = 46,["68"] = 46,["69"] = 46,["70"] = 46,["71"] = 46,["72"] = 36,["73"] = 47,["74"] = 47,["75"] = 47,["76"] = 47,["77"] = 47,["78"] = 47,["79"] = 47,["80"] = 47,["81"] = 47,["82"] = 36,["83"] = 49,["84"] = 49,["85"] = 49,["86"] = 49,["87"] = 49,["88"] = 49,["89"] = 49,["90"] = 36,["91"] = 50,["92"] = 50,["93"] = 50,["94"] = 50,["95"] = 50,["96"] = 50,["97"] = 50,["98"] = 36,["99"] = 51,["100"] = 51,["101"] = 51,["102"] = 51,["103"] = 51,["104"] = 51,["105"] = 51,["106"] = 36,["107"] = 53,["108"] = 53,["109"] = 53,["110"] = 53,["111"] = 53,["112"] = 53,["113"] = 53,["114"] = 36,["115"] = 54,["116"] = 54,["117"] = 54,["118"] = 54,["119"] = 54,["120"] = 54,["121"] = 54,["122"] = 36,["123"] = 56,["124"] = 56,["125"] = 56,["126"] = 56,["127"] = 56,["128"] = 56,["129"] = 56,["130"] = 56,["131"] = 56,["132"] = 56,["133"] = 36,["134"] = 57,["135"] = 57,["136"] = 57,["137"] = 57,["138"] = 57,["139"] = 57,["140"] = 57,["141"] = 57,["142"] = 57,["143"] = 36,["144"] = 58,["145"] = 58,["146"] = 58,["147"] = 58,["148"] = 58,["149"] = 58,["150"] = 58,["151"] = 58,["152"] = 58,["153"] = 36,["154"] = 59,["155"] = 59,["156"] = 59,["157"] = 59,["158"] = 59,["159"] = 59,["160"] = 59,["161"] = 59,["162"] = 36,["163"] = 61,["164"] = 61,["165"] = 61,["166"] = 61,["167"] = 61,["168"] = 61,["169"] = 61,["170"] = 61,["171"] = 61,["172"] = 36,["173"] = 62,["174"] = 62,["175"] = 62,["176"] = 62,["177"] = 62,["178"] = 62,["179"] = 62,["180"] = 62,["181"] = 62,["182"] = 36,["183"] = 63,["184"] = 63,["185"] = 63,["186"] = 63,["187"] = 63,["188"] = 63,["189"] = 63,["190"] = 63,["191"] = 63,["192"] = 36,["193"] = 64,["194"] = 64,["195"] = 64,["196"] = 64,["197"] = 64,["198"] = 64,["199"] = 64,["200"] = 64,["201"] = 64,["202"] = 36,["203"] = 65,["204"] = 65,["205"] = 65,["206"] = 65,["207"] = 65,["208"] = 65,["209"] = 65,["210"] = 36,["211"] = 66,["212"] = 66,["213"] = 66,["214"] = 66,["215"] = 66,["216"] = 66,["217"] = 66,["218"] = 36,["219"] = 67,["220"] = 67,["221"] = 67,["222"] = 67,["223"] = 67,["224"] = 67,["225"] = 67,["226"] = 67,["227"] = 67,["228"] = 36,["229"] = 69,["230"] = 69,["231"] = 69,["232"] = 69,["233"] = 69,["234"] = 69,["235"] = 69,["236"] = 36,["237"] = 70,["238"] = 70,["239"] = 70,["240"] = 70,["241"] = 70,["242"] = 70,["243"] = 70,["244"] = 36,["245"] = 71,["246"] = 71,["247"] = 71,["248"] = 71,["249"] = 71,["250"] = 71,["251"] = 71,["252"] = 71,["253"] = 71,["254"] = 36,["255"] = 72,["256"] = 72,["257"] = 72,["258"] = 72,["259"] = 72,["260"] = 72,["261"] = 72,["262"] = 36,["263"] = 73,["264"] = 73,["265"] = 73,["266"] = 73,["267"] = 73,["268"] = 73,["269"] = 73,["270"] = 36,["271"] = 75,["272"] = 75,["273"] = 75,["274"] = 75,["275"] = 75,["276"] = 75,["277"] = 75,["278"] = 36,["279"] = 76,["280"] = 76,["281"] = 76,["282"] = 76,["283"] = 76,["284"] = 76,["285"] = 76,["286"] = 36,["287"] = 77,["288"] = 77,["289"] = 77,["290"] = 77,["291"] = 77,["292"] = 77,["293"] = 77,["294"] = 36,["295"] = 78,["296"] = 78,["297"] = 78,["298"] = 78,["299"] = 78,["300"] = 78,["301"] = 78,["302"] = 36,["303"] = 79,["304"] = 79,["305"] = 79,["306"] = 79,["307"] = 79,["308"] = 79,["309"] = 79,["310"] = 79,["311"] = 79,["312"] = 36,["313"] = 80,["314"] = 80,["315"] = 80,["316"] = 80,["317"] = 80,["318"] = 80,["319"] = 80,["320"] = 80,["321"] = 80,["322"] = 36,["323"] = 36,["324"] = 83,["325"] = 84,["326"] = 84,["327"] = 84,["330"] = 85,["331"] = 83,["333"] = 89,["334"] = 90,["335"] = 91,["336"] = 92,["337"] = 93,["338"] = 94,["339"] = 94,["343"] = 97,["344"] = 89});
local ____exports = {}
____exports.VARIABLES = {
    {
        name = "K8S_MODE",
        aliases = {},
        kind = "bool",
        fallback = "",
        side = "both",
        doc = "Force Kubernetes mode on (true) or off (false); unset means detect"
    },
    {
        name = "KUBERNETES_SERVICE_HOST",
        aliases = {},
        kind = "string",
        fallback = "",
        side = "both",
        doc = "Injected by Kubernetes into every pod; its presence means Kubernetes"
    },
    {
        name = "COMPOSE_PROJECT_NAME",
        aliases = {},
        kind = "string",
        fallback = "",
        side = "both",
        doc = "Set by Docker Compose deployments; its presence means Compose"
    },
    {
        name = "DB_HOST",
        aliases = {"UPTIME_KUMA_DB_HOSTNAME"},
        kind = "string",
        fallback = "mariadb",
        side = "both",
        doc = "MariaDB host"
    },
    {
        name = "DB_PORT",
        aliases = {"UPTIME_KUMA_DB_PORT"},
        kind = "int",
        fallback = "3306",
        min = 1,
        max = 65535,
        side = "both",
        doc = "MariaDB port"
    },
    {
        name = "DB_USER",
        aliases = {"UPTIME_KUMA_DB_USERNAME"},
        kind = "string",
        fallback = "kuma",
        side = "both",
        doc = "MariaDB user"
    },
    {
        name = "DB_PASSWORD",
        aliases = {"UPTIME_KUMA_DB_PASSWORD"},
        kind = "string",
        fallback = "",
        secret = true,
        side = "both",
        doc = "MariaDB password (never logged)"
    },
    {
        name = "DB_NAME",
        aliases = {"UPTIME_KUMA_DB_NAME"},
        kind = "string",
        fallback = "kuma",
        side = "both",
        doc = "MariaDB database"
    },
    {
        name = "DB_TIMEOUT",
        aliases = {},
        kind = "int",
        fallback = "5000",
        min = 100,
        max = 600000,
        side = "both",
        doc = "Database connect/query timeout (ms)"
    },
    {
        name = "K8S_NAMESPACE",
        aliases = {"NAMESPACE"},
        kind = "dns_label",
        fallback = "default",
        side = "both",
        doc = "Namespace of the node pods (Downward API `NAMESPACE` on nodes)"
    },
    {
        name = "K8S_HEADLESS_SERVICE",
        aliases = {"K8S_SERVICE_NAME", "HEADLESS_SERVICE_NAME"},
        kind = "dns_label",
        fallback = "uptime-kuma-headless",
        side = "both",
        doc = "Headless Service that gives each node pod its DNS name"
    },
    {
        name = "K8S_CLUSTER_DOMAIN",
        aliases = {},
        kind = "string",
        fallback = "cluster.local",
        side = "both",
        doc = "Cluster DNS domain"
    },
    {
        name = "DNS_SERVERS",
        aliases = {},
        kind = "ip_list",
        fallback = "",
        side = "router",
        doc = "Resolvers as ip[:port],...; first choice"
    },
    {
        name = "K8S_DNS_SERVER",
        aliases = {},
        kind = "ip_list",
        fallback = "",
        side = "router",
        doc = "One resolver ip[:port]; used when DNS_SERVERS is unset. Else /etc/resolv.conf"
    },
    {
        name = "CLUSTER_NODE_COUNT",
        aliases = {},
        kind = "int",
        fallback = "3",
        k8sFallback = "5",
        min = 1,
        max = 1000,
        side = "router",
        doc = "Expected number of nodes (for alerts and the status page)"
    },
    {
        name = "MONITOR_LIMIT_PER_NODE",
        aliases = {},
        kind = "int",
        fallback = "1000",
        min = 1,
        max = 10000000,
        side = "router",
        doc = "Most monitors failover may give one node"
    },
    {
        name = "CLUSTER_DEFAULT_PORT",
        aliases = {},
        kind = "int",
        fallback = "3001",
        min = 1,
        max = 65535,
        side = "router",
        doc = "Node port when a host has none"
    },
    {
        name = "NODE_HOST_PREFIX",
        aliases = {},
        kind = "string",
        fallback = "uptime-kuma-",
        k8sFallback = "",
        side = "router",
        doc = "Compose: prefix that turns node1 into uptime-kuma-node1"
    },
    {
        name = "HEALTH_CHECK_INTERVAL",
        aliases = {},
        kind = "seconds",
        fallback = "30",
        min = 0.1,
        max = 3600,
        side = "router",
        doc = "Seconds between active probes of each node"
    },
    {
        name = "HEALTH_CHECK_TIMEOUT",
        aliases = {},
        kind = "int",
        fallback = "5000",
        min = 10,
        max = 600000,
        side = "router",
        doc = "Probe timeout (ms)"
    },
    {
        name = "HEALTH_CHECK_FAILURES",
        aliases = {},
        kind = "int",
        fallback = "3",
        min = 1,
        max = 100,
        side = "router",
        doc = "Consecutive failures that mark a node down"
    },
    {
        name = "HEALTH_CHECK_SUCCESSES",
        aliases = {},
        kind = "int",
        fallback = "3",
        min = 1,
        max = 100,
        side = "router",
        doc = "Consecutive successes that mark a node up"
    },
    {
        name = "HEALTH_CHECK_PATH",
        aliases = {},
        kind = "path",
        fallback = "/api/v1/health",
        side = "router",
        doc = "Probe path (stock Uptime Kuma: /api/entry-page)"
    },
    {
        name = "HEALTH_CHECK_STATUSES",
        aliases = {},
        kind = "statuses",
        fallback = "200-299",
        side = "router",
        doc = "Probe statuses that count as healthy"
    },
    {
        name = "STALE_NODE_TIMEOUT",
        aliases = {},
        kind = "seconds",
        fallback = "600",
        min = 1,
        max = 86400 * 30,
        side = "both",
        doc = "A node unseen this long (and failing probes) is marked offline"
    },
    {
        name = "ROUTER_LISTEN",
        aliases = {},
        kind = "listen",
        fallback = "127.0.0.1:8084",
        side = "router",
        doc = "Public listener (user traffic)"
    },
    {
        name = "ROUTER_STATUS_LISTEN",
        aliases = {},
        kind = "listen",
        fallback = "127.0.0.1:9145",
        side = "router",
        doc = "Internal listener: status, config, metrics; never exposed"
    },
    {
        name = "ROUTER_SYNC_INTERVAL",
        aliases = {},
        kind = "seconds",
        fallback = "1",
        min = 0.1,
        max = 60,
        side = "router",
        doc = "Seconds between snapshot reads of MariaDB"
    },
    {
        name = "ROUTER_METRICS",
        aliases = {},
        kind = "bool",
        fallback = "true",
        side = "router",
        doc = "Count requests for /metrics and the status page; false turns the per-request work off"
    },
    {
        name = "DEBUG_LOG_LEVEL",
        aliases = {},
        kind = "log_level",
        fallback = "info",
        side = "both",
        doc = "Log level of the router's own messages"
    },
    {
        name = "UPTIME_KUMA_NODE_ID",
        aliases = {"NODE_ID"},
        kind = "node_id",
        fallback = "",
        side = "node",
        doc = "This node's id (Kubernetes: the pod name via the Downward API)"
    },
    {
        name = "UPTIME_KUMA_NODE_NAME",
        aliases = {},
        kind = "string",
        fallback = "",
        side = "node",
        doc = "Display name; defaults to the node id"
    },
    {
        name = "UPTIME_KUMA_NODE_HOST",
        aliases = {},
        kind = "string",
        fallback = "",
        side = "node",
        doc = "host:port the router uses; built from the id when unset"
    },
    {
        name = "UPTIME_KUMA_PRIMARY",
        aliases = {},
        kind = "bool",
        fallback = "",
        side = "node",
        doc = "Mark this node primary; unset means index 0 is primary"
    },
    {
        name = "UPTIME_KUMA_PORT",
        aliases = {},
        kind = "int",
        fallback = "3001",
        min = 1,
        max = 65535,
        side = "node",
        doc = "Port the node listens on"
    },
    {
        name = "HEARTBEAT_INTERVAL",
        aliases = {},
        kind = "seconds",
        fallback = "30",
        min = 1,
        max = 3600,
        side = "node",
        doc = "Seconds between node heartbeats (last_seen)"
    }
}
function ____exports.variableSpec(name)
    for ____, v in ipairs(____exports.VARIABLES) do
        if v.name == name then
            return v
        end
    end
    return nil
end
--- Every name a side reads, aliases included: what nginx/env.conf must declare.
function ____exports.variableNames(side)
    local names = {}
    for ____, v in ipairs(____exports.VARIABLES) do
        if v.side == side or v.side == "both" or side == "both" then
            names[#names + 1] = v.name
            for ____, a in ipairs(v.aliases) do
                names[#names + 1] = a
            end
        end
    end
    return names
end
return ____exports
