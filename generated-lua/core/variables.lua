local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 37,["6"] = 39,["7"] = 39,["8"] = 39,["9"] = 39,["10"] = 39,["11"] = 39,["12"] = 39,["13"] = 37,["14"] = 40,["15"] = 40,["16"] = 40,["17"] = 40,["18"] = 40,["19"] = 40,["20"] = 40,["21"] = 37,["22"] = 41,["23"] = 41,["24"] = 41,["25"] = 41,["26"] = 41,["27"] = 41,["28"] = 41,["29"] = 37,["30"] = 43,["31"] = 43,["32"] = 43,["33"] = 43,["34"] = 43,["35"] = 43,["36"] = 43,["37"] = 37,["38"] = 44,["39"] = 44,["40"] = 44,["41"] = 44,["42"] = 44,["43"] = 44,["44"] = 44,["45"] = 44,["46"] = 44,["47"] = 37,["48"] = 45,["49"] = 45,["50"] = 45,["51"] = 45,["52"] = 45,["53"] = 45,["54"] = 45,["55"] = 37,["56"] = 46,["57"] = 46,["58"] = 46,["59"] = 46,["60"] = 46,["61"] = 46,["62"] = 46,["63"] = 46,["64"] = 37,["65"] = 47,["66"] = 47,["67"] = 47,["68"] = 47,["69"] = 47,["70"] = 47,["71"] = 47,["72"] = 37,["73"] = 48,["74"] = 48,["75"] = 48,["76"] = 48,["77"] = 48,["78"] = 48,["79"] = 48,["80"] = 48,["81"] = 48,["82"] = 37,["83"] = 50,["84"] = 50,["85"] = 50,["86"] = 50,["87"] = 50,["88"] = 50,["89"] = 50,["90"] = 37,["91"] = 51,["92"] = 51,["93"] = 51,["94"] = 51,["95"] = 51,["96"] = 51,["97"] = 51,["98"] = 37,["99"] = 52,["100"] = 52,["101"] = 52,["102"] = 52,["103"] = 52,["104"] = 52,["105"] = 52,["106"] = 37,["107"] = 54,["108"] = 54,["109"] = 54,["110"] = 54,["111"] = 54,["112"] = 54,["113"] = 54,["114"] = 37,["115"] = 55,["116"] = 55,["117"] = 55,["118"] = 55,["119"] = 55,["120"] = 55,["121"] = 55,["122"] = 37,["123"] = 57,["124"] = 57,["125"] = 57,["126"] = 57,["127"] = 57,["128"] = 57,["129"] = 57,["130"] = 57,["131"] = 57,["132"] = 57,["133"] = 37,["134"] = 58,["135"] = 58,["136"] = 58,["137"] = 58,["138"] = 58,["139"] = 58,["140"] = 58,["141"] = 58,["142"] = 58,["143"] = 37,["144"] = 59,["145"] = 59,["146"] = 59,["147"] = 59,["148"] = 59,["149"] = 59,["150"] = 59,["151"] = 59,["152"] = 59,["153"] = 37,["154"] = 60,["155"] = 60,["156"] = 60,["157"] = 60,["158"] = 60,["159"] = 60,["160"] = 60,["161"] = 60,["162"] = 37,["163"] = 62,["164"] = 62,["165"] = 62,["166"] = 62,["167"] = 62,["168"] = 62,["169"] = 62,["170"] = 62,["171"] = 62,["172"] = 37,["173"] = 63,["174"] = 63,["175"] = 63,["176"] = 63,["177"] = 63,["178"] = 63,["179"] = 63,["180"] = 63,["181"] = 63,["182"] = 37,["183"] = 64,["184"] = 64,["185"] = 64,["186"] = 64,["187"] = 64,["188"] = 64,["189"] = 64,["190"] = 64,["191"] = 64,["192"] = 37,["193"] = 65,["194"] = 65,["195"] = 65,["196"] = 65,["197"] = 65,["198"] = 65,["199"] = 65,["200"] = 65,["201"] = 65,["202"] = 37,["203"] = 66,["204"] = 66,["205"] = 66,["206"] = 66,["207"] = 66,["208"] = 66,["209"] = 66,["210"] = 37,["211"] = 67,["212"] = 67,["213"] = 67,["214"] = 67,["215"] = 67,["216"] = 67,["217"] = 67,["218"] = 37,["219"] = 68,["220"] = 68,["221"] = 68,["222"] = 68,["223"] = 68,["224"] = 68,["225"] = 68,["226"] = 68,["227"] = 68,["228"] = 37,["229"] = 70,["230"] = 70,["231"] = 70,["232"] = 70,["233"] = 70,["234"] = 70,["235"] = 70,["236"] = 37,["237"] = 71,["238"] = 71,["239"] = 71,["240"] = 71,["241"] = 71,["242"] = 71,["243"] = 71,["244"] = 37,["245"] = 72,["246"] = 72,["247"] = 72,["248"] = 72,["249"] = 72,["250"] = 72,["251"] = 72,["252"] = 72,["253"] = 72,["254"] = 37,["255"] = 73,["256"] = 73,["257"] = 73,["258"] = 73,["259"] = 73,["260"] = 73,["261"] = 73,["262"] = 37,["263"] = 74,["264"] = 74,["265"] = 74,["266"] = 74,["267"] = 74,["268"] = 74,["269"] = 74,["270"] = 74,["271"] = 74,["272"] = 37,["273"] = 75,["274"] = 75,["275"] = 75,["276"] = 75,["277"] = 75,["278"] = 75,["279"] = 75,["280"] = 75,["281"] = 75,["282"] = 37,["283"] = 76,["284"] = 76,["285"] = 76,["286"] = 76,["287"] = 76,["288"] = 76,["289"] = 76,["290"] = 76,["291"] = 76,["292"] = 37,["293"] = 77,["294"] = 77,["295"] = 77,["296"] = 77,["297"] = 77,["298"] = 77,["299"] = 77,["300"] = 77,["301"] = 77,["302"] = 37,["303"] = 78,["304"] = 78,["305"] = 78,["306"] = 78,["307"] = 78,["308"] = 78,["309"] = 78,["310"] = 37,["311"] = 79,["312"] = 79,["313"] = 79,["314"] = 79,["315"] = 79,["316"] = 79,["317"] = 79,["318"] = 37,["319"] = 81,["320"] = 81,["321"] = 81,["322"] = 81,["323"] = 81,["324"] = 81,["325"] = 81,["326"] = 37,["327"] = 82,["328"] = 82,["329"] = 82,["330"] = 82,["331"] = 82,["332"] = 82,["333"] = 82,["334"] = 37,["335"] = 83,["336"] = 83,["337"] = 83,["338"] = 83,["339"] = 83,["340"] = 83,["341"] = 83,["342"] = 37,["343"] = 84,["344"] = 84,["345"] = 84,["346"] = 84,["347"] = 84,["348"] = 84,["349"] = 84,["350"] = 37,["351"] = 85,["352"] = 85,["353"] = 85,["354"] = 85,["355"] = 85,["356"] = 85,["357"] = 85,["358"] = 37,["359"] = 86,["360"] = 86,["361"] = 86,["362"] = 86,["363"] = 86,["364"] = 86,["365"] = 86,["366"] = 37,["367"] = 87,["368"] = 87,["369"] = 87,["370"] = 87,["371"] = 87,["372"] = 87,["373"] = 87,["374"] = 87,["375"] = 87,["376"] = 37,["377"] = 88,["378"] = 88,["379"] = 88,["380"] = 88,["381"] = 88,["382"] = 88,["383"] = 88,["384"] = 88,["385"] = 88,["386"] = 37,["387"] = 37,["388"] = 91,["389"] = 92,["390"] = 92,["391"] = 92,["394"] = 93,["395"] = 91,["397"] = 97,["398"] = 98,["399"] = 99,["400"] = 100,["401"] = 101,["402"] = 102,["403"] = 102,["407"] = 105,["408"] = 97});
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
        name = "ROUTER_TRUSTED_PROXIES",
        aliases = {},
        kind = "cidr_list",
        fallback = "",
        side = "router",
        doc = "Proxies in front of the router (addresses or CIDRs) whose X-Forwarded-For, X-Forwarded-Proto, X-Forwarded-Host, X-Forwarded-Port and Forwarded are kept; anyone else's are replaced or removed"
    },
    {
        name = "ROUTER_LOOKUP_CONNECTIONS",
        aliases = {},
        kind = "int",
        fallback = "2",
        min = 1,
        max = 16,
        side = "router",
        doc = "Most database connections that requests (lookups of monitors newer than the snapshot) may use at once, router-wide; the sync and the health writer have their own"
    },
    {
        name = "ROUTER_LOOKUP_RATE",
        aliases = {},
        kind = "int",
        fallback = "50",
        min = 1,
        max = 100000,
        side = "router",
        doc = "Most such lookups per second, router-wide; past the budget a request is routed without one (X-Routed-Via: <reason>,lookup-skipped)"
    },
    {
        name = "ROUTER_LOOKUP_NEGATIVE_TTL",
        aliases = {},
        kind = "seconds",
        fallback = "10",
        min = 0.1,
        max = 3600,
        side = "router",
        doc = "Seconds a key the database does not know is remembered as unknown (a push token or monitor id looked up once)"
    },
    {
        name = "ROUTER_WORKER_SHUTDOWN_TIMEOUT",
        aliases = {},
        kind = "seconds",
        fallback = "30",
        min = 1,
        max = 3600,
        side = "router",
        doc = "Seconds an old nginx worker may keep its connections after a reload or stop; then its WebSockets are closed and socket.io clients reconnect to the new workers"
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
        name = "HOSTNAME",
        aliases = {},
        kind = "node_id",
        fallback = "",
        side = "node",
        doc = "Kubernetes sets it to the pod name: the node id there when UPTIME_KUMA_NODE_ID is unset; ignored elsewhere"
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
        name = "UPTIME_KUMA_HOST",
        aliases = {},
        kind = "string",
        fallback = "",
        side = "node",
        doc = "Address the node listens on (Uptime Kuma's own setting); `kuma-cluster-node exec` calls the node there, at 127.0.0.1 when unset or a wildcard"
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
        side = "both",
        doc = "Seconds between node heartbeats (last_seen, and the agent's kuma_cluster_agent.seen_at); the router counts an agent unseen for 3 of them as gone"
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
