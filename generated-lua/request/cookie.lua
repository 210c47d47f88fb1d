local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 3,["6"] = 3,["7"] = 5,["8"] = 6,["10"] = 8,["13"] = 14,["14"] = 15,["15"] = 14,["16"] = 18,["17"] = 19,["18"] = 18,["20"] = 23,["21"] = 25,["22"] = 26,["23"] = 27,["24"] = 28,["25"] = 29,["26"] = 30,["27"] = 31,["29"] = 33,["30"] = 25,["31"] = 36,["32"] = 37,["33"] = 39,["34"] = 40,["35"] = 39,["37"] = 44,["38"] = 45,["39"] = 44});
local ____exports = {}
local ____cookie_header = require("core.cookie_header")
local cookieValue = ____cookie_header.cookieValue
____exports.FIXED_NODE_COOKIE = "KUMA_FIXED_NODE"
local PAIR_PREFIX = ____exports.FIXED_NODE_COOKIE .. "="
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
--- The raw cookie value (the first one when the header repeats it); the name in exactly this case.
function ____exports.fixedNodeOf()
    return cookieValue(ngx.var.http_cookie, PAIR_PREFIX)
end
return ____exports
