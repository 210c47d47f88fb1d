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
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["17"] = 4,["18"] = 4,["19"] = 4,["20"] = 5,["21"] = 5,["22"] = 5,["23"] = 5,["24"] = 5,["25"] = 6,["26"] = 6,["27"] = 6,["28"] = 6,["29"] = 7,["30"] = 7,["31"] = 7,["32"] = 7,["33"] = 7,["34"] = 59,["35"] = 59,["36"] = 59,["37"] = 59,["38"] = 59,["39"] = 59,["40"] = 59,["42"] = 62,["43"] = 63,["44"] = 64,["45"] = 64,["47"] = 65,["48"] = 66,["49"] = 67,["50"] = 67,["53"] = 69,["54"] = 62,["56"] = 73,["57"] = 74,["58"] = 75,["59"] = 75,["61"] = 76,["62"] = 76,["64"] = 77,["65"] = 73,["67"] = 81,["68"] = 82,["69"] = 83,["70"] = 83,["72"] = 84,["73"] = 85,["74"] = 85,["76"] = 86,["77"] = 86,["79"] = 87,["80"] = 88,["81"] = 88,["83"] = 89,["84"] = 90,["85"] = 81,["87"] = 94,["88"] = 95,["89"] = 96,["90"] = 97,["91"] = 98,["92"] = 99,["93"] = 99,["95"] = 100,["97"] = 102,["98"] = 94,["100"] = 106,["101"] = 107,["102"] = 108,["103"] = 109,["104"] = 109,["105"] = 109,["106"] = 109,["107"] = 110,["108"] = 110,["110"] = 111,["111"] = 112,["112"] = 112,["113"] = 112,["115"] = 112,["117"] = 112,["118"] = 113,["119"] = 113,["121"] = 114,["123"] = 116,["124"] = 106,["126"] = 120,["127"] = 121,["128"] = 122,["129"] = 122,["131"] = 123,["132"] = 124,["133"] = 124,["135"] = 125,["136"] = 120,["139"] = 132,["140"] = 133,["141"] = 134,["142"] = 135,["143"] = 136,["144"] = 137,["145"] = 137,["147"] = 138,["148"] = 139,["149"] = 140,["150"] = 140,["153"] = 142,["155"] = 144,["156"] = 132,["158"] = 148,["159"] = 149,["160"] = 150,["161"] = 151,["162"] = 151,["163"] = 151,["164"] = 151,["165"] = 151,["166"] = 151,["167"] = 151,["168"] = 151,["169"] = 151,["170"] = 151,["171"] = 151,["172"] = 151,["173"] = 151,["174"] = 152,["175"] = 153,["178"] = 156,["179"] = 148,["180"] = 159,["181"] = 159,["182"] = 159,["183"] = 159,["184"] = 159,["185"] = 159,["186"] = 159,["187"] = 159,["188"] = 159,["189"] = 159,["190"] = 159,["191"] = 159,["192"] = 159,["193"] = 159,["195"] = 175,["196"] = 175,["197"] = 175,["198"] = 177,["199"] = 177,["200"] = 177,["201"] = 176,["202"] = 177,["203"] = 179,["204"] = 180,["205"] = 181,["207"] = 181,["211"] = 182,["212"] = 183,["213"] = 183,["215"] = 184,["216"] = 185,["217"] = 179,["218"] = 188,["219"] = 189,["220"] = 190,["221"] = 190,["222"] = 188,["223"] = 193,["224"] = 194,["225"] = 193,["226"] = 197,["227"] = 198,["228"] = 198,["229"] = 198,["230"] = 198,["231"] = 198,["232"] = 199,["233"] = 200,["234"] = 201,["235"] = 202,["237"] = 204,["238"] = 197,["239"] = 207,["240"] = 208,["241"] = 208,["242"] = 208,["243"] = 208,["244"] = 208,["245"] = 209,["246"] = 210,["247"] = 211,["248"] = 212,["250"] = 214,["251"] = 207,["252"] = 217,["253"] = 218,["254"] = 219,["255"] = 219,["256"] = 219,["257"] = 219,["258"] = 219,["259"] = 219,["261"] = 221,["262"] = 217,["263"] = 225,["264"] = 226,["265"] = 226,["266"] = 226,["267"] = 226,["268"] = 226,["269"] = 227,["270"] = 227,["272"] = 228,["273"] = 229,["274"] = 229,["276"] = 230,["277"] = 225,["278"] = 233,["279"] = 234,["280"] = 234,["281"] = 234,["282"] = 234,["283"] = 234,["284"] = 235,["285"] = 235,["287"] = 236,["288"] = 237,["289"] = 238,["290"] = 239,["292"] = 241,["293"] = 233,["294"] = 244,["295"] = 245,["296"] = 244,["297"] = 249,["298"] = 250,["299"] = 250,["302"] = 251,["303"] = 251,["304"] = 252,["305"] = 253,["306"] = 253,["308"] = 251,["311"] = 255,["312"] = 249,["313"] = 258,["314"] = 259,["315"] = 260,["316"] = 258,["317"] = 263,["318"] = 264,["319"] = 263,["320"] = 267,["321"] = 268,["322"] = 267,["326"] = 276,["327"] = 277,["328"] = 278,["329"] = 279,["330"] = 279,["332"] = 280,["333"] = 281,["334"] = 282,["335"] = 280,["336"] = 284,["337"] = 284,["339"] = 285,["340"] = 286,["342"] = 288,["343"] = 289,["344"] = 290,["346"] = 292,["347"] = 276,["349"] = 296,["350"] = 297,["351"] = 297,["352"] = 297,["353"] = 297,["354"] = 297,["355"] = 297,["356"] = 297,["357"] = 297,["358"] = 296,["359"] = 307,["360"] = 308,["361"] = 308,["362"] = 308,["363"] = 308,["364"] = 308,["365"] = 308,["366"] = 308,["367"] = 308,["368"] = 307,["370"] = 319,["371"] = 320,["372"] = 320,["373"] = 320,["374"] = 320,["375"] = 320,["377"] = 321,["378"] = 321,["379"] = 321,["380"] = 321,["381"] = 321,["383"] = 322,["384"] = 322,["385"] = 322,["386"] = 322,["387"] = 319,["388"] = 325,["389"] = 326,["390"] = 327,["391"] = 327,["393"] = 328,["394"] = 329,["395"] = 331,["396"] = 332,["397"] = 333,["398"] = 334,["399"] = 335,["400"] = 335,["401"] = 335,["402"] = 335,["403"] = 335,["404"] = 336,["405"] = 336,["406"] = 336,["407"] = 336,["408"] = 336,["409"] = 336,["410"] = 336,["411"] = 336,["412"] = 336,["413"] = 346,["414"] = 347,["415"] = 348,["416"] = 349,["417"] = 350,["418"] = 351,["419"] = 352,["420"] = 352,["421"] = 352,["423"] = 330,["424"] = 330,["425"] = 330,["426"] = 330,["427"] = 330,["428"] = 330,["429"] = 330,["430"] = 345,["431"] = 345,["432"] = 345,["433"] = 345,["434"] = 345,["435"] = 345,["436"] = 345,["437"] = 345,["438"] = 330,["439"] = 354,["440"] = 354,["441"] = 354,["442"] = 354,["443"] = 330,["444"] = 330,["445"] = 360,["446"] = 361,["447"] = 361,["449"] = 363,["450"] = 325,["453"] = 374,["454"] = 375,["455"] = 376,["456"] = 376,["458"] = 377,["459"] = 377,["461"] = 378,["462"] = 374,["463"] = 381,["464"] = 382,["465"] = 383,["466"] = 383,["468"] = 384,["469"] = 385,["470"] = 386,["471"] = 387,["472"] = 388,["473"] = 389,["474"] = 390,["475"] = 391,["476"] = 392,["477"] = 393,["478"] = 394,["479"] = 394,["480"] = 394,["483"] = 396,["484"] = 396,["485"] = 396,["487"] = 396,["489"] = 396,["490"] = 397,["491"] = 398,["492"] = 398,["494"] = 400,["496"] = 402,["497"] = 404,["498"] = 405,["499"] = 406,["500"] = 407,["501"] = 409,["502"] = 409,["503"] = 409,["505"] = 409,["506"] = 409,["507"] = 409,["509"] = 409,["511"] = 409,["513"] = 403,["514"] = 403,["515"] = 403,["516"] = 403,["517"] = 403,["518"] = 403,["519"] = 403,["520"] = 403,["521"] = 403,["522"] = 413,["523"] = 381,["525"] = 417,["526"] = 418,["527"] = 419,["529"] = 420,["530"] = 420,["532"] = 421,["533"] = 422,["534"] = 423,["535"] = 424,["539"] = 426,["540"] = 417});
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
    local ____environment_9 = environment
    local ____exports_readDb_result_10 = ____exports.readDb(r)
    local ____hostRules_result_11 = hostRules(r, environment, "CLUSTER_DEFAULT_PORT")
    local ____exports_dnsServers_result_12 = ____exports.dnsServers(r, resolvConf)
    local ____temp_13 = {
        nodeCount = r:int("CLUSTER_NODE_COUNT"),
        monitorLimitPerNode = r:int("MONITOR_LIMIT_PER_NODE"),
        heartbeatS = r:seconds("HEARTBEAT_INTERVAL")
    }
    local ____temp_14 = {
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
        hostRules = ____hostRules_result_11,
        dns = ____exports_dnsServers_result_12,
        cluster = ____temp_13,
        health = ____temp_14,
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
        }
    }
    if settings.router.listen ~= "" and settings.router.listen == settings.router.statusListen then
        local ____r_errors_15 = r.errors
        ____r_errors_15[#____r_errors_15 + 1] = ("ROUTER_STATUS_LISTEN=" .. settings.router.statusListen) .. ": must differ from ROUTER_LISTEN"
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
            local ____r_errors_16 = r.errors
            ____r_errors_16[#____r_errors_16 + 1] = ("UPTIME_KUMA_NODE_HOST=" .. host) .. ": expected host, host:port or [ipv6]:port"
        end
    else
        local ____named_17
        if named then
            ____named_17 = buildNodeHost(nodeId, rules)
        else
            ____named_17 = "127.0.0.1:" .. tostring(rules.port)
        end
        local built = ____named_17
        if built == nil then
            local ____r_errors_18 = r.errors
            ____r_errors_18[#____r_errors_18 + 1] = (((((idFrom or "UPTIME_KUMA_NODE_ID") .. "=") .. nodeId) .. ": cannot build a ") .. environment) .. " host from it; set UPTIME_KUMA_NODE_HOST"
        end
        host = built or ""
    end
    local name = r:string("UPTIME_KUMA_NODE_NAME")
    local ____environment_21 = environment
    local ____nodeId_22 = nodeId
    local ____temp_23 = name ~= "" and name or (named and nodeId or "Local Node")
    local ____host_24 = host
    local ____temp_20
    if primaryFlag ~= nil then
        ____temp_20 = primaryFlag
    else
        local ____named_19
        if named then
            ____named_19 = index == 0
        else
            ____named_19 = true
        end
        ____temp_20 = ____named_19
    end
    local identity = {
        environment = ____environment_21,
        nodeId = ____nodeId_22,
        nodeName = ____temp_23,
        host = ____host_24,
        isPrimary = ____temp_20,
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
