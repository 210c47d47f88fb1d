// The health case table (spec/cases/health.json) against the JavaScript build of core/health.ts,
// core/failover.ts, core/ownership.ts and core/handover.ts; spec/core/health_cases_spec.lua runs
// it against the Lua build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as health from "../../src-lua-ts/core/health";
import * as failover from "../../src-lua-ts/core/failover";
import * as handover from "../../src-lua-ts/core/handover";
import * as ownership from "../../src-lua-ts/core/ownership";
import * as rebalance from "../../src-lua-ts/core/rebalance";
import { CASES_DIR, denull, matches } from "./case-match";

interface Case {
  fn: string;
  args: unknown[];
  expect: unknown;
  note: string;
}

const table = JSON.parse(readFileSync(join(CASES_DIR, "health.json"), "utf8")) as { cases: Case[] };
const FUNCTIONS: Record<string, (...args: any[]) => unknown> = { ...health, ...failover, ...ownership, ...handover, ...rebalance } as any;

test("the health table covers flapping, the stale rule, the all-down hold, failover, the move record and hand-over", () => {
  const seen = new Set(table.cases.map((c) => c.fn));
  for (const fn of [
    "replay",
    "planStatusWrites",
    "isStale",
    "planFailover",
    "failoverWork",
    "probeObservation",
    "planRecords",
    "handoverOf",
  ])
    assert.ok(seen.has(fn), fn);
  assert.ok(table.cases.some((c) => /flapping/.test(c.note)));
});

for (const [i, c] of table.cases.entries()) {
  test(`case ${i + 1}: ${c.fn} ${c.note}`, () => {
    const fn = FUNCTIONS[c.fn];
    assert.equal(typeof fn, "function", c.fn);
    const problem = matches(fn(...(denull(c.args) as unknown[])), c.expect);
    assert.equal(problem, undefined, problem);
  });
}
