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
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["17"] = 5,["18"] = 5,["19"] = 5,["20"] = 6,["21"] = 6,["22"] = 6,["23"] = 6,["24"] = 6,["25"] = 7,["26"] = 7,["27"] = 7,["28"] = 7,["29"] = 8,["30"] = 8,["31"] = 8,["32"] = 8,["33"] = 8,["34"] = 50,["35"] = 50,["36"] = 50,["37"] = 50,["38"] = 50,["39"] = 50,["40"] = 50,["42"] = 53,["43"] = 54,["44"] = 55,["45"] = 55,["47"] = 56,["48"] = 57,["49"] = 58,["50"] = 58,["53"] = 60,["54"] = 53,["56"] = 64,["57"] = 65,["58"] = 66,["59"] = 66,["61"] = 67,["62"] = 67,["64"] = 68,["65"] = 64,["67"] = 72,["68"] = 73,["69"] = 74,["70"] = 74,["72"] = 75,["73"] = 76,["74"] = 76,["76"] = 77,["77"] = 77,["79"] = 78,["80"] = 79,["81"] = 79,["83"] = 80,["84"] = 81,["85"] = 72,["87"] = 85,["88"] = 86,["89"] = 87,["90"] = 88,["91"] = 89,["92"] = 90,["93"] = 90,["95"] = 91,["97"] = 93,["98"] = 85,["100"] = 97,["101"] = 98,["102"] = 99,["103"] = 100,["104"] = 100,["105"] = 100,["106"] = 100,["107"] = 101,["108"] = 101,["110"] = 102,["111"] = 103,["112"] = 103,["113"] = 103,["115"] = 103,["117"] = 103,["118"] = 104,["119"] = 104,["121"] = 105,["123"] = 107,["124"] = 97,["126"] = 111,["127"] = 112,["128"] = 113,["129"] = 113,["131"] = 114,["132"] = 115,["133"] = 115,["135"] = 116,["136"] = 111,["139"] = 123,["140"] = 124,["141"] = 125,["142"] = 126,["143"] = 127,["144"] = 128,["145"] = 128,["147"] = 129,["148"] = 130,["149"] = 131,["150"] = 131,["153"] = 133,["155"] = 135,["156"] = 123,["158"] = 139,["159"] = 140,["160"] = 141,["161"] = 142,["162"] = 142,["163"] = 142,["164"] = 142,["165"] = 142,["166"] = 142,["167"] = 142,["168"] = 142,["169"] = 142,["170"] = 142,["171"] = 142,["172"] = 142,["173"] = 142,["174"] = 143,["175"] = 144,["178"] = 147,["179"] = 139,["180"] = 150,["181"] = 150,["182"] = 150,["183"] = 150,["184"] = 150,["185"] = 150,["186"] = 150,["187"] = 150,["188"] = 150,["189"] = 150,["190"] = 150,["191"] = 150,["192"] = 150,["193"] = 150,["195"] = 166,["196"] = 166,["197"] = 166,["198"] = 168,["199"] = 168,["200"] = 168,["201"] = 167,["202"] = 168,["203"] = 170,["204"] = 171,["205"] = 172,["207"] = 172,["211"] = 173,["212"] = 174,["213"] = 174,["215"] = 175,["216"] = 176,["217"] = 170,["218"] = 179,["219"] = 180,["220"] = 181,["221"] = 181,["222"] = 179,["223"] = 184,["224"] = 185,["225"] = 184,["226"] = 188,["227"] = 189,["228"] = 189,["229"] = 189,["230"] = 189,["231"] = 189,["232"] = 190,["233"] = 191,["234"] = 192,["235"] = 193,["237"] = 195,["238"] = 188,["239"] = 198,["240"] = 199,["241"] = 199,["242"] = 199,["243"] = 199,["244"] = 199,["245"] = 200,["246"] = 201,["247"] = 202,["248"] = 203,["250"] = 205,["251"] = 198,["252"] = 208,["253"] = 209,["254"] = 210,["255"] = 210,["256"] = 210,["257"] = 210,["258"] = 210,["259"] = 210,["261"] = 212,["262"] = 208,["263"] = 216,["264"] = 217,["265"] = 217,["266"] = 217,["267"] = 217,["268"] = 217,["269"] = 218,["270"] = 218,["272"] = 219,["273"] = 220,["274"] = 220,["276"] = 221,["277"] = 216,["278"] = 224,["279"] = 225,["280"] = 225,["281"] = 225,["282"] = 225,["283"] = 225,["284"] = 226,["285"] = 226,["287"] = 227,["288"] = 228,["289"] = 229,["290"] = 230,["292"] = 232,["293"] = 224,["294"] = 235,["295"] = 236,["296"] = 235,["297"] = 240,["298"] = 241,["299"] = 241,["302"] = 242,["303"] = 242,["304"] = 243,["305"] = 244,["306"] = 244,["308"] = 242,["311"] = 246,["312"] = 240,["313"] = 249,["314"] = 250,["315"] = 251,["316"] = 249,["317"] = 254,["318"] = 255,["319"] = 254,["320"] = 258,["321"] = 259,["322"] = 258,["326"] = 267,["327"] = 268,["328"] = 269,["329"] = 270,["330"] = 270,["332"] = 271,["333"] = 272,["334"] = 273,["335"] = 271,["336"] = 275,["337"] = 275,["339"] = 276,["340"] = 277,["342"] = 279,["343"] = 280,["344"] = 281,["346"] = 283,["347"] = 267,["349"] = 287,["350"] = 288,["351"] = 288,["352"] = 288,["353"] = 288,["354"] = 288,["355"] = 288,["356"] = 288,["357"] = 288,["358"] = 287,["359"] = 298,["360"] = 299,["361"] = 299,["362"] = 299,["363"] = 299,["364"] = 299,["365"] = 299,["366"] = 299,["367"] = 299,["368"] = 298,["370"] = 310,["371"] = 311,["372"] = 311,["373"] = 311,["374"] = 311,["375"] = 311,["377"] = 312,["378"] = 312,["379"] = 312,["380"] = 312,["381"] = 312,["383"] = 313,["384"] = 313,["385"] = 313,["386"] = 313,["387"] = 310,["388"] = 316,["389"] = 317,["390"] = 318,["391"] = 318,["393"] = 319,["394"] = 320,["395"] = 321,["396"] = 321,["397"] = 321,["398"] = 321,["399"] = 321,["400"] = 326,["401"] = 326,["402"] = 326,["403"] = 326,["404"] = 321,["405"] = 327,["406"] = 327,["407"] = 327,["408"] = 327,["409"] = 327,["410"] = 327,["411"] = 327,["412"] = 327,["413"] = 321,["414"] = 336,["415"] = 336,["416"] = 336,["417"] = 336,["418"] = 336,["419"] = 336,["420"] = 321,["421"] = 343,["422"] = 343,["423"] = 343,["424"] = 343,["425"] = 343,["426"] = 343,["427"] = 343,["428"] = 321,["429"] = 321,["430"] = 352,["431"] = 353,["432"] = 353,["434"] = 355,["435"] = 316,["438"] = 366,["439"] = 367,["440"] = 368,["441"] = 368,["443"] = 369,["444"] = 369,["446"] = 370,["447"] = 366,["448"] = 373,["449"] = 374,["450"] = 375,["451"] = 375,["453"] = 376,["454"] = 377,["455"] = 378,["456"] = 379,["457"] = 380,["458"] = 381,["459"] = 382,["460"] = 383,["461"] = 384,["462"] = 385,["463"] = 386,["464"] = 386,["465"] = 386,["468"] = 388,["469"] = 388,["470"] = 388,["472"] = 388,["474"] = 388,["475"] = 389,["476"] = 390,["477"] = 390,["479"] = 392,["481"] = 394,["482"] = 396,["483"] = 397,["484"] = 398,["485"] = 399,["486"] = 401,["487"] = 401,["488"] = 401,["490"] = 401,["491"] = 401,["492"] = 401,["494"] = 401,["496"] = 401,["498"] = 395,["499"] = 395,["500"] = 395,["501"] = 395,["502"] = 395,["503"] = 395,["504"] = 395,["505"] = 395,["506"] = 395,["507"] = 405,["508"] = 373,["510"] = 409,["511"] = 410,["512"] = 411,["514"] = 412,["515"] = 412,["517"] = 413,["518"] = 414,["519"] = 415,["520"] = 416,["524"] = 418,["525"] = 409});
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
            trustedProxies = r:checked("ROUTER_TRUSTED_PROXIES", ____exports.parseCidrList, {})
        },
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
