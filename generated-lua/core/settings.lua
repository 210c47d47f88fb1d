local ____lualib = require("lualib_bundle")
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__ArrayFilter = ____lualib.__TS__ArrayFilter
local __TS__Class = ____lualib.__TS__Class
local Error = ____lualib.Error
local RangeError = ____lualib.RangeError
local ReferenceError = ____lualib.ReferenceError
local SyntaxError = ____lualib.SyntaxError
local TypeError = ____lualib.TypeError
local URIError = ____lualib.URIError
local __TS__New = ____lualib.__TS__New
local __TS__StringCharCodeAt = ____lualib.__TS__StringCharCodeAt
local __TS__ArrayIndexOf = ____lualib.__TS__ArrayIndexOf
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["17"] = 5,["18"] = 5,["19"] = 5,["20"] = 6,["21"] = 6,["22"] = 6,["23"] = 6,["24"] = 6,["25"] = 7,["26"] = 7,["27"] = 7,["28"] = 7,["29"] = 8,["30"] = 8,["31"] = 8,["32"] = 8,["33"] = 8,["34"] = 9,["35"] = 9,["36"] = 9,["37"] = 64,["38"] = 64,["39"] = 64,["40"] = 64,["41"] = 64,["42"] = 64,["43"] = 64,["45"] = 67,["46"] = 68,["47"] = 69,["48"] = 69,["50"] = 70,["51"] = 71,["52"] = 72,["53"] = 72,["56"] = 74,["57"] = 67,["59"] = 78,["60"] = 79,["61"] = 80,["62"] = 80,["64"] = 81,["65"] = 81,["67"] = 82,["68"] = 78,["70"] = 86,["71"] = 87,["72"] = 88,["73"] = 88,["75"] = 89,["76"] = 90,["77"] = 90,["79"] = 91,["80"] = 91,["82"] = 92,["83"] = 93,["84"] = 93,["86"] = 94,["87"] = 95,["88"] = 86,["90"] = 99,["91"] = 100,["92"] = 101,["93"] = 102,["94"] = 103,["95"] = 104,["96"] = 104,["98"] = 105,["100"] = 107,["101"] = 99,["103"] = 111,["104"] = 112,["105"] = 113,["106"] = 114,["107"] = 114,["108"] = 114,["109"] = 114,["110"] = 115,["111"] = 115,["113"] = 116,["114"] = 117,["115"] = 117,["116"] = 117,["118"] = 117,["120"] = 117,["121"] = 118,["122"] = 118,["124"] = 119,["126"] = 121,["127"] = 111,["129"] = 125,["130"] = 126,["131"] = 127,["132"] = 127,["134"] = 128,["135"] = 129,["136"] = 129,["138"] = 130,["139"] = 125,["142"] = 137,["143"] = 138,["144"] = 139,["145"] = 140,["146"] = 141,["147"] = 142,["148"] = 142,["150"] = 143,["151"] = 144,["152"] = 145,["153"] = 145,["156"] = 147,["158"] = 149,["159"] = 137,["161"] = 153,["162"] = 154,["163"] = 155,["164"] = 156,["165"] = 156,["166"] = 156,["167"] = 156,["168"] = 156,["169"] = 156,["170"] = 156,["171"] = 156,["172"] = 156,["173"] = 156,["174"] = 156,["175"] = 156,["176"] = 156,["177"] = 157,["178"] = 158,["181"] = 161,["182"] = 153,["183"] = 164,["184"] = 164,["185"] = 164,["186"] = 164,["187"] = 164,["188"] = 164,["189"] = 164,["190"] = 164,["191"] = 164,["192"] = 164,["193"] = 164,["194"] = 164,["195"] = 164,["196"] = 164,["197"] = 164,["199"] = 181,["200"] = 181,["201"] = 181,["202"] = 184,["203"] = 184,["204"] = 185,["205"] = 182,["206"] = 183,["207"] = 188,["208"] = 189,["209"] = 190,["211"] = 190,["215"] = 191,["216"] = 192,["217"] = 192,["219"] = 193,["220"] = 194,["221"] = 188,["222"] = 197,["223"] = 198,["224"] = 199,["225"] = 199,["226"] = 197,["227"] = 202,["228"] = 203,["229"] = 202,["230"] = 206,["231"] = 207,["232"] = 207,["233"] = 207,["234"] = 207,["235"] = 207,["236"] = 208,["237"] = 209,["238"] = 210,["239"] = 211,["241"] = 213,["242"] = 206,["243"] = 216,["244"] = 217,["245"] = 217,["246"] = 217,["247"] = 217,["248"] = 217,["249"] = 218,["250"] = 219,["251"] = 220,["252"] = 221,["254"] = 223,["255"] = 216,["256"] = 226,["257"] = 227,["258"] = 228,["259"] = 228,["260"] = 228,["261"] = 228,["262"] = 228,["263"] = 228,["265"] = 230,["266"] = 226,["267"] = 234,["268"] = 235,["269"] = 235,["270"] = 235,["271"] = 235,["272"] = 235,["273"] = 236,["274"] = 236,["276"] = 237,["277"] = 238,["278"] = 238,["280"] = 239,["281"] = 234,["282"] = 242,["283"] = 243,["284"] = 243,["285"] = 243,["286"] = 243,["287"] = 243,["288"] = 244,["289"] = 244,["291"] = 245,["292"] = 246,["293"] = 247,["294"] = 248,["296"] = 250,["297"] = 242,["298"] = 253,["299"] = 254,["300"] = 253,["301"] = 258,["302"] = 259,["303"] = 259,["306"] = 260,["307"] = 260,["308"] = 261,["309"] = 262,["310"] = 262,["312"] = 260,["315"] = 264,["316"] = 258,["317"] = 267,["318"] = 268,["319"] = 269,["320"] = 267,["321"] = 272,["322"] = 273,["323"] = 272,["324"] = 276,["325"] = 277,["326"] = 276,["330"] = 285,["331"] = 286,["332"] = 287,["333"] = 288,["334"] = 288,["336"] = 289,["337"] = 290,["338"] = 291,["339"] = 289,["340"] = 293,["341"] = 293,["343"] = 294,["344"] = 295,["346"] = 297,["347"] = 298,["348"] = 299,["350"] = 301,["351"] = 285,["353"] = 305,["354"] = 306,["355"] = 306,["356"] = 306,["357"] = 306,["358"] = 306,["359"] = 306,["360"] = 306,["361"] = 306,["362"] = 305,["363"] = 316,["364"] = 317,["365"] = 317,["366"] = 317,["367"] = 317,["368"] = 317,["369"] = 317,["370"] = 317,["371"] = 317,["372"] = 316,["374"] = 328,["375"] = 329,["376"] = 329,["377"] = 329,["378"] = 329,["379"] = 329,["381"] = 330,["382"] = 330,["383"] = 330,["384"] = 330,["385"] = 330,["387"] = 331,["388"] = 331,["389"] = 331,["390"] = 331,["391"] = 328,["392"] = 334,["393"] = 335,["394"] = 336,["395"] = 336,["397"] = 337,["398"] = 338,["399"] = 339,["400"] = 340,["401"] = 342,["402"] = 343,["403"] = 345,["404"] = 346,["405"] = 346,["406"] = 346,["407"] = 346,["408"] = 346,["409"] = 351,["410"] = 351,["411"] = 351,["412"] = 351,["413"] = 351,["414"] = 351,["415"] = 351,["416"] = 351,["417"] = 351,["418"] = 361,["419"] = 362,["420"] = 363,["421"] = 364,["422"] = 365,["423"] = 366,["424"] = 367,["425"] = 367,["426"] = 367,["428"] = 341,["429"] = 341,["430"] = 341,["431"] = 341,["432"] = 341,["433"] = 341,["434"] = 341,["435"] = 360,["436"] = 360,["437"] = 360,["438"] = 360,["439"] = 360,["440"] = 360,["441"] = 360,["442"] = 360,["443"] = 341,["444"] = 369,["445"] = 369,["446"] = 369,["447"] = 369,["448"] = 341,["449"] = 341,["450"] = 375,["451"] = 375,["452"] = 375,["453"] = 375,["454"] = 375,["455"] = 375,["456"] = 375,["457"] = 341,["458"] = 341,["459"] = 384,["460"] = 385,["461"] = 385,["463"] = 387,["464"] = 334,["467"] = 398,["468"] = 399,["469"] = 400,["470"] = 400,["472"] = 401,["473"] = 401,["475"] = 402,["476"] = 398,["477"] = 405,["478"] = 406,["479"] = 407,["480"] = 407,["482"] = 408,["483"] = 409,["484"] = 410,["485"] = 411,["486"] = 412,["487"] = 413,["488"] = 414,["489"] = 415,["490"] = 416,["491"] = 417,["492"] = 418,["493"] = 418,["494"] = 418,["497"] = 420,["498"] = 420,["499"] = 420,["501"] = 420,["503"] = 420,["504"] = 421,["505"] = 422,["506"] = 422,["508"] = 424,["510"] = 426,["511"] = 428,["512"] = 429,["513"] = 430,["514"] = 431,["515"] = 433,["516"] = 433,["517"] = 433,["519"] = 433,["520"] = 433,["521"] = 433,["523"] = 433,["525"] = 433,["527"] = 427,["528"] = 427,["529"] = 427,["530"] = 427,["531"] = 427,["532"] = 427,["533"] = 427,["534"] = 427,["535"] = 427,["536"] = 437,["537"] = 405,["539"] = 441,["540"] = 442,["541"] = 443,["543"] = 444,["544"] = 444,["546"] = 445,["547"] = 446,["548"] = 447,["549"] = 448,["553"] = 450,["554"] = 441});
local ____exports = {}
local ____variables = require("core.variables")
local VARIABLES = ____variables.VARIABLES
local variableSpec = ____variables.variableSpec
local ____node_id = require("core.node_id")
local isDnsLabel = ____node_id.isDnsLabel
local isValidNodeId = ____node_id.isValidNodeId
local nodeIdFormat = ____node_id.nodeIdFormat
local nodeIndex = ____node_id.nodeIndex
local ____host = require("core.host")
local buildNodeHost = ____host.buildNodeHost
local isIpLiteral = ____host.isIpLiteral
local parseHostPort = ____host.parseHostPort
local ____text = require("core.text")
local isDigits = ____text.isDigits
local parseDecimal = ____text.parseDecimal
local splitOn = ____text.splitOn
local trim = ____text.trim
local ____world = require("core.world")
local managedNodes = ____world.managedNodes
local parseNodePatterns = ____world.parseNodePatterns
local LOG_LEVELS = {
    "debug",
    "info",
    "notice",
    "warn",
    "error"
}
--- The variable (canonical name or alias) that is set and not empty, with its value.
local function lookup(get, spec)
    local v = get(spec.name)
    if v ~= nil and v ~= "" then
        return {spec.name, v}
    end
    for ____, alias in ipairs(spec.aliases) do
        local a = get(alias)
        if a ~= nil and a ~= "" then
            return {alias, a}
        end
    end
    return nil
