local ____lualib = require("lualib_bundle")
local __TS__ObjectAssign = ____lualib.__TS__ObjectAssign
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 16,["7"] = 10,["8"] = 11,["9"] = 11,["10"] = 13,["11"] = 13,["12"] = 51,["13"] = 52,["14"] = 53,["15"] = 53,["17"] = 54,["18"] = 54,["20"] = 55,["21"] = 56,["22"] = 56,["24"] = 57,["25"] = 58,["26"] = 59,["27"] = 59,["28"] = 59,["29"] = 59,["30"] = 60,["32"] = 62,["34"] = 65,["35"] = 66,["36"] = 67,["37"] = 68,["40"] = 69,["41"] = 69,["43"] = 70,["44"] = 70,["46"] = 71,["47"] = 72,["48"] = 73,["49"] = 74,["52"] = 76,["53"] = 77,["56"] = 115,["57"] = 116,["58"] = 116,["59"] = 116,["60"] = 116,["61"] = 117,["63"] = 15,["64"] = 16,["65"] = 17,["66"] = 18,["67"] = 26,["68"] = 27,["69"] = 33,["71"] = 40,["72"] = 41,["73"] = 42,["74"] = 42,["76"] = 43,["77"] = 40,["79"] = 82,["80"] = 83,["81"] = 84,["82"] = 84,["84"] = 85,["85"] = 86,["86"] = 87,["87"] = 87,["89"] = 88,["90"] = 89,["91"] = 89,["93"] = 90,["94"] = 91,["95"] = 92,["96"] = 82,["98"] = 96,["99"] = 97,["100"] = 102,["101"] = 102,["103"] = 103,["104"] = 104,["105"] = 104,["107"] = 105,["108"] = 106,["109"] = 107,["110"] = 108,["112"] = 110,["113"] = 111,["114"] = 112,["115"] = 96,["117"] = 121,["118"] = 122,["119"] = 123,["120"] = 124,["121"] = 124,["122"] = 124,["123"] = 124,["124"] = 124,["126"] = 125,["127"] = 121,["128"] = 138,["129"] = 139,["130"] = 140,["131"] = 138,["132"] = 143,["133"] = 144,["134"] = 145,["135"] = 146,["136"] = 147,["137"] = 148,["138"] = 149,["139"] = 149,["140"] = 149,["141"] = 149,["142"] = 149,["143"] = 149,["144"] = 149,["145"] = 143});
local ____exports = {}
local fetchPart, reload, markSynced, SYNCED_AT, LAST_ERROR, NODES, MONITORS, ____local, localVersion, localNodes, localNodesDigest, localMonitors, localMonitorsDigest
local cjson = require("cjson.safe")
local ____snapshot = require("core.snapshot")
local indexNodes = ____snapshot.indexNodes
local ____dicts = require("dicts")
local dict = ____dicts.snapshotDict
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
NODES = {data = "nodes", digest = "nodes_digest", bytes = "nodes_bytes"}
MONITORS = {data = "monitors", digest = "monitors_digest", bytes = "monitors_bytes"}
localVersion = 0
--- This worker's copy, refreshed when the shared version moved. One dict get per call.
function ____exports.current()
    local version = dict:get(VERSION)
    if type(version) == "number" and version ~= localVersion then
        reload(version)
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
