// The router's own tables are declared once (src-lua-ts/core/router_tables.ts): the writer
// creates them from that text, and db/schema.sql must create the same tables.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROUTER_TABLES_DDL } from "../../src-lua-ts/core/router_tables";

const ROOT = join(__dirname, "..", "..", "..", "..");
const normalize = (sql: string): string => sql.replace(/--.*$/gm, "").replace(/\s+/g, " ").replace(/\( /g, "(").replace(/ \)/g, ")").trim();

test("db/schema.sql creates the router's tables exactly as the router does", () => {
  const schema = normalize(readFileSync(join(ROOT, "db", "schema.sql"), "utf8"));
  assert.equal(ROUTER_TABLES_DDL.length, 2);
  for (const ddl of ROUTER_TABLES_DDL) {
    assert.match(ddl, /^CREATE TABLE IF NOT EXISTS kuma_cluster_(move|agent) \(/);
    assert.ok(schema.includes(`${normalize(ddl)};`), `db/schema.sql lacks: ${normalize(ddl)}`);
  }
});
