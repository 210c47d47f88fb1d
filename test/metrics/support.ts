// Paths of the shared fixtures (spec/metrics/) as seen from build/js/test/metrics.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..", "..", "..");
export const FIXTURES = join(ROOT, "spec", "metrics");

export function readFixture(name: string): string {
  return readFileSync(join(FIXTURES, name), "utf8");
}

/**
 * A golden file both builds must produce. UPDATE_GOLDEN=1 rewrites it (then review the diff:
 * the Lua spec compares against the same file).
 */
export function golden(name: string, actual: string): string {
  if (process.env.UPDATE_GOLDEN === "1") writeFileSync(join(FIXTURES, name), actual);
  return readFixture(name);
}
