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
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["17"] = 5,["18"] = 5,["19"] = 5,["20"] = 6,["21"] = 6,["22"] = 6,["23"] = 6,["24"] = 6,["25"] = 7,["26"] = 7,["27"] = 7,["28"] = 7,["29"] = 8,["30"] = 8,["31"] = 8,["32"] = 8,["33"] = 8,["34"] = 9,["35"] = 9,["36"] = 9,["37"] = 55,["38"] = 55,["39"] = 55,["40"] = 55,["41"] = 55,["42"] = 55,["43"] = 55,["45"] = 58,["46"] = 59,["47"] = 60,["48"] = 60,["50"] = 61,["51"] = 62,["52"] = 63,["53"] = 63,["56"] = 65,["57"] = 58,["59"] = 69,["60"] = 70,["61"] = 71,["62"] = 71,["64"] = 72,["65"] = 72,["67"] = 73,["68"] = 69,["70"] = 77,["71"] = 78,["72"] = 79,["73"] = 79,["75"] = 80,["76"] = 81,["77"] = 81,["79"] = 82,["80"] = 82,["82"] = 83,["83"] = 84,["84"] = 84,["86"] = 85,["87"] = 86,["88"] = 77,["90"] = 90,["91"] = 91,["92"] = 92,["93"] = 93,["94"] = 94,["95"] = 95,["96"] = 95,["98"] = 96,["100"] = 98,["101"] = 90,["103"] = 102,["104"] = 103,["105"] = 104,["106"] = 105,["107"] = 105,["108"] = 105,["109"] = 105,["110"] = 106,["111"] = 106,["113"] = 107,["114"] = 108,["115"] = 108,["116"] = 108,["118"] = 108,["120"] = 108,["121"] = 109,["122"] = 109,["124"] = 110,["126"] = 112,["127"] = 102,["129"] = 116,["130"] = 117,["131"] = 118,["132"] = 118,["134"] = 119,["135"] = 120,["136"] = 120,["138"] = 121,["139"] = 116,["142"] = 128,["143"] = 129,["144"] = 130,["145"] = 131,["146"] = 132,["147"] = 133,["148"] = 133,["150"] = 134,["151"] = 135,["152"] = 136,["153"] = 136,["156"] = 138,["158"] = 140,["159"] = 128,["161"] = 144,["162"] = 145,["163"] = 146,["164"] = 147,["165"] = 147,["166"] = 147,["167"] = 147,["168"] = 147,["169"] = 147,["170"] = 147,["171"] = 147,["172"] = 147,["173"] = 147,["174"] = 147,["175"] = 147,["176"] = 147,["177"] = 148,["178"] = 149,["181"] = 152,["182"] = 144,["183"] = 155,["184"] = 155,["185"] = 155,["186"] = 155,["187"] = 155,["188"] = 155,["189"] = 155,["190"] = 155,["191"] = 155,["192"] = 155,["193"] = 155,["194"] = 155,["195"] = 155,["196"] = 155,["197"] = 155,["199"] = 172,["200"] = 172,["201"] = 172,["202"] = 174,["203"] = 174,["204"] = 174,["205"] = 173,["206"] = 174,["207"] = 176,["208"] = 177,["209"] = 178,["211"] = 178,["215"] = 179,["216"] = 180,["217"] = 180,["219"] = 181,["220"] = 182,["221"] = 176,["222"] = 185,["223"] = 186,["224"] = 187,["225"] = 187,["226"] = 185,["227"] = 190,["228"] = 191,["229"] = 190,["230"] = 194,["231"] = 195,["232"] = 195,["233"] = 195,["234"] = 195,["235"] = 195,["236"] = 196,["237"] = 197,["238"] = 198,["239"] = 199,["241"] = 201,["242"] = 194,["243"] = 204,["244"] = 205,["245"] = 205,["246"] = 205,["247"] = 205,["248"] = 205,["249"] = 206,["250"] = 207,["251"] = 208,["252"] = 209,["254"] = 211,["255"] = 204,["256"] = 214,["257"] = 215,["258"] = 216,["259"] = 216,["260"] = 216,["261"] = 216,["262"] = 216,["263"] = 216,["265"] = 218,["266"] = 214,["267"] = 222,["268"] = 223,["269"] = 223,["270"] = 223,["271"] = 223,["272"] = 223,["273"] = 224,["274"] = 224,["276"] = 225,["277"] = 226,["278"] = 226,["280"] = 227,["281"] = 222,["282"] = 230,["283"] = 231,["284"] = 231,["285"] = 231,["286"] = 231,["287"] = 231,["288"] = 232,["289"] = 232,["291"] = 233,["292"] = 234,["293"] = 235,["294"] = 236,["296"] = 238,["297"] = 230,["298"] = 241,["299"] = 242,["300"] = 241,["301"] = 246,["302"] = 247,["303"] = 247,["306"] = 248,["307"] = 248,["308"] = 249,["309"] = 250,["310"] = 250,["312"] = 248,["315"] = 252,["316"] = 246,["317"] = 255,["318"] = 256,["319"] = 257,["320"] = 255,["321"] = 260,["322"] = 261,["323"] = 260,["324"] = 264,["325"] = 265,["326"] = 264,["330"] = 273,["331"] = 274,["332"] = 275,["333"] = 276,["334"] = 276,["336"] = 277,["337"] = 278,["338"] = 279,["339"] = 277,["340"] = 281,["341"] = 281,["343"] = 282,["344"] = 283,["346"] = 285,["347"] = 286,["348"] = 287,["350"] = 289,["351"] = 273,["353"] = 293,["354"] = 294,["355"] = 294,["356"] = 294,["357"] = 294,["358"] = 294,["359"] = 294,["360"] = 294,["361"] = 294,["362"] = 293,["363"] = 304,["364"] = 305,["365"] = 305,["366"] = 305,["367"] = 305,["368"] = 305,["369"] = 305,["370"] = 305,["371"] = 305,["372"] = 304,["374"] = 316,["375"] = 317,["376"] = 317,["377"] = 317,["378"] = 317,["379"] = 317,["381"] = 318,["382"] = 318,["383"] = 318,["384"] = 318,["385"] = 318,["387"] = 319,["388"] = 319,["389"] = 319,["390"] = 319,["391"] = 316,["392"] = 322,["393"] = 323,["394"] = 324,["395"] = 324,["397"] = 325,["398"] = 326,["399"] = 327,["400"] = 328,["401"] = 329,["402"] = 329,["403"] = 329,["404"] = 329,["405"] = 329,["406"] = 334,["407"] = 334,["408"] = 334,["409"] = 334,["410"] = 329,["411"] = 335,["412"] = 335,["413"] = 335,["414"] = 335,["415"] = 335,["416"] = 335,["417"] = 335,["418"] = 335,["419"] = 329,["420"] = 344,["421"] = 344,["422"] = 344,["423"] = 344,["424"] = 344,["425"] = 344,["426"] = 344,["427"] = 329,["428"] = 352,["429"] = 352,["430"] = 352,["431"] = 352,["432"] = 329,["433"] = 329,["434"] = 358,["435"] = 358,["436"] = 358,["437"] = 358,["438"] = 358,["439"] = 358,["440"] = 358,["441"] = 329,["442"] = 329,["443"] = 367,["444"] = 368,["445"] = 368,["447"] = 370,["448"] = 322,["451"] = 381,["452"] = 382,["453"] = 383,["454"] = 383,["456"] = 384,["457"] = 384,["459"] = 385,["460"] = 381,["461"] = 388,["462"] = 389,["463"] = 390,["464"] = 390,["466"] = 391,["467"] = 392,["468"] = 393,["469"] = 394,["470"] = 395,["471"] = 396,["472"] = 397,["473"] = 398,["474"] = 399,["475"] = 400,["476"] = 401,["477"] = 401,["478"] = 401,["481"] = 403,["482"] = 403,["483"] = 403,["485"] = 403,["487"] = 403,["488"] = 404,["489"] = 405,["490"] = 405,["492"] = 407,["494"] = 409,["495"] = 411,["496"] = 412,["497"] = 413,["498"] = 414,["499"] = 416,["500"] = 416,["501"] = 416,["503"] = 416,["504"] = 416,["505"] = 416,["507"] = 416,["509"] = 416,["511"] = 410,["512"] = 410,["513"] = 410,["514"] = 410,["515"] = 410,["516"] = 410,["517"] = 410,["518"] = 410,["519"] = 410,["520"] = 420,["521"] = 388,["523"] = 424,["524"] = 425,["525"] = 426,["527"] = 427,["528"] = 427,["530"] = 428,["531"] = 429,["532"] = 430,["533"] = 431,["537"] = 433,["538"] = 424});
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
    local settings = {
        environment = environment,
        db = ____exports.readDb(r),
        hostRules = rules,
        dns = ____exports.dnsServers(r, resolvConf),
        cluster = {
            nodeCount = r:int("CLUSTER_NODE_COUNT"),
            monitorLimitPerNode = r:int("MONITOR_LIMIT_PER_NODE"),
            heartbeatS = r:seconds("HEARTBEAT_INTERVAL")
        },
        health = {
            intervalS = r:seconds("HEALTH_CHECK_INTERVAL"),
            timeoutMs = r:int("HEALTH_CHECK_TIMEOUT"),
            failures = r:int("HEALTH_CHECK_FAILURES"),
            successes = r:int("HEALTH_CHECK_SUCCESSES"),
            path = r:checked("HEALTH_CHECK_PATH", parsePath, "/"),
            healthyStatuses = r:checked("HEALTH_CHECK_STATUSES", ____exports.parseStatuses, {{from = 200, to = 299}}),
            staleAfterS = r:seconds("STALE_NODE_TIMEOUT")
        },
        router = {
            listen = r:checked("ROUTER_LISTEN", ____exports.parseListen, ""),
            statusListen = r:checked("ROUTER_STATUS_LISTEN", ____exports.parseListen, ""),
            syncIntervalS = r:seconds("ROUTER_SYNC_INTERVAL"),
            logLevel = r:checked("DEBUG_LOG_LEVEL", parseLogLevel, "info"),
            trustedProxies = r:checked("ROUTER_TRUSTED_PROXIES", ____exports.parseCidrList, {}),
            workerShutdownTimeoutS = r:seconds("ROUTER_WORKER_SHUTDOWN_TIMEOUT")
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
        local ____r_errors_2 = r.errors
        ____r_errors_2[#____r_errors_2 + 1] = ("ROUTER_STATUS_LISTEN=" .. settings.router.statusListen) .. ": must differ from ROUTER_LISTEN"
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
            local ____r_errors_3 = r.errors
            ____r_errors_3[#____r_errors_3 + 1] = ("UPTIME_KUMA_NODE_HOST=" .. host) .. ": expected host, host:port or [ipv6]:port"
        end
    else
        local ____named_4
        if named then
            ____named_4 = buildNodeHost(nodeId, rules)
        else
            ____named_4 = "127.0.0.1:" .. tostring(rules.port)
        end
        local built = ____named_4
        if built == nil then
            local ____r_errors_5 = r.errors
            ____r_errors_5[#____r_errors_5 + 1] = (((((idFrom or "UPTIME_KUMA_NODE_ID") .. "=") .. nodeId) .. ": cannot build a ") .. environment) .. " host from it; set UPTIME_KUMA_NODE_HOST"
        end
        host = built or ""
    end
    local name = r:string("UPTIME_KUMA_NODE_NAME")
    local ____environment_8 = environment
    local ____nodeId_9 = nodeId
    local ____temp_10 = name ~= "" and name or (named and nodeId or "Local Node")
    local ____host_11 = host
    local ____temp_7
    if primaryFlag ~= nil then
        ____temp_7 = primaryFlag
    else
        local ____named_6
        if named then
            ____named_6 = index == 0
        else
            ____named_6 = true
        end
        ____temp_7 = ____named_6
    end
    local identity = {
        environment = ____environment_8,
        nodeId = ____nodeId_9,
        nodeName = ____temp_10,
        host = ____host_11,
        isPrimary = ____temp_7,
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
