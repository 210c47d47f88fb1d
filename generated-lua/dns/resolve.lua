local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__StringCharAt = ____lualib.__TS__StringCharAt
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["10"] = 40,["11"] = 13,["12"] = 15,["13"] = 16,["14"] = 16,["15"] = 17,["16"] = 17,["17"] = 17,["18"] = 17,["19"] = 18,["20"] = 18,["21"] = 149,["22"] = 150,["24"] = 174,["25"] = 175,["26"] = 176,["27"] = 176,["29"] = 177,["30"] = 178,["31"] = 178,["32"] = 178,["33"] = 178,["34"] = 178,["35"] = 178,["37"] = 179,["38"] = 179,["40"] = 180,["41"] = 180,["42"] = 180,["43"] = 180,["44"] = 180,["46"] = 182,["47"] = 182,["48"] = 182,["49"] = 182,["50"] = 182,["51"] = 182,["54"] = 21,["57"] = 26,["59"] = 28,["61"] = 30,["63"] = 32,["65"] = 34,["67"] = 37,["68"] = 38,["69"] = 40,["71"] = 42,["72"] = 43,["74"] = 45,["75"] = 49,["76"] = 50,["77"] = 51,["78"] = 52,["79"] = 53,["82"] = 58,["83"] = 91,["84"] = 92,["85"] = 94,["86"] = 95,["87"] = 96,["88"] = 97,["89"] = 98,["91"] = 100,["93"] = 102,["94"] = 102,["95"] = 102,["96"] = 102,["97"] = 94,["98"] = 105,["99"] = 106,["100"] = 107,["101"] = 105,["102"] = 110,["105"] = 116,["106"] = 117,["107"] = 117,["108"] = 117,["109"] = 117,["110"] = 116,["111"] = 120,["112"] = 121,["113"] = 121,["115"] = 122,["116"] = 120,["119"] = 129,["120"] = 130,["121"] = 129,["122"] = 133,["123"] = 134,["124"] = 134,["125"] = 134,["126"] = 134,["127"] = 133,["128"] = 137,["129"] = 138,["130"] = 139,["131"] = 139,["132"] = 139,["133"] = 139,["134"] = 139,["136"] = 137,["137"] = 142,["138"] = 143,["139"] = 144,["140"] = 145,["141"] = 145,["142"] = 145,["143"] = 145,["144"] = 145,["145"] = 146,["146"] = 142,["148"] = 154,["149"] = 155,["150"] = 156,["151"] = 157,["152"] = 157,["154"] = 158,["155"] = 159,["156"] = 159,["158"] = 160,["159"] = 161,["160"] = 161,["161"] = 161,["162"] = 161,["163"] = 161,["164"] = 162,["165"] = 154,["167"] = 166,["168"] = 167,["169"] = 168,["170"] = 168,["172"] = 169,["173"] = 170,["174"] = 170,["175"] = 170,["176"] = 170,["177"] = 170,["179"] = 171,["180"] = 171,["181"] = 171,["182"] = 171,["183"] = 171,["184"] = 171,["185"] = 166,["187"] = 186,["188"] = 187,["189"] = 188,["190"] = 189,["191"] = 190,["192"] = 190,["193"] = 190,["194"] = 190,["195"] = 190,["196"] = 190,["198"] = 192,["199"] = 193,["200"] = 194,["202"] = 196,["203"] = 197,["204"] = 198,["205"] = 199,["207"] = 201,["208"] = 202,["209"] = 186,["210"] = 205,["211"] = 206,["212"] = 207,["213"] = 205,["216"] = 214,["217"] = 215,["218"] = 216,["219"] = 216,["221"] = 217,["222"] = 218,["223"] = 219,["224"] = 220,["225"] = 221,["226"] = 221,["228"] = 222,["229"] = 223,["233"] = 227,["234"] = 214,["235"] = 230,["236"] = 231,["237"] = 232,["238"] = 232,["240"] = 233,["241"] = 234,["242"] = 234,["243"] = 234,["244"] = 234,["245"] = 234,["246"] = 235,["247"] = 235,["249"] = 237,["250"] = 238,["251"] = 239,["252"] = 230,["254"] = 243,["255"] = 244,["256"] = 245,["257"] = 246,["258"] = 248,["259"] = 249,["261"] = 251,["264"] = 254,["265"] = 243,["269"] = 262,["270"] = 263,["273"] = 264,["274"] = 265,["277"] = 266,["278"] = 267,["279"] = 268,["280"] = 269,["282"] = 262,["284"] = 274,["285"] = 275,["286"] = 276,["288"] = 277,["289"] = 277,["291"] = 278,["292"] = 279,["293"] = 280,["294"] = 280,["296"] = 281,["297"] = 282,["298"] = 282,["299"] = 282,["300"] = 282,["301"] = 282,["302"] = 282,["303"] = 282,["307"] = 290,["308"] = 290,["309"] = 290,["310"] = 290,["311"] = 291,["312"] = 274,["314"] = 295,["315"] = 296,["316"] = 297,["317"] = 295});
local ____exports = {}
local toEntry, follow, MAX_CNAME_HOPS
local resolver = require("resty.dns.resolver")
local config = require("runtime.config")
local ____host = require("core.host")
local isIpLiteral = ____host.isIpLiteral
local ____dicts = require("runtime.dicts")
local KEYS = ____dicts.KEYS
local dnsDict = ____dicts.dnsDict
local locksDict = ____dicts.locksDict
local ____reply = require("dns.reply")
local readReply = ____reply.readReply
function toEntry(kind, text)
    return kind == 3 and ({error = text, stale = false}) or ({address = text, stale = kind == 2})
