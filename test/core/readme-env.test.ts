// README's env table is the operator's reference: it must list every variable of the table.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { VARIABLES } from "../../src-lua-ts/core/variables";

test("README documents every variable and its aliases", () => {
  const readme = readFileSync(join(__dirname, "..", "..", "..", "..", "README.md"), "utf8");
  for (const v of VARIABLES) {
    assert.match(readme, new RegExp(`\\| \`${v.name}\` \\|`), `${v.name} missing from README's env table`);
    for (const a of v.aliases) assert.ok(readme.includes(`\`${a}\``), `alias ${a} missing from README`);
  }
});
