local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 40,["6"] = 42,["7"] = 42,["8"] = 42,["9"] = 42,["10"] = 42,["11"] = 42,["12"] = 42,["13"] = 40,["14"] = 43,["15"] = 43,["16"] = 43,["17"] = 43,["18"] = 43,["19"] = 43,["20"] = 43,["21"] = 40,["22"] = 44,["23"] = 44,["24"] = 44,["25"] = 44,["26"] = 44,["27"] = 44,["28"] = 44,["29"] = 40,["30"] = 46,["31"] = 46,["32"] = 46,["33"] = 46,["34"] = 46,["35"] = 46,["36"] = 46,["37"] = 40,["38"] = 47,["39"] = 47,["40"] = 47,["41"] = 47,["42"] = 47,["43"] = 47,["44"] = 47,["45"] = 47,["46"] = 47,["47"] = 40,["48"] = 48,["49"] = 48,["50"] = 48,["51"] = 48,["52"] = 48,["53"] = 48,["54"] = 48,["55"] = 40,["56"] = 49,["57"] = 49,["58"] = 49,["59"] = 49,["60"] = 49,["61"] = 49,["62"] = 49,["63"] = 49,["64"] = 40,["65"] = 50,["66"] = 50,["67"] = 50,["68"] = 50,["69"] = 50,["70"] = 50,["71"] = 50,["72"] = 40,["73"] = 51,["74"] = 51,["75"] = 51,["76"] = 51,["77"] = 51,["78"] = 51,["79"] = 51,["80"] = 51,["81"] = 51,["82"] = 40,["83"] = 53,["84"] = 53,["85"] = 53,["86"] = 53,["87"] = 53,["88"] = 53,["89"] = 53,["90"] = 40,["91"] = 54,["92"] = 54,["93"] = 54,["94"] = 54,["95"] = 54,["96"] = 54,["97"] = 54,["98"] = 40,["99"] = 55,["100"] = 55,["101"] = 55,["102"] = 55,["103"] = 55,["104"] = 55,["105"] = 55,["106"] = 40,["107"] = 57,["108"] = 57,["109"] = 57,["110"] = 57,["111"] = 57,["112"] = 57,["113"] = 57,["114"] = 40,["115"] = 58,["116"] = 58,["117"] = 58,["118"] = 58,["119"] = 58,["120"] = 58,["121"] = 58,["122"] = 40,["123"] = 60,["124"] = 60,["125"] = 60,["126"] = 60,["127"] = 60,["128"] = 60,["129"] = 60,["130"] = 60,["131"] = 60,["132"] = 60,["133"] = 40,["134"] = 61,["135"] = 61,["136"] = 61,["137"] = 61,["138"] = 61,["139"] = 61,["140"] = 61,["141"] = 61,["142"] = 61,["143"] = 40,["144"] = 62,["145"] = 62,["146"] = 62,["147"] = 62,["148"] = 62,["149"] = 62,["150"] = 62,["151"] = 62,["152"] = 62,["153"] = 40,["154"] = 63,["155"] = 63,["156"] = 63,["157"] = 63,["158"] = 63,["159"] = 63,["160"] = 63,["161"] = 63,["162"] = 40,["163"] = 65,["164"] = 65,["165"] = 65,["166"] = 65,["167"] = 65,["168"] = 65,["169"] = 65,["170"] = 65,["171"] = 65,["172"] = 40,["173"] = 66,["174"] = 66,["175"] = 66,["176"] = 66,["177"] = 66,["178"] = 66,["179"] = 66,["180"] = 66,["181"] = 66,["182"] = 40,["183"] = 67,["184"] = 67,["185"] = 67,["186"] = 67,["187"] = 67,["188"] = 67,["189"] = 67,["190"] = 67,["191"] = 67,["192"] = 40,["193"] = 68,["194"] = 68,["195"] = 68,["196"] = 68,["197"] = 68,["198"] = 68,["199"] = 68,["200"] = 68,["201"] = 68,["202"] = 40,["203"] = 69,["204"] = 69,["205"] = 69,["206"] = 69,["207"] = 69,["208"] = 69,["209"] = 69,["210"] = 40,["211"] = 70,["212"] = 70,["213"] = 70,["214"] = 70,["215"] = 70,["216"] = 70,["217"] = 70,["218"] = 40,["219"] = 71,["220"] = 71,["221"] = 71,["222"] = 71,["223"] = 71,["224"] = 71,["225"] = 71,["226"] = 71,["227"] = 71,["228"] = 40,["229"] = 73,["230"] = 73,["231"] = 73,["232"] = 73,["233"] = 73,["234"] = 73,["235"] = 73,["236"] = 40,["237"] = 74,["238"] = 74,["239"] = 74,["240"] = 74,["241"] = 74,["242"] = 74,["243"] = 74,["244"] = 74,["245"] = 74,["246"] = 40,["247"] = 75,["248"] = 75,["249"] = 75,["250"] = 75,["251"] = 75,["252"] = 75,["253"] = 75,["254"] = 75,["255"] = 75,["256"] = 40,["257"] = 76,["258"] = 76,["259"] = 76,["260"] = 76,["261"] = 76,["262"] = 76,["263"] = 76,["264"] = 76,["265"] = 76,["266"] = 40,["267"] = 77,["268"] = 77,["269"] = 77,["270"] = 77,["271"] = 77,["272"] = 77,["273"] = 77,["274"] = 77,["275"] = 77,["276"] = 40,["277"] = 78,["278"] = 78,["279"] = 78,["280"] = 78,["281"] = 78,["282"] = 78,["283"] = 78,["284"] = 78,["285"] = 78,["286"] = 40,["287"] = 80,["288"] = 80,["289"] = 80,["290"] = 80,["291"] = 80,["292"] = 80,["293"] = 80,["294"] = 40,["295"] = 81,["296"] = 81,["297"] = 81,["298"] = 81,["299"] = 81,["300"] = 81,["301"] = 81,["302"] = 40,["303"] = 82,["304"] = 82,["305"] = 82,["306"] = 82,["307"] = 82,["308"] = 82,["309"] = 82,["310"] = 82,["311"] = 82,["312"] = 40,["313"] = 83,["314"] = 83,["315"] = 83,["316"] = 83,["317"] = 83,["318"] = 83,["319"] = 83,["320"] = 40,["321"] = 84,["322"] = 84,["323"] = 84,["324"] = 84,["325"] = 84,["326"] = 84,["327"] = 84,["328"] = 84,["329"] = 84,["330"] = 40,["331"] = 85,["332"] = 85,["333"] = 85,["334"] = 85,["335"] = 85,["336"] = 85,["337"] = 85,["338"] = 85,["339"] = 85,["340"] = 40,["341"] = 86,["342"] = 86,["343"] = 86,["344"] = 86,["345"] = 86,["346"] = 86,["347"] = 86,["348"] = 86,["349"] = 86,["350"] = 40,["351"] = 87,["352"] = 87,["353"] = 87,["354"] = 87,["355"] = 87,["356"] = 87,["357"] = 87,["358"] = 87,["359"] = 87,["360"] = 40,["361"] = 88,["362"] = 88,["363"] = 88,["364"] = 88,["365"] = 88,["366"] = 88,["367"] = 88,["368"] = 40,["369"] = 89,["370"] = 89,["371"] = 89,["372"] = 89,["373"] = 89,["374"] = 89,["375"] = 89,["376"] = 40,["377"] = 90,["378"] = 90,["379"] = 90,["380"] = 90,["381"] = 90,["382"] = 90,["383"] = 90,["384"] = 40,["385"] = 92,["386"] = 92,["387"] = 92,["388"] = 92,["389"] = 92,["390"] = 92,["391"] = 92,["392"] = 40,["393"] = 93,["394"] = 93,["395"] = 93,["396"] = 93,["397"] = 93,["398"] = 93,["399"] = 93,["400"] = 40,["401"] = 94,["402"] = 94,["403"] = 94,["404"] = 94,["405"] = 94,["406"] = 94,["407"] = 94,["408"] = 40,["409"] = 95,["410"] = 95,["411"] = 95,["412"] = 95,["413"] = 95,["414"] = 95,["415"] = 95,["416"] = 40,["417"] = 96,["418"] = 96,["419"] = 96,["420"] = 96,["421"] = 96,["422"] = 96,["423"] = 96,["424"] = 40,["425"] = 97,["426"] = 97,["427"] = 97,["428"] = 97,["429"] = 97,["430"] = 97,["431"] = 97,["432"] = 40,["433"] = 98,["434"] = 98,["435"] = 98,["436"] = 98,["437"] = 98,["438"] = 98,["439"] = 98,["440"] = 98,["441"] = 98,["442"] = 40,["443"] = 99,["444"] = 99,["445"] = 99,["446"] = 99,["447"] = 99,["448"] = 99,["449"] = 99,["450"] = 99,["451"] = 99,["452"] = 40,["453"] = 40,["454"] = 102,["455"] = 103,["456"] = 103,["457"] = 103,["460"] = 104,["461"] = 102,["463"] = 108,["464"] = 109,["465"] = 110,["466"] = 111,["467"] = 112,["468"] = 113,["469"] = 113,["473"] = 116,["474"] = 108});
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
        name = "REBALANCE",
        aliases = {},
        kind = "bool",
        fallback = "true",
        side = "router",
        doc = "Move monitors from the most- to the least-loaded healthy nodes when imbalanced; false turns it off"
    },
    {
        name = "REBALANCE_THRESHOLD",
        aliases = {},
        kind = "int",
        fallback = "20",
        min = 1,
        max = 1000,
        side = "router",
        doc = "Imbalance ((max - min) / mean of owned active monitors) in percent at or above which a pass moves monitors"
    },
    {
        name = "REBALANCE_SETTLE",
        aliases = {},
        kind = "seconds",
        fallback = "60",
        min = 0,
        max = 86400,
        side = "router",
        doc = "Seconds every healthy node must have been confirmed up before a pass"
    },
    {
        name = "REBALANCE_BATCH",
        aliases = {},
        kind = "int",
        fallback = "50",
        min = 1,
        max = 100000,
        side = "router",
        doc = "Most monitors one pass moves"
    },
    {
        name = "REBALANCE_INTERVAL",
        aliases = {},
        kind = "seconds",
        fallback = "5",
        min = 0.1,
        max = 3600,
        side = "router",
        doc = "Seconds between passes that moved monitors"
    },
    {
        name = "REBALANCE_COOLDOWN",
        aliases = {},
        kind = "seconds",
        fallback = "600",
        min = 0,
        max = 2592000,
        side = "router",
        doc = "A monitor is never rebalanced twice within this many seconds"
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
        name = "ROUTER_MANAGED_NODES",
        aliases = {},
        kind = "node_patterns",
        fallback = "",
        side = "router",
        doc = "Node id patterns (`*` any run) of the nodes this router probes, marks offline and fails over; unset means its own world's nodes (docs/deployment.md, cut-over), `*` every node"
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
