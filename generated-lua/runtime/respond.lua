local ____lualib = require("lualib_bundle")
local __TS__StringSplit = ____lualib.__TS__StringSplit
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["6"] = 3,["9"] = 9,["10"] = 10,["12"] = 13,["13"] = 14,["14"] = 14,["16"] = 15,["17"] = 13,["18"] = 18,["19"] = 19,["20"] = 20,["21"] = 20,["22"] = 20,["23"] = 20,["24"] = 21,["25"] = 22,["26"] = 23,["27"] = 24,["28"] = 25,["29"] = 18});
local ____exports = {}
local cjson = require("cjson.safe")
--- Stands in for an empty list until encoded. An empty Lua table encodes as `{}`; OpenResty's
-- cjson has empty_array for `[]`, Debian's test runtime does not, so json() writes it itself.
local EMPTY_LIST = "kuma-empty-list"
local EMPTY_LIST_JSON = "\"\\u0001kuma-empty-list\\u0001\""
--- `items` as a JSON list, `[]` when empty (never `{}`).
function ____exports.list(items)
    if #items > 0 then
        return items
    end
    return cjson.empty_array or EMPTY_LIST
end
function ____exports.json(status, body)
    local encoded = cjson.encode(body)
    local text = encoded == nil and "{}" or table.concat(
        __TS__StringSplit(encoded, EMPTY_LIST_JSON),
        "[]"
    )
    ngx.status = status
    ngx.header["Content-Type"] = "application/json"
    ngx.header["Cache-Control"] = "no-store"
    ngx.say(text)
    ngx.exit(status)
end
return ____exports
