local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 38,["6"] = 40,["7"] = 40,["8"] = 40,["9"] = 40,["10"] = 40,["11"] = 40,["12"] = 40,["13"] = 38,["14"] = 41,["15"] = 41,["16"] = 41,["17"] = 41,["18"] = 41,["19"] = 41,["20"] = 41,["21"] = 38,["22"] = 42,["23"] = 42,["24"] = 42,["25"] = 42,["26"] = 42,["27"] = 42,["28"] = 42,["29"] = 38,["30"] = 44,["31"] = 44,["32"] = 44,["33"] = 44,["34"] = 44,["35"] = 44,["36"] = 44,["37"] = 38,["38"] = 45,["39"] = 45,["40"] = 45,["41"] = 45,["42"] = 45,["43"] = 45,["44"] = 45,["45"] = 45,["46"] = 45,["47"] = 38,["48"] = 46,["49"] = 46,["50"] = 46,["51"] = 46,["52"] = 46,["53"] = 46,["54"] = 46,["55"] = 38,["56"] = 47,["57"] = 47,["58"] = 47,["59"] = 47,["60"] = 47,["61"] = 47,["62"] = 47,["63"] = 47,["64"] = 38,["65"] = 48,["66"] = 48,["67"] = 48,["68"] = 48,["69"] = 48,["70"] = 48,["71"] = 48,["72"] = 38,["73"] = 49,["74"] = 49,["75"] = 49,["76"] = 49,["77"] = 49,["78"] = 49,["79"] = 49,["80"] = 49,["81"] = 49,["82"] = 38,["83"] = 51,["84"] = 51,["85"] = 51,["86"] = 51,["87"] = 51,["88"] = 51,["89"] = 51,["90"] = 38,["91"] = 52,["92"] = 52,["93"] = 52,["94"] = 52,["95"] = 52,["96"] = 52,["97"] = 52,["98"] = 38,["99"] = 53,["100"] = 53,["101"] = 53,["102"] = 53,["103"] = 53,["104"] = 53,["105"] = 53,["106"] = 38,["107"] = 55,["108"] = 55,["109"] = 55,["110"] = 55,["111"] = 55,["112"] = 55,["113"] = 55,["114"] = 38,["115"] = 56,["116"] = 56,["117"] = 56,["118"] = 56,["119"] = 56,["120"] = 56,["121"] = 56,["122"] = 38,["123"] = 58,["124"] = 58,["125"] = 58,["126"] = 58,["127"] = 58,["128"] = 58,["129"] = 58,["130"] = 58,["131"] = 58,["132"] = 58,["133"] = 38,["134"] = 59,["135"] = 59,["136"] = 59,["137"] = 59,["138"] = 59,["139"] = 59,["140"] = 59,["141"] = 59,["142"] = 59,["143"] = 38,["144"] = 60,["145"] = 60,["146"] = 60,["147"] = 60,["148"] = 60,["149"] = 60,["150"] = 60,["151"] = 60,["152"] = 60,["153"] = 38,["154"] = 61,["155"] = 61,["156"] = 61,["157"] = 61,["158"] = 61,["159"] = 61,["160"] = 61,["161"] = 61,["162"] = 38,["163"] = 63,["164"] = 63,["165"] = 63,["166"] = 63,["167"] = 63,["168"] = 63,["169"] = 63,["170"] = 63,["171"] = 63,["172"] = 38,["173"] = 64,["174"] = 64,["175"] = 64,["176"] = 64,["177"] = 64,["178"] = 64,["179"] = 64,["180"] = 64,["181"] = 64,["182"] = 38,["183"] = 65,["184"] = 65,["185"] = 65,["186"] = 65,["187"] = 65,["188"] = 65,["189"] = 65,["190"] = 65,["191"] = 65,["192"] = 38,["193"] = 66,["194"] = 66,["195"] = 66,["196"] = 66,["197"] = 66,["198"] = 66,["199"] = 66,["200"] = 66,["201"] = 66,["202"] = 38,["203"] = 67,["204"] = 67,["205"] = 67,["206"] = 67,["207"] = 67,["208"] = 67,["209"] = 67,["210"] = 38,["211"] = 68,["212"] = 68,["213"] = 68,["214"] = 68,["215"] = 68,["216"] = 68,["217"] = 68,["218"] = 38,["219"] = 69,["220"] = 69,["221"] = 69,["222"] = 69,["223"] = 69,["224"] = 69,["225"] = 69,["226"] = 69,["227"] = 69,["228"] = 38,["229"] = 71,["230"] = 71,["231"] = 71,["232"] = 71,["233"] = 71,["234"] = 71,["235"] = 71,["236"] = 38,["237"] = 72,["238"] = 72,["239"] = 72,["240"] = 72,["241"] = 72,["242"] = 72,["243"] = 72,["244"] = 72,["245"] = 72,["246"] = 38,["247"] = 73,["248"] = 73,["249"] = 73,["250"] = 73,["251"] = 73,["252"] = 73,["253"] = 73,["254"] = 73,["255"] = 73,["256"] = 38,["257"] = 74,["258"] = 74,["259"] = 74,["260"] = 74,["261"] = 74,["262"] = 74,["263"] = 74,["264"] = 74,["265"] = 74,["266"] = 38,["267"] = 75,["268"] = 75,["269"] = 75,["270"] = 75,["271"] = 75,["272"] = 75,["273"] = 75,["274"] = 75,["275"] = 75,["276"] = 38,["277"] = 76,["278"] = 76,["279"] = 76,["280"] = 76,["281"] = 76,["282"] = 76,["283"] = 76,["284"] = 76,["285"] = 76,["286"] = 38,["287"] = 78,["288"] = 78,["289"] = 78,["290"] = 78,["291"] = 78,["292"] = 78,["293"] = 78,["294"] = 38,["295"] = 79,["296"] = 79,["297"] = 79,["298"] = 79,["299"] = 79,["300"] = 79,["301"] = 79,["302"] = 38,["303"] = 80,["304"] = 80,["305"] = 80,["306"] = 80,["307"] = 80,["308"] = 80,["309"] = 80,["310"] = 80,["311"] = 80,["312"] = 38,["313"] = 81,["314"] = 81,["315"] = 81,["316"] = 81,["317"] = 81,["318"] = 81,["319"] = 81,["320"] = 38,["321"] = 82,["322"] = 82,["323"] = 82,["324"] = 82,["325"] = 82,["326"] = 82,["327"] = 82,["328"] = 38,["329"] = 83,["330"] = 83,["331"] = 83,["332"] = 83,["333"] = 83,["334"] = 83,["335"] = 83,["336"] = 38,["337"] = 84,["338"] = 84,["339"] = 84,["340"] = 84,["341"] = 84,["342"] = 84,["343"] = 84,["344"] = 38,["345"] = 86,["346"] = 86,["347"] = 86,["348"] = 86,["349"] = 86,["350"] = 86,["351"] = 86,["352"] = 38,["353"] = 87,["354"] = 87,["355"] = 87,["356"] = 87,["357"] = 87,["358"] = 87,["359"] = 87,["360"] = 38,["361"] = 88,["362"] = 88,["363"] = 88,["364"] = 88,["365"] = 88,["366"] = 88,["367"] = 88,["368"] = 38,["369"] = 89,["370"] = 89,["371"] = 89,["372"] = 89,["373"] = 89,["374"] = 89,["375"] = 89,["376"] = 38,["377"] = 90,["378"] = 90,["379"] = 90,["380"] = 90,["381"] = 90,["382"] = 90,["383"] = 90,["384"] = 38,["385"] = 91,["386"] = 91,["387"] = 91,["388"] = 91,["389"] = 91,["390"] = 91,["391"] = 91,["392"] = 38,["393"] = 92,["394"] = 92,["395"] = 92,["396"] = 92,["397"] = 92,["398"] = 92,["399"] = 92,["400"] = 92,["401"] = 92,["402"] = 38,["403"] = 93,["404"] = 93,["405"] = 93,["406"] = 93,["407"] = 93,["408"] = 93,["409"] = 93,["410"] = 93,["411"] = 93,["412"] = 38,["413"] = 38,["414"] = 96,["415"] = 97,["416"] = 97,["417"] = 97,["420"] = 98,["421"] = 96,["423"] = 102,["424"] = 103,["425"] = 104,["426"] = 105,["427"] = 106,["428"] = 107,["429"] = 107,["433"] = 110,["434"] = 102});
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
        doc = "Proxies in front of the router (addresses or CIDRs) whose X-Forwarded-For and X-Forwarded-Proto are kept; anyone else's are replaced"
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
