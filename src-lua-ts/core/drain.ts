// Draining a node (docs/health.md, "Drain"): a drained node takes no new sessions, and the
// writer hands its monitors over as it would a down node's (core/failover.ts); undraining
// brings them back once the node is confirmed up. The drain is a row in kuma_cluster_drain
// (core/router_tables.ts), written by the router's internal listener or by
// `kuma-cluster-node drain`. Pure: the path rule and the requester names.
import { isValidNodeId } from "./node_id";

/** Who asked: an operator's drain outlives restarts; a shutdown drain is cleared by the node's next start. */
export type DrainRequester = "operator" | "shutdown";

export interface DrainRequest {
  nodeId: string;
  drain: boolean;
}

const PREFIX = "/lb/nodes/";

/** `/lb/nodes/<id>/drain` or `/lb/nodes/<id>/undrain`; undefined for anything else or an invalid id. */
export function parseDrainPath(path: string): DrainRequest | undefined {
  if (path.substring(0, PREFIX.length) !== PREFIX) return undefined;
  const rest = path.substring(PREFIX.length);
  const slash = rest.indexOf("/");
  if (slash <= 0) return undefined;
  const nodeId = rest.substring(0, slash);
  const action = rest.substring(slash + 1);
  if (!isValidNodeId(nodeId) || (action !== "drain" && action !== "undrain")) return undefined;
  return { nodeId, drain: action === "drain" };
}
