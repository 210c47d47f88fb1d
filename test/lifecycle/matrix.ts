// The compatibility matrix of the two worlds: one row per concern, one column per world. Each cell is
// filled by the named tests declared for it with matrixTest; it passes only if every one of them
// ran and passed.
import { test } from "node:test";
import type { World } from "../../harness/cluster";

export interface Row {
  name: string;
  /** What each world is expected to show for this item, and the expected result. */
  plan: Record<World, string>;
  expected: string;
}

export const ROWS = [
  { name: "Node ID format", plan: { compose: "node1", kubernetes: "uptime-kuma-0" }, expected: "both recognized" },
  { name: "Primary", plan: { compose: "UPTIME_KUMA_PRIMARY=true", kubernetes: "pod index 0" }, expected: "determined correctly" },
  { name: "Node host", plan: { compose: "uptime-kuma-node1:3001", kubernetes: "FQDN" }, expected: "resolved correctly" },
  { name: "DNS resolution", plan: { compose: "127.0.0.11", kubernetes: "CoreDNS" }, expected: "resolves normally" },
  { name: "Health check", plan: { compose: "yes", kubernetes: "yes" }, expected: "works" },
  { name: "Monitor routing", plan: { compose: "yes", kubernetes: "yes" }, expected: "routed correctly" },
  { name: "Scaling", plan: { compose: "manual", kubernetes: "automatic" }, expected: "nodes register / deregister" },
  { name: "Failover", plan: { compose: "yes", kubernetes: "yes" }, expected: "monitors reassigned" },
] as const satisfies readonly Row[];

export type RowName = (typeof ROWS)[number]["name"];

export const WORLD_LABEL: Record<World, string> = { compose: "Docker Compose", kubernetes: "Kubernetes" };
const WORLDS: readonly World[] = ["compose", "kubernetes"];

type Outcome = "pass" | "fail";
const outcomes = new Map<string, Outcome>();
const key = (row: RowName, world: World): string => `${row}\u0000${world}`;

/** A failure is final: a later passing test of the same cell cannot hide it. */
function record(row: RowName, world: World, outcome: Outcome): void {
  if (outcomes.get(key(row, world)) !== "fail") outcomes.set(key(row, world), outcome);
}

export function cell(row: RowName, world: World): Outcome | "not run" {
  return outcomes.get(key(row, world)) ?? "not run";
}

/**
 * A named test (inside the current describe) that fills one cell. The time limit is enforced
 * here rather than by node:test, so a test that times out is recorded as failed.
 */
export function matrixTest(world: World, row: RowName, title: string, timeoutMs: number, body: () => Promise<void>): void {
  test(`${row}: ${title}`, async () => {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${row} (${WORLD_LABEL[world]}): no result within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([body(), limit]);
      record(row, world, "pass");
    } catch (err) {
      record(row, world, "fail");
      throw err;
    } finally {
      clearTimeout(timer);
    }
  });
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - text.length));
}

/** The matrix as a text table: rows x {Docker Compose, Kubernetes}, then the expected cells (docs/routing.md#two-worlds). */
export function renderMatrix(): string {
  const shown = (row: RowName, world: World): string => {
    const outcome = cell(row, world);
    return outcome === "fail" ? "FAIL" : outcome;
  };
  const header = ["test item", ...WORLDS.map((w) => WORLD_LABEL[w]), "expected (Compose / Kubernetes: expected)"];
  const body = ROWS.map((row) => [
    row.name,
    ...WORLDS.map((w) => shown(row.name, w)),
    `${row.plan.compose} / ${row.plan.kubernetes}: ${row.expected}`,
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((r) => r[c].length)));
  const line = (cells: string[]): string => `| ${cells.map((t, c) => pad(t, widths[c])).join(" | ")} |`;
  const rule = `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`;
  const total = ROWS.length * WORLDS.length;
  const passed = ROWS.reduce((n, row) => n + WORLDS.filter((w) => cell(row.name, w) === "pass").length, 0);
  return [
    "Compatibility matrix, lifecycle suite on loopback:",
    line(header),
    rule,
    ...body.map(line),
    `${passed}/${total} cells pass`,
  ].join("\n");
}
