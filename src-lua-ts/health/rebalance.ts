// The writer's rebalance pass (core/rebalance.ts decides): in the writer's worker, under the
// cluster lock, once every healthy node has been confirmed up for REBALANCE_SETTLE and nothing
// is failing over. Moves change node_id for good, each recorded (kind 'rebalance') so the same
// monitor is not moved again within REBALANCE_COOLDOWN; the nodes' agents hand them over as
// after a failover (their assignment changed).
import * as config from "../runtime/config";
import * as db from "../cluster/db";
import { failoverWork } from "../core/failover";
import { groupMoves } from "../core/ownership";
import { BalanceNode, imbalance, planRebalance, rebalanceBlocked, servingLoads } from "../core/rebalance";
import { Snapshot } from "../core/snapshot";
import { expiredRebalancesSql, movableSql, rebalanceRecordSql, rebalanceSql } from "./move_sql";
import { affected, inTransaction, run } from "./move_tx";
import { loadsSql } from "./registry_sql";
import * as verdicts from "./verdicts";

/** node id -> when this worker first saw it confirmed up (reset when it is not). */
const healthySince: Record<string, number> = {};
let lastPassAt = 0;

function pass(targets: string[]): number {
  const settings = config.get().rebalance;
  affected(expiredRebalancesSql(settings.cooldownS), "expired rebalances");
  const byId: Record<string, BalanceNode> = {};
  for (const id of targets) byId[id] = { id, load: 0, movable: [] };
  for (const r of run(loadsSql(targets), "loads").rows ?? []) {
    const n = byId[db.text(r.owner)];
    if (n !== undefined) n.load = db.num(r.n, 0);
  }
  for (const r of run(movableSql(targets, settings.cooldownS), "movable").rows ?? []) {
    const n = byId[db.text(r.node_id)];
    if (n !== undefined) n.movable.push(db.num(r.id, 0));
  }
  const plan = planRebalance(
    targets.map((id) => byId[id]),
    config.get().cluster.monitorLimitPerNode,
    settings.threshold,
    settings.batch,
  );
  let moved = 0;
  for (const g of groupMoves(plan.moves)) {
    moved += affected(rebalanceSql(g.first.from, g.first.to, g.ids), "rebalance");
    affected(rebalanceRecordSql(g.first.from, g.first.to, g.ids), "rebalance record");
  }
  if (moved > 0) {
    ngx.log(ngx.NOTICE, string.format("health writer: rebalanced %d monitors, imbalance %.2f -> %.2f", moved, plan.before, plan.after));
  }
  return moved;
}

/** One step: cheap unless a pass is due and the snapshot shows an imbalance. Returns monitors moved, or -1 on failure. */
export function rebalanceStep(snapshot: Snapshot, now: number): number {
  const settings = config.get().rebalance;
  const registry = verdicts.registryNodes(snapshot);
  const work = failoverWork(registry, config.get().health);
  // Only this router's own nodes give or take: a drain may list foreign targets, a rebalance never.
  const foreign: Record<string, boolean> = {};
  for (const n of registry) if (n.foreign === true) foreign[n.id] = true;
  const targets: string[] = [];
  for (const id of work.targets) if (foreign[id] !== true) targets.push(id);
  const confirmed: Record<string, boolean> = {};
  for (const id of work.returning) {
    confirmed[id] = true;
    if (healthySince[id] === undefined) healthySince[id] = now;
  }
  for (const id of Object.keys(healthySince)) if (confirmed[id] !== true) delete healthySince[id];
  // Every target must be confirmed and settled: a node still coming up blocks the pass.
  const nodes = targets.map((id) => ({ healthyForS: healthySince[id] === undefined ? -1 : now - healthySince[id] }));
  const blocked = rebalanceBlocked(settings, nodes, work.sources.length > 0, now - lastPassAt);
  if (blocked !== "") return 0;
  if (imbalance(servingLoads(snapshot.nodes, verdicts.downSet(snapshot.nodes))) < settings.threshold) return 0;
  lastPassAt = now;
  const moved = inTransaction("rebalance", () => pass(targets));
  return moved === undefined ? -1 : moved;
}
