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
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["17"] = 5,["18"] = 5,["19"] = 5,["20"] = 6,["21"] = 6,["22"] = 6,["23"] = 6,["24"] = 6,["25"] = 7,["26"] = 7,["27"] = 7,["28"] = 7,["29"] = 8,["30"] = 8,["31"] = 8,["32"] = 8,["33"] = 8,["34"] = 9,["35"] = 9,["36"] = 9,["37"] = 53,["38"] = 53,["39"] = 53,["40"] = 53,["41"] = 53,["42"] = 53,["43"] = 53,["45"] = 56,["46"] = 57,["47"] = 58,["48"] = 58,["50"] = 59,["51"] = 60,["52"] = 61,["53"] = 61,["56"] = 63,["57"] = 56,["59"] = 67,["60"] = 68,["61"] = 69,["62"] = 69,["64"] = 70,["65"] = 70,["67"] = 71,["68"] = 67,["70"] = 75,["71"] = 76,["72"] = 77,["73"] = 77,["75"] = 78,["76"] = 79,["77"] = 79,["79"] = 80,["80"] = 80,["82"] = 81,["83"] = 82,["84"] = 82,["86"] = 83,["87"] = 84,["88"] = 75,["90"] = 88,["91"] = 89,["92"] = 90,["93"] = 91,["94"] = 92,["95"] = 93,["96"] = 93,["98"] = 94,["100"] = 96,["101"] = 88,["103"] = 100,["104"] = 101,["105"] = 102,["106"] = 103,["107"] = 103,["108"] = 103,["109"] = 103,["110"] = 104,["111"] = 104,["113"] = 105,["114"] = 106,["115"] = 106,["116"] = 106,["118"] = 106,["120"] = 106,["121"] = 107,["122"] = 107,["124"] = 108,["126"] = 110,["127"] = 100,["129"] = 114,["130"] = 115,["131"] = 116,["132"] = 116,["134"] = 117,["135"] = 118,["136"] = 118,["138"] = 119,["139"] = 114,["142"] = 126,["143"] = 127,["144"] = 128,["145"] = 129,["146"] = 130,["147"] = 131,["148"] = 131,["150"] = 132,["151"] = 133,["152"] = 134,["153"] = 134,["156"] = 136,["158"] = 138,["159"] = 126,["161"] = 142,["162"] = 143,["163"] = 144,["164"] = 145,["165"] = 145,["166"] = 145,["167"] = 145,["168"] = 145,["169"] = 145,["170"] = 145,["171"] = 145,["172"] = 145,["173"] = 145,["174"] = 145,["175"] = 145,["176"] = 145,["177"] = 146,["178"] = 147,["181"] = 150,["182"] = 142,["183"] = 153,["184"] = 153,["185"] = 153,["186"] = 153,["187"] = 153,["188"] = 153,["189"] = 153,["190"] = 153,["191"] = 153,["192"] = 153,["193"] = 153,["194"] = 153,["195"] = 153,["196"] = 153,["197"] = 153,["199"] = 170,["200"] = 170,["201"] = 170,["202"] = 172,["203"] = 172,["204"] = 172,["205"] = 171,["206"] = 172,["207"] = 174,["208"] = 175,["209"] = 176,["211"] = 176,["215"] = 177,["216"] = 178,["217"] = 178,["219"] = 179,["220"] = 180,["221"] = 174,["222"] = 183,["223"] = 184,["224"] = 185,["225"] = 185,["226"] = 183,["227"] = 188,["228"] = 189,["229"] = 188,["230"] = 192,["231"] = 193,["232"] = 193,["233"] = 193,["234"] = 193,["235"] = 193,["236"] = 194,["237"] = 195,["238"] = 196,["239"] = 197,["241"] = 199,["242"] = 192,["243"] = 202,["244"] = 203,["245"] = 203,["246"] = 203,["247"] = 203,["248"] = 203,["249"] = 204,["250"] = 205,["251"] = 206,["252"] = 207,["254"] = 209,["255"] = 202,["256"] = 212,["257"] = 213,["258"] = 214,["259"] = 214,["260"] = 214,["261"] = 214,["262"] = 214,["263"] = 214,["265"] = 216,["266"] = 212,["267"] = 220,["268"] = 221,["269"] = 221,["270"] = 221,["271"] = 221,["272"] = 221,["273"] = 222,["274"] = 222,["276"] = 223,["277"] = 224,["278"] = 224,["280"] = 225,["281"] = 220,["282"] = 228,["283"] = 229,["284"] = 229,["285"] = 229,["286"] = 229,["287"] = 229,["288"] = 230,["289"] = 230,["291"] = 231,["292"] = 232,["293"] = 233,["294"] = 234,["296"] = 236,["297"] = 228,["298"] = 239,["299"] = 240,["300"] = 239,["301"] = 244,["302"] = 245,["303"] = 245,["306"] = 246,["307"] = 246,["308"] = 247,["309"] = 248,["310"] = 248,["312"] = 246,["315"] = 250,["316"] = 244,["317"] = 253,["318"] = 254,["319"] = 255,["320"] = 253,["321"] = 258,["322"] = 259,["323"] = 258,["324"] = 262,["325"] = 263,["326"] = 262,["330"] = 271,["331"] = 272,["332"] = 273,["333"] = 274,["334"] = 274,["336"] = 275,["337"] = 276,["338"] = 277,["339"] = 275,["340"] = 279,["341"] = 279,["343"] = 280,["344"] = 281,["346"] = 283,["347"] = 284,["348"] = 285,["350"] = 287,["351"] = 271,["353"] = 291,["354"] = 292,["355"] = 292,["356"] = 292,["357"] = 292,["358"] = 292,["359"] = 292,["360"] = 292,["361"] = 292,["362"] = 291,["363"] = 302,["364"] = 303,["365"] = 303,["366"] = 303,["367"] = 303,["368"] = 303,["369"] = 303,["370"] = 303,["371"] = 303,["372"] = 302,["374"] = 314,["375"] = 315,["376"] = 315,["377"] = 315,["378"] = 315,["379"] = 315,["381"] = 316,["382"] = 316,["383"] = 316,["384"] = 316,["385"] = 316,["387"] = 317,["388"] = 317,["389"] = 317,["390"] = 317,["391"] = 314,["392"] = 320,["393"] = 321,["394"] = 322,["395"] = 322,["397"] = 323,["398"] = 324,["399"] = 325,["400"] = 326,["401"] = 327,["402"] = 327,["403"] = 327,["404"] = 327,["405"] = 327,["406"] = 332,["407"] = 332,["408"] = 332,["409"] = 332,["410"] = 327,["411"] = 333,["412"] = 333,["413"] = 333,["414"] = 333,["415"] = 333,["416"] = 333,["417"] = 333,["418"] = 333,["419"] = 327,["420"] = 342,["421"] = 342,["422"] = 342,["423"] = 342,["424"] = 342,["425"] = 342,["426"] = 327,["427"] = 327,["428"] = 350,["429"] = 350,["430"] = 350,["431"] = 350,["432"] = 350,["433"] = 350,["434"] = 350,["435"] = 327,["436"] = 327,["437"] = 359,["438"] = 360,["439"] = 360,["441"] = 362,["442"] = 320,["445"] = 373,["446"] = 374,["447"] = 375,["448"] = 375,["450"] = 376,["451"] = 376,["453"] = 377,["454"] = 373,["455"] = 380,["456"] = 381,["457"] = 382,["458"] = 382,["460"] = 383,["461"] = 384,["462"] = 385,["463"] = 386,["464"] = 387,["465"] = 388,["466"] = 389,["467"] = 390,["468"] = 391,["469"] = 392,["470"] = 393,["471"] = 393,["472"] = 393,["475"] = 395,["476"] = 395,["477"] = 395,["479"] = 395,["481"] = 395,["482"] = 396,["483"] = 397,["484"] = 397,["486"] = 399,["488"] = 401,["489"] = 403,["490"] = 404,["491"] = 405,["492"] = 406,["493"] = 408,["494"] = 408,["495"] = 408,["497"] = 408,["498"] = 408,["499"] = 408,["501"] = 408,["503"] = 408,["505"] = 402,["506"] = 402,["507"] = 402,["508"] = 402,["509"] = 402,["510"] = 402,["511"] = 402,["512"] = 402,["513"] = 402,["514"] = 412,["515"] = 380,["517"] = 416,["518"] = 417,["519"] = 418,["521"] = 419,["522"] = 419,["524"] = 420,["525"] = 421,["526"] = 422,["527"] = 423,["531"] = 425,["532"] = 416});
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
