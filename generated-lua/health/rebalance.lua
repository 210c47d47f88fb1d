local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__Delete = ____lualib.__TS__Delete
local __TS__ObjectKeys = ____lualib.__TS__ObjectKeys
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 6,["9"] = 7,["10"] = 8,["11"] = 8,["12"] = 9,["13"] = 9,["14"] = 10,["15"] = 10,["16"] = 10,["17"] = 10,["18"] = 10,["19"] = 12,["20"] = 12,["21"] = 12,["22"] = 12,["23"] = 12,["24"] = 13,["25"] = 13,["26"] = 13,["27"] = 13,["28"] = 14,["29"] = 14,["30"] = 15,["32"] = 18,["33"] = 19,["34"] = 21,["35"] = 22,["36"] = 23,["37"] = 23,["38"] = 23,["39"] = 23,["40"] = 24,["41"] = 25,["42"] = 25,["44"] = 26,["45"] = 26,["46"] = 26,["47"] = 26,["48"] = 27,["49"] = 28,["50"] = 28,["53"] = 30,["54"] = 30,["55"] = 30,["56"] = 30,["57"] = 31,["58"] = 32,["59"] = 32,["60"] = 32,["63"] = 34,["64"] = 35,["65"] = 35,["66"] = 35,["67"] = 34,["68"] = 34,["69"] = 34,["70"] = 34,["71"] = 34,["72"] = 40,["73"] = 41,["74"] = 42,["75"] = 42,["76"] = 42,["77"] = 42,["78"] = 43,["79"] = 43,["80"] = 43,["81"] = 43,["83"] = 45,["84"] = 46,["85"] = 46,["86"] = 46,["87"] = 46,["89"] = 48,["90"] = 21,["92"] = 52,["93"] = 53,["94"] = 54,["95"] = 55,["96"] = 55,["97"] = 55,["98"] = 55,["99"] = 57,["100"] = 58,["101"] = 58,["102"] = 58,["105"] = 59,["106"] = 60,["107"] = 60,["108"] = 60,["111"] = 61,["112"] = 62,["113"] = 63,["114"] = 64,["115"] = 64,["118"] = 66,["119"] = 66,["120"] = 66,["123"] = 68,["124"] = 68,["125"] = 68,["126"] = 68,["127"] = 69,["128"] = 70,["129"] = 70,["131"] = 71,["132"] = 71,["133"] = 71,["134"] = 71,["135"] = 71,["137"] = 72,["138"] = 73,["139"] = 73,["140"] = 73,["141"] = 73,["142"] = 74,["143"] = 52});
local ____exports = {}
local config = require("runtime.config")
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
local verdicts = require("health.verdicts")
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
    local registry = verdicts.registryNodes(snapshot)
    local work = failoverWork(
        registry,
        config.get().health
    )
    local foreign = {}
    for ____, n in ipairs(registry) do
        if n.foreign == true then
            foreign[n.id] = true
        end
    end
    local targets = {}
    for ____, id in ipairs(work.targets) do
        if foreign[id] ~= true then
            targets[#targets + 1] = id
        end
    end
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
        targets,
        function(____, id) return {healthyForS = healthySince[id] == nil and -1 or now - healthySince[id]} end
    )
    local blocked = rebalanceBlocked(settings, nodes, #work.sources > 0, now - lastPassAt)
    if blocked ~= "" then
        return 0
    end
    if imbalance(servingLoads(
        snapshot.nodes,
        verdicts.downSet(snapshot.nodes)
    )) < settings.threshold then
        return 0
    end
    lastPassAt = now
    local moved = inTransaction(
        "rebalance",
        function() return pass(targets) end
    )
    return moved == nil and -1 or moved
end
return ____exports
