local ____lualib = require("lualib_bundle")
local __TS__New = ____lualib.__TS__New
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["7"] = 17,["8"] = 10,["9"] = 11,["10"] = 11,["11"] = 13,["12"] = 13,["13"] = 14,["14"] = 14,["15"] = 54,["16"] = 55,["17"] = 56,["18"] = 56,["20"] = 57,["21"] = 57,["23"] = 58,["24"] = 59,["25"] = 59,["27"] = 60,["28"] = 61,["29"] = 62,["30"] = 62,["31"] = 62,["32"] = 62,["33"] = 63,["35"] = 65,["37"] = 68,["38"] = 69,["39"] = 70,["40"] = 71,["43"] = 72,["44"] = 72,["46"] = 73,["47"] = 73,["49"] = 74,["50"] = 75,["51"] = 76,["52"] = 77,["55"] = 79,["56"] = 80,["59"] = 119,["60"] = 120,["61"] = 120,["62"] = 120,["63"] = 120,["64"] = 121,["66"] = 16,["67"] = 17,["68"] = 18,["69"] = 19,["70"] = 27,["71"] = 29,["72"] = 30,["73"] = 36,["75"] = 43,["76"] = 44,["77"] = 45,["78"] = 45,["80"] = 46,["81"] = 43,["83"] = 85,["84"] = 86,["85"] = 87,["86"] = 87,["88"] = 88,["89"] = 89,["90"] = 90,["91"] = 90,["93"] = 91,["94"] = 92,["95"] = 92,["97"] = 93,["98"] = 94,["99"] = 95,["100"] = 85,["102"] = 99,["103"] = 100,["104"] = 105,["105"] = 105,["107"] = 106,["108"] = 107,["109"] = 107,["111"] = 108,["112"] = 109,["113"] = 110,["114"] = 111,["116"] = 113,["117"] = 114,["118"] = 115,["119"] = 116,["120"] = 99,["122"] = 125,["123"] = 126,["124"] = 127,["125"] = 128,["126"] = 128,["127"] = 128,["128"] = 128,["129"] = 128,["131"] = 129,["132"] = 125,["133"] = 142,["134"] = 143,["135"] = 144,["136"] = 142,["137"] = 147,["138"] = 148,["139"] = 149,["140"] = 150,["141"] = 151,["142"] = 152,["143"] = 153,["144"] = 153,["145"] = 153,["146"] = 153,["147"] = 153,["148"] = 153,["149"] = 153,["150"] = 147});
local ____exports = {}
local fetchPart, reload, markSynced, SYNCED_AT, LAST_ERROR, NODES, MONITORS, ____local, localVersion, localNodes, localNodesDigest, localMonitors, localMonitorsDigest
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
local versionWatch = __TS__New(VersionWatch, dict, VERSION)
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
--- Encodes one part; true when its content differs from what is stored (then stored).
local function storePart(part, value)
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
--- Stores a new snapshot; unchanged content only refreshes its age. Returns the version.
function ____exports.publish(stored)
    local monitorsChanged, monitorsErr = storePart(MONITORS, {ownerOf = stored.ownerOf, monitorOfToken = stored.monitorOfToken, monitorCount = stored.monitorCount})
    if monitorsChanged == nil then
        return nil, monitorsErr
    end
    local nodesChanged, nodesErr = storePart(NODES, {nodes = stored.nodes, setupComplete = stored.setupComplete})
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
