// The tables of a test database: the cluster's own from `kuma-cluster-node migrate` (the code
// production runs), then the stand-in nodes' minimal Uptime Kuma tables (a fixture).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Pool } from "mysql2/promise";
import type { DbSettings } from "../node/src/db";
import { migrate } from "../node/src/migrate";

/** The repository root, from build/js/harness. */
const ROOT = join(__dirname, "..", "..", "..");
export const STAND_IN_TABLES = join(ROOT, "harness", "stand-in-tables.sql");

/** The fixture's statements, comments dropped. */
export function standInStatements(): string[] {
  const sql = readFileSync(STAND_IN_TABLES, "utf8").replace(/^--.*$/gm, "");
  return sql
    .split(";")
    .map((x) => x.trim())
    .filter((x) => x !== "");
}

/** Idempotent: migrate, then the fixture's CREATE TABLE IF NOT EXISTS. */
export async function applyTestSchema(settings: DbSettings, db: Pick<Pool, "query">): Promise<void> {
  await migrate(settings);
  for (const statement of standInStatements()) await db.query(statement);
}
