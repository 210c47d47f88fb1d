local ____lualib = require("lualib_bundle")
local __TS__New = ____lualib.__TS__New
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 25,["9"] = 16,["10"] = 17,["11"] = 17,["12"] = 19,["13"] = 19,["14"] = 19,["15"] = 19,["16"] = 19,["17"] = 20,["18"] = 20,["19"] = 20,["20"] = 21,["21"] = 21,["22"] = 22,["23"] = 22,["24"] = 83,["25"] = 84,["26"] = 85,["27"] = 85,["29"] = 86,["30"] = 86,["31"] = 86,["32"] = 86,["33"] = 86,["34"] = 87,["35"] = 87,["36"] = 87,["37"] = 87,["38"] = 87,["39"] = 87,["41"] = 90,["42"] = 91,["43"] = 92,["45"] = 109,["46"] = 110,["47"] = 111,["48"] = 111,["50"] = 112,["51"] = 112,["53"] = 113,["54"] = 114,["55"] = 114,["57"] = 115,["58"] = 116,["59"] = 117,["60"] = 117,["61"] = 117,["62"] = 117,["63"] = 118,["65"] = 120,["67"] = 123,["68"] = 124,["69"] = 125,["70"] = 125,["72"] = 126,["73"] = 127,["74"] = 127,["75"] = 127,["76"] = 127,["77"] = 127,["79"] = 128,["81"] = 132,["82"] = 133,["84"] = 134,["85"] = 134,["86"] = 135,["87"] = 136,["88"] = 136,["90"] = 137,["91"] = 138,["92"] = 139,["93"] = 139,["96"] = 141,["97"] = 142,["98"] = 143,["99"] = 143,["100"] = 143,["101"] = 143,["102"] = 144,["104"] = 146,["105"] = 134,["108"] = 148,["110"] = 156,["111"] = 157,["112"] = 158,["113"] = 158,["115"] = 159,["116"] = 160,["117"] = 161,["118"] = 161,["120"] = 162,["121"] = 163,["122"] = 164,["123"] = 165,["124"] = 165,["126"] = 167,["127"] = 167,["129"] = 168,["131"] = 170,["132"] = 171,["133"] = 171,["135"] = 172,["136"] = 172,["137"] = 172,["138"] = 172,["139"] = 172,["140"] = 172,["142"] = 173,["143"] = 174,["144"] = 175,["145"] = 177,["146"] = 178,["148"] = 180,["149"] = 181,["150"] = 182,["154"] = 184,["155"] = 184,["157"] = 185,["158"] = 186,["159"] = 187,["160"] = 188,["161"] = 188,["163"] = 189,["164"] = 190,["165"] = 191,["166"] = 192,["168"] = 196,["169"] = 197,["170"] = 198,["171"] = 199,["172"] = 199,["174"] = 200,["175"] = 200,["177"] = 201,["178"] = 202,["179"] = 203,["180"] = 203,["182"] = 205,["183"] = 206,["184"] = 206,["186"] = 207,["188"] = 209,["189"] = 209,["191"] = 210,["193"] = 337,["194"] = 338,["195"] = 338,["196"] = 338,["197"] = 338,["198"] = 339,["200"] = 24,["201"] = 25,["202"] = 26,["203"] = 27,["204"] = 28,["205"] = 29,["206"] = 30,["207"] = 31,["209"] = 34,["212"] = 39,["213"] = 41,["215"] = 43,["216"] = 45,["217"] = 46,["218"] = 54,["219"] = 67,["220"] = 70,["221"] = 76,["223"] = 80,["224"] = 81,["226"] = 96,["227"] = 97,["228"] = 98,["229"] = 99,["230"] = 99,["233"] = 101,["234"] = 96,["236"] = 214,["238"] = 215,["239"] = 215,["240"] = 216,["243"] = 215,["246"] = 218,["247"] = 214,["249"] = 222,["250"] = 223,["251"] = 223,["253"] = 224,["254"] = 222,["255"] = 227,["256"] = 228,["259"] = 229,["260"] = 229,["261"] = 229,["262"] = 230,["263"] = 229,["264"] = 229,["265"] = 227,["267"] = 235,["268"] = 236,["269"] = 235,["271"] = 240,["272"] = 241,["273"] = 240,["274"] = 244,["275"] = 245,["276"] = 246,["277"] = 246,["279"] = 247,["280"] = 248,["281"] = 248,["283"] = 249,["284"] = 244,["285"] = 252,["286"] = 253,["290"] = 254,["291"] = 254,["292"] = 254,["293"] = 254,["297"] = 255,["298"] = 255,["299"] = 255,["300"] = 255,["303"] = 252,["307"] = 263,["308"] = 264,["309"] = 265,["310"] = 266,["311"] = 267,["313"] = 268,["314"] = 268,["315"] = 269,["316"] = 269,["317"] = 269,["318"] = 269,["319"] = 269,["320"] = 269,["321"] = 269,["322"] = 269,["323"] = 270,["324"] = 271,["325"] = 272,["327"] = 274,["328"] = 275,["329"] = 268,["332"] = 277,["333"] = 278,["334"] = 279,["335"] = 279,["336"] = 279,["337"] = 279,["338"] = 280,["339"] = 281,["340"] = 281,["342"] = 282,["344"] = 283,["345"] = 284,["346"] = 263,["348"] = 288,["349"] = 289,["350"] = 290,["351"] = 290,["352"] = 290,["353"] = 290,["354"] = 291,["355"] = 291,["357"] = 292,["358"] = 293,["359"] = 294,["360"] = 288,["362"] = 298,["363"] = 299,["364"] = 300,["365"] = 300,["366"] = 300,["368"] = 300,["370"] = 300,["371"] = 298,["375"] = 308,["376"] = 309,["377"] = 310,["378"] = 308,["380"] = 314,["381"] = 315,["382"] = 316,["383"] = 316,["385"] = 317,["386"] = 318,["387"] = 319,["388"] = 320,["389"] = 321,["390"] = 322,["391"] = 322,["393"] = 323,["394"] = 324,["396"] = 326,["397"] = 327,["398"] = 328,["399"] = 329,["401"] = 331,["402"] = 332,["403"] = 333,["404"] = 334,["405"] = 314,["407"] = 343,["408"] = 344,["409"] = 345,["410"] = 346,["411"] = 346,["412"] = 346,["413"] = 346,["414"] = 346,["416"] = 347,["417"] = 343,["418"] = 362,["419"] = 363,["420"] = 364,["421"] = 362,["422"] = 367,["423"] = 368,["424"] = 369,["425"] = 370,["426"] = 371,["427"] = 372,["428"] = 374,["429"] = 375,["430"] = 376,["431"] = 377,["432"] = 377,["433"] = 373,["434"] = 373,["435"] = 373,["436"] = 373,["437"] = 373,["438"] = 373,["439"] = 373,["440"] = 373,["441"] = 367});
local ____exports = {}
local readBase, storedMonitorsVersion, fetchPart, decodeList, applyDeltas, catchUp, update, markSynced, SYNCED_AT, LAST_ERROR, BASE, MONITORS_VERSION, INLINE_BYTES, chunkKey, deltaKey, NODES, versionWatch, ____local, localVersion, localNodes, localNodesDigest, maps, mapsBase, mapsVersion, loading
local cjson = require("cjson.safe")
local ____snapshot = require("core.snapshot")
local indexNodes = ____snapshot.indexNodes
local ____monitor_maps = require("core.monitor_maps")
local applyDelta = ____monitor_maps.applyDelta
local applyEntries = ____monitor_maps.applyEntries
local emptyMaps = ____monitor_maps.emptyMaps
local rowsToEntries = ____monitor_maps.rowsToEntries
local ____dicts = require("runtime.dicts")
local KEYS = ____dicts.KEYS
local dict = ____dicts.snapshotDict
local ____guard = require("runtime.guard")
local guard = ____guard.guard
local ____version_watch = require("runtime.version_watch")
local VersionWatch = ____version_watch.VersionWatch
function readBase()
    local raw = dict:get(BASE)
    if type(raw) ~= "string" then
        return nil
    end
    local id, mv, chunks, bytes = unpack(
        __TS__StringSplit(raw, " "),
        1,
        4
    )
    return {
        id = id,
        mv = tonumber(mv) or 0,
        chunks = tonumber(chunks) or 0,
        bytes = tonumber(bytes) or 0
    }
