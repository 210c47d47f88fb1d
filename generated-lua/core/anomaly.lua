local ____lualib = require("lualib_bundle")
local __TS__Delete = ____lualib.__TS__Delete
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["7"] = 20,["9"] = 23,["10"] = 24,["11"] = 23,["14"] = 39,["15"] = 40,["16"] = 41,["17"] = 42,["18"] = 43,["20"] = 45,["21"] = 46,["22"] = 47,["23"] = 39,["25"] = 51,["26"] = 52,["27"] = 53,["28"] = 54,["29"] = 55,["30"] = 55,["33"] = 57,["34"] = 57,["36"] = 51,["37"] = 60,["39"] = 61,["40"] = 62,["42"] = 63,["44"] = 64,["46"] = 65,["48"] = 66,["50"] = 67,["52"] = 68,["54"] = 69,["57"] = 60,["59"] = 74,["60"] = 75,["61"] = 76,["62"] = 74,["64"] = 80,["65"] = 81,["66"] = 80});
local ____exports = {}
--- Seconds between two lines of one kind and node, per worker.
____exports.ANOMALY_LOG_INTERVAL_S = 10
--- The limiter's key: kind and node (the snapshot has no node).
function ____exports.anomalyKey(a)
    return a.kind == "stale-snapshot" and a.kind or (a.kind .. "|") .. a.node
end
--- Whether a line for `key` may be written at `now`: the number of lines held back since the
-- last one (to report with it), or undefined when this one is held back too.
function ____exports.admit(limiter, key, now, intervalS)
    local entry = limiter[key]
    if entry ~= nil and now < entry["until"] then
        entry.suppressed = entry.suppressed + 1
        return nil
    end
    local suppressed = entry == nil and 0 or entry.suppressed
    limiter[key] = {["until"] = now + intervalS, suppressed = 0}
    return suppressed
end
--- Drops entries whose interval passed with nothing held back (nodes that left the registry).
function ____exports.prune(limiter, now)
    local gone = {}
    for key in pairs(limiter) do
        local e = limiter[key]
        if now >= e["until"] and e.suppressed == 0 then
            gone[#gone + 1] = key
        end
    end
    for ____, key in ipairs(gone) do
        __TS__Delete(limiter, key)
    end
end
local function body(a)
    repeat
        local ____switch12 = a.kind
        local ____cond12 = ____switch12 == "all-down-fallback"
        if ____cond12 then
            return ((("all-down-fallback node=" .. a.node) .. " reason=") .. a.reason) .. ": every node failed the router's checks, routed by the registry alone"
        end
        ____cond12 = ____cond12 or ____switch12 == "retry"
        if ____cond12 then
            return ((((("retry node=" .. a.node) .. " to=") .. a.to) .. " reason=") .. a.reason) .. ": the first try failed (connect error or timeout), served by the retry node"
        end
        ____cond12 = ____cond12 or ____switch12 == "re-pin"
        if ____cond12 then
            return ((("re-pin node=" .. a.node) .. " from=") .. (a.from or "-")) .. ": the pinned node is down, browser pinned anew"
        end
        ____cond12 = ____cond12 or ____switch12 == "stale-snapshot"
        if ____cond12 then
            return ((("stale-snapshot version=" .. tostring(a.version)) .. " age=") .. tostring(math.floor(a.ageS))) .. "s: the registry cannot be read, routing from the last snapshot"
        end
    until true
end
--- The log line; `suppressed` lines of the same kind and node were held back since the last one.
function ____exports.describeAnomaly(a, suppressed)
    local tail = suppressed > 0 and (" (" .. tostring(suppressed)) .. " more held back since the last such line)" or ""
    return ("routing anomaly: " .. body(a)) .. tail
end
--- A snapshot older than this is stale: several sync intervals missed, at least 10 s.
function ____exports.staleAfterS(syncIntervalS)
    return math.max(10, 5 * syncIntervalS)
end
return ____exports
