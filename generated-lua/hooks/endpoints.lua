local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 2,["6"] = 3,["7"] = 4,["8"] = 4,["9"] = 6,["10"] = 7,["11"] = 8,["12"] = 9,["13"] = 10,["14"] = 11,["15"] = 6,["16"] = 14,["17"] = 15,["18"] = 15,["19"] = 15,["20"] = 15,["21"] = 14,["23"] = 19,["24"] = 20,["25"] = 20,["26"] = 20,["27"] = 21,["28"] = 22,["29"] = 22,["30"] = 22,["31"] = 22,["32"] = 22,["33"] = 22,["34"] = 22,["35"] = 22,["36"] = 22,["37"] = 22,["38"] = 22,["39"] = 20,["40"] = 20,["41"] = 19,["42"] = 32});
local ____exports = {}
local cjson = require("cjson.safe")
local config = require("config")
local ____guard = require("hooks.guard")
local guard = ____guard.guard
local function reply(status, body)
    ngx.status = status
    ngx.header["Content-Type"] = "application/json"
    ngx.header["Cache-Control"] = "no-store"
    local json = cjson.encode(body)
    ngx.say(json or "{}")
end
function ____exports.health()
    guard(
        "health",
        function() return reply(200, {status = "ok"}) end
    )
end
--- The effective configuration; secrets are redacted by config. Internal listener only.
function ____exports.config_()
    guard(
        "config",
        function()
            local s = config.get()
            reply(
                200,
                {
                    environment = s.environment,
                    variables = config.effectiveEnvironment(),
                    dns = s.dns,
                    health = s.health,
                    router = s.router,
                    cluster = s.cluster
                }
            )
        end
    )
end
____exports.config = ____exports.config_
return ____exports