end
function storedMonitorsVersion()
    local mv = dict:get(MONITORS_VERSION)
    return type(mv) == "number" and mv or 0
end
function fetchPart(part, held)
    local digest = dict:get(part.digest)
    if type(digest) ~= "string" then
        return nil, nil, false
    end
    if digest == held then
        return nil, held, true
    end
    local data = dict:get(part.data)
    if type(data) ~= "string" then
        return nil, nil, false
    end
    local decoded, err = cjson.decode(data)
    if decoded == nil then
        ngx.log(
            ngx.ERR,
            (("snapshot: " .. part.data) .. " do not decode: ") .. tostring(err)
        )
        return nil, nil, false
    end
    return decoded, digest, true
end
function decodeList(key)
    local json = dict:get(key)
    if type(json) ~= "string" then
        return nil
    end
    local value, err = cjson.decode(json)
    if value == nil then
        ngx.log(
            ngx.ERR,
            (("snapshot: " .. key) .. " does not decode: ") .. tostring(err)
        )
    end
    return value
end
function applyDeltas(target, from, to, inline)
    local budget = INLINE_BYTES
    do
        local v = from + 1
        while v <= to do
            local json = dict:get(deltaKey(v))
            if type(json) ~= "string" then
                return v - 1
            end
            if inline then
                budget = budget - #json
                if budget < 0 then
                    return v - 1
                end
            end
            local delta, err = cjson.decode(json)
            if delta == nil then
                ngx.log(
                    ngx.ERR,
                    (("snapshot: " .. deltaKey(v)) .. " does not decode: ") .. tostring(err)
                )
                return v - 1
            end
            applyDelta(target, delta)
            v = v + 1
        end
    end
    return to
