// The shared case table (spec/cases/naming.json) against the JavaScript build of src-lua-ts/core.
// spec/core/naming_cases_spec.lua runs the same table against the Lua build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as nodeId from "../../src-lua-ts/core/node_id";
import * as host from "../../src-lua-ts/core/host";
import * as settings from "../../src-lua-ts/core/settings";
import * as world from "../../src-lua-ts/core/world";
import { CASES_DIR, matches } from "./case-match";

interface Case {
  fn: string;
  args: unknown[];
  expect: unknown;
  note: string;
}

const table = JSON.parse(readFileSync(join(CASES_DIR, "naming.json"), "utf8")) as { cases: Case[] };

const getter = (env: Record<string, string>) => (name: string) => env[name];
const FUNCTIONS: Record<string, any> = {
  ...nodeId,
  ...host,
  ...settings,
  ...world,
  detectEnvironment: (env: Record<string, string>) => settings.detectEnvironment(getter(env)),
  loadNodeIdentity: (env: Record<string, string>) => settings.loadNodeIdentity(getter(env)),
  loadRouterSettings: (env: Record<string, string>, resolv: string) => settings.loadRouterSettings(getter(env), resolv),
};

test("the case table has at least 60 cases", () => assert.ok(table.cases.length >= 60));

for (const [i, c] of table.cases.entries()) {
  test(`case ${i + 1}: ${c.fn}(${JSON.stringify(c.args).slice(1, -1).slice(0, 80)}) ${c.note}`, () => {
    const fn = FUNCTIONS[c.fn];
    assert.ok(fn, `no function ${c.fn}`);
    const problem = matches(fn(...c.args), c.expect, "result");
    assert.equal(problem, undefined, problem);
  });
}
