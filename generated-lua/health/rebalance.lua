local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__Delete = ____lualib.__TS__Delete
local __TS__ObjectKeys = ____lualib.__TS__ObjectKeys
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 6,["9"] = 7,["10"] = 8,["11"] = 8,["12"] = 9,["13"] = 9,["14"] = 10,["15"] = 10,["16"] = 10,["17"] = 10,["18"] = 10,["19"] = 12,["20"] = 12,["21"] = 12,["22"] = 12,["23"] = 12,["24"] = 13,["25"] = 13,["26"] = 13,["27"] = 13,["28"] = 14,["29"] = 14,["30"] = 15,["31"] = 16,["32"] = 16,["34"] = 19,["35"] = 20,["36"] = 22,["37"] = 23,["38"] = 24,["39"] = 24,["40"] = 24,["41"] = 24,["42"] = 25,["43"] = 26,["44"] = 26,["46"] = 27,["47"] = 27,["48"] = 27,["49"] = 27,["50"] = 28,["51"] = 29,["52"] = 29,["55"] = 31,["56"] = 31,["57"] = 31,["58"] = 31,["59"] = 32,["60"] = 33,["61"] = 33,["62"] = 33,["65"] = 35,["66"] = 35,["67"] = 35,["68"] = 35,["69"] = 35,["70"] = 35,["71"] = 35,["72"] = 35,["73"] = 35,["74"] = 36,["75"] = 37,["76"] = 38,["77"] = 38,["78"] = 38,["79"] = 38,["80"] = 39,["81"] = 39,["82"] = 39,["83"] = 39,["85"] = 41,["86"] = 42,["87"] = 42,["88"] = 42,["89"] = 42,["91"] = 44,["92"] = 22,["94"] = 48,["95"] = 49,["96"] = 50,["97"] = 50,["98"] = 50,["99"] = 50,["100"] = 51,["101"] = 52,["102"] = 53,["103"] = 54,["104"] = 54,["107"] = 56,["108"] = 56,["109"] = 56,["112"] = 58,["113"] = 58,["114"] = 58,["115"] = 58,["116"] = 59,["117"] = 60,["118"] = 60,["120"] = 61,["121"] = 61,["122"] = 61,["123"] = 61,["124"] = 61,["126"] = 62,["127"] = 63,["128"] = 63,["129"] = 63,["130"] = 63,["131"] = 64,["132"] = 48});
local ____exports = {}
local config = require("config")
local db = require("cluster.db")
local ____failover = require("core.failover")
local failoverWork = ____failover.failoverWork
local ____ownership = require("core.ownership")
local groupMoves = ____ownership.groupMoves
local ____rebalance = require("core.rebalance")
local imbalance = ____rebalance.imbalance
local planRebalance = ____rebalance.planRebalance
local rebalanceBlocked = ____rebalance.rebalanceBlocked
local servingLoads = ____rebalance.servingLoads
local ____move_sql = require("health.move_sql")
local expiredRebalancesSql = ____move_sql.expiredRebalancesSql
local movableSql = ____move_sql.movableSql
local rebalanceRecordSql = ____move_sql.rebalanceRecordSql
local rebalanceSql = ____move_sql.rebalanceSql
local ____move_tx = require("health.move_tx")
local affected = ____move_tx.affected
local inTransaction = ____move_tx.inTransaction
local run = ____move_tx.run
local ____registry_sql = require("health.registry_sql")
local loadsSql = ____registry_sql.loadsSql
local state = require("health.state")
local ____view = require("health.view")
local downSet = ____view.downSet
--- node id -> when this worker first saw it confirmed up (reset when it is not).
local healthySince = {}
local lastPassAt = 0
local function pass(targets)
    local settings = config.get().rebalance
    affected(
        expiredRebalancesSql(settings.cooldownS),
        "expired rebalances"
    )
    local byId = {}
    for ____, id in ipairs(targets) do
        byId[id] = {id = id, load = 0, movable = {}}
    end
    for ____, r in ipairs(run(
        loadsSql(targets),
        "loads"
    ).rows or ({})) do
        local n = byId[db.text(r.owner)]
        if n ~= nil then
            n.load = db.num(r.n, 0)
        end
    end
    for ____, r in ipairs(run(
        movableSql(targets, settings.cooldownS),
        "movable"
    ).rows or ({})) do
        local n = byId[db.text(r.node_id)]
        if n ~= nil then
            local ____n_movable_0 = n.movable
            ____n_movable_0[#____n_movable_0 + 1] = db.num(r.id, 0)
        end
    end
    local plan = planRebalance(
        __TS__ArrayMap(
            targets,
            function(____, id) return byId[id] end
        ),
        config.get().cluster.monitorLimitPerNode,
        settings.threshold,
        settings.batch
    )
    local moved = 0
    for ____, g in ipairs(groupMoves(plan.moves)) do
        moved = moved + affected(
            rebalanceSql(g.first.from, g.first.to, g.ids),
            "rebalance"
        )
        affected(
            rebalanceRecordSql(g.first.from, g.first.to, g.ids),
            "rebalance record"
        )
    end
    if moved > 0 then
        ngx.log(
            ngx.NOTICE,
            string.format("health writer: rebalanced %d monitors, imbalance %.2f -> %.2f", moved, plan.before, plan.after)
        )
    end
    return moved
end
--- One step: cheap unless a pass is due and the snapshot shows an imbalance. Returns monitors moved, or -1 on failure.
function ____exports.rebalanceStep(snapshot, now)
    local settings = config.get().rebalance
    local work = failoverWork(
        state.registryNodes(snapshot),
        config.get().health
    )
    local confirmed = {}
    for ____, id in ipairs(work.returning) do
        confirmed[id] = true
        if healthySince[id] == nil then
            healthySince[id] = now
        end
    end
    for ____, id in ipairs(__TS__ObjectKeys(healthySince)) do
        if confirmed[id] ~= true then
            __TS__Delete(healthySince, id)
        end
    end
    local nodes = __TS__ArrayMap(
        work.targets,
        function(____, id) return {healthyForS = healthySince[id] == nil and -1 or now - healthySince[id]} end
    )
    local blocked = rebalanceBlocked(settings, nodes, #work.sources > 0, now - lastPassAt)
    if blocked ~= "" then
        return 0
    end
    if imbalance(servingLoads(
        snapshot.nodes,
        downSet(snapshot.nodes)
    )) < settings.threshold then
        return 0
    end
    lastPassAt = now
    local moved = inTransaction(
        "rebalance",
        function() return pass(work.targets) end
    )
    return moved == nil and -1 or moved
end
return ____exports
