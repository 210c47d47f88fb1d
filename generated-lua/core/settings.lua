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
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["17"] = 4,["18"] = 4,["19"] = 4,["20"] = 5,["21"] = 5,["22"] = 5,["23"] = 5,["24"] = 5,["25"] = 6,["26"] = 6,["27"] = 6,["28"] = 6,["29"] = 7,["30"] = 7,["31"] = 7,["32"] = 7,["33"] = 7,["34"] = 48,["35"] = 48,["36"] = 48,["37"] = 48,["38"] = 48,["39"] = 48,["40"] = 48,["42"] = 51,["43"] = 52,["44"] = 53,["45"] = 53,["47"] = 54,["48"] = 55,["49"] = 56,["50"] = 56,["53"] = 58,["54"] = 51,["56"] = 62,["57"] = 63,["58"] = 64,["59"] = 64,["61"] = 65,["62"] = 65,["64"] = 66,["65"] = 62,["67"] = 70,["68"] = 71,["69"] = 72,["70"] = 72,["72"] = 73,["73"] = 74,["74"] = 74,["76"] = 75,["77"] = 75,["79"] = 76,["80"] = 77,["81"] = 77,["83"] = 78,["84"] = 79,["85"] = 70,["87"] = 83,["88"] = 84,["89"] = 85,["90"] = 86,["91"] = 87,["92"] = 88,["93"] = 88,["95"] = 89,["97"] = 91,["98"] = 83,["100"] = 95,["101"] = 96,["102"] = 97,["103"] = 98,["104"] = 98,["105"] = 98,["106"] = 98,["107"] = 99,["108"] = 99,["110"] = 100,["111"] = 101,["112"] = 101,["113"] = 101,["115"] = 101,["117"] = 101,["118"] = 102,["119"] = 102,["121"] = 103,["123"] = 105,["124"] = 95,["126"] = 109,["127"] = 110,["128"] = 111,["129"] = 111,["131"] = 112,["132"] = 113,["133"] = 113,["135"] = 114,["136"] = 109,["139"] = 121,["140"] = 122,["141"] = 123,["142"] = 124,["143"] = 125,["144"] = 126,["145"] = 126,["147"] = 127,["148"] = 128,["149"] = 129,["150"] = 129,["153"] = 131,["155"] = 133,["156"] = 121,["158"] = 137,["159"] = 138,["160"] = 139,["161"] = 140,["162"] = 140,["163"] = 140,["164"] = 140,["165"] = 140,["166"] = 140,["167"] = 140,["168"] = 140,["169"] = 140,["170"] = 140,["171"] = 140,["172"] = 140,["173"] = 140,["174"] = 141,["175"] = 142,["178"] = 145,["179"] = 137,["180"] = 148,["181"] = 148,["182"] = 148,["183"] = 148,["184"] = 148,["185"] = 148,["186"] = 148,["187"] = 148,["188"] = 148,["189"] = 148,["190"] = 148,["191"] = 148,["192"] = 148,["193"] = 148,["195"] = 164,["196"] = 164,["197"] = 164,["198"] = 166,["199"] = 166,["200"] = 166,["201"] = 165,["202"] = 166,["203"] = 168,["204"] = 169,["205"] = 170,["207"] = 170,["211"] = 171,["212"] = 172,["213"] = 172,["215"] = 173,["216"] = 174,["217"] = 168,["218"] = 177,["219"] = 178,["220"] = 179,["221"] = 179,["222"] = 177,["223"] = 182,["224"] = 183,["225"] = 182,["226"] = 186,["227"] = 187,["228"] = 187,["229"] = 187,["230"] = 187,["231"] = 187,["232"] = 188,["233"] = 189,["234"] = 190,["235"] = 191,["237"] = 193,["238"] = 186,["239"] = 196,["240"] = 197,["241"] = 197,["242"] = 197,["243"] = 197,["244"] = 197,["245"] = 198,["246"] = 199,["247"] = 200,["248"] = 201,["250"] = 203,["251"] = 196,["252"] = 206,["253"] = 207,["254"] = 208,["255"] = 208,["256"] = 208,["257"] = 208,["258"] = 208,["259"] = 208,["261"] = 210,["262"] = 206,["263"] = 214,["264"] = 215,["265"] = 215,["266"] = 215,["267"] = 215,["268"] = 215,["269"] = 216,["270"] = 216,["272"] = 217,["273"] = 218,["274"] = 218,["276"] = 219,["277"] = 214,["278"] = 222,["279"] = 223,["280"] = 223,["281"] = 223,["282"] = 223,["283"] = 223,["284"] = 224,["285"] = 224,["287"] = 225,["288"] = 226,["289"] = 227,["290"] = 228,["292"] = 230,["293"] = 222,["294"] = 233,["295"] = 234,["296"] = 233,["297"] = 238,["298"] = 239,["299"] = 239,["302"] = 240,["303"] = 240,["304"] = 241,["305"] = 242,["306"] = 242,["308"] = 240,["311"] = 244,["312"] = 238,["313"] = 247,["314"] = 248,["315"] = 249,["316"] = 247,["317"] = 252,["318"] = 253,["319"] = 252,["320"] = 256,["321"] = 257,["322"] = 256,["326"] = 265,["327"] = 266,["328"] = 267,["329"] = 268,["330"] = 268,["332"] = 269,["333"] = 270,["334"] = 271,["335"] = 269,["336"] = 273,["337"] = 273,["339"] = 274,["340"] = 275,["342"] = 277,["343"] = 278,["344"] = 279,["346"] = 281,["347"] = 265,["349"] = 285,["350"] = 286,["351"] = 286,["352"] = 286,["353"] = 286,["354"] = 286,["355"] = 286,["356"] = 286,["357"] = 286,["358"] = 285,["359"] = 296,["360"] = 297,["361"] = 297,["362"] = 297,["363"] = 297,["364"] = 297,["365"] = 297,["366"] = 297,["367"] = 297,["368"] = 296,["370"] = 308,["371"] = 309,["372"] = 309,["373"] = 309,["374"] = 309,["375"] = 309,["377"] = 310,["378"] = 310,["379"] = 310,["380"] = 310,["381"] = 310,["383"] = 311,["384"] = 311,["385"] = 311,["386"] = 311,["387"] = 308,["388"] = 314,["389"] = 315,["390"] = 316,["391"] = 316,["393"] = 317,["394"] = 318,["395"] = 319,["396"] = 319,["397"] = 319,["398"] = 319,["399"] = 319,["400"] = 324,["401"] = 324,["402"] = 324,["403"] = 324,["404"] = 319,["405"] = 325,["406"] = 325,["407"] = 325,["408"] = 325,["409"] = 325,["410"] = 325,["411"] = 325,["412"] = 325,["413"] = 319,["414"] = 334,["415"] = 334,["416"] = 334,["417"] = 334,["418"] = 334,["419"] = 334,["420"] = 334,["421"] = 319,["422"] = 319,["423"] = 343,["424"] = 344,["425"] = 344,["427"] = 346,["428"] = 314,["431"] = 357,["432"] = 358,["433"] = 359,["434"] = 359,["436"] = 360,["437"] = 360,["439"] = 361,["440"] = 357,["441"] = 364,["442"] = 365,["443"] = 366,["444"] = 366,["446"] = 367,["447"] = 368,["448"] = 369,["449"] = 370,["450"] = 371,["451"] = 372,["452"] = 373,["453"] = 374,["454"] = 375,["455"] = 376,["456"] = 377,["457"] = 377,["458"] = 377,["461"] = 379,["462"] = 379,["463"] = 379,["465"] = 379,["467"] = 379,["468"] = 380,["469"] = 381,["470"] = 381,["472"] = 383,["474"] = 385,["475"] = 387,["476"] = 388,["477"] = 389,["478"] = 390,["479"] = 392,["480"] = 392,["481"] = 392,["483"] = 392,["484"] = 392,["485"] = 392,["487"] = 392,["489"] = 392,["491"] = 386,["492"] = 386,["493"] = 386,["494"] = 386,["495"] = 386,["496"] = 386,["497"] = 386,["498"] = 386,["499"] = 386,["500"] = 396,["501"] = 364,["503"] = 400,["504"] = 401,["505"] = 402,["507"] = 403,["508"] = 403,["510"] = 404,["511"] = 405,["512"] = 406,["513"] = 407,["517"] = 409,["518"] = 400});
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
    local settings = {
        environment = environment,
        db = ____exports.readDb(r),
        hostRules = hostRules(r, environment, "CLUSTER_DEFAULT_PORT"),
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
