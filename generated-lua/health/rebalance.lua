local ____lualib = require("lualib_bundle")
local __TS__ArrayMap = ____lualib.__TS__ArrayMap
local __TS__Delete = ____lualib.__TS__Delete
local __TS__ObjectKeys = ____lualib.__TS__ObjectKeys
local __TS__SourceMapTraceBack = ____lualib.__TS__SourceMapTraceBack
__TS__SourceMapTraceBack(debug.getinfo(1).short_src, {["8"] = 6,["9"] = 7,["10"] = 8,["11"] = 8,["12"] = 9,["13"] = 9,["14"] = 9,["15"] = 9,["16"] = 9,["17"] = 11,["18"] = 11,["19"] = 11,["20"] = 11,["21"] = 11,["22"] = 12,["23"] = 12,["24"] = 12,["25"] = 12,["26"] = 13,["27"] = 13,["28"] = 14,["29"] = 15,["30"] = 15,["32"] = 18,["33"] = 19,["34"] = 21,["35"] = 22,["36"] = 23,["37"] = 23,["38"] = 23,["39"] = 23,["40"] = 24,["41"] = 25,["42"] = 25,["44"] = 26,["45"] = 26,["46"] = 26,["47"] = 26,["48"] = 27,["49"] = 28,["50"] = 28,["53"] = 30,["54"] = 30,["55"] = 30,["56"] = 30,["57"] = 31,["58"] = 32,["59"] = 32,["60"] = 32,["63"] = 34,["64"] = 34,["65"] = 34,["66"] = 34,["67"] = 34,["68"] = 34,["69"] = 34,["70"] = 34,["71"] = 34,["72"] = 36,["73"] = 37,["74"] = 38,["75"] = 39,["76"] = 40,["77"] = 41,["78"] = 42,["80"] = 44,["81"] = 44,["83"] = 46,["84"] = 47,["85"] = 48,["86"] = 49,["87"] = 49,["88"] = 49,["89"] = 49,["90"] = 50,["91"] = 50,["92"] = 50,["93"] = 50,["95"] = 52,["96"] = 53,["97"] = 53,["98"] = 53,["99"] = 53,["101"] = 55,["102"] = 21,["104"] = 59,["105"] = 60,["106"] = 61,["107"] = 61,["108"] = 61,["109"] = 61,["110"] = 62,["111"] = 63,["112"] = 64,["113"] = 65,["114"] = 65,["117"] = 67,["118"] = 67,["119"] = 67,["122"] = 69,["123"] = 69,["124"] = 69,["125"] = 69,["126"] = 70,["127"] = 71,["128"] = 71,["130"] = 72,["131"] = 72,["132"] = 72,["133"] = 72,["134"] = 72,["136"] = 73,["137"] = 74,["138"] = 74,["139"] = 74,["140"] = 74,["141"] = 75,["142"] = 59});
local ____exports = {}
local config = require("config")
local db = require("cluster.db")
local ____failover = require("core.failover")
local failoverWork = ____failover.failoverWork
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
    local ____pairs = {}
    local keys = {}
    for ____, m in ipairs(plan.moves) do
        local key = (m.from .. " ") .. m.to
        if ____pairs[key] == nil then
            ____pairs[key] = {from = m.from, to = m.to, ids = {}}
            keys[#keys + 1] = key
        end
        local ____pairs_key_ids_1 = ____pairs[key].ids
        ____pairs_key_ids_1[#____pairs_key_ids_1 + 1] = m.id
    end
    local moved = 0
    for ____, key in ipairs(keys) do
        local p = ____pairs[key]
        moved = moved + affected(
            rebalanceSql(p.from, p.to, p.ids),
            "rebalance"
        )
        affected(
            rebalanceRecordSql(p.from, p.to, p.ids),
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
