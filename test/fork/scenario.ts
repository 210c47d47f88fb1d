// Pieces the scale and cut-over scenarios share: owners from the database, monitors copied in
// SQL (as an import would add them; the nodes' agents have them started within seconds), and
// waiting until the fork's logs agree with the database.
import { randomBytes } from "node:crypto";
import type { Pool } from "mysql2/promise";
import { rows, until } from "./cluster";
import type { ForkNode } from "./fork-node";
import { coverage } from "./coverage";

/** Copies check rarely: a push monitor without pushes only marks itself down once per interval. */
const COPY_INTERVAL_S = 300;

export async function owners(c: { db: Pool }): Promise<Map<number, string>> {
  const found = await rows(c.db, "SELECT id, COALESCE(assigned_node, node_id) AS owner FROM monitor WHERE active = 1");
  return new Map(found.map((r) => [Number(r.id), String(r.owner)]));
}

export function loads(o: Map<number, string>, nodes: readonly string[]): number[] {
  const count = new Map<string, number>(nodes.map((n) => [n, 0]));
  for (const owner of o.values()) count.set(owner, (count.get(owner) ?? 0) + 1);
  return nodes.map((n) => count.get(n) ?? 0);
}

/** Copies of monitor `template` (all its columns but name, token and interval), owned by the same node. */
export async function copyMonitor(c: { db: Pool }, template: number, count: number, prefix: string): Promise<number[]> {
  const columns = (
    await rows(
      c.db,
      "SELECT COLUMN_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'monitor' ORDER BY ORDINAL_POSITION",
    )
  )
    .map((r) => String(r.c))
    .filter((col) => !["id", "name", "push_token", "interval"].includes(col))
    .map((col) => `\`${col}\``)
    .join(", ");
  const ids: number[] = [];
  for (let k = 0; k < count; k++) {
    const [result] = await c.db.query(
      `INSERT INTO monitor (name, push_token, \`interval\`, ${columns}) SELECT ?, ?, ?, ${columns} FROM monitor WHERE id = ?`,
      [`${prefix}-${k}`, randomBytes(8).toString("hex"), COPY_INTERVAL_S, template],
    );
    ids.push((result as { insertId: number }).insertId);
  }
  return ids;
}

/** Waits until the fork's logs show each monitor run by its owner in the database, and by no other node. */
export async function runWhereOwned(
  c: { db: Pool; nodes: readonly ForkNode[] },
  ids: readonly number[],
  since: number,
  timeoutMs: number,
): Promise<number> {
  return until(
    `monitors running where the database says`,
    timeoutMs,
    async () => {
      const o = await owners(c);
      const cov = coverage(c.nodes, ids, since, Date.now());
      const wrong = cov.filter((m) => m.runningAtEnd.length !== 1 || m.runningAtEnd[0] !== o.get(m.id));
      if (wrong.length === 0) return Date.now();
      throw new Error(
        `${wrong.length} not yet, e.g. ${wrong
          .slice(0, 3)
          .map((m) => `${m.id}: owner ${o.get(m.id)}, running on ${m.runningAtEnd.join("+") || "none"}`)
          .join("; ")}`,
      );
    },
    500,
  );
}