end
function follow(r, qname, ttl, hop)
    local answers, err = r:query(qname, {qtype = resolver.TYPE_A})
    if answers == nil then
        return {kind = "failure", error = err or "no answer"}
    end
    local reply = readReply(qname, answers)
    if reply.kind == "address" then
        return __TS__ObjectAssign(
            {},
            reply,
            {ttl = math.min(ttl, reply.ttl)}
        )
    end
    if reply.kind ~= "alias" then
        return reply
    end
    if hop >= MAX_CNAME_HOPS then
        return {
            kind = "failure",
            error = "CNAME chain longer than " .. tostring(MAX_CNAME_HOPS)
        }
    end
    return follow(
        r,
        reply.target .. ".",
        math.min(ttl, reply.ttl),
        hop + 1
    )
end
--- A TTL of 0 (or 1) must not mean a query per request: one per name per second is cheap.
____exports.TTL_FLOOR_S = 1
--- Docker's embedded DNS answers with TTL 600: a container re-created with a new address must not
-- be dialled at its old one for ten minutes. 30 s matches the default health-check interval.
____exports.TTL_CAP_S = 30
--- Short, so a pod that comes back is found quickly; long enough that a burst costs one query.
____exports.NEGATIVE_TTL_S = 2
--- After a failed query the stale answer (or error) holds this long: one query per outage tick.
____exports.RETRY_AFTER_FAILURE_S = 2
--- How long the last good address can stand in for a failing resolver (a cluster DNS restart).
____exports.STALE_KEEP_S = 3600
--- "Serving stale" and "lookup failed" are logged once per name per interval, across workers.
____exports.LOG_INTERVAL_S = 60
--- Per try; Docker's resolver and CoreDNS answer cluster names within milliseconds.
local QUERY_TIMEOUT_MS = 500
local QUERY_TRIES = 2
MAX_CNAME_HOPS = 4
--- Outlives the longest lookup, so a worker that dies mid-query blocks the name only this long.
local LOCK_TTL_S = QUERY_TIMEOUT_MS * QUERY_TRIES * (MAX_CNAME_HOPS + 1) / 1000 + 1
local WAIT_STEP_S = 0.005
--- Node hosts, a few per node: far more than a cluster has. Past it the table starts over.
local WORKER_CACHE_SIZE = 1000
local ANSWER_KEY = KEYS.dns.answer
local STALE_KEY = KEYS.dns.stale
local LOGGED_KEY = KEYS.dns.logged
local LOCK_KEY = KEYS.locks.resolving
local FORGOT_KEY = KEYS.dns.forgot
--- A worker re-reads the shared answer at least this often, so forget() (a node re-created at a
-- new address) reaches every worker within a second; the shared read is one dict get.
local WORKER_CACHE_MAX_S = 1
local workerCache = {}
local workerCacheSize = 0
local function remember(name, entry, ttl)
    if workerCache[name] == nil then
        if workerCacheSize >= WORKER_CACHE_SIZE then
            workerCache = {}
            workerCacheSize = 0
        end
        workerCacheSize = workerCacheSize + 1
    end
    workerCache[name] = {
        entry = entry,
        ["until"] = ngx.now() + ttl
    }
