local ____lualib = require("lualib_bundle")
local __TS__New = ____lualib.__TS__New
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["7"] = 16,["8"] = 10,["9"] = 11,["10"] = 11,["11"] = 13,["12"] = 13,["13"] = 14,["14"] = 14,["15"] = 55,["16"] = 56,["17"] = 57,["18"] = 57,["20"] = 58,["21"] = 58,["23"] = 59,["24"] = 60,["25"] = 60,["27"] = 61,["28"] = 62,["29"] = 63,["30"] = 63,["31"] = 63,["32"] = 63,["33"] = 64,["35"] = 66,["37"] = 69,["38"] = 70,["39"] = 71,["40"] = 72,["43"] = 73,["44"] = 73,["46"] = 74,["47"] = 74,["49"] = 75,["50"] = 76,["51"] = 77,["52"] = 78,["55"] = 80,["56"] = 81,["59"] = 86,["60"] = 87,["61"] = 88,["62"] = 88,["64"] = 89,["65"] = 90,["66"] = 91,["67"] = 91,["69"] = 92,["70"] = 93,["71"] = 93,["73"] = 94,["74"] = 95,["75"] = 96,["78"] = 126,["79"] = 126,["80"] = 126,["82"] = 127,["83"] = 128,["84"] = 128,["86"] = 129,["87"] = 130,["88"] = 131,["89"] = 132,["91"] = 134,["92"] = 135,["93"] = 136,["94"] = 137,["95"] = 126,["96"] = 140,["97"] = 141,["98"] = 141,["99"] = 141,["100"] = 141,["101"] = 142,["103"] = 16,["104"] = 17,["105"] = 18,["106"] = 19,["107"] = 20,["108"] = 28,["109"] = 30,["110"] = 31,["111"] = 37,["113"] = 44,["114"] = 45,["115"] = 46,["116"] = 46,["118"] = 47,["119"] = 44,["122"] = 103,["123"] = 104,["124"] = 105,["125"] = 106,["126"] = 103,["130"] = 114,["131"] = 115,["132"] = 120,["133"] = 120,["135"] = 121,["136"] = 122,["137"] = 114,["139"] = 146,["140"] = 147,["141"] = 148,["142"] = 149,["143"] = 149,["144"] = 149,["145"] = 149,["146"] = 149,["148"] = 150,["149"] = 146,["150"] = 163,["151"] = 164,["152"] = 165,["153"] = 163,["154"] = 168,["155"] = 169,["156"] = 170,["157"] = 171,["158"] = 172,["159"] = 173,["160"] = 174,["161"] = 174,["162"] = 174,["163"] = 174,["164"] = 174,["165"] = 174,["166"] = 174,["167"] = 168});
local ____exports = {}
local fetchPart, reload, storePart, markSynced, VERSION, SYNCED_AT, LAST_ERROR, versionWatch, NODES, MONITORS, ____local, localVersion, localNodes, localNodesDigest, localMonitors, localMonitorsDigest
local cjson = require("cjson.safe")
local ____snapshot = require("core.snapshot")
local indexNodes = ____snapshot.indexNodes
local ____dicts = require("dicts")
local dict = ____dicts.snapshotDict
local ____version_watch = require("version_watch")
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
--- Stores the node list beside the stored monitor maps (the monitors did not change). Returns the version.
function ____exports.publishNodes(part, monitorsChanged)
    if monitorsChanged == nil then
        monitorsChanged = false
    end
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
    local monitorsChanged, monitorsErr = storePart(MONITORS, {ownerOf = stored.ownerOf, monitorOfToken = stored.monitorOfToken, monitorCount = stored.monitorCount})
    if monitorsChanged == nil then
        return nil, monitorsErr
    end
    dict:set(MONITORS_SOURCE, source)
    return ____exports.publishNodes(stored, monitorsChanged)
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
        bytes = partBytes(NODES) + partBytes(MONITORS),
        lastError = type(lastError) == "string" and lastError or nil,
        failingSinceS = type(lastError) == "string" and type(failedAt) == "number" and now - failedAt or nil
    }
end
return ____exports
