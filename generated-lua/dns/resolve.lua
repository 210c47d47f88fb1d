local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__StringCharAt = ____lualib.__TS__StringCharAt
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["10"] = 41,["11"] = 13,["12"] = 15,["13"] = 16,["14"] = 17,["15"] = 17,["16"] = 18,["17"] = 18,["18"] = 18,["19"] = 19,["20"] = 19,["21"] = 120,["22"] = 121,["24"] = 145,["25"] = 146,["26"] = 147,["27"] = 147,["29"] = 148,["30"] = 149,["31"] = 149,["32"] = 149,["33"] = 149,["34"] = 149,["35"] = 149,["37"] = 150,["38"] = 150,["40"] = 151,["41"] = 151,["42"] = 151,["43"] = 151,["44"] = 151,["46"] = 153,["47"] = 153,["48"] = 153,["49"] = 153,["50"] = 153,["51"] = 153,["54"] = 22,["57"] = 27,["59"] = 29,["61"] = 31,["63"] = 33,["65"] = 35,["67"] = 38,["68"] = 39,["69"] = 41,["71"] = 43,["72"] = 44,["74"] = 46,["75"] = 50,["76"] = 51,["77"] = 52,["78"] = 53,["79"] = 77,["80"] = 78,["82"] = 78,["86"] = 79,["87"] = 81,["90"] = 87,["91"] = 88,["92"] = 88,["93"] = 88,["94"] = 88,["95"] = 87,["96"] = 91,["97"] = 92,["98"] = 92,["100"] = 93,["101"] = 91,["104"] = 100,["105"] = 101,["106"] = 100,["107"] = 104,["108"] = 105,["109"] = 105,["110"] = 105,["111"] = 105,["112"] = 104,["113"] = 108,["114"] = 109,["115"] = 110,["116"] = 110,["117"] = 110,["118"] = 110,["119"] = 110,["121"] = 108,["122"] = 113,["123"] = 114,["124"] = 115,["125"] = 116,["126"] = 117,["127"] = 113,["129"] = 125,["130"] = 126,["131"] = 127,["132"] = 128,["133"] = 128,["135"] = 129,["136"] = 130,["137"] = 130,["139"] = 131,["140"] = 132,["141"] = 133,["142"] = 125,["144"] = 137,["145"] = 138,["146"] = 139,["147"] = 139,["149"] = 140,["150"] = 141,["151"] = 141,["152"] = 141,["153"] = 141,["154"] = 141,["156"] = 142,["157"] = 142,["158"] = 142,["159"] = 142,["160"] = 142,["161"] = 142,["162"] = 137,["164"] = 157,["165"] = 158,["166"] = 159,["167"] = 160,["168"] = 161,["169"] = 161,["170"] = 161,["171"] = 161,["172"] = 161,["173"] = 161,["175"] = 163,["176"] = 164,["177"] = 165,["179"] = 167,["180"] = 168,["181"] = 169,["182"] = 170,["184"] = 172,["185"] = 173,["186"] = 157,["189"] = 180,["190"] = 181,["191"] = 182,["192"] = 182,["194"] = 183,["195"] = 184,["196"] = 185,["197"] = 186,["198"] = 187,["199"] = 187,["201"] = 188,["202"] = 189,["206"] = 191,["207"] = 180,["208"] = 194,["209"] = 195,["210"] = 196,["211"] = 196,["213"] = 197,["214"] = 198,["215"] = 198,["216"] = 198,["217"] = 198,["218"] = 198,["219"] = 199,["220"] = 199,["222"] = 201,["223"] = 202,["224"] = 203,["225"] = 194,["227"] = 207,["228"] = 208,["229"] = 209,["230"] = 210,["231"] = 212,["232"] = 213,["234"] = 215,["237"] = 218,["238"] = 207,["240"] = 222,["241"] = 223,["242"] = 224,["244"] = 225,["245"] = 225,["247"] = 226,["248"] = 227,["249"] = 228,["250"] = 228,["252"] = 229,["253"] = 230,["254"] = 230,["255"] = 230,["256"] = 230,["257"] = 230,["258"] = 230,["259"] = 230,["263"] = 232,["264"] = 232,["265"] = 232,["266"] = 232,["267"] = 233,["268"] = 222,["270"] = 237,["271"] = 238,["272"] = 237});
local ____exports = {}
local toEntry, follow, MAX_CNAME_HOPS
local resolver = require("resty.dns.resolver")
local lrucache = require("resty.lrucache")
local config = require("config")
local ____host = require("core.host")
local isIpLiteral = ____host.isIpLiteral
local ____dicts = require("dicts")
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
--- Node hosts, a few per node: far more than a cluster has.
local WORKER_CACHE_SIZE = 1000
local ANSWER_KEY = "answer:"
local STALE_KEY = "stale:"
local LOGGED_KEY = "logged:"
local LOCK_KEY = "dns:"
local workerCache, lruError = lrucache.new(WORKER_CACHE_SIZE)
if workerCache == nil then
    error(
        "dns worker cache: " .. tostring(lruError),
        0
    )
end
local cache = workerCache
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
    cache:set(name, entry, ttl)
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
    cache:set(name, entry, ttl)
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
--- Another worker (or request) is querying the name. The last good address serves meanwhile;
-- without one, wait for the answer (at most the lock's lifetime).
local function awaitOther(name)
    local stale = dnsDict:get(STALE_KEY .. name)
    if type(stale) == "string" then
        return {address = stale, stale = true}
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
    return readShared(name) or ({error = name .. ": lookup in progress elsewhere did not finish", stale = false})
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
    local entry = cache:get(host)
    if entry == nil then
        if isIpLiteral(host) then
            entry = {address = host, stale = false}
            cache:set(host, entry)
        else
            entry = lookup(host)
        end
    end
    return entry.address, entry.error
end
--- Every answer in kuma_dns, by name: what the status page shows.
function ____exports.cacheEntries()
    local entries = {}
    for ____, key in ipairs(dnsDict:get_keys(0)) do
        do
            if __TS__StringSubstring(key, 0, #ANSWER_KEY) ~= ANSWER_KEY then
                goto __continue41
            end
            local text, flags = dnsDict:get(key)
            local ttl = dnsDict:ttl(key)
            if type(text) ~= "string" or type(flags) ~= "number" or ttl == nil then
                goto __continue41
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
        ::__continue41::
    end
    __TS__ArraySort(
        entries,
        function(____, a, b) return a.name < b.name and -1 or 1 end
    )
    return entries
end
--- Specs: forget this worker's cache, as a second worker would start with nothing.
function ____exports._resetWorkerCache()
    cache:flush_all()
end
return ____exports