end
function catchUp(inline)
    local base = readBase()
    if base == nil then
        return false, maps ~= nil
    end
    local mv = storedMonitorsVersion()
    if maps ~= nil and mapsBase == base.id then
        if mapsVersion == mv then
            return false, true
        end
        local reached = applyDeltas(maps, mapsVersion, mv, inline)
        local changed = reached ~= mapsVersion
        mapsVersion = reached
        if reached == mv then
            return changed, true
        end
        if (dict:get(deltaKey(reached + 1))) == nil then
            mapsBase = nil
        end
        return changed, false
    end
    local whole = maps == nil or base.bytes <= INLINE_BYTES
    if inline and not whole then
        return false, false
    end
    if loading == nil or loading.base.id ~= base.id then
        loading = {
            base = base,
            next = 0,
            maps = emptyMaps()
        }
    end
    while loading.next < base.chunks do
        local entries = decodeList(chunkKey(base.id, loading.next))
        if entries == nil then
            loading = nil
            return false, false
        end
        applyEntries(loading.maps, entries)
        loading.next = loading.next + 1
        if not whole then
            break
        end
    end
    if loading.next < base.chunks then
        return false, false
    end
    local loaded = loading.maps
    loading = nil
    local reached = applyDeltas(loaded, base.mv, mv, false)
    if reached ~= mv then
        return false, false
    end
    maps = loaded
    mapsBase = base.id
    mapsVersion = mv
    return true, true
end
function update(inline)
    local v = versionWatch:read()
    local nodes, nodesDigest, nodesOk = fetchPart(NODES, localNodesDigest)
    if not nodesOk then
        return false
    end
    if nodes ~= nil then
        localNodes = nodes
    end
    localNodesDigest = nodesDigest
    local monitorsChanged, monitorsDone = catchUp(inline)
    if localNodes == nil or maps == nil then
        return false
    end
    if nodes ~= nil or monitorsChanged or ____local == nil then
        for ____, n in ipairs(localNodes.nodes) do
            n.owned = maps.owned[n.id] or 0
        end
        ____local = indexNodes(__TS__ObjectAssign({}, localNodes, {ownerOf = maps.ownerOf, monitorOfToken = maps.monitorOfToken, monitorCount = maps.count}))
    end
    if monitorsDone then
        localVersion = v
    end
    return monitorsDone
end
function markSynced()
    dict:set(
        SYNCED_AT,
        ngx.now()
    )
    dict:delete(LAST_ERROR)
