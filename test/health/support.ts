// Helpers for the health e2e tests: the router's /lb/status, waiting on conditions, and a
// bounded load of concurrent GET clients (loopback only: the router under test).
import type { RowDataPacket } from "mysql2/promise";
import type { Cluster } from "../../harness/cluster";
import type { Router } from "../../harness/router";
import { assertLoopbackHost } from "../../harness/loopback";

export interface NodeCheck {
  down: boolean;
  successes: number;
  failures: number;
  lastProbe?: string;
}

export interface RouterStatus {
  nodes: { id: string; registry: string; health: string; owned: number }[];
  checks: { prober?: number; writer: boolean; writes: number; nodes: Record<string, NodeCheck> };
}

export async function routerStatus(router: Router): Promise<RouterStatus> {
  const res = await fetch(`${router.statusUrl}/lb/status`);
  return (await res.json()) as RouterStatus;
}

export async function verdict(router: Router, nodeId: string): Promise<"up" | "down" | undefined> {
  const check = (await routerStatus(router)).checks.nodes[nodeId];
  return check === undefined ? undefined : check.down ? "down" : "up";
}

/**
 * Lua errors in a router's error.log. nginx's own [error] lines about a dead upstream
 * (connect() failed, connection reset) are what these tests provoke, so they do not count.
 */
export function luaFailures(log: string): string[] {
  return log
    .split("\n")
    .filter((l) => (/\[(error|crit|alert|emerg)\]/.test(l) && l.includes("[lua]")) || /runtime error|stack traceback/.test(l));
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a value other than undefined; rejects after timeoutMs. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, stepMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(stepMs);
  }
}

/** monitor id -> assigned_node (null when the real owner has it). */
export async function assignments(c: Cluster, ids: number[]): Promise<Map<number, string | null>> {
  const [rows] = await c.db.query<RowDataPacket[]>(
    `SELECT id, assigned_node FROM monitor WHERE id IN (${ids.map(() => "?").join(",")})`,
    ids,
  );
  return new Map(rows.map((r) => [Number(r.id), r.assigned_node as string | null]));
}

export async function registryStatus(c: Cluster, nodeId: string): Promise<string | undefined> {
  const [rows] = await c.db.query<RowDataPacket[]>("SELECT status FROM node WHERE node_id = ?", [nodeId]);
  return rows.length === 0 ? undefined : String(rows[0].status);
}

export interface Sample {
  /** ms since the load started, when the request was sent. */
  sentAt: number;
  doneAt: number;
  status: number;
  routedTo: string | null;
  via: string | null;
  error?: string;
}

/** One client: a path to GET and an optional cookie jar, like a browser tab or a push sender. */
export interface ClientSpec {
  path: string;
  cookie?: string;
}

/**
 * `clients.length` concurrent GET loops through the router until stop(). Each keeps the
 * KUMA_FIXED_NODE cookie it is given, as a browser does.
 */
export class Load {
  readonly samples: Sample[] = [];
  readonly startedAt = Date.now();
  private running = true;
  private readonly loops: Promise<void>[];

  constructor(
    private readonly baseUrl: string,
    clients: ClientSpec[],
  ) {
    assertLoopbackHost(new URL(baseUrl).hostname);
    this.loops = clients.map((c) => this.loop({ ...c }));
  }

  now(): number {
    return Date.now() - this.startedAt;
  }

  private async loop(client: ClientSpec): Promise<void> {
    while (this.running) {
      const sentAt = this.now();
      try {
        const res = await fetch(`${this.baseUrl}${client.path}`, {
          headers: client.cookie === undefined ? {} : { Cookie: client.cookie },
          redirect: "manual",
          signal: AbortSignal.timeout(5000),
        });
        await res.arrayBuffer();
        const set = res.headers.get("set-cookie");
        const pinned = set === null ? null : /^KUMA_FIXED_NODE=([^;]*)/.exec(set);
        if (client.cookie !== undefined && pinned !== null) client.cookie = `KUMA_FIXED_NODE=${pinned[1]}`;
        this.samples.push({
          sentAt,
          doneAt: this.now(),
          status: res.status,
          routedTo: res.headers.get("x-routed-to"),
          via: res.headers.get("x-routed-via"),
        });
      } catch (e) {
        this.samples.push({ sentAt, doneAt: this.now(), status: 0, routedTo: null, via: null, error: String(e) });
        await sleep(10); // a refused connection fails at once: do not spin
      }
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  failed(): Sample[] {
    return this.samples.filter((s) => s.status !== 200);
  }
}