end
--- true/false, 1/0, yes/no in any case; undefined for anything else.
function ____exports.parseBool(s)
    local v = string.lower(s)
    if v == "true" or v == "1" or v == "yes" then
        return true
    end
    if v == "false" or v == "0" or v == "no" then
        return false
    end
    return nil
end
--- "30", "0.5", "1.250": seconds with up to 3 decimals; undefined otherwise.
function ____exports.parseSeconds(s)
    local parts = splitOn(s, ".")
    if #parts > 2 then
        return nil
    end
    local whole = parseDecimal(parts[1])
    if whole == nil then
        return nil
    end
    if #parts == 1 then
        return whole
    end
    local frac = parts[2]
    if #frac == 0 or #frac > 3 or not isDigits(frac) then
        return nil
    end
    local f = parseDecimal(frac)
    return whole + f / (#frac == 1 and 10 or (#frac == 2 and 100 or 1000))
end
--- "ip[:port],ip[:port]" with IP literals only (a resolver address cannot need DNS itself).
function ____exports.parseIpList(s)
    local out = {}
    for ____, raw in ipairs(splitOn(s, ",")) do
        local item = trim(raw)
        local parsed = parseHostPort(item, 53)
        if not parsed.ok or not isIpLiteral(parsed.value.host) then
            return nil
        end
        out[#out + 1] = parsed.value
    end
    return out
end
--- "200-299,301": inclusive ranges of HTTP statuses.
function ____exports.parseStatuses(s)
    local out = {}
    for ____, raw in ipairs(splitOn(s, ",")) do
        local bounds = splitOn(
            trim(raw),
            "-"
        )
        if #bounds > 2 then
            return nil
        end
        local from = parseDecimal(bounds[1])
        local ____temp_0
        if #bounds == 2 then
            ____temp_0 = parseDecimal(bounds[2])
        else
            ____temp_0 = from
        end
        local to = ____temp_0
        if from == nil or to == nil or from < 100 or to > 599 or from > to then
            return nil
        end
        out[#out + 1] = {from = from, to = to}
    end
    return out
end
--- `listen` for nginx: "port", "host:port" or "[v6]:port"; no other nginx parameters.
function ____exports.parseListen(s)
    local portOnly = parseDecimal(s)
    if portOnly ~= nil then
        return portOnly >= 1 and portOnly <= 65535 and s or nil
    end
    local parsed = parseHostPort(s, 0)
    if not parsed.ok or parsed.value.port == 0 then
        return nil
    end
    return s
end
--- Addresses or CIDRs, comma-separated: "10.0.0.0/8,192.168.1.5,fd00::/8". nginx's `geo` reads
-- them (scripts/router-conf.sh renders it; this check names the variable first).
function ____exports.parseCidrList(s)
    local out = {}
    for ____, raw in ipairs(splitOn(s, ",")) do
        local item = trim(raw)
        local parts = splitOn(item, "/")
        if #parts > 2 or not isIpLiteral(parts[1]) then
            return nil
        end
        if #parts == 2 then
            local bits = parseDecimal(parts[2])
            if bits == nil or bits > ((string.find(parts[1], ":", nil, true) or 0) - 1 >= 0 and 128 or 32) then
                return nil
            end
        end
        out[#out + 1] = item
    end
    return out
end
--- The nameservers of a resolv.conf text.
function ____exports.parseResolvConf(text)
    local out = {}
    for ____, line in ipairs(splitOn(text, "\n")) do
        local words = __TS__ArrayFilter(
            splitOn(
                table.concat(
                    __TS__StringSplit(
                        trim(line),
                        "\t"
                    ),
                    " "
                ),
                " "
            ),
            function(____, w) return w ~= "" end
        )
        if #words >= 2 and words[1] == "nameserver" and isIpLiteral(words[2]) then
            out[#out + 1] = {host = words[2], port = 53}
        end
    end
    return out
end
local EXPECTED = {
    int = "a whole number",
    seconds = "seconds, like 30 or 0.5",
    bool = "true or false",
    dns_label = "a Kubernetes name (lowercase letters, digits, '-')",
    listen = "port, host:port or [ipv6]:port",
    ip_list = "ip[:port],ip[:port] with IP addresses",
    path = "an absolute path starting with '/'",
    log_level = "one of debug, info, notice, warn, error",
    statuses = "HTTP statuses like 200-299,301",
    cidr_list = "addresses or CIDRs like 10.0.0.0/8,192.168.1.5",
    node_id = "1-50 characters of A-Z a-z 0-9 . _ - starting with a letter or digit",
    node_patterns = "node id patterns like node*,uptime-kuma-* (A-Z a-z 0-9 . _ - and *)",
    string = "text"
}
--- Reads variables through the table, collecting one error per bad value.
____exports.Reader = __TS__Class()
local Reader = ____exports.Reader
Reader.name = "Reader"
function Reader.prototype.____constructor(self, get, kubernetes)
    self.get = get
    self.kubernetes = kubernetes
    self.errors = {}
end
function Reader.prototype.raw(self, name)
    local spec = variableSpec(name)
    if spec == nil then
        error(
            __TS__New(Error, ("variable " .. name) .. " is not in the table"),
            0
        )
    end
    local found = lookup(self.get, spec)
    if found ~= nil then
        return {spec, found[1], found[2], true}
    end
    local fallback = self.kubernetes and spec.k8sFallback ~= nil and spec.k8sFallback or spec.fallback
    return {spec, spec.name, fallback, false}
end
function Reader.prototype.bad(self, spec, used, value, why)
    local shown = spec.secret and "<redacted>" or value
    local ____self_errors_1 = self.errors
    ____self_errors_1[#____self_errors_1 + 1] = (((used .. "=") .. shown) .. ": expected ") .. (why or EXPECTED[spec.kind])
end
function Reader.prototype.string(self, name)
    return self:raw(name)[3]
end
function Reader.prototype.int(self, name)
    local spec, used, value = unpack(
        self:raw(name),
        1,
        3
    )
    local n = parseDecimal(value)
    if n == nil then
        self:bad(spec, used, value)
        return 0
    end
    return self:inRange(spec, used, value, n)
end
function Reader.prototype.seconds(self, name)
    local spec, used, value = unpack(
        self:raw(name),
        1,
        3
    )
    local n = ____exports.parseSeconds(value)
    if n == nil then
        self:bad(spec, used, value)
        return 0
    end
    return self:inRange(spec, used, value, n)
end
function Reader.prototype.inRange(self, spec, used, value, n)
    if spec.min ~= nil and n < spec.min or spec.max ~= nil and n > spec.max then
        self:bad(
            spec,
            used,
            value,
            (("a value from " .. tostring(spec.min)) .. " to ") .. tostring(spec.max)
        )
    end
    return n
end
function Reader.prototype.bool(self, name)
    local spec, used, value = unpack(
        self:raw(name),
        1,
        3
    )
    if value == "" then
        return nil
    end
    local b = ____exports.parseBool(value)
    if b == nil then
        self:bad(spec, used, value)
    end
    return b
end
function Reader.prototype.checked(self, name, parse, none)
    local spec, used, value = unpack(
        self:raw(name),
        1,
        3
    )
    if value == "" then
        return none
    end
    local v = parse(value)
    if v == nil then
        self:bad(spec, used, value)
        return none
    end
    return v
end
function Reader.prototype.isSet(self, name)
    return self:raw(name)[4]
end
local function parsePath(s)
    if string.sub(s, 1, 1) ~= "/" or (string.find(s, " ", nil, true) or 0) - 1 >= 0 or (string.find(s, "..", nil, true) or 0) - 1 >= 0 then
        return nil
    end
    do
        local i = 0
        while i < #s do
            local c = __TS__StringCharCodeAt(s, i)
            if c <= 32 or c >= 127 then
                return nil
            end
            i = i + 1
        end
    end
    return s
end
local function parseLogLevel(s)
    local v = string.lower(s)
    return __TS__ArrayIndexOf(LOG_LEVELS, v) >= 0 and v or nil
end
local function parseDnsLabel(s)
    return isDnsLabel(s) and s or nil
end
local function parseNodeId(s)
    return isValidNodeId(s) and s or nil
end
--- kubernetes when K8S_MODE is true, or (unless K8S_MODE is false) KUBERNETES_SERVICE_HOST or
-- NAMESPACE is set; docker-compose when COMPOSE_PROJECT_NAME is set or UPTIME_KUMA_NODE_HOST
-- names an uptime-kuma-node host; otherwise local.
function ____exports.detectEnvironment(get)
    local r = __TS__New(____exports.Reader, get, false)
    local forced = r:bool("K8S_MODE")
    if #r.errors > 0 then
        return {ok = false, errors = r.errors}
    end
    local function marker(name)
        local v = get(name)
        return v ~= nil and v ~= ""
    end
    if forced == true then
        return {ok = true, value = "kubernetes"}
    end
    if forced == nil and (marker("KUBERNETES_SERVICE_HOST") or marker("NAMESPACE")) then
        return {ok = true, value = "kubernetes"}
    end
    local nodeHost = get("UPTIME_KUMA_NODE_HOST")
    if marker("COMPOSE_PROJECT_NAME") or nodeHost ~= nil and (string.find(nodeHost, "uptime-kuma-node", nil, true) or 0) - 1 >= 0 then
        return {ok = true, value = "docker-compose"}
    end
    return {ok = true, value = "local"}
end
--- DB_* (and the UPTIME_KUMA_DB_* aliases): shared by the router and the node package.
function ____exports.readDb(r)
    return {
        host = r:string("DB_HOST"),
        port = r:int("DB_PORT"),
        user = r:string("DB_USER"),
        password = r:string("DB_PASSWORD"),
        database = r:string("DB_NAME"),
        timeoutMs = r:int("DB_TIMEOUT")
    }
end
local function hostRules(r, environment, portVariable)
    return {
        environment = environment,
        namespace = r:checked("K8S_NAMESPACE", parseDnsLabel, "default"),
        headlessService = r:checked("K8S_HEADLESS_SERVICE", parseDnsLabel, "uptime-kuma-headless"),
        clusterDomain = r:string("K8S_CLUSTER_DOMAIN"),
        port = r:int(portVariable),
        hostPrefix = r:string("NODE_HOST_PREFIX")
    }
end
--- DNS_SERVERS, else K8S_DNS_SERVER, else the nameservers of resolv.conf. Never a guess.
function ____exports.dnsServers(r, resolvConf)
    if r:isSet("DNS_SERVERS") then
        return {
            servers = r:checked("DNS_SERVERS", ____exports.parseIpList, {}),
            source = "DNS_SERVERS"
        }
    end
    if r:isSet("K8S_DNS_SERVER") then
        return {
            servers = r:checked("K8S_DNS_SERVER", ____exports.parseIpList, {}),
            source = "K8S_DNS_SERVER"
        }
    end
    return {
        servers = ____exports.parseResolvConf(resolvConf),
        source = "/etc/resolv.conf"
    }
end
function ____exports.loadRouterSettings(get, resolvConf)
    local env = ____exports.detectEnvironment(get)
    if not env.ok then
        return env
    end
    local environment = env.value
    local r = __TS__New(____exports.Reader, get, environment == "kubernetes")
    local rules = hostRules(r, environment, "CLUSTER_DEFAULT_PORT")
    local patterns = r:isSet("ROUTER_MANAGED_NODES") and r:checked("ROUTER_MANAGED_NODES", parseNodePatterns, {}) or nil
    local ____environment_9 = environment
    local ____exports_readDb_result_10 = ____exports.readDb(r)
    local ____exports_dnsServers_result_11 = ____exports.dnsServers(r, resolvConf)
    local ____temp_12 = {
        nodeCount = r:int("CLUSTER_NODE_COUNT"),
        monitorLimitPerNode = r:int("MONITOR_LIMIT_PER_NODE"),
        heartbeatS = r:seconds("HEARTBEAT_INTERVAL")
    }
    local ____temp_13 = {
        intervalS = r:seconds("HEALTH_CHECK_INTERVAL"),
        timeoutMs = r:int("HEALTH_CHECK_TIMEOUT"),
        failures = r:int("HEALTH_CHECK_FAILURES"),
        successes = r:int("HEALTH_CHECK_SUCCESSES"),
        path = r:checked("HEALTH_CHECK_PATH", parsePath, "/"),
        healthyStatuses = r:checked("HEALTH_CHECK_STATUSES", ____exports.parseStatuses, {{from = 200, to = 299}}),
        staleAfterS = r:seconds("STALE_NODE_TIMEOUT")
    }
    local ____temp_3 = r:checked("ROUTER_LISTEN", ____exports.parseListen, "")
    local ____temp_4 = r:checked("ROUTER_STATUS_LISTEN", ____exports.parseListen, "")
    local ____temp_5 = r:seconds("ROUTER_SYNC_INTERVAL")
    local ____temp_6 = r:checked("DEBUG_LOG_LEVEL", parseLogLevel, "info")
    local ____temp_7 = r:checked("ROUTER_TRUSTED_PROXIES", ____exports.parseCidrList, {})
    local ____temp_8 = r:seconds("ROUTER_WORKER_SHUTDOWN_TIMEOUT")
    local ____temp_2 = r:bool("ROUTER_METRICS")
    if ____temp_2 == nil then
        ____temp_2 = true
    end
    local settings = {
        environment = ____environment_9,
        db = ____exports_readDb_result_10,
        hostRules = rules,
        dns = ____exports_dnsServers_result_11,
        cluster = ____temp_12,
        health = ____temp_13,
        router = {
            listen = ____temp_3,
            statusListen = ____temp_4,
            syncIntervalS = ____temp_5,
            logLevel = ____temp_6,
            trustedProxies = ____temp_7,
            workerShutdownTimeoutS = ____temp_8,
            metrics = ____temp_2
        },
        lookups = {
            connections = r:int("ROUTER_LOOKUP_CONNECTIONS"),
            ratePerS = r:int("ROUTER_LOOKUP_RATE"),
            negativeTtlS = r:seconds("ROUTER_LOOKUP_NEGATIVE_TTL")
        },
        managed = managedNodes(environment, rules.clusterDomain, patterns),
        rebalance = {
            enabled = r:bool("REBALANCE") ~= false,
            threshold = r:int("REBALANCE_THRESHOLD") / 100,
            settleS = r:seconds("REBALANCE_SETTLE"),
            batch = r:int("REBALANCE_BATCH"),
            intervalS = r:seconds("REBALANCE_INTERVAL"),
            cooldownS = r:seconds("REBALANCE_COOLDOWN")
        }
    }
    if settings.router.listen ~= "" and settings.router.listen == settings.router.statusListen then
        local ____r_errors_14 = r.errors
        ____r_errors_14[#____r_errors_14 + 1] = ("ROUTER_STATUS_LISTEN=" .. settings.router.statusListen) .. ": must differ from ROUTER_LISTEN"
    end
    return #r.errors > 0 and ({ok = false, errors = r.errors}) or ({ok = true, value = settings})
end
--- Where this node's id comes from: UPTIME_KUMA_NODE_ID (or NODE_ID); in Kubernetes without it,
-- HOSTNAME, which Kubernetes sets to the pod name. undefined: no id (the default local node).
function ____exports.nodeIdVariable(get, environment)
    local r = __TS__New(____exports.Reader, get, environment == "kubernetes")
    if r:isSet("UPTIME_KUMA_NODE_ID") then
        return "UPTIME_KUMA_NODE_ID"
    end
    if environment == "kubernetes" and r:isSet("HOSTNAME") then
        return "HOSTNAME"
    end
    return nil
end
function ____exports.loadNodeIdentity(get)
    local env = ____exports.detectEnvironment(get)
    if not env.ok then
        return env
    end
    local environment = env.value
    local r = __TS__New(____exports.Reader, get, environment == "kubernetes")
    local idFrom = ____exports.nodeIdVariable(get, environment)
    local named = idFrom ~= nil
    local nodeId = r:checked(idFrom or "UPTIME_KUMA_NODE_ID", parseNodeId, "local-node")
    local primaryFlag = r:bool("UPTIME_KUMA_PRIMARY")
    local rules = hostRules(r, environment, "UPTIME_KUMA_PORT")
    local index = nodeIndex(nodeId)
    local host = r:string("UPTIME_KUMA_NODE_HOST")
    if host ~= "" then
        if not parseHostPort(host, rules.port).ok then
            local ____r_errors_15 = r.errors
            ____r_errors_15[#____r_errors_15 + 1] = ("UPTIME_KUMA_NODE_HOST=" .. host) .. ": expected host, host:port or [ipv6]:port"
        end
    else
        local ____named_16
        if named then
            ____named_16 = buildNodeHost(nodeId, rules)
        else
            ____named_16 = "127.0.0.1:" .. tostring(rules.port)
        end
        local built = ____named_16
        if built == nil then
            local ____r_errors_17 = r.errors
            ____r_errors_17[#____r_errors_17 + 1] = (((((idFrom or "UPTIME_KUMA_NODE_ID") .. "=") .. nodeId) .. ": cannot build a ") .. environment) .. " host from it; set UPTIME_KUMA_NODE_HOST"
        end
        host = built or ""
    end
    local name = r:string("UPTIME_KUMA_NODE_NAME")
    local ____environment_20 = environment
    local ____nodeId_21 = nodeId
    local ____temp_22 = name ~= "" and name or (named and nodeId or "Local Node")
    local ____host_23 = host
    local ____temp_19
    if primaryFlag ~= nil then
        ____temp_19 = primaryFlag
    else
        local ____named_18
        if named then
            ____named_18 = index == 0
        else
            ____named_18 = true
        end
        ____temp_19 = ____named_18
    end
    local identity = {
        environment = ____environment_20,
        nodeId = ____nodeId_21,
        nodeName = ____temp_22,
        host = ____host_23,
        isPrimary = ____temp_19,
        format = nodeIdFormat(nodeId),
        index = index
    }
    return #r.errors > 0 and ({ok = false, errors = r.errors}) or ({ok = true, value = identity})
end
--- The effective settings as name -> value for logs and /lb/config, secrets redacted.
function ____exports.describeEnvironment(get, side, environment)
    local out = {}
    for ____, spec in ipairs(VARIABLES) do
        do
            if side ~= "both" and spec.side ~= side and spec.side ~= "both" then
                goto __continue89
            end
            local found = lookup(get, spec)
            local fallback = environment == "kubernetes" and spec.k8sFallback ~= nil and spec.k8sFallback or spec.fallback
            local value = found ~= nil and found[2] or fallback
            out[spec.name] = spec.secret and value ~= "" and "<redacted>" or value
        end
        ::__continue89::
    end
    return out
end
return ____exports