end
local VERSION = KEYS.snapshot.version
SYNCED_AT = KEYS.snapshot.syncedAt
LAST_ERROR = KEYS.snapshot.lastError
local FAILED_AT = KEYS.snapshot.failedAt
local MONITORS_SOURCE = KEYS.snapshot.monitorsSource
BASE = KEYS.snapshot.monitorsBase
MONITORS_VERSION = KEYS.snapshot.monitorsVersion
local DELTA_BYTES = KEYS.snapshot.monitorsDeltaBytes
--- Monitors per base chunk: about 130 kB of JSON, a few ms to decode in a worker's timer.
____exports.CHUNK = 2500
--- Deltas kept after a base; the sync reads everything as a new base beyond this (baseLag()):
-- at one change per second, every 80 minutes. A one-monitor delta is about 60 bytes.
____exports.KEEP_DELTAS = 5000
INLINE_BYTES = 64 * 1024
--- How often each worker's timer looks for a new version (seconds).
local TICK_S = 0.02
chunkKey = function(base, i) return ((KEYS.snapshot.monitorsChunk .. base) .. ":") .. tostring(i) end
deltaKey = function(mv) return KEYS.snapshot.monitorsDelta .. tostring(mv) end
NODES = KEYS.snapshot.nodes
versionWatch = __TS__New(VersionWatch, dict, VERSION)
localVersion = 0
mapsVersion = 0
--- ngx.now() of the last request that found work it could not do itself.
local deferredAt = -1
local baseCounter = 0
--- This worker's copy, brought up to the shared version when that is cheap (see the top).
function ____exports.current()
    local v = versionWatch:read()
    if v ~= 0 and v ~= localVersion and ngx.now() ~= deferredAt then
        if not update(true) then
            deferredAt = ngx.now()
        end
    end
    return ____local
end
--- Everything at once, whatever its size: the specs' way to see a sync's result.
function ____exports.settle()
    do
        local i = 0
        while i < 100000 and not update(false) do
            if readBase() == nil then
                break
            end
            i = i + 1
        end
    end
    return ____local
end
--- One tick of the worker's timer: true when this worker's copy is at the shared version.
function ____exports.step()
    if loading == nil and versionWatch:read() == localVersion then
        return true
    end
    return update(false)
end
local function tick(premature)
    if premature then
        return
    end
    guard(
        "snapshot apply",
        function()
            ____exports.step()
        end
    )
end
--- init_worker: every worker applies new versions from its own timer, off the request path.
function ____exports.start()
    ngx.timer.every(TICK_S, tick)
end
--- The maps this worker holds: size and versions, for the bench and /lb/status.
function ____exports.held()
    return {monitorsVersion = mapsVersion, loading = loading ~= nil}
