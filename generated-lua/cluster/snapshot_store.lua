local ____lualib = require("lualib_bundle")
local __TS__New = ____lualib.__TS__New
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["7"] = 18,["8"] = 12,["9"] = 13,["10"] = 13,["11"] = 15,["12"] = 15,["13"] = 15,["14"] = 16,["15"] = 16,["16"] = 57,["17"] = 58,["18"] = 59,["19"] = 59,["21"] = 60,["22"] = 60,["24"] = 61,["25"] = 62,["26"] = 62,["28"] = 63,["29"] = 64,["30"] = 65,["31"] = 65,["32"] = 65,["33"] = 65,["34"] = 66,["36"] = 68,["38"] = 71,["39"] = 72,["40"] = 73,["41"] = 74,["44"] = 75,["45"] = 75,["47"] = 76,["48"] = 76,["50"] = 77,["51"] = 78,["52"] = 79,["53"] = 80,["56"] = 82,["57"] = 83,["60"] = 88,["61"] = 89,["62"] = 90,["63"] = 90,["65"] = 91,["66"] = 92,["67"] = 93,["68"] = 93,["70"] = 94,["71"] = 95,["72"] = 95,["74"] = 96,["75"] = 97,["76"] = 98,["78"] = 135,["79"] = 136,["80"] = 137,["81"] = 137,["83"] = 138,["84"] = 139,["85"] = 140,["86"] = 141,["88"] = 143,["89"] = 144,["90"] = 145,["91"] = 146,["93"] = 149,["94"] = 150,["95"] = 150,["96"] = 150,["97"] = 150,["98"] = 151,["100"] = 18,["101"] = 19,["102"] = 20,["103"] = 21,["104"] = 22,["105"] = 30,["106"] = 32,["107"] = 33,["108"] = 39,["110"] = 46,["111"] = 47,["112"] = 48,["113"] = 48,["115"] = 49,["116"] = 46,["119"] = 105,["120"] = 106,["121"] = 107,["122"] = 108,["123"] = 105,["127"] = 116,["128"] = 117,["129"] = 117,["130"] = 117,["131"] = 117,["132"] = 117,["133"] = 117,["134"] = 117,["135"] = 124,["136"] = 124,["138"] = 125,["139"] = 126,["140"] = 116,["142"] = 130,["143"] = 131,["144"] = 130,["146"] = 155,["147"] = 156,["148"] = 157,["149"] = 158,["150"] = 158,["151"] = 158,["152"] = 158,["153"] = 158,["155"] = 159,["156"] = 155,["157"] = 174,["158"] = 175,["159"] = 176,["160"] = 174,["161"] = 179,["162"] = 180,["163"] = 181,["164"] = 182,["165"] = 183,["166"] = 184,["167"] = 185,["168"] = 185,["169"] = 185,["170"] = 185,["171"] = 185,["172"] = 185,["173"] = 185,["174"] = 185,["175"] = 179});
local ____exports = {}
local fetchPart, reload, storePart, storeNodes, markSynced, VERSION, SYNCED_AT, LAST_ERROR, versionWatch, NODES, MONITORS, ____local, localVersion, localNodes, localNodesDigest, localMonitors, localMonitorsDigest
local cjson = require("cjson.safe")
local ____snapshot = require("core.snapshot")
local indexNodes = ____snapshot.indexNodes
local ____dicts = require("runtime.dicts")
local KEYS = ____dicts.KEYS
local dict = ____dicts.snapshotDict
local ____version_watch = require("runtime.version_watch")
local VersionWatch = ____version_watch.VersionWatch
function fetchPart(part, held, version)
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
            (((("snapshot version " .. tostring(version)) .. ": ") .. part.data) .. " do not decode: ") .. tostring(err)
        )
        return nil, nil, false
    end
    return decoded, digest, true
