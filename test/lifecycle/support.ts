// Small helpers of the lifecycle suite: requests through the router, the registry as rows, the
// router's status page, and waiting with a bound.
import type { RowDataPacket } from "mysql2/promise";
import type { Cluster } from "../../harness/cluster";
import { waitFor } from "../health/support";

export interface Routed {
  status: number;
  /** The node that answered (the stand-in's own X-Kuma-Node label). */
  node: string | null;
  routedTo: string | null;
  via: string | null;
  /** The node a Set-Cookie pins the browser to, if any. */
  pinnedTo: string | null;
}

export async function request(c: Cluster, path: string, options: { cookie?: string; method?: string } = {}): Promise<Routed> {
  const res = await fetch(`${c.router.publicUrl}${path}`, {
    method: options.method ?? "GET",
    headers: options.cookie === undefined ? {} : { Cookie: `KUMA_FIXED_NODE=${options.cookie}` },
    redirect: "manual",
    signal: AbortSignal.timeout(5_000),
  });
  await res.arrayBuffer();
  const pin = /^KUMA_FIXED_NODE=([^;]+);/.exec(res.headers.get("set-cookie") ?? "");
  return {
    status: res.status,
    node: res.headers.get("x-kuma-node"),
    routedTo: res.headers.get("x-routed-to"),
    via: res.headers.get("x-routed-via"),
    pinnedTo: pin === null ? null : pin[1],
  };
}

export interface NodeRow {
  nodeId: string;
  host: string | null;
  status: string;
  isPrimary: boolean;
  /** created_date as the database prints it. */
  created: string;
}

export async function registry(c: Cluster): Promise<NodeRow[]> {
  const [rows] = await c.db.query<RowDataPacket[]>(
    "SELECT node_id, host, status, is_primary, DATE_FORMAT(created_date, '%Y-%m-%d %H:%i:%s') AS created FROM node ORDER BY node_id",
  );
  return rows.map((r) => ({
    nodeId: String(r.node_id),
    host: r.host as string | null,
    status: String(r.status),
    isPrimary: Number(r.is_primary) === 1,
    created: String(r.created),
  }));
}

export async function registryRow(c: Cluster, nodeId: string): Promise<NodeRow | undefined> {
  return (await registry(c)).find((r) => r.nodeId === nodeId);
}

/** monitor id -> its effective owner, COALESCE(assigned_node, node_id), and whether it is assigned. */
export async function owners(c: Cluster, ids: readonly number[]): Promise<Map<number, { owner: string; assigned: boolean }>> {
  const [rows] = await c.db.query<RowDataPacket[]>(
    `SELECT id, node_id, assigned_node FROM monitor WHERE id IN (${ids.map(() => "?").join(",")})`,
    [...ids],
  );
  return new Map(rows.map((r) => [Number(r.id), { owner: String(r.assigned_node ?? r.node_id), assigned: r.assigned_node !== null }]));
}

/** Active monitors per effective owner. */
export async function loads(c: Cluster): Promise<Map<string, number>> {
  const [rows] = await c.db.query<RowDataPacket[]>(
    "SELECT COALESCE(assigned_node, node_id) AS owner, COUNT(*) AS n FROM monitor WHERE active = 1 GROUP BY owner",
  );
  return new Map(rows.map((r) => [String(r.owner), Number(r.n)]));
}

/** /lb/status, the parts these tests read. */
export interface LbStatus {
  environment: string;
  nodes: { id: string; host: string | null; registry: string; health: string; primary: boolean; index: number | null; owned: number }[];
  checks: { nodes: Record<string, { down: boolean; successes: number; failures: number; lastProbe?: string }> };
}

export async function lbStatus(c: Cluster): Promise<LbStatus> {
  const res = await fetch(`${c.router.statusUrl}/lb/status`, { signal: AbortSignal.timeout(5_000) });
  return (await res.json()) as LbStatus;
}

/** Polls `check` until it holds; returns the ms it took, or throws naming `what` after timeoutMs. */
export async function within(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  await waitFor(what, async () => ((await check()) ? true : undefined), timeoutMs, 25);
  return Date.now() - started;
}
