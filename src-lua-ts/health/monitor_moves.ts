// Monitors move in one transaction on the writer's session: a confirmed-up node's come home,
// a down node's go to the least-loaded healthy nodes within MONITOR_LIMIT_PER_NODE
// (core/failover.ts decides, with the loads read inside the transaction).
import * as config from "../config";
import * as db from "../cluster/db";
import { failoverWork, planFailover, SourceMonitor } from "../core/failover";
import { Snapshot } from "../core/snapshot";
import { assignSql, loadsSql, returnSql, sourceMonitorsSql } from "./registry_sql";
import * as session from "./writer_session";
import * as state from "./state";

function rollback(why: string): [number, boolean] {
  session.exec("ROLLBACK");
  ngx.log(ngx.WARN, `health writer: monitor moves rolled back: ${why}`);
  return [0, true];
}

/** Failover and return in one transaction on the writer's session. Returns [rows moved, failed]. */
export function moveMonitors(snapshot: Snapshot): [number, boolean] {
  const s = config.get();
  const work = failoverWork(state.registryNodes(snapshot), s.health);
  if (work.sources.length === 0 && work.returning.length === 0) return [0, false];
  const begin = session.exec("BEGIN");
  if (begin.error !== undefined) return [0, true];
  let moved = 0;
  if (work.returning.length > 0) {
    const res = session.exec(returnSql(work.returning));
    if (res.ok === undefined) return rollback(res.error ?? "return: no result");
    moved += res.ok.affected_rows;
    if (res.ok.affected_rows > 0) ngx.log(ngx.NOTICE, `health writer: ${res.ok.affected_rows} monitors returned to ${work.returning.join(",")}`);
  }
  if (work.sources.length > 0) {
    const monitorsRes = session.exec(sourceMonitorsSql(work.sources));
    if (monitorsRes.rows === undefined) return rollback(monitorsRes.error ?? "monitors: no rows");
    const monitors: SourceMonitor[] = monitorsRes.rows.map((r) => ({ id: db.num(r.id, 0), nodeId: db.text(r.node_id), assigned: db.text(r.assigned_node) }));
    const loadsRes = session.exec(loadsSql(work.targets));
    if (loadsRes.rows === undefined) return rollback(loadsRes.error ?? "loads: no rows");
    const loads: Record<string, number> = {};
    for (const r of loadsRes.rows) loads[db.text(r.owner)] = db.num(r.n, 0);
    const plan = planFailover(monitors, work.targets, loads, s.cluster.monitorLimitPerNode);
    // "" stands for "back to its own node" (assigned_node = NULL).
    const steps: { target: string; ids: number[] }[] = [];
    if (plan.home.length > 0) steps.push({ target: "", ids: plan.home });
    for (const target of Object.keys(plan.assign).sort()) steps.push({ target, ids: plan.assign[target] });
    for (const { target, ids } of steps) {
      const res = session.exec(assignSql(target === "" ? undefined : target, ids, work.sources));
      if (res.ok === undefined) return rollback(res.error ?? "assign: no result");
      moved += res.ok.affected_rows;
      ngx.log(ngx.NOTICE, `health writer: ${res.ok.affected_rows} monitors of ${work.sources.join(",")} -> ${target === "" ? "their own node" : target}`);
    }
    if (plan.stranded.length > 0) {
      ngx.log(ngx.WARN, `health writer: ${plan.stranded.length} monitors of ${work.sources.join(",")} stay put: every healthy node is at MONITOR_LIMIT_PER_NODE=${s.cluster.monitorLimitPerNode}`);
    }
  }
  const commit = session.exec("COMMIT");
  if (commit.error !== undefined) return rollback(commit.error);
  return [moved, false];
}
