local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 3,["7"] = 5,["9"] = 8,["10"] = 9,["11"] = 8,["12"] = 12,["13"] = 13,["14"] = 12,["15"] = 16,["16"] = 17,["17"] = 16,["18"] = 20,["19"] = 21,["20"] = 20,["22"] = 25,["23"] = 26,["24"] = 25});
local ____exports = {}
____exports.FIXED_NODE_COOKIE = "KUMA_FIXED_NODE"
--- Seven days, as the cluster fork's router pinned browsers.
____exports.FIXED_NODE_MAX_AGE_S = 7 * 24 * 3600
--- True when the request reached us over TLS (directly, or through a TLS-terminating proxy).
local function overTls()
    return ngx.var.https == "on" or ngx.var.http_x_forwarded_proto == "https"
end
local function attributes(maxAge)
    return (("; Path=/; Max-Age=" .. tostring(maxAge)) .. "; HttpOnly; SameSite=Lax") .. (overTls() and "; Secure" or "")
end
function ____exports.pinHeader(nodeId)
    return ((____exports.FIXED_NODE_COOKIE .. "=") .. nodeId) .. attributes(____exports.FIXED_NODE_MAX_AGE_S)
end
function ____exports.clearHeader()
    return (____exports.FIXED_NODE_COOKIE .. "=") .. attributes(0)
end
--- The raw cookie value (the first one when the header repeats it).
function ____exports.fixedNodeOf()
    return ngx.var.cookie_KUMA_FIXED_NODE
end
return ____exports
