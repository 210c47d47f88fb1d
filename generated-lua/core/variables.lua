local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 37,["6"] = 39,["7"] = 39,["8"] = 39,["9"] = 39,["10"] = 39,["11"] = 39,["12"] = 39,["13"] = 37,["14"] = 40,["15"] = 40,["16"] = 40,["17"] = 40,["18"] = 40,["19"] = 40,["20"] = 40,["21"] = 37,["22"] = 41,["23"] = 41,["24"] = 41,["25"] = 41,["26"] = 41,["27"] = 41,["28"] = 41,["29"] = 37,["30"] = 43,["31"] = 43,["32"] = 43,["33"] = 43,["34"] = 43,["35"] = 43,["36"] = 43,["37"] = 37,["38"] = 44,["39"] = 44,["40"] = 44,["41"] = 44,["42"] = 44,["43"] = 44,["44"] = 44,["45"] = 44,["46"] = 44,["47"] = 37,["48"] = 45,["49"] = 45,["50"] = 45,["51"] = 45,["52"] = 45,["53"] = 45,["54"] = 45,["55"] = 37,["56"] = 46,["57"] = 46,["58"] = 46,["59"] = 46,["60"] = 46,["61"] = 46,["62"] = 46,["63"] = 46,["64"] = 37,["65"] = 47,["66"] = 47,["67"] = 47,["68"] = 47,["69"] = 47,["70"] = 47,["71"] = 47,["72"] = 37,["73"] = 48,["74"] = 48,["75"] = 48,["76"] = 48,["77"] = 48,["78"] = 48,["79"] = 48,["80"] = 48,["81"] = 48,["82"] = 37,["83"] = 50,["84"] = 50,["85"] = 50,["86"] = 50,["87"] = 50,["88"] = 50,["89"] = 50,["90"] = 37,["91"] = 51,["92"] = 51,["93"] = 51,["94"] = 51,["95"] = 51,["96"] = 51,["97"] = 51,["98"] = 37,["99"] = 52,["100"] = 52,["101"] = 52,["102"] = 52,["103"] = 52,["104"] = 52,["105"] = 52,["106"] = 37,["107"] = 54,["108"] = 54,["109"] = 54,["110"] = 54,["111"] = 54,["112"] = 54,["113"] = 54,["114"] = 37,["115"] = 55,["116"] = 55,["117"] = 55,["118"] = 55,["119"] = 55,["120"] = 55,["121"] = 55,["122"] = 37,["123"] = 57,["124"] = 57,["125"] = 57,["126"] = 57,["127"] = 57,["128"] = 57,["129"] = 57,["130"] = 57,["131"] = 57,["132"] = 57,["133"] = 37,["134"] = 58,["135"] = 58,["136"] = 58,["137"] = 58,["138"] = 58,["139"] = 58,["140"] = 58,["141"] = 58,["142"] = 58,["143"] = 37,["144"] = 59,["145"] = 59,["146"] = 59,["147"] = 59,["148"] = 59,["149"] = 59,["150"] = 59,["151"] = 59,["152"] = 59,["153"] = 37,["154"] = 60,["155"] = 60,["156"] = 60,["157"] = 60,["158"] = 60,["159"] = 60,["160"] = 60,["161"] = 60,["162"] = 37,["163"] = 62,["164"] = 62,["165"] = 62,["166"] = 62,["167"] = 62,["168"] = 62,["169"] = 62,["170"] = 62,["171"] = 62,["172"] = 37,["173"] = 63,["174"] = 63,["175"] = 63,["176"] = 63,["177"] = 63,["178"] = 63,["179"] = 63,["180"] = 63,["181"] = 63,["182"] = 37,["183"] = 64,["184"] = 64,["185"] = 64,["186"] = 64,["187"] = 64,["188"] = 64,["189"] = 64,["190"] = 64,["191"] = 64,["192"] = 37,["193"] = 65,["194"] = 65,["195"] = 65,["196"] = 65,["197"] = 65,["198"] = 65,["199"] = 65,["200"] = 65,["201"] = 65,["202"] = 37,["203"] = 66,["204"] = 66,["205"] = 66,["206"] = 66,["207"] = 66,["208"] = 66,["209"] = 66,["210"] = 37,["211"] = 67,["212"] = 67,["213"] = 67,["214"] = 67,["215"] = 67,["216"] = 67,["217"] = 67,["218"] = 37,["219"] = 68,["220"] = 68,["221"] = 68,["222"] = 68,["223"] = 68,["224"] = 68,["225"] = 68,["226"] = 68,["227"] = 68,["228"] = 37,["229"] = 70,["230"] = 70,["231"] = 70,["232"] = 70,["233"] = 70,["234"] = 70,["235"] = 70,["236"] = 37,["237"] = 71,["238"] = 71,["239"] = 71,["240"] = 71,["241"] = 71,["242"] = 71,["243"] = 71,["244"] = 71,["245"] = 71,["246"] = 37,["247"] = 72,["248"] = 72,["249"] = 72,["250"] = 72,["251"] = 72,["252"] = 72,["253"] = 72,["254"] = 72,["255"] = 72,["256"] = 37,["257"] = 73,["258"] = 73,["259"] = 73,["260"] = 73,["261"] = 73,["262"] = 73,["263"] = 73,["264"] = 73,["265"] = 73,["266"] = 37,["267"] = 74,["268"] = 74,["269"] = 74,["270"] = 74,["271"] = 74,["272"] = 74,["273"] = 74,["274"] = 74,["275"] = 74,["276"] = 37,["277"] = 75,["278"] = 75,["279"] = 75,["280"] = 75,["281"] = 75,["282"] = 75,["283"] = 75,["284"] = 75,["285"] = 75,["286"] = 37,["287"] = 77,["288"] = 77,["289"] = 77,["290"] = 77,["291"] = 77,["292"] = 77,["293"] = 77,["294"] = 37,["295"] = 78,["296"] = 78,["297"] = 78,["298"] = 78,["299"] = 78,["300"] = 78,["301"] = 78,["302"] = 37,["303"] = 79,["304"] = 79,["305"] = 79,["306"] = 79,["307"] = 79,["308"] = 79,["309"] = 79,["310"] = 79,["311"] = 79,["312"] = 37,["313"] = 80,["314"] = 80,["315"] = 80,["316"] = 80,["317"] = 80,["318"] = 80,["319"] = 80,["320"] = 37,["321"] = 81,["322"] = 81,["323"] = 81,["324"] = 81,["325"] = 81,["326"] = 81,["327"] = 81,["328"] = 37,["329"] = 82,["330"] = 82,["331"] = 82,["332"] = 82,["333"] = 82,["334"] = 82,["335"] = 82,["336"] = 37,["337"] = 84,["338"] = 84,["339"] = 84,["340"] = 84,["341"] = 84,["342"] = 84,["343"] = 84,["344"] = 37,["345"] = 85,["346"] = 85,["347"] = 85,["348"] = 85,["349"] = 85,["350"] = 85,["351"] = 85,["352"] = 37,["353"] = 86,["354"] = 86,["355"] = 86,["356"] = 86,["357"] = 86,["358"] = 86,["359"] = 86,["360"] = 37,["361"] = 87,["362"] = 87,["363"] = 87,["364"] = 87,["365"] = 87,["366"] = 87,["367"] = 87,["368"] = 37,["369"] = 88,["370"] = 88,["371"] = 88,["372"] = 88,["373"] = 88,["374"] = 88,["375"] = 88,["376"] = 37,["377"] = 89,["378"] = 89,["379"] = 89,["380"] = 89,["381"] = 89,["382"] = 89,["383"] = 89,["384"] = 37,["385"] = 90,["386"] = 90,["387"] = 90,["388"] = 90,["389"] = 90,["390"] = 90,["391"] = 90,["392"] = 90,["393"] = 90,["394"] = 37,["395"] = 91,["396"] = 91,["397"] = 91,["398"] = 91,["399"] = 91,["400"] = 91,["401"] = 91,["402"] = 91,["403"] = 91,["404"] = 37,["405"] = 37,["406"] = 94,["407"] = 95,["408"] = 95,["409"] = 95,["412"] = 96,["413"] = 94,["415"] = 100,["416"] = 101,["417"] = 102,["418"] = 103,["419"] = 104,["420"] = 105,["421"] = 105,["425"] = 108,["426"] = 100});
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
