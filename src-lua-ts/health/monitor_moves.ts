// Monitors move in one transaction on the writer's session, with the router's record of each
// move (core/ownership.ts): moved monitors of a confirmed-up node come back, only where the
// router's write is still in place; a down node's go to the least-loaded healthy nodes within
// MONITOR_LIMIT_PER_NODE (core/failover.ts decides, with the loads read inside the transaction).
// Records an operator overtook are dropped unacted. An operator's override is never touched.
import * as config from "../runtime/config";
import * as db from "../cluster/db";
import { FailoverPlan, FailoverWork, SourceMonitor, failoverWork, planFailover } from "../core/failover";
import { RecordedMove, ReturnGroup, goneNodes, groupMoves, idsOf, planRecords } from "../core/ownership";
import { Snapshot } from "../core/snapshot";
import { RECORDS_SQL, forgetSql, recordSql, rehomeSql, returnSql } from "./move_sql";
import { assignSql, loadsSql, sourceMonitorsSql } from "./registry_sql";
import { affected, inTransaction, run } from "./move_tx";
import * as verdicts from "./verdicts";

export interface MoveOutcome {
  /** Monitors given away or returned. */
  moved: number;
  /** Records dropped because someone else changed the monitor's owner (or deleted it). */
  dropped: number;
  failed: boolean;
}

function readRecords(): RecordedMove[] {
  return (run(RECORDS_SQL, "records").rows ?? []).map((r) => ({
    monitorId: db.num(r.monitor_id, 0),
    from: db.text(r.from_node),
    to: db.text(r.to_node),
    present: db.num(r.present, 0) === 1,
    nodeId: db.text(r.node_id),
    assigned: db.text(r.assigned_node),
  }));
}

/** Writes the returns, then forgets their records; returns how many monitors changed. */
function applyReturns(groups: ReturnGroup[], why: string): number {
  let moved = 0;
  for (const g of groups) {
    const n = affected(returnSql(g.value, g.ids), "return");
    moved += n;
    if (n > 0) ngx.log(ngx.NOTICE, `health writer: ${n} monitors back to ${g.value === "" ? "their own node" : g.value} (${why})`);
  }
  forget(idsOf(groups));
  return moved;
}

/** Drops the records of `ids` that no longer describe their monitor; returns how many went. */
function forget(ids: number[]): number {
  return ids.length === 0 ? 0 : affected(forgetSql(ids), "forget");
}

function sourceMonitors(sources: string[], movedFrom: Record<string, string>): SourceMonitor[] {
  return (run(sourceMonitorsSql(sources), "monitors").rows ?? []).map((r) => {
    const id = db.num(r.id, 0);
    return { id, nodeId: db.text(r.node_id), assigned: db.text(r.assigned_node), movedFrom: movedFrom[`${id}`] };
  });
}

/** Gives each target its monitors and records each move; returns how many moved. */
function applyAssignments(plan: FailoverPlan, sources: string[]): number {
  let moved = 0;
  for (const target of Object.keys(plan.assign).sort()) {
    const n = affected(assignSql(target, plan.assign[target], sources), "assign");
    moved += n;
    ngx.log(ngx.NOTICE, `health writer: ${n} monitors of ${sources.join(",")} -> ${target}`);
  }
  // One statement per (from, to, kind): each record names where its monitor returns, and why it left.
  for (const g of groupMoves(plan.records, (e) => e.kind)) affected(recordSql(g.first.from, g.first.to, g.ids, g.first.kind), "record");
  return moved;
}

/** Gives moved monitors of gone nodes their temporary owner for good; returns how many changed. */
function applyRehome(ids: number[], gone: string[]): number {
  if (ids.length === 0) return 0;
  const n = affected(rehomeSql(ids), "rehome");
  forget(ids);
  if (n > 0)
    ngx.log(ngx.NOTICE, `health writer: ${n} monitors of ${gone.join(",")} re-homed for good (gone longer than STALE_NODE_TIMEOUT)`);
  return n;
}

function transaction({ sources, targets, returning, kinds }: FailoverWork, gone: string[]): Omit<MoveOutcome, "failed"> {
  const records = planRecords(readRecords(), returning, gone);
  const dropped = forget(records.drop);
  if (dropped > 0)
    ngx.log(ngx.NOTICE, `health writer: ${dropped} move records dropped: someone else changed their monitors' owner, or deleted them`);
  let moved = applyReturns(records.returns, `${returning.join(",")} confirmed up`);
  moved += applyRehome(records.rehome, gone);
  if (sources.length > 0) {
    const monitors = sourceMonitors(sources, records.movedFrom);
    const loads: Record<string, number> = {};
    for (const r of run(loadsSql(targets), "loads").rows ?? []) loads[db.text(r.owner)] = db.num(r.n, 0);
    const limit = config.get().cluster.monitorLimitPerNode;
    const plan = planFailover(monitors, targets, loads, limit, kinds);
    moved += applyReturns(plan.home, `their temporary owner ${sources.join(",")} is down or drained`);
    moved += applyAssignments(plan, sources);
    if (plan.stranded.length > 0) {
      ngx.log(
        ngx.WARN,
        `health writer: ${plan.stranded.length} monitors of ${sources.join(",")} stay put: every healthy node is at MONITOR_LIMIT_PER_NODE=${limit}`,
      );
    }
  }
  return { moved, dropped };
}

/** Failover and return in one transaction on the writer's session. */
export function moveMonitors(snapshot: Snapshot): MoveOutcome {
  const work = failoverWork(verdicts.registryNodes(snapshot), config.get().health);
  const gone = goneNodes(snapshot.nodes, Object.keys(snapshot.awayFrom ?? {}), config.get().health.staleAfterS);
  if (work.sources.length === 0 && work.returning.length === 0 && gone.length === 0) return { moved: 0, dropped: 0, failed: false };
  const outcome = inTransaction("monitor moves", () => transaction(work, gone));
  return outcome === undefined ? { moved: 0, dropped: 0, failed: true } : { ...outcome, failed: false };
}
