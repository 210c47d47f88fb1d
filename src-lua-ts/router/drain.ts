// POST /lb/nodes/<id>/drain and /undrain on the internal listener (core/drain.ts): writes or
// deletes the node's row in kuma_cluster_drain, creating the table when an older database lacks
// it, then syncs, so this router routes by it at once (the others within one sync).
import * as db from "../cluster/db";
import * as store from "../cluster/snapshot_store";
import * as sync from "../cluster/sync";
import { parseDrainPath } from "../core/drain";
import { DRAIN_TABLE_DDL } from "../core/router_tables";
import { nodeOf } from "../core/snapshot";
import { quoteNodeId } from "../health/registry_sql";
import * as respond from "../runtime/respond";

/** An operator's drain: kept until undrained, whatever the node does meanwhile. */
function drainSql(nodeId: string): string {
  return (
    "INSERT INTO kuma_cluster_drain (node_id, requested_by, drained_at) " +
    `VALUES (${quoteNodeId(nodeId)}, 'operator', UTC_TIMESTAMP(3)) ` +
    "ON DUPLICATE KEY UPDATE requested_by = VALUES(requested_by)"
  );
}

function undrainSql(nodeId: string): string {
  return `DELETE FROM kuma_cluster_drain WHERE node_id = ${quoteNodeId(nodeId)}`;
}

/** The statement, once more after creating the table if it was missing. */
function write(sql: string): db.Result {
  const res = db.query(sql);
  if (res.errno !== db.NO_SUCH_TABLE) return res;
  const created = db.query(DRAIN_TABLE_DDL);
  return created.error !== undefined ? created : db.query(sql);
}

export function serve(): void {
  if (ngx.req.get_method() !== "POST") {
    ngx.header["Allow"] = "POST";
    return respond.json(405, { error: "method_not_allowed", message: "drain and undrain take POST" });
  }
  const request = parseDrainPath(ngx.var.uri ?? "");
  if (request === undefined) return respond.json(404, { error: "not_found", message: "expected /lb/nodes/<node id>/drain or /undrain" });
  const snapshot = store.current();
  if (snapshot === undefined)
    return respond.json(503, { error: "no_cluster_snapshot", message: "the node registry has not been read yet" });
  // Only registered nodes: a drain row for an unknown id would wait for any node taking that name.
  if (request.drain && nodeOf(snapshot, request.nodeId) === undefined) {
    return respond.json(404, { error: "unknown_node", message: "no registered node has this id" });
  }
  const res = write(request.drain ? drainSql(request.nodeId) : undrainSql(request.nodeId));
  if (res.error !== undefined) {
    ngx.log(ngx.ERR, `drain: ${request.nodeId}: ${res.error}`);
    return respond.json(503, { error: "database_unavailable", message: "the drain could not be written; try again" });
  }
  ngx.log(ngx.NOTICE, `drain: node ${request.nodeId} ${request.drain ? "drained" : "undrained"} by the internal listener`);
  sync.syncOnce();
  respond.json(200, { node: request.nodeId, drained: request.drain });
}
