local ____lualib = require("lualib_bundle")
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["5"] = 5,["6"] = 6,["7"] = 6,["8"] = 7,["9"] = 7,["10"] = 8,["11"] = 8,["12"] = 9,["13"] = 10,["14"] = 10,["15"] = 10,["16"] = 10,["17"] = 10,["18"] = 10,["19"] = 11,["20"] = 13,["22"] = 15,["24"] = 17,["25"] = 19,["27"] = 22,["28"] = 23,["29"] = 24,["30"] = 25,["31"] = 25,["33"] = 26,["34"] = 27,["35"] = 28,["36"] = 28,["38"] = 29,["39"] = 30,["40"] = 30,["42"] = 31,["43"] = 32,["44"] = 32,["45"] = 32,["46"] = 32,["47"] = 32,["48"] = 32,["49"] = 22,["50"] = 35,["51"] = 36,["52"] = 37,["53"] = 38,["54"] = 39,["55"] = 40,["57"] = 35,["58"] = 44,["59"] = 45,["62"] = 46,["63"] = 46,["64"] = 46,["65"] = 47,["66"] = 48,["69"] = 49,["70"] = 50,["71"] = 50,["72"] = 51,["73"] = 52,["74"] = 53,["75"] = 53,["76"] = 53,["77"] = 53,["79"] = 46,["80"] = 46,["81"] = 44,["83"] = 59,["84"] = 60,["85"] = 61,["86"] = 61,["87"] = 61,["88"] = 61,["89"] = 59});
local ____exports = {}
local config = require("config")
local ____snapshot = require("core.snapshot")
local buildSnapshot = ____snapshot.buildSnapshot
local ____guard = require("hooks.guard")
local guard = ____guard.guard
local ____lease = require("lease")
local holdLease = ____lease.holdLease
local db = require("cluster.db")
local ____queries = require("cluster.queries")
local MONITORS_SQL = ____queries.MONITORS_SQL
local NODES_SQL = ____queries.NODES_SQL
local SETUP_SQL = ____queries.SETUP_SQL
local monitorRows = ____queries.monitorRows
local nodeRows = ____queries.nodeRows
local store = require("cluster.snapshot_store")
local LEASE = "snapshot-sync"
--- A dead holder's lease lapses after this many intervals; then another worker syncs.
local LEASE_INTERVALS = 3
--- While the database stays down, repeat the error at most this often (seconds).
local REPEAT_ERROR_EVERY_S = 60
local lastErrorLogAt = 0
--- One sync: read, build, publish. Returns the published version or an error.
function ____exports.syncOnce()
    local nodesRes = db.query(NODES_SQL)
    local nodes = nodeRows(nodesRes)
    if nodes == nil then
        return nil, nodesRes.error or "nodes: no rows"
    end
    local monitorsRes = db.query(MONITORS_SQL)
    local monitors = monitorRows(monitorsRes)
    if monitors == nil then
        return nil, monitorsRes.error or "monitors: no rows"
    end
    local setupRes = db.query(SETUP_SQL)
    if setupRes.rows == nil then
        return nil, setupRes.error or "setup: no rows"
    end
    local setupComplete = #setupRes.rows > 0 and db.num(setupRes.rows[1].setup_complete, 0) == 1
    return store.publish(buildSnapshot(
        nodes,
        monitors,
        setupComplete,
        config.get().hostRules
    ))
end
local function reportFailure(err)
    local first = store.markFailed(err)
    local now = ngx.now()
    if first or now - lastErrorLogAt >= REPEAT_ERROR_EVERY_S then
        lastErrorLogAt = now
        ngx.log(ngx.ERR, "snapshot sync failed, routing from the last snapshot: " .. err)
    end
end
local function tick(premature)
    if premature then
        return
    end
    guard(
        "snapshot sync",
        function()
            local interval = config.get().router.syncIntervalS
            if not holdLease(LEASE, interval * LEASE_INTERVALS) then
                return
            end
            local version, err = ____exports.syncOnce()
            if version == nil then
                reportFailure(err or "unknown error")
            elseif lastErrorLogAt > 0 then
                lastErrorLogAt = 0
                ngx.log(
                    ngx.NOTICE,
                    "snapshot sync recovered at version " .. tostring(version)
                )
            end
        end
    )
end
--- init_worker: every worker ticks; only the lease holder reads the database.
function ____exports.start()
    ngx.timer.at(0, tick)
    ngx.timer.every(
        config.get().router.syncIntervalS,
        tick
    )
end
return ____exports