end
local function recalled(name)
    local cached = workerCache[name]
    return cached ~= nil and cached["until"] > ngx.now() and cached.entry or nil
end
local nameservers
--- Replaces the DNS servers (default: config.get().dns.servers, read at the first query). Specs
-- point the resolver at their test server with it; cached answers are kept.
function ____exports.configure(servers)
    nameservers = __TS__ArrayMap(
        servers,
        function(____, s) return {s.host, s.port} end
    )
end
local function servers()
    if nameservers == nil then
        ____exports.configure(config.get().dns.servers)
    end
    return nameservers
end
--- A name with a dot is absolute (Kubernetes FQDN): the trailing dot keeps any search suffix off.
-- A single label (Compose service name) goes as is, for Docker's resolver to answer.
function ____exports.queryName(host)
    return (string.find(host, ".", nil, true) or 0) - 1 >= 0 and __TS__StringCharAt(host, #host - 1) ~= "." and host .. "." or host
end
local function clampTtl(ttl)
    return math.max(
        ____exports.TTL_FLOOR_S,
        math.min(____exports.TTL_CAP_S, ttl)
    )
end
local function logOnce(name, level, message)
    local first = dnsDict:add(LOGGED_KEY .. name, true, ____exports.LOG_INTERVAL_S)
    if first then
        ngx.log(
            level,
            ((((("dns " .. name) .. ": ") .. message) .. " (logged once per ") .. tostring(____exports.LOG_INTERVAL_S)) .. " s)"
        )
    end
end
local function store(name, kind, text, ttl)
    dnsDict:set(ANSWER_KEY .. name, text, ttl, kind)
    local entry = toEntry(kind, text)
    remember(
        name,
        entry,
        math.min(ttl, WORKER_CACHE_MAX_S)
    )
    return entry
end
--- The answer in force in kuma_dns, copied into this worker's cache until it expires.
local function readShared(name)
    local key = ANSWER_KEY .. name
    local text, flags = dnsDict:get(key)
    if type(text) ~= "string" or type(flags) ~= "number" then
        return nil
    end
    local ttl = dnsDict:ttl(key)
    if ttl == nil or ttl <= 0 then
        return nil
    end
    local entry = toEntry(flags, text)
    remember(
        name,
        entry,
        math.min(ttl, WORKER_CACHE_MAX_S)
    )
    return entry
end
--- Asks the servers, following CNAMEs that come without their A records.
local function ask(host)
    local list = servers()
    if #list == 0 then
        return {kind = "failure", error = "no DNS servers configured"}
    end
    local r, err = resolver:new({nameservers = list, timeout = QUERY_TIMEOUT_MS, retrans = QUERY_TRIES})
    if r == nil then
        return {
            kind = "failure",
            error = "resolver: " .. tostring(err)
        }
    end
    return follow(
        r,
        ____exports.queryName(host),
        ____exports.TTL_CAP_S,
        0
    )
end
--- Queries and records the outcome in both caches (lock held).
local function refresh(name)
    local reply = ask(name)
    if reply.kind == "address" then
        dnsDict:set(STALE_KEY .. name, reply.address, ____exports.STALE_KEEP_S)
        return store(
            name,
            1,
            reply.address,
            clampTtl(reply.ttl)
        )
    end
    if reply.kind == "negative" then
        dnsDict:delete(STALE_KEY .. name)
        return store(name, 3, (name .. ": ") .. reply.error, ____exports.NEGATIVE_TTL_S)
    end
    local stale = dnsDict:get(STALE_KEY .. name)
    if type(stale) == "string" then
        logOnce(name, ngx.WARN, (reply.error .. "; serving the last good address ") .. stale)
        return store(name, 2, stale, ____exports.RETRY_AFTER_FAILURE_S)
    end
    logOnce(name, ngx.ERR, "lookup failed: " .. reply.error)
    return store(name, 3, (name .. ": ") .. reply.error, ____exports.RETRY_AFTER_FAILURE_S)
end
local function lastGood(name)
    local stale = dnsDict:get(STALE_KEY .. name)
    return type(stale) == "string" and ({address = stale, stale = true}) or nil
end
--- Another worker (or request) is querying the name. The last good address serves meanwhile;
-- without one, wait for the answer (at most the lock's lifetime).
local function awaitOther(name)
    local before = lastGood(name)
    if before ~= nil then
        return before
    end
    local deadline = ngx.now() + LOCK_TTL_S
    while ngx.now() < deadline do
        ngx.sleep(WAIT_STEP_S)
        local entry = readShared(name)
        if entry ~= nil then
            return entry
        end
        local holder = locksDict:get(LOCK_KEY .. name)
        if holder == nil then
            break
        end
    end
    return readShared(name) or lastGood(name) or ({error = name .. ": lookup in progress elsewhere did not finish", stale = false})
end
local function lookup(name)
    local shared = readShared(name)
    if shared ~= nil then
        return shared
    end
    local lock = LOCK_KEY .. name
    local locked = locksDict:add(
        lock,
        ngx.worker.pid(),
        LOCK_TTL_S
    )
    if not locked then
        return awaitOther(name)
    end
    local entry = readShared(name) or refresh(name)
    locksDict:delete(lock)
    return entry
end
--- The address to connect to for `host` (a bare host, no port), or nil and an error.
function ____exports.resolve(host)
    local entry = recalled(host)
    if entry == nil then
        if isIpLiteral(host) then
            entry = {address = host, stale = false}
            remember(host, entry, math.huge)
        else
            entry = lookup(host)
        end
    end
    return entry.address, entry.error
end
--- The prober could not connect to `host`'s address: drop the answer in force so the next
-- lookup asks again (a re-created pod or container comes back at a new address). The last good
-- address is kept for resolver failures. At most once per name per RETRY_AFTER_FAILURE_S.
function ____exports.forget(host)
    if isIpLiteral(host) then
        return
    end
    local first = dnsDict:add(FORGOT_KEY .. host, true, ____exports.RETRY_AFTER_FAILURE_S)
    if not first then
        return
    end
    dnsDict:delete(ANSWER_KEY .. host)
    if workerCache[host] ~= nil then
        workerCache[host] = nil
        workerCacheSize = workerCacheSize - 1
    end
end
--- Every answer in kuma_dns, by name: what the status page shows.
function ____exports.cacheEntries()
    local entries = {}
    for ____, key in ipairs(dnsDict:get_keys(0)) do
        do
            if __TS__StringSubstring(key, 0, #ANSWER_KEY) ~= ANSWER_KEY then
                goto __continue49
            end
            local text, flags = dnsDict:get(key)
            local ttl = dnsDict:ttl(key)
            if type(text) ~= "string" or type(flags) ~= "number" or ttl == nil then
                goto __continue49
            end
            local entry = toEntry(flags, text)
            entries[#entries + 1] = {
                name = __TS__StringSubstring(key, #ANSWER_KEY),
                address = entry.address,
                error = entry.error,
                expiresIn = ttl,
                stale = entry.stale
            }
        end
        ::__continue49::
    end
    __TS__ArraySort(
        entries,
        function(____, a, b) return a.name < b.name and -1 or 1 end
    )
    return entries
end
--- Specs: forget this worker's cache, as a second worker would start with nothing.
function ____exports._resetWorkerCache()
    workerCache = {}
    workerCacheSize = 0
end
return ____exports