end
local function storeJson(key, value)
    local json, encErr = cjson.encode(value)
    if json == nil then
        return nil, (("encode " .. key) .. ": ") .. tostring(encErr)
    end
    local ok, err = dict:safe_set(key, json)
    if not ok then
        return nil, (((("storing " .. tostring(#json)) .. " bytes of ") .. key) .. " in kuma_snapshot: ") .. tostring(err)
    end
    return json, nil
end
local function deleteBase(base, upToMv)
    if base == nil then
        return
    end
    do
        local i = 0
        while i < base.chunks do
            dict:delete(chunkKey(base.id, i))
            i = i + 1
        end
    end
    do
        local v = base.mv + 1
        while v <= upToMv do
            dict:delete(deltaKey(v))
            v = v + 1
        end
    end
end
--- Stores these rows as a new base. `source`: the database summary they were read after (the
-- sync without a change log compares it, monitorsSource()); undefined with a change log.
-- Between chunks the syncing worker yields, so its requests wait at most one chunk's encoding.
function ____exports.publishMonitors(rows, source)
    baseCounter = baseCounter + 1
    local id = (((tostring(ngx.worker.pid()) .. ".") .. tostring(math.floor(ngx.now() * 1000))) .. ".") .. tostring(baseCounter)
    local chunks = math.ceil(#rows / ____exports.CHUNK)
    local bytes = 0
    do
        local i = 0
        while i < chunks do
            local json, err = storeJson(
                chunkKey(id, i),
                rowsToEntries(
                    rows,
                    i * ____exports.CHUNK,
                    math.min(#rows, (i + 1) * ____exports.CHUNK)
                )
            )
            if json == nil then
                deleteBase({id = id, mv = 0, chunks = i, bytes = 0}, 0)
                return false, err
            end
            bytes = bytes + #json
            ngx.sleep(0.001)
            i = i + 1
        end
    end
    local previous = readBase()
    local mv = dict:incr(MONITORS_VERSION, 1, 0)
    dict:set(
        BASE,
        (((((id .. " ") .. tostring(mv)) .. " ") .. tostring(chunks)) .. " ") .. tostring(bytes)
    )
    dict:set(DELTA_BYTES, 0)
    if source ~= nil then
        dict:set(MONITORS_SOURCE, source)
    else
        dict:delete(MONITORS_SOURCE)
    end
    deleteBase(previous, mv - 1)
    return true, nil
end
--- Stores one delta as the next monitors version (a base must exist: hasBase()).
function ____exports.publishDelta(delta)
    local mv = storedMonitorsVersion() + 1
    local json, err = storeJson(
        deltaKey(mv),
        delta
    )
    if json == nil then
        return false, err
    end
    dict:set(MONITORS_VERSION, mv)
    dict:incr(DELTA_BYTES, #json, 0)
    return true, nil
end
--- Deltas stored after the base, or undefined without a base (then only a full read will do).
function ____exports.baseLag()
    local base = readBase()
    local ____temp_0
    if base == nil then
        ____temp_0 = nil
    else
        ____temp_0 = storedMonitorsVersion() - base.mv
    end
    return ____temp_0
end
--- What the stored monitors were built from (core/snapshot.ts monitorsSource), or undefined
-- when there are none: without a change log the sync skips reading the monitors while the
-- database's summary equals it.
function ____exports.monitorsSource()
    local source = dict:get(MONITORS_SOURCE)
    return readBase() ~= nil and type(source) == "string" and source or nil
end
--- Stores the node list; a new version when it or the monitors (`monitorsChanged`) moved. Returns the version.
function ____exports.publishNodes(part, monitorsChanged)
    local json, encErr = cjson.encode({nodes = part.nodes, setupComplete = part.setupComplete, awayFrom = part.awayFrom, moved = part.moved})
    if json == nil then
        return nil, "encode nodes: " .. tostring(encErr)
    end
    local digest = ngx.md5(json)
    local previous = dict:get(NODES.digest)
    local nodesChanged = previous ~= digest
    if nodesChanged then
        local ok, err = dict:safe_set(NODES.data, json)
        if not ok then
            return nil, (("storing " .. tostring(#json)) .. " bytes of nodes in kuma_snapshot: ") .. tostring(err)
        end
        dict:set(NODES.digest, digest)
        dict:set(NODES.bytes, #json)
    end
    local version = dict:get(VERSION)
    if not monitorsChanged and not nodesChanged and type(version) == "number" then
        markSynced()
        return version, nil
    end
    local next = dict:incr(VERSION, 1, 0)
    versionWatch:touch()
    markSynced()
    return next, nil
end
--- Records a failed sync; true when this is the first failure since the last success.
function ____exports.markFailed(____error)
    local previous = dict:get(LAST_ERROR)
    dict:set(LAST_ERROR, ____error)
    if previous == nil then
        dict:set(
            FAILED_AT,
            ngx.now()
        )
    end
    return previous == nil
end
local function numberAt(key)
    local n = dict:get(key)
    return type(n) == "number" and n or 0
end
function ____exports.status()
    local version = dict:get(VERSION)
    local syncedAt = dict:get(SYNCED_AT)
    local lastError = dict:get(LAST_ERROR)
    local failedAt = dict:get(FAILED_AT)
    local now = ngx.now()
    local ____temp_4 = type(version) == "number" and version or 0
    local ____temp_5 = type(syncedAt) == "number" and now - syncedAt or nil
    local ____temp_6 = type(syncedAt) == "number" and syncedAt or nil
    local ____numberAt_result_3 = numberAt(NODES.bytes)
    local ____opt_1 = readBase()
    return {
        version = ____temp_4,
        ageS = ____temp_5,
        syncedAt = ____temp_6,
        bytes = ____numberAt_result_3 + (____opt_1 and ____opt_1.bytes or 0) + numberAt(DELTA_BYTES),
        lastError = type(lastError) == "string" and lastError or nil,
        failingSinceS = type(lastError) == "string" and type(failedAt) == "number" and now - failedAt or nil
    }
end
return ____exports
