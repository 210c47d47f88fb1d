local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 9,["6"] = 4,["7"] = 5,["8"] = 5,["9"] = 6,["10"] = 6,["11"] = 25,["12"] = 26,["13"] = 27,["16"] = 28,["17"] = 29,["18"] = 30,["19"] = 30,["20"] = 30,["21"] = 30,["24"] = 33,["25"] = 34,["27"] = 56,["28"] = 57,["29"] = 57,["30"] = 57,["31"] = 57,["32"] = 58,["34"] = 8,["35"] = 9,["36"] = 10,["37"] = 11,["38"] = 12,["39"] = 13,["40"] = 16,["42"] = 19,["43"] = 20,["44"] = 21,["45"] = 21,["47"] = 22,["48"] = 19,["50"] = 38,["51"] = 39,["52"] = 40,["53"] = 40,["55"] = 41,["56"] = 42,["57"] = 43,["58"] = 44,["59"] = 45,["60"] = 46,["62"] = 48,["63"] = 49,["64"] = 49,["66"] = 50,["67"] = 51,["68"] = 52,["69"] = 53,["70"] = 38,["72"] = 62,["73"] = 63,["74"] = 64,["75"] = 65,["76"] = 65,["77"] = 65,["78"] = 65,["79"] = 65,["81"] = 66,["82"] = 62,["83"] = 78,["84"] = 79,["85"] = 80,["86"] = 81,["87"] = 82,["88"] = 83,["89"] = 84,["90"] = 85,["91"] = 85,["92"] = 85,["93"] = 85,["94"] = 85,["95"] = 85,["96"] = 85,["97"] = 78});
local ____exports = {}
local reload, markSynced, DATA, SYNCED_AT, LAST_ERROR, ____local, localVersion
local cjson = require("cjson.safe")
local ____snapshot = require("core.snapshot")
local indexNodes = ____snapshot.indexNodes
local ____dicts = require("dicts")
local dict = ____dicts.snapshotDict
function reload(version)
    local data = dict:get(DATA)
    if type(data) ~= "string" then
        return
    end
    local decoded, err = cjson.decode(data)
    if decoded == nil then
        ngx.log(
            ngx.ERR,
            (("snapshot version " .. tostring(version)) .. " does not decode: ") .. tostring(err)
        )
        return
    end
    ____local = indexNodes(decoded)
    localVersion = version
end
function markSynced()
    dict:set(
        SYNCED_AT,
        ngx.now()
    )
    dict:delete(LAST_ERROR)
end
local VERSION = "version"
DATA = "data"
local DIGEST = "digest"
SYNCED_AT = "synced_at"
LAST_ERROR = "last_error"
local FAILED_AT = "failed_at"
localVersion = 0
--- This worker's copy, refreshed when the shared version moved. One dict get per call.
function ____exports.current()
    local version = dict:get(VERSION)
    if type(version) == "number" and version ~= localVersion then
        reload(version)
    end
    return ____local
end
--- Stores a new snapshot; unchanged content only refreshes its age. Returns the version.
function ____exports.publish(stored)
    local json, encErr = cjson.encode(stored)
    if json == nil then
        return nil, "encode: " .. tostring(encErr)
    end
    local digest = ngx.md5(json)
    local previous = dict:get(DIGEST)
    local version = dict:get(VERSION)
    if previous == digest and type(version) == "number" then
        markSynced()
        return version, nil
    end
    local ok, err = dict:safe_set(DATA, json)
    if not ok then
        return nil, (("storing " .. tostring(#json)) .. " bytes in kuma_snapshot: ") .. tostring(err)
    end
    dict:set(DIGEST, digest)
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
function ____exports.status()
    local version = dict:get(VERSION)
    local syncedAt = dict:get(SYNCED_AT)
    local data = dict:get(DATA)
    local lastError = dict:get(LAST_ERROR)
    local failedAt = dict:get(FAILED_AT)
    local now = ngx.now()
    return {
        version = type(version) == "number" and version or 0,
        ageS = type(syncedAt) == "number" and now - syncedAt or nil,
        bytes = type(data) == "string" and #data or 0,
        lastError = type(lastError) == "string" and lastError or nil,
        failingSinceS = type(lastError) == "string" and type(failedAt) == "number" and now - failedAt or nil
    }
end
return ____exports
