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
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["17"] = 4,["18"] = 4,["19"] = 4,["20"] = 5,["21"] = 5,["22"] = 5,["23"] = 5,["24"] = 5,["25"] = 6,["26"] = 6,["27"] = 6,["28"] = 6,["29"] = 7,["30"] = 7,["31"] = 7,["32"] = 7,["33"] = 7,["34"] = 49,["35"] = 49,["36"] = 49,["37"] = 49,["38"] = 49,["39"] = 49,["40"] = 49,["42"] = 52,["43"] = 53,["44"] = 54,["45"] = 54,["47"] = 55,["48"] = 56,["49"] = 57,["50"] = 57,["53"] = 59,["54"] = 52,["56"] = 63,["57"] = 64,["58"] = 65,["59"] = 65,["61"] = 66,["62"] = 66,["64"] = 67,["65"] = 63,["67"] = 71,["68"] = 72,["69"] = 73,["70"] = 73,["72"] = 74,["73"] = 75,["74"] = 75,["76"] = 76,["77"] = 76,["79"] = 77,["80"] = 78,["81"] = 78,["83"] = 79,["84"] = 80,["85"] = 71,["87"] = 84,["88"] = 85,["89"] = 86,["90"] = 87,["91"] = 88,["92"] = 89,["93"] = 89,["95"] = 90,["97"] = 92,["98"] = 84,["100"] = 96,["101"] = 97,["102"] = 98,["103"] = 99,["104"] = 99,["105"] = 99,["106"] = 99,["107"] = 100,["108"] = 100,["110"] = 101,["111"] = 102,["112"] = 102,["113"] = 102,["115"] = 102,["117"] = 102,["118"] = 103,["119"] = 103,["121"] = 104,["123"] = 106,["124"] = 96,["126"] = 110,["127"] = 111,["128"] = 112,["129"] = 112,["131"] = 113,["132"] = 114,["133"] = 114,["135"] = 115,["136"] = 110,["139"] = 122,["140"] = 123,["141"] = 124,["142"] = 125,["143"] = 126,["144"] = 127,["145"] = 127,["147"] = 128,["148"] = 129,["149"] = 130,["150"] = 130,["153"] = 132,["155"] = 134,["156"] = 122,["158"] = 138,["159"] = 139,["160"] = 140,["161"] = 141,["162"] = 141,["163"] = 141,["164"] = 141,["165"] = 141,["166"] = 141,["167"] = 141,["168"] = 141,["169"] = 141,["170"] = 141,["171"] = 141,["172"] = 141,["173"] = 141,["174"] = 142,["175"] = 143,["178"] = 146,["179"] = 138,["180"] = 149,["181"] = 149,["182"] = 149,["183"] = 149,["184"] = 149,["185"] = 149,["186"] = 149,["187"] = 149,["188"] = 149,["189"] = 149,["190"] = 149,["191"] = 149,["192"] = 149,["193"] = 149,["195"] = 165,["196"] = 165,["197"] = 165,["198"] = 167,["199"] = 167,["200"] = 167,["201"] = 166,["202"] = 167,["203"] = 169,["204"] = 170,["205"] = 171,["207"] = 171,["211"] = 172,["212"] = 173,["213"] = 173,["215"] = 174,["216"] = 175,["217"] = 169,["218"] = 178,["219"] = 179,["220"] = 180,["221"] = 180,["222"] = 178,["223"] = 183,["224"] = 184,["225"] = 183,["226"] = 187,["227"] = 188,["228"] = 188,["229"] = 188,["230"] = 188,["231"] = 188,["232"] = 189,["233"] = 190,["234"] = 191,["235"] = 192,["237"] = 194,["238"] = 187,["239"] = 197,["240"] = 198,["241"] = 198,["242"] = 198,["243"] = 198,["244"] = 198,["245"] = 199,["246"] = 200,["247"] = 201,["248"] = 202,["250"] = 204,["251"] = 197,["252"] = 207,["253"] = 208,["254"] = 209,["255"] = 209,["256"] = 209,["257"] = 209,["258"] = 209,["259"] = 209,["261"] = 211,["262"] = 207,["263"] = 215,["264"] = 216,["265"] = 216,["266"] = 216,["267"] = 216,["268"] = 216,["269"] = 217,["270"] = 217,["272"] = 218,["273"] = 219,["274"] = 219,["276"] = 220,["277"] = 215,["278"] = 223,["279"] = 224,["280"] = 224,["281"] = 224,["282"] = 224,["283"] = 224,["284"] = 225,["285"] = 225,["287"] = 226,["288"] = 227,["289"] = 228,["290"] = 229,["292"] = 231,["293"] = 223,["294"] = 234,["295"] = 235,["296"] = 234,["297"] = 239,["298"] = 240,["299"] = 240,["302"] = 241,["303"] = 241,["304"] = 242,["305"] = 243,["306"] = 243,["308"] = 241,["311"] = 245,["312"] = 239,["313"] = 248,["314"] = 249,["315"] = 250,["316"] = 248,["317"] = 253,["318"] = 254,["319"] = 253,["320"] = 257,["321"] = 258,["322"] = 257,["326"] = 266,["327"] = 267,["328"] = 268,["329"] = 269,["330"] = 269,["332"] = 270,["333"] = 271,["334"] = 272,["335"] = 270,["336"] = 274,["337"] = 274,["339"] = 275,["340"] = 276,["342"] = 278,["343"] = 279,["344"] = 280,["346"] = 282,["347"] = 266,["349"] = 286,["350"] = 287,["351"] = 287,["352"] = 287,["353"] = 287,["354"] = 287,["355"] = 287,["356"] = 287,["357"] = 287,["358"] = 286,["359"] = 297,["360"] = 298,["361"] = 298,["362"] = 298,["363"] = 298,["364"] = 298,["365"] = 298,["366"] = 298,["367"] = 298,["368"] = 297,["370"] = 309,["371"] = 310,["372"] = 310,["373"] = 310,["374"] = 310,["375"] = 310,["377"] = 311,["378"] = 311,["379"] = 311,["380"] = 311,["381"] = 311,["383"] = 312,["384"] = 312,["385"] = 312,["386"] = 312,["387"] = 309,["388"] = 315,["389"] = 316,["390"] = 317,["391"] = 317,["393"] = 318,["394"] = 319,["395"] = 321,["396"] = 322,["397"] = 323,["398"] = 324,["399"] = 325,["400"] = 325,["401"] = 325,["402"] = 325,["403"] = 325,["404"] = 326,["405"] = 326,["406"] = 326,["407"] = 326,["408"] = 326,["409"] = 326,["410"] = 326,["411"] = 326,["412"] = 326,["413"] = 336,["414"] = 337,["415"] = 338,["416"] = 339,["417"] = 340,["418"] = 341,["419"] = 341,["420"] = 341,["422"] = 320,["423"] = 320,["424"] = 320,["425"] = 320,["426"] = 320,["427"] = 320,["428"] = 320,["429"] = 335,["430"] = 335,["431"] = 335,["432"] = 335,["433"] = 335,["434"] = 335,["435"] = 335,["436"] = 320,["437"] = 320,["438"] = 344,["439"] = 345,["440"] = 345,["442"] = 347,["443"] = 315,["446"] = 358,["447"] = 359,["448"] = 360,["449"] = 360,["451"] = 361,["452"] = 361,["454"] = 362,["455"] = 358,["456"] = 365,["457"] = 366,["458"] = 367,["459"] = 367,["461"] = 368,["462"] = 369,["463"] = 370,["464"] = 371,["465"] = 372,["466"] = 373,["467"] = 374,["468"] = 375,["469"] = 376,["470"] = 377,["471"] = 378,["472"] = 378,["473"] = 378,["476"] = 380,["477"] = 380,["478"] = 380,["480"] = 380,["482"] = 380,["483"] = 381,["484"] = 382,["485"] = 382,["487"] = 384,["489"] = 386,["490"] = 388,["491"] = 389,["492"] = 390,["493"] = 391,["494"] = 393,["495"] = 393,["496"] = 393,["498"] = 393,["499"] = 393,["500"] = 393,["502"] = 393,["504"] = 393,["506"] = 387,["507"] = 387,["508"] = 387,["509"] = 387,["510"] = 387,["511"] = 387,["512"] = 387,["513"] = 387,["514"] = 387,["515"] = 397,["516"] = 365,["518"] = 401,["519"] = 402,["520"] = 403,["522"] = 404,["523"] = 404,["525"] = 405,["526"] = 406,["527"] = 407,["528"] = 408,["532"] = 410,["533"] = 401});
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
    local ____environment_8 = environment
    local ____exports_readDb_result_9 = ____exports.readDb(r)
    local ____hostRules_result_10 = hostRules(r, environment, "CLUSTER_DEFAULT_PORT")
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
    local ____temp_2 = r:bool("ROUTER_METRICS")
    if ____temp_2 == nil then
        ____temp_2 = true
    end
    local settings = {
        environment = ____environment_8,
        db = ____exports_readDb_result_9,
        hostRules = ____hostRules_result_10,
        dns = ____exports_dnsServers_result_11,
        cluster = ____temp_12,
        health = ____temp_13,
        router = {
            listen = ____temp_3,
            statusListen = ____temp_4,
            syncIntervalS = ____temp_5,
            logLevel = ____temp_6,
            trustedProxies = ____temp_7,
            metrics = ____temp_2
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
