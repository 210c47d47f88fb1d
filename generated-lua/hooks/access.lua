local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 3,["6"] = 3,["7"] = 4,["8"] = 4,["9"] = 6,["10"] = 6,["11"] = 6,["12"] = 7,["13"] = 7,["14"] = 7,["15"] = 8,["16"] = 8,["17"] = 8,["19"] = 11,["20"] = 12,["21"] = 12,["23"] = 11,["25"] = 16,["26"] = 17,["27"] = 17,["29"] = 16,["31"] = 21,["32"] = 22,["33"] = 22,["35"] = 21});
local ____exports = {}
local ____access = require("router.access")
local route = ____access.route
local ____guard = require("runtime.guard")
local guard = ____guard.guard
local function monitorApi()
    return route(true, false)
end
local function socketIo()
    return route(false, true)
end
local function other()
    return route(false, false)
end
--- /api/: push, badge and REST monitor paths route to the monitor's owner.
function ____exports.api()
    if not guard("access", monitorApi) then
        ngx.exit(503)
    end
end
--- /socket.io/: the only WebSocket upgrades that reach a node.
function ____exports.socketio()
    if not guard("access", socketIo) then
        ngx.exit(503)
    end
end
--- Everything else: the browser's pages and assets.
function ____exports.run()
    if not guard("access", other) then
        ngx.exit(503)
    end
end
return ____exports
