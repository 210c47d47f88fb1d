local ____lualib = require("lualib_bundle")
local __TS__New = ____lualib.__TS__New
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 25,["9"] = 16,["10"] = 17,["11"] = 17,["12"] = 19,["13"] = 19,["14"] = 19,["15"] = 19,["16"] = 19,["17"] = 20,["18"] = 20,["19"] = 21,["20"] = 21,["21"] = 22,["22"] = 22,["23"] = 83,["24"] = 84,["25"] = 85,["26"] = 85,["28"] = 86,["29"] = 86,["30"] = 86,["31"] = 86,["32"] = 86,["33"] = 87,["34"] = 87,["35"] = 87,["36"] = 87,["37"] = 87,["38"] = 87,["40"] = 90,["41"] = 91,["42"] = 92,["44"] = 109,["45"] = 110,["46"] = 111,["47"] = 111,["49"] = 112,["50"] = 112,["52"] = 113,["53"] = 114,["54"] = 114,["56"] = 115,["57"] = 116,["58"] = 117,["59"] = 117,["60"] = 117,["61"] = 117,["62"] = 118,["64"] = 120,["66"] = 123,["67"] = 124,["68"] = 125,["69"] = 125,["71"] = 126,["72"] = 127,["73"] = 127,["74"] = 127,["75"] = 127,["76"] = 127,["78"] = 128,["80"] = 132,["81"] = 133,["83"] = 134,["84"] = 134,["85"] = 135,["86"] = 136,["87"] = 136,["89"] = 137,["90"] = 138,["91"] = 139,["92"] = 139,["95"] = 141,["96"] = 142,["97"] = 143,["98"] = 143,["99"] = 143,["100"] = 143,["101"] = 144,["103"] = 146,["104"] = 134,["107"] = 148,["109"] = 156,["110"] = 157,["111"] = 158,["112"] = 158,["114"] = 159,["115"] = 160,["116"] = 161,["117"] = 161,["119"] = 162,["120"] = 163,["121"] = 164,["122"] = 165,["123"] = 165,["125"] = 167,["126"] = 167,["128"] = 168,["130"] = 170,["131"] = 171,["132"] = 171,["134"] = 172,["135"] = 172,["136"] = 172,["137"] = 172,["138"] = 172,["139"] = 172,["141"] = 173,["142"] = 174,["143"] = 175,["144"] = 177,["145"] = 178,["147"] = 180,["148"] = 181,["149"] = 182,["153"] = 184,["154"] = 184,["156"] = 185,["157"] = 186,["158"] = 187,["159"] = 188,["160"] = 188,["162"] = 189,["163"] = 190,["164"] = 191,["165"] = 192,["167"] = 196,["168"] = 197,["169"] = 198,["170"] = 199,["171"] = 199,["173"] = 200,["174"] = 200,["176"] = 201,["177"] = 202,["178"] = 203,["179"] = 203,["181"] = 205,["182"] = 206,["183"] = 206,["185"] = 207,["187"] = 209,["188"] = 209,["190"] = 210,["192"] = 337,["193"] = 338,["194"] = 338,["195"] = 338,["196"] = 338,["197"] = 339,["199"] = 24,["200"] = 25,["201"] = 26,["202"] = 27,["203"] = 28,["204"] = 29,["205"] = 30,["206"] = 31,["208"] = 34,["211"] = 39,["212"] = 41,["214"] = 43,["215"] = 45,["216"] = 46,["217"] = 54,["218"] = 67,["219"] = 70,["220"] = 76,["222"] = 80,["223"] = 81,["225"] = 96,["226"] = 97,["227"] = 98,["228"] = 99,["229"] = 99,["232"] = 101,["233"] = 96,["235"] = 214,["237"] = 215,["238"] = 215,["239"] = 216,["242"] = 215,["245"] = 218,["246"] = 214,["248"] = 222,["249"] = 223,["250"] = 223,["252"] = 224,["253"] = 222,["254"] = 227,["255"] = 228,["258"] = 229,["259"] = 229,["260"] = 229,["261"] = 230,["262"] = 229,["263"] = 229,["264"] = 227,["266"] = 235,["267"] = 236,["268"] = 235,["270"] = 240,["271"] = 241,["272"] = 240,["273"] = 244,["274"] = 245,["275"] = 246,["276"] = 246,["278"] = 247,["279"] = 248,["280"] = 248,["282"] = 249,["283"] = 244,["284"] = 252,["285"] = 253,["289"] = 254,["290"] = 254,["291"] = 254,["292"] = 254,["296"] = 255,["297"] = 255,["298"] = 255,["299"] = 255,["302"] = 252,["306"] = 263,["307"] = 264,["308"] = 265,["309"] = 266,["310"] = 267,["312"] = 268,["313"] = 268,["314"] = 269,["315"] = 269,["316"] = 269,["317"] = 269,["318"] = 269,["319"] = 269,["320"] = 269,["321"] = 269,["322"] = 270,["323"] = 271,["324"] = 272,["326"] = 274,["327"] = 275,["328"] = 268,["331"] = 277,["332"] = 278,["333"] = 279,["334"] = 279,["335"] = 279,["336"] = 279,["337"] = 280,["338"] = 281,["339"] = 281,["341"] = 282,["343"] = 283,["344"] = 284,["345"] = 263,["347"] = 288,["348"] = 289,["349"] = 290,["350"] = 290,["351"] = 290,["352"] = 290,["353"] = 291,["354"] = 291,["356"] = 292,["357"] = 293,["358"] = 294,["359"] = 288,["361"] = 298,["362"] = 299,["363"] = 300,["364"] = 300,["365"] = 300,["367"] = 300,["369"] = 300,["370"] = 298,["374"] = 308,["375"] = 309,["376"] = 310,["377"] = 308,["379"] = 314,["380"] = 315,["381"] = 316,["382"] = 316,["384"] = 317,["385"] = 318,["386"] = 319,["387"] = 320,["388"] = 321,["389"] = 322,["390"] = 322,["392"] = 323,["393"] = 324,["395"] = 326,["396"] = 327,["397"] = 328,["398"] = 329,["400"] = 331,["401"] = 332,["402"] = 333,["403"] = 334,["404"] = 314,["406"] = 343,["407"] = 344,["408"] = 345,["409"] = 346,["410"] = 346,["411"] = 346,["412"] = 346,["413"] = 346,["415"] = 347,["416"] = 343,["417"] = 362,["418"] = 363,["419"] = 364,["420"] = 362,["421"] = 367,["422"] = 368,["423"] = 369,["424"] = 370,["425"] = 371,["426"] = 372,["427"] = 374,["428"] = 375,["429"] = 376,["430"] = 377,["431"] = 377,["432"] = 373,["433"] = 373,["434"] = 373,["435"] = 373,["436"] = 373,["437"] = 373,["438"] = 373,["439"] = 373,["440"] = 367});
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
local ____dicts = require("dicts")
local dict = ____dicts.snapshotDict
local ____guard = require("hooks.guard")
local guard = ____guard.guard
local ____version_watch = require("version_watch")
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
local VERSION = "version"
SYNCED_AT = "synced_at"
LAST_ERROR = "last_error"
local FAILED_AT = "failed_at"
local MONITORS_SOURCE = "monitors_source"
BASE = "monitors_base"
MONITORS_VERSION = "monitors_version"
local DELTA_BYTES = "monitors_delta_bytes"
--- Monitors per base chunk: about 130 kB of JSON, a few ms to decode in a worker's timer.
____exports.CHUNK = 2500
--- Deltas kept after a base; the sync reads everything as a new base beyond this (baseLag()):
-- at one change per second, every 80 minutes. A one-monitor delta is about 60 bytes.
____exports.KEEP_DELTAS = 5000
INLINE_BYTES = 64 * 1024
--- How often each worker's timer looks for a new version (seconds).
local TICK_S = 0.02
chunkKey = function(base, i) return (("monitors:" .. base) .. ":") .. tostring(i) end
deltaKey = function(mv) return "monitors_delta:" .. tostring(mv) end
NODES = {data = "nodes", digest = "nodes_digest", bytes = "nodes_bytes"}
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
