// The supervisor's row in kuma_cluster_agent (node/src/schema.ts): whether its node takes
// over moved monitors at once ('trigger') or on the fork's minute timer ('timer'), and why.
// The router shows it in /lb/status. UTC, like every other timestamp of the cluster.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ResultSetHeader } from "mysql2/promise";
import type { Db } from "./registry";

export type HandoverMode = "trigger" | "timer";

const DETAIL_LIMIT = 255;

/** The package's version, from node/package.json (the same layout in the repository and the image). */
export function agentVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "..", "node", "package.json"), "utf8")) as { version?: unknown };
    return typeof pkg.version === "string" ? pkg.version.slice(0, 40) : "unknown";
  } catch {
    return "unknown";
  }
}

/** Inserts or replaces the row's mode and detail; seen now. */
export async function writeAgent(db: Db, nodeId: string, mode: HandoverMode, detail: string, version: string): Promise<void> {
  await db.execute<ResultSetHeader>(
    `INSERT INTO kuma_cluster_agent (node_id, handover, detail, agent_version, seen_at)
     VALUES (?, ?, ?, ?, UTC_TIMESTAMP(3))
     ON DUPLICATE KEY UPDATE handover = VALUES(handover), detail = VALUES(detail),
       agent_version = VALUES(agent_version), seen_at = VALUES(seen_at)`,
    [nodeId, mode, detail.slice(0, DETAIL_LIMIT), version],
  );
}

/** seen_at = now; false when the row is missing (the caller writes it again). */
export async function touchAgent(db: Db, nodeId: string): Promise<boolean> {
  const [result] = await db.execute<ResultSetHeader>("UPDATE kuma_cluster_agent SET seen_at = UTC_TIMESTAMP(3) WHERE node_id = ?", [
    nodeId,
  ]);
  return result.affectedRows > 0;
}

export async function recordReconcile(db: Db, nodeId: string, tookMs: number): Promise<void> {
  await db.execute<ResultSetHeader>(
    "UPDATE kuma_cluster_agent SET last_reconcile_at = UTC_TIMESTAMP(3), last_reconcile_ms = ?, seen_at = UTC_TIMESTAMP(3) WHERE node_id = ?",
    [Math.round(tookMs), nodeId],
  );
}
