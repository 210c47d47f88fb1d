local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 3,["7"] = 5,["10"] = 11,["11"] = 12,["12"] = 11,["13"] = 15,["14"] = 16,["15"] = 15,["17"] = 20,["18"] = 22,["19"] = 23,["20"] = 24,["21"] = 25,["22"] = 26,["23"] = 27,["24"] = 28,["26"] = 30,["27"] = 22,["28"] = 33,["29"] = 34,["30"] = 36,["31"] = 37,["32"] = 36,["34"] = 41,["35"] = 42,["36"] = 41});
local ____exports = {}
____exports.FIXED_NODE_COOKIE = "KUMA_FIXED_NODE"
--- Seven days, as the cluster fork's router pinned browsers.
____exports.FIXED_NODE_MAX_AGE_S = 7 * 24 * 3600
--- True when the request reached us over TLS, directly or through a TLS-terminating proxy that
-- says so: nginx/http.conf folds $https and X-Forwarded-Proto into one variable (one read).
local function overTls()
    return ngx.var.kuma_over_tls == "on"
end
local function attributes(maxAge, secure)
    return (("; Path=/; Max-Age=" .. tostring(maxAge)) .. "; HttpOnly; SameSite=Lax") .. (secure and "; Secure" or "")
end
--- Set-Cookie values by node id, plain and Secure: built once, as a new session asks for one.
local pins = {{}, {}}
function ____exports.pinHeader(nodeId)
    local secure = overTls()
    local byNode = pins[(secure and 1 or 0) + 1]
    local header = byNode[nodeId]
    if header == nil then
        header = ((____exports.FIXED_NODE_COOKIE .. "=") .. nodeId) .. attributes(____exports.FIXED_NODE_MAX_AGE_S, secure)
        byNode[nodeId] = header
    end
    return header
end
local CLEAR = (____exports.FIXED_NODE_COOKIE .. "=") .. attributes(0, false)
local CLEAR_SECURE = (____exports.FIXED_NODE_COOKIE .. "=") .. attributes(0, true)
function ____exports.clearHeader()
    return overTls() and CLEAR_SECURE or CLEAR
end
--- The raw cookie value (the first one when the header repeats it).
function ____exports.fixedNodeOf()
    return ngx.var.cookie_KUMA_FIXED_NODE
end
return ____exports
