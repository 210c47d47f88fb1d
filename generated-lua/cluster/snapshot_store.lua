local ____lualib = require("lualib_bundle")
local __TS__New = ____lualib.__TS__New
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 25,["9"] = 16,["10"] = 17,["11"] = 17,["12"] = 19,["13"] = 19,["14"] = 19,["15"] = 19,["16"] = 19,["17"] = 20,["18"] = 20,["19"] = 21,["20"] = 21,["21"] = 22,["22"] = 22,["23"] = 80,["24"] = 81,["25"] = 82,["26"] = 82,["28"] = 83,["29"] = 83,["30"] = 83,["31"] = 83,["32"] = 83,["33"] = 84,["34"] = 84,["35"] = 84,["36"] = 84,["37"] = 84,["38"] = 84,["40"] = 87,["41"] = 88,["42"] = 89,["44"] = 106,["45"] = 107,["46"] = 108,["47"] = 108,["49"] = 109,["50"] = 109,["52"] = 110,["53"] = 111,["54"] = 111,["56"] = 112,["57"] = 113,["58"] = 114,["59"] = 114,["60"] = 114,["61"] = 114,["62"] = 115,["64"] = 117,["66"] = 120,["67"] = 121,["68"] = 122,["69"] = 122,["71"] = 123,["72"] = 124,["73"] = 124,["74"] = 124,["75"] = 124,["76"] = 124,["78"] = 125,["80"] = 129,["81"] = 130,["83"] = 131,["84"] = 131,["85"] = 132,["86"] = 133,["87"] = 133,["89"] = 134,["90"] = 135,["91"] = 136,["92"] = 136,["95"] = 138,["96"] = 139,["97"] = 140,["98"] = 140,["99"] = 140,["100"] = 140,["101"] = 141,["103"] = 143,["104"] = 131,["107"] = 145,["109"] = 153,["110"] = 154,["111"] = 155,["112"] = 155,["114"] = 156,["115"] = 157,["116"] = 158,["117"] = 158,["119"] = 159,["120"] = 160,["121"] = 161,["122"] = 162,["123"] = 162,["125"] = 164,["126"] = 164,["128"] = 165,["130"] = 167,["131"] = 168,["132"] = 168,["134"] = 169,["135"] = 169,["136"] = 169,["137"] = 169,["138"] = 169,["139"] = 169,["141"] = 170,["142"] = 171,["143"] = 172,["144"] = 174,["145"] = 175,["147"] = 177,["148"] = 178,["149"] = 179,["153"] = 181,["154"] = 181,["156"] = 182,["157"] = 183,["158"] = 184,["159"] = 185,["160"] = 185,["162"] = 186,["163"] = 187,["164"] = 188,["165"] = 189,["167"] = 193,["168"] = 194,["169"] = 195,["170"] = 196,["171"] = 196,["173"] = 197,["174"] = 197,["176"] = 198,["177"] = 199,["178"] = 200,["179"] = 200,["181"] = 202,["182"] = 203,["183"] = 203,["185"] = 204,["187"] = 206,["188"] = 206,["190"] = 207,["192"] = 334,["193"] = 335,["194"] = 335,["195"] = 335,["196"] = 335,["197"] = 336,["199"] = 24,["200"] = 25,["201"] = 26,["202"] = 27,["203"] = 28,["204"] = 29,["205"] = 30,["206"] = 31,["208"] = 34,["210"] = 36,["211"] = 38,["213"] = 40,["214"] = 42,["215"] = 43,["216"] = 51,["217"] = 64,["218"] = 67,["219"] = 73,["221"] = 77,["222"] = 78,["224"] = 93,["225"] = 94,["226"] = 95,["227"] = 96,["228"] = 96,["231"] = 98,["232"] = 93,["234"] = 211,["236"] = 212,["237"] = 212,["238"] = 213,["241"] = 212,["244"] = 215,["245"] = 211,["247"] = 219,["248"] = 220,["249"] = 220,["251"] = 221,["252"] = 219,["253"] = 224,["254"] = 225,["257"] = 226,["258"] = 226,["259"] = 226,["260"] = 227,["261"] = 226,["262"] = 226,["263"] = 224,["265"] = 232,["266"] = 233,["267"] = 232,["269"] = 237,["270"] = 238,["271"] = 237,["272"] = 241,["273"] = 242,["274"] = 243,["275"] = 243,["277"] = 244,["278"] = 245,["279"] = 245,["281"] = 246,["282"] = 241,["283"] = 249,["284"] = 250,["288"] = 251,["289"] = 251,["290"] = 251,["291"] = 251,["295"] = 252,["296"] = 252,["297"] = 252,["298"] = 252,["301"] = 249,["305"] = 260,["306"] = 261,["307"] = 262,["308"] = 263,["309"] = 264,["311"] = 265,["312"] = 265,["313"] = 266,["314"] = 266,["315"] = 266,["316"] = 266,["317"] = 266,["318"] = 266,["319"] = 266,["320"] = 266,["321"] = 267,["322"] = 268,["323"] = 269,["325"] = 271,["326"] = 272,["327"] = 265,["330"] = 274,["331"] = 275,["332"] = 276,["333"] = 276,["334"] = 276,["335"] = 276,["336"] = 277,["337"] = 278,["338"] = 278,["340"] = 279,["342"] = 280,["343"] = 281,["344"] = 260,["346"] = 285,["347"] = 286,["348"] = 287,["349"] = 287,["350"] = 287,["351"] = 287,["352"] = 288,["353"] = 288,["355"] = 289,["356"] = 290,["357"] = 291,["358"] = 285,["360"] = 295,["361"] = 296,["362"] = 297,["363"] = 297,["364"] = 297,["366"] = 297,["368"] = 297,["369"] = 295,["373"] = 305,["374"] = 306,["375"] = 307,["376"] = 305,["378"] = 311,["379"] = 312,["380"] = 313,["381"] = 313,["383"] = 314,["384"] = 315,["385"] = 316,["386"] = 317,["387"] = 318,["388"] = 319,["389"] = 319,["391"] = 320,["392"] = 321,["394"] = 323,["395"] = 324,["396"] = 325,["397"] = 326,["399"] = 328,["400"] = 329,["401"] = 330,["402"] = 331,["403"] = 311,["405"] = 340,["406"] = 341,["407"] = 342,["408"] = 343,["409"] = 343,["410"] = 343,["411"] = 343,["412"] = 343,["414"] = 344,["415"] = 340,["416"] = 359,["417"] = 360,["418"] = 361,["419"] = 359,["420"] = 364,["421"] = 365,["422"] = 366,["423"] = 367,["424"] = 368,["425"] = 369,["426"] = 371,["427"] = 372,["428"] = 373,["429"] = 374,["430"] = 374,["431"] = 370,["432"] = 370,["433"] = 370,["434"] = 370,["435"] = 370,["436"] = 370,["437"] = 370,["438"] = 370,["439"] = 364});
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
--- Deltas kept after a base; the sync writes a new base beyond this (baseLag()).
____exports.KEEP_DELTAS = 1000
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
