local ____lualib = require("lualib_bundle")
local __TS__StringCharAt = ____lualib.__TS__StringCharAt
local __TS__StringSubstring = ____lualib.__TS__StringSubstring
local __TS__ArrayFind = ____lualib.__TS__ArrayFind
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 6,["9"] = 7,["10"] = 8,["12"] = 20,["13"] = 21,["14"] = 22,["15"] = 20,["17"] = 26,["18"] = 27,["20"] = 29,["21"] = 29,["22"] = 30,["23"] = 30,["24"] = 30,["25"] = 30,["26"] = 31,["29"] = 32,["30"] = 29,["33"] = 34,["34"] = 26,["39"] = 43,["40"] = 44,["41"] = 44,["43"] = 45,["44"] = 45,["45"] = 45,["46"] = 45,["47"] = 45,["49"] = 46,["50"] = 47,["51"] = 48,["52"] = 49,["53"] = 50,["54"] = 50,["56"] = 51,["57"] = 52,["60"] = 54,["61"] = 54,["63"] = 55,["64"] = 55,["66"] = 56,["67"] = 43});
local ____exports = {}
local TYPE_A = 1
local TYPE_CNAME = 5
local RCODE_NXDOMAIN = 3
--- The name as records carry it: lower case, no trailing dot.
local function bare(name)
    local lower = string.lower(name)
    return __TS__StringCharAt(lower, #lower - 1) == "." and __TS__StringSubstring(lower, 0, #lower - 1) or lower
end
--- Follows the CNAME records of the answer from `qname`; returns the last name of the chain.
local function chainEnd(qname, answers)
    local name = bare(qname)
    do
        local hop = 0
        while hop < #answers do
            local next = __TS__ArrayFind(
                answers,
                function(____, r) return r.type == TYPE_CNAME and r.cname ~= nil and bare(r.name) == name end
            )
            if next == nil then
                break
            end
            name = bare(next.cname)
            hop = hop + 1
        end
    end
    return name
end
--- Reads the answer to an A query for `qname`. Among several A records the lowest address wins
-- (string order): a node is one process, so any of its addresses will do, and a stable pick keeps
-- keepalive pools and the status page steady when the server rotates its records.
-- The TTL is the smallest of the records used (a CNAME may expire before its target).
function ____exports.readReply(qname, answers)
    if answers.errcode == RCODE_NXDOMAIN then
        return {kind = "negative", error = "NXDOMAIN"}
    end
    if answers.errcode ~= nil then
        return {
            kind = "failure",
            error = ((("server error " .. tostring(answers.errcode)) .. " (") .. (answers.errstr or "unknown")) .. ")"
        }
    end
    local ____end = chainEnd(qname, answers)
    local address
    local ttl
    for ____, r in ipairs(answers) do
        if r.type == TYPE_CNAME or r.type == TYPE_A and bare(r.name) == ____end then
            ttl = ttl == nil and r.ttl or math.min(ttl, r.ttl)
        end
        if r.type == TYPE_A and r.address ~= nil and bare(r.name) == ____end and (address == nil or r.address < address) then
            address = r.address
        end
    end
    if address ~= nil then
        return {kind = "address", address = address, ttl = ttl or 0}
    end
    if ____end ~= bare(qname) then
        return {kind = "alias", target = ____end, ttl = ttl or 0}
    end
    return {kind = "negative", error = "no A record"}
end
return ____exports
