local ____lualib = require("lualib_bundle")
local __TS__New = ____lualib.__TS__New
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["7"] = 18,["8"] = 12,["9"] = 13,["10"] = 13,["11"] = 15,["12"] = 15,["13"] = 16,["14"] = 16,["15"] = 57,["16"] = 58,["17"] = 59,["18"] = 59,["20"] = 60,["21"] = 60,["23"] = 61,["24"] = 62,["25"] = 62,["27"] = 63,["28"] = 64,["29"] = 65,["30"] = 65,["31"] = 65,["32"] = 65,["33"] = 66,["35"] = 68,["37"] = 71,["38"] = 72,["39"] = 73,["40"] = 74,["43"] = 75,["44"] = 75,["46"] = 76,["47"] = 76,["49"] = 77,["50"] = 78,["51"] = 79,["52"] = 80,["55"] = 82,["56"] = 83,["59"] = 88,["60"] = 89,["61"] = 90,["62"] = 90,["64"] = 91,["65"] = 92,["66"] = 93,["67"] = 93,["69"] = 94,["70"] = 95,["71"] = 95,["73"] = 96,["74"] = 97,["75"] = 98,["77"] = 135,["78"] = 136,["79"] = 137,["80"] = 137,["82"] = 138,["83"] = 139,["84"] = 140,["85"] = 141,["87"] = 143,["88"] = 144,["89"] = 145,["90"] = 146,["92"] = 149,["93"] = 150,["94"] = 150,["95"] = 150,["96"] = 150,["97"] = 151,["99"] = 18,["100"] = 19,["101"] = 20,["102"] = 21,["103"] = 22,["104"] = 30,["105"] = 32,["106"] = 33,["107"] = 39,["109"] = 46,["110"] = 47,["111"] = 48,["112"] = 48,["114"] = 49,["115"] = 46,["118"] = 105,["119"] = 106,["120"] = 107,["121"] = 108,["122"] = 105,["126"] = 116,["127"] = 117,["128"] = 117,["129"] = 117,["130"] = 117,["131"] = 117,["132"] = 117,["133"] = 117,["134"] = 124,["135"] = 124,["137"] = 125,["138"] = 126,["139"] = 116,["141"] = 130,["142"] = 131,["143"] = 130,["145"] = 155,["146"] = 156,["147"] = 157,["148"] = 158,["149"] = 158,["150"] = 158,["151"] = 158,["152"] = 158,["154"] = 159,["155"] = 155,["156"] = 174,["157"] = 175,["158"] = 176,["159"] = 174,["160"] = 179,["161"] = 180,["162"] = 181,["163"] = 182,["164"] = 183,["165"] = 184,["166"] = 185,["167"] = 185,["168"] = 185,["169"] = 185,["170"] = 185,["171"] = 185,["172"] = 185,["173"] = 185,["174"] = 179});
local ____exports = {}
local fetchPart, reload, storePart, storeNodes, markSynced, VERSION, SYNCED_AT, LAST_ERROR, versionWatch, NODES, MONITORS, ____local, localVersion, localNodes, localNodesDigest, localMonitors, localMonitorsDigest
local cjson = require("cjson.safe")
local ____snapshot = require("core.snapshot")
local indexNodes = ____snapshot.indexNodes
local ____dicts = require("runtime.dicts")
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
VERSION = "version"
SYNCED_AT = "synced_at"
LAST_ERROR = "last_error"
local FAILED_AT = "failed_at"
local MONITORS_SOURCE = "monitors_source"
versionWatch = __TS__New(VersionWatch, dict, VERSION)
NODES = {data = "nodes", digest = "nodes_digest", bytes = "nodes_bytes"}
MONITORS = {data = "monitors", digest = "monitors_digest", bytes = "monitors_bytes"}
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
