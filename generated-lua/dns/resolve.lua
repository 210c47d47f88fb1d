local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__StringCharAt = ____lualib.__TS__StringCharAt
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__ArraySort = ____lualib.__TS__ArraySort
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["10"] = 41,["11"] = 13,["12"] = 15,["13"] = 16,["14"] = 17,["15"] = 17,["16"] = 18,["17"] = 18,["18"] = 18,["19"] = 19,["20"] = 19,["21"] = 126,["22"] = 127,["24"] = 151,["25"] = 152,["26"] = 153,["27"] = 153,["29"] = 154,["30"] = 155,["31"] = 155,["32"] = 155,["33"] = 155,["34"] = 155,["35"] = 155,["37"] = 156,["38"] = 156,["40"] = 157,["41"] = 157,["42"] = 157,["43"] = 157,["44"] = 157,["46"] = 159,["47"] = 159,["48"] = 159,["49"] = 159,["50"] = 159,["51"] = 159,["54"] = 22,["57"] = 27,["59"] = 29,["61"] = 31,["63"] = 33,["65"] = 35,["67"] = 38,["68"] = 39,["69"] = 41,["71"] = 43,["72"] = 44,["74"] = 46,["75"] = 50,["76"] = 51,["77"] = 52,["78"] = 53,["79"] = 54,["82"] = 59,["83"] = 83,["84"] = 84,["86"] = 84,["90"] = 85,["91"] = 87,["94"] = 93,["95"] = 94,["96"] = 94,["97"] = 94,["98"] = 94,["99"] = 93,["100"] = 97,["101"] = 98,["102"] = 98,["104"] = 99,["105"] = 97,["108"] = 106,["109"] = 107,["110"] = 106,["111"] = 110,["112"] = 111,["113"] = 111,["114"] = 111,["115"] = 111,["116"] = 110,["117"] = 114,["118"] = 115,["119"] = 116,["120"] = 116,["121"] = 116,["122"] = 116,["123"] = 116,["125"] = 114,["126"] = 119,["127"] = 120,["128"] = 121,["129"] = 122,["130"] = 122,["131"] = 122,["132"] = 122,["133"] = 122,["134"] = 123,["135"] = 119,["137"] = 131,["138"] = 132,["139"] = 133,["140"] = 134,["141"] = 134,["143"] = 135,["144"] = 136,["145"] = 136,["147"] = 137,["148"] = 138,["149"] = 138,["150"] = 138,["151"] = 138,["152"] = 138,["153"] = 139,["154"] = 131,["156"] = 143,["157"] = 144,["158"] = 145,["159"] = 145,["161"] = 146,["162"] = 147,["163"] = 147,["164"] = 147,["165"] = 147,["166"] = 147,["168"] = 148,["169"] = 148,["170"] = 148,["171"] = 148,["172"] = 148,["173"] = 148,["174"] = 143,["176"] = 163,["177"] = 164,["178"] = 165,["179"] = 166,["180"] = 167,["181"] = 167,["182"] = 167,["183"] = 167,["184"] = 167,["185"] = 167,["187"] = 169,["188"] = 170,["189"] = 171,["191"] = 173,["192"] = 174,["193"] = 175,["194"] = 176,["196"] = 178,["197"] = 179,["198"] = 163,["201"] = 186,["202"] = 187,["203"] = 188,["204"] = 188,["206"] = 189,["207"] = 190,["208"] = 191,["209"] = 192,["210"] = 193,["211"] = 193,["213"] = 194,["214"] = 195,["218"] = 197,["219"] = 186,["220"] = 200,["221"] = 201,["222"] = 202,["223"] = 202,["225"] = 203,["226"] = 204,["227"] = 204,["228"] = 204,["229"] = 204,["230"] = 204,["231"] = 205,["232"] = 205,["234"] = 207,["235"] = 208,["236"] = 209,["237"] = 200,["239"] = 213,["240"] = 214,["241"] = 215,["242"] = 216,["243"] = 218,["244"] = 219,["246"] = 221,["249"] = 224,["250"] = 213,["254"] = 232,["255"] = 233,["258"] = 234,["259"] = 235,["262"] = 236,["263"] = 237,["264"] = 232,["266"] = 241,["267"] = 242,["268"] = 243,["270"] = 244,["271"] = 244,["273"] = 245,["274"] = 246,["275"] = 247,["276"] = 247,["278"] = 248,["279"] = 249,["280"] = 249,["281"] = 249,["282"] = 249,["283"] = 249,["284"] = 249,["285"] = 249,["289"] = 251,["290"] = 251,["291"] = 251,["292"] = 251,["293"] = 252,["294"] = 241,["296"] = 256,["297"] = 257,["298"] = 256});
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
local FORGOT_KEY = "forgot:"
--- A worker re-reads the shared answer at least this often, so forget() (a node re-created at a
-- new address) reaches every worker within a second; the shared read is one dict get.
local WORKER_CACHE_MAX_S = 1
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
    cache:set(
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
    cache:set(
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
    cache:delete(host)
end
--- Every answer in kuma_dns, by name: what the status page shows.
function ____exports.cacheEntries()
    local entries = {}
    for ____, key in ipairs(dnsDict:get_keys(0)) do
        do
            if __TS__StringSubstring(key, 0, #ANSWER_KEY) ~= ANSWER_KEY then
                goto __continue44
            end
            local text, flags = dnsDict:get(key)
            local ttl = dnsDict:ttl(key)
            if type(text) ~= "string" or type(flags) ~= "number" or ttl == nil then
                goto __continue44
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
        ::__continue44::
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
