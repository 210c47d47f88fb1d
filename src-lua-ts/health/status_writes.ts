// node.status write-back on the writer's session: this router's transitions, and stale nodes
// that fail their probes (core/health.ts planStatusWrites decides).
import * as config from "../runtime/config";
import { planStatusWrites } from "../core/health";
import { Snapshot } from "../core/snapshot";
import { statusSql } from "./registry_sql";
import * as session from "./writer_session";
import * as state from "./state";

/** node.status for pending transitions and stale nodes. Returns [rows written, failed]. */
export function writeStatuses(snapshot: Snapshot): [number, boolean] {
  const pending = state.pending();
  const plan = planStatusWrites(state.registryNodes(snapshot), pending, config.get().health.staleAfterS);
  for (const id of plan.settled) state.settle(id, pending[id]);
  let written = 0;
  for (const w of plan.writes) {
    const res = session.exec(statusSql(w.id, w.status));
    if (res.error !== undefined) {
      ngx.log(ngx.WARN, `health writer: node ${w.id} -> ${w.status}: ${res.error}`);
      return [written, true];
    }
    if (w.reason === "transition") state.settle(w.id, w.status);
    const rows = res.ok?.affected_rows ?? 0;
    written += rows;
    if (rows > 0) ngx.log(ngx.NOTICE, `health writer: node ${w.id} marked ${w.status} in the registry (${w.reason})`);
  }
  return [written, false];
}
