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
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["17"] = 4,["18"] = 4,["19"] = 4,["20"] = 5,["21"] = 5,["22"] = 5,["23"] = 5,["24"] = 5,["25"] = 6,["26"] = 6,["27"] = 6,["28"] = 6,["29"] = 7,["30"] = 7,["31"] = 7,["32"] = 7,["33"] = 7,["34"] = 8,["35"] = 8,["36"] = 8,["37"] = 51,["38"] = 51,["39"] = 51,["40"] = 51,["41"] = 51,["42"] = 51,["43"] = 51,["45"] = 54,["46"] = 55,["47"] = 56,["48"] = 56,["50"] = 57,["51"] = 58,["52"] = 59,["53"] = 59,["56"] = 61,["57"] = 54,["59"] = 65,["60"] = 66,["61"] = 67,["62"] = 67,["64"] = 68,["65"] = 68,["67"] = 69,["68"] = 65,["70"] = 73,["71"] = 74,["72"] = 75,["73"] = 75,["75"] = 76,["76"] = 77,["77"] = 77,["79"] = 78,["80"] = 78,["82"] = 79,["83"] = 80,["84"] = 80,["86"] = 81,["87"] = 82,["88"] = 73,["90"] = 86,["91"] = 87,["92"] = 88,["93"] = 89,["94"] = 90,["95"] = 91,["96"] = 91,["98"] = 92,["100"] = 94,["101"] = 86,["103"] = 98,["104"] = 99,["105"] = 100,["106"] = 101,["107"] = 101,["108"] = 101,["109"] = 101,["110"] = 102,["111"] = 102,["113"] = 103,["114"] = 104,["115"] = 104,["116"] = 104,["118"] = 104,["120"] = 104,["121"] = 105,["122"] = 105,["124"] = 106,["126"] = 108,["127"] = 98,["129"] = 112,["130"] = 113,["131"] = 114,["132"] = 114,["134"] = 115,["135"] = 116,["136"] = 116,["138"] = 117,["139"] = 112,["142"] = 124,["143"] = 125,["144"] = 126,["145"] = 127,["146"] = 128,["147"] = 129,["148"] = 129,["150"] = 130,["151"] = 131,["152"] = 132,["153"] = 132,["156"] = 134,["158"] = 136,["159"] = 124,["161"] = 140,["162"] = 141,["163"] = 142,["164"] = 143,["165"] = 143,["166"] = 143,["167"] = 143,["168"] = 143,["169"] = 143,["170"] = 143,["171"] = 143,["172"] = 143,["173"] = 143,["174"] = 143,["175"] = 143,["176"] = 143,["177"] = 144,["178"] = 145,["181"] = 148,["182"] = 140,["183"] = 151,["184"] = 151,["185"] = 151,["186"] = 151,["187"] = 151,["188"] = 151,["189"] = 151,["190"] = 151,["191"] = 151,["192"] = 151,["193"] = 151,["194"] = 151,["195"] = 151,["196"] = 151,["197"] = 151,["199"] = 168,["200"] = 168,["201"] = 168,["202"] = 170,["203"] = 170,["204"] = 170,["205"] = 169,["206"] = 170,["207"] = 172,["208"] = 173,["209"] = 174,["211"] = 174,["215"] = 175,["216"] = 176,["217"] = 176,["219"] = 177,["220"] = 178,["221"] = 172,["222"] = 181,["223"] = 182,["224"] = 183,["225"] = 183,["226"] = 181,["227"] = 186,["228"] = 187,["229"] = 186,["230"] = 190,["231"] = 191,["232"] = 191,["233"] = 191,["234"] = 191,["235"] = 191,["236"] = 192,["237"] = 193,["238"] = 194,["239"] = 195,["241"] = 197,["242"] = 190,["243"] = 200,["244"] = 201,["245"] = 201,["246"] = 201,["247"] = 201,["248"] = 201,["249"] = 202,["250"] = 203,["251"] = 204,["252"] = 205,["254"] = 207,["255"] = 200,["256"] = 210,["257"] = 211,["258"] = 212,["259"] = 212,["260"] = 212,["261"] = 212,["262"] = 212,["263"] = 212,["265"] = 214,["266"] = 210,["267"] = 218,["268"] = 219,["269"] = 219,["270"] = 219,["271"] = 219,["272"] = 219,["273"] = 220,["274"] = 220,["276"] = 221,["277"] = 222,["278"] = 222,["280"] = 223,["281"] = 218,["282"] = 226,["283"] = 227,["284"] = 227,["285"] = 227,["286"] = 227,["287"] = 227,["288"] = 228,["289"] = 228,["291"] = 229,["292"] = 230,["293"] = 231,["294"] = 232,["296"] = 234,["297"] = 226,["298"] = 237,["299"] = 238,["300"] = 237,["301"] = 242,["302"] = 243,["303"] = 243,["306"] = 244,["307"] = 244,["308"] = 245,["309"] = 246,["310"] = 246,["312"] = 244,["315"] = 248,["316"] = 242,["317"] = 251,["318"] = 252,["319"] = 253,["320"] = 251,["321"] = 256,["322"] = 257,["323"] = 256,["324"] = 260,["325"] = 261,["326"] = 260,["330"] = 269,["331"] = 270,["332"] = 271,["333"] = 272,["334"] = 272,["336"] = 273,["337"] = 274,["338"] = 275,["339"] = 273,["340"] = 277,["341"] = 277,["343"] = 278,["344"] = 279,["346"] = 281,["347"] = 282,["348"] = 283,["350"] = 285,["351"] = 269,["353"] = 289,["354"] = 290,["355"] = 290,["356"] = 290,["357"] = 290,["358"] = 290,["359"] = 290,["360"] = 290,["361"] = 290,["362"] = 289,["363"] = 300,["364"] = 301,["365"] = 301,["366"] = 301,["367"] = 301,["368"] = 301,["369"] = 301,["370"] = 301,["371"] = 301,["372"] = 300,["374"] = 312,["375"] = 313,["376"] = 313,["377"] = 313,["378"] = 313,["379"] = 313,["381"] = 314,["382"] = 314,["383"] = 314,["384"] = 314,["385"] = 314,["387"] = 315,["388"] = 315,["389"] = 315,["390"] = 315,["391"] = 312,["392"] = 318,["393"] = 319,["394"] = 320,["395"] = 320,["397"] = 321,["398"] = 322,["399"] = 323,["400"] = 324,["401"] = 325,["402"] = 325,["403"] = 325,["404"] = 325,["405"] = 325,["406"] = 330,["407"] = 330,["408"] = 330,["409"] = 330,["410"] = 325,["411"] = 331,["412"] = 331,["413"] = 331,["414"] = 331,["415"] = 331,["416"] = 331,["417"] = 331,["418"] = 331,["419"] = 325,["420"] = 340,["421"] = 340,["422"] = 340,["423"] = 340,["424"] = 340,["425"] = 340,["426"] = 325,["427"] = 325,["428"] = 325,["429"] = 349,["430"] = 350,["431"] = 350,["433"] = 352,["434"] = 318,["437"] = 363,["438"] = 364,["439"] = 365,["440"] = 365,["442"] = 366,["443"] = 366,["445"] = 367,["446"] = 363,["447"] = 370,["448"] = 371,["449"] = 372,["450"] = 372,["452"] = 373,["453"] = 374,["454"] = 375,["455"] = 376,["456"] = 377,["457"] = 378,["458"] = 379,["459"] = 380,["460"] = 381,["461"] = 382,["462"] = 383,["463"] = 383,["464"] = 383,["467"] = 385,["468"] = 385,["469"] = 385,["471"] = 385,["473"] = 385,["474"] = 386,["475"] = 387,["476"] = 387,["478"] = 389,["480"] = 391,["481"] = 393,["482"] = 394,["483"] = 395,["484"] = 396,["485"] = 398,["486"] = 398,["487"] = 398,["489"] = 398,["490"] = 398,["491"] = 398,["493"] = 398,["495"] = 398,["497"] = 392,["498"] = 392,["499"] = 392,["500"] = 392,["501"] = 392,["502"] = 392,["503"] = 392,["504"] = 392,["505"] = 392,["506"] = 402,["507"] = 370,["509"] = 406,["510"] = 407,["511"] = 408,["513"] = 409,["514"] = 409,["516"] = 410,["517"] = 411,["518"] = 412,["519"] = 413,["523"] = 415,["524"] = 406});
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
            trustedProxies = r:checked("ROUTER_TRUSTED_PROXIES", ____exports.parseCidrList, {})
        },
        managed = managedNodes(environment, rules.clusterDomain, patterns)
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
