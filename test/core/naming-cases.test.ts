// The shared case table (spec/cases/naming.json) against the JavaScript build of src-lua-ts/core.
// spec/core/naming_cases_spec.lua runs the same table against the Lua build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as nodeId from "../../src-lua-ts/core/node_id";
import * as host from "../../src-lua-ts/core/host";
import * as settings from "../../src-lua-ts/core/settings";

interface Case {
  fn: string;
  args: unknown[];
  expect: unknown;
  note: string;
}

const ROOT = join(__dirname, "..", "..", "..", "..");
const table = JSON.parse(readFileSync(join(ROOT, "spec", "cases", "naming.json"), "utf8")) as { cases: Case[] };

const getter = (env: Record<string, string>) => (name: string) => env[name];
const FUNCTIONS: Record<string, any> = {
  ...nodeId,
  ...host,
  ...settings,
  detectEnvironment: (env: Record<string, string>) => settings.detectEnvironment(getter(env)),
  loadNodeIdentity: (env: Record<string, string>) => settings.loadNodeIdentity(getter(env)),
  loadRouterSettings: (env: Record<string, string>, resolv: string) => settings.loadRouterSettings(getter(env), resolv),
};

/** Objects in `expected` are subsets of `actual`; arrays and scalars must be equal. */
function matches(actual: unknown, expected: unknown, path: string): string | undefined {
  if (expected === null) return actual === undefined || actual === null ? undefined : `${path}: expected no value, got ${JSON.stringify(actual)}`;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
    for (let i = 0; i < expected.length; i++) {
      const m = matches(actual[i], expected[i], `${path}[${i}]`);
      if (m) return m;
    }
    return undefined;
  }
  if (typeof expected === "object") {
    if (typeof actual !== "object" || actual === null) return `${path}: expected an object, got ${JSON.stringify(actual)}`;
    for (const [k, v] of Object.entries(expected)) {
      const m = matches((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
      if (m) return m;
    }
    return undefined;
  }
  return actual === expected ? undefined : `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

test("the case table has at least 60 cases", () => assert.ok(table.cases.length >= 60));

for (const [i, c] of table.cases.entries()) {
  test(`case ${i + 1}: ${c.fn}(${JSON.stringify(c.args).slice(1, -1).slice(0, 80)}) ${c.note}`, () => {
    const fn = FUNCTIONS[c.fn];
    assert.ok(fn, `no function ${c.fn}`);
    const problem = matches(fn(...c.args), c.expect, "result");
    assert.equal(problem, undefined, problem);
  });
}