end
function reload(version)
    local nodes, nodesDigest, nodesOk = fetchPart(NODES, localNodesDigest, version)
    local monitors, monitorsDigest, monitorsOk = fetchPart(MONITORS, localMonitorsDigest, version)
    if not nodesOk or not monitorsOk then
        return
    end
    if nodes ~= nil then
        localNodes = nodes
    end
    if monitors ~= nil then
        localMonitors = monitors
    end
    localNodesDigest = nodesDigest
    localMonitorsDigest = monitorsDigest
    localVersion = version
    if localNodes == nil or localMonitors == nil then
        return
    end
    if nodes ~= nil or monitors ~= nil or ____local == nil then
        ____local = indexNodes(__TS__ObjectAssign({}, localNodes, localMonitors))
    end
end
function storePart(part, value)
    local json, encErr = cjson.encode(value)
    if json == nil then
        return nil, (("encode " .. part.data) .. ": ") .. tostring(encErr)
    end
    local digest = ngx.md5(json)
    local previous = dict:get(part.digest)
    if previous == digest then
        return false, nil
    end
    local ok, err = dict:safe_set(part.data, json)
    if not ok then
        return nil, (((("storing " .. tostring(#json)) .. " bytes of ") .. part.data) .. " in kuma_snapshot: ") .. tostring(err)
    end
    dict:set(part.digest, digest)
    dict:set(part.bytes, #json)
    return true, nil
end
function storeNodes(part, monitorsChanged)
    local nodesChanged, nodesErr = storePart(NODES, {nodes = part.nodes, setupComplete = part.setupComplete})
    if nodesChanged == nil then
        return nil, nodesErr
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
function markSynced()
    dict:set(
        SYNCED_AT,
        ngx.now()
    )
    dict:delete(LAST_ERROR)
end
VERSION = KEYS.snapshot.version
SYNCED_AT = KEYS.snapshot.syncedAt
LAST_ERROR = KEYS.snapshot.lastError
local FAILED_AT = KEYS.snapshot.failedAt
local MONITORS_SOURCE = KEYS.snapshot.monitorsSource
versionWatch = __TS__New(VersionWatch, dict, VERSION)
NODES = KEYS.snapshot.nodes
MONITORS = KEYS.snapshot.monitors
localVersion = 0
--- This worker's copy, refreshed when the shared version moved (checked once per clock tick).
function ____exports.current()
    local v = versionWatch:read()
    if v ~= 0 and v ~= localVersion then
        reload(v)
    end
    return ____local
end
--- What the stored monitor maps were built from (core/snapshot.ts monitorsSource), or undefined
-- when there are none: the sync skips reading the monitors while the database's summary equals it.
function ____exports.monitorsSource()
    local digest = dict:get(MONITORS.digest)
    local source = dict:get(MONITORS_SOURCE)
    return type(digest) == "string" and type(source) == "string" and source or nil
end
--- Stores a new snapshot; unchanged content only refreshes its age. `source` is what the
-- monitors were read after (read before them: a change in between is read again next time).
-- Returns the version.
function ____exports.publish(stored, source)
    local monitorsChanged, monitorsErr = storePart(MONITORS, {
        ownerOf = stored.ownerOf,
        monitorOfToken = stored.monitorOfToken,
        monitorCount = stored.monitorCount,
        awayFrom = stored.awayFrom,
        moved = stored.moved
    })
    if monitorsChanged == nil then
        return nil, monitorsErr
    end
    dict:set(MONITORS_SOURCE, source)
    return storeNodes(stored, monitorsChanged)
end
--- Stores the node list beside the stored monitor maps (the monitors did not change). Returns the version.
function ____exports.publishNodes(part)
    return storeNodes(part, false)
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
local function partBytes(part)
    local bytes = dict:get(part.bytes)
    return type(bytes) == "number" and bytes or 0
end
function ____exports.status()
    local version = dict:get(VERSION)
    local syncedAt = dict:get(SYNCED_AT)
    local lastError = dict:get(LAST_ERROR)
    local failedAt = dict:get(FAILED_AT)
    local now = ngx.now()
    return {
        version = type(version) == "number" and version or 0,
        ageS = type(syncedAt) == "number" and now - syncedAt or nil,
        syncedAt = type(syncedAt) == "number" and syncedAt or nil,
        bytes = partBytes(NODES) + partBytes(MONITORS),
        lastError = type(lastError) == "string" and lastError or nil,
        failingSinceS = type(lastError) == "string" and type(failedAt) == "number" and now - failedAt or nil
    }
end
return ____exports
