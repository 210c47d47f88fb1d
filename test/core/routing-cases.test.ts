// The routing case table (spec/cases/routing.json) against the JavaScript build of core/route.ts;
// spec/core/routing_cases_spec.lua runs it against the Lua build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { HostRules } from "../../src-lua-ts/core/host";
import { DownSet, REASONS, classifyPath, decide, summarize } from "../../src-lua-ts/core/route";
import { MonitorGroup, MonitorRow, NodeRow, buildSnapshot, indexNodes, monitorsSource } from "../../src-lua-ts/core/snapshot";
import { applyDelta, applyEntries, emptyMaps, rowsToEntries } from "../../src-lua-ts/core/monitor_maps";
import { ManagedNodes } from "../../src-lua-ts/core/world";
import { CASES_DIR, matches } from "./case-match";

interface Fixture {
  nodes: NodeRow[];
  monitors: MonitorRow[];
  setup: boolean;
  rules: HostRules;
  /** Which nodes the router manages (core/world.ts); every node when absent. */
  managed?: ManagedNodes;
}
interface DecisionCase {
  note: string;
  fixture: Fixture;
  facts: {
    method: string;
    path: string;
    fixedNode: string | null;
    upgrade: boolean;
    owner: string | null;
    recentPins?: Record<string, number>;
  };
  down: string[];
  expect: unknown;
}

const table = JSON.parse(readFileSync(join(CASES_DIR, "routing.json"), "utf8")) as {
  decisions: DecisionCase[];
  paths: { path: string; expect: unknown }[];
};

for (const [i, c] of table.decisions.entries()) {
  test(`decision ${i + 1}: ${c.note}`, () => {
    const snapshot = indexNodes(
      buildSnapshot(c.fixture.nodes, c.fixture.monitors, c.fixture.setup, c.fixture.rules, [], c.fixture.managed),
    );
    const down: DownSet = {};
    for (const id of c.down) down[id] = true;
    const facts = {
      method: c.facts.method,
      target: classifyPath(c.facts.path),
      fixedNode: c.facts.fixedNode ?? undefined,
      upgrade: c.facts.upgrade,
      owner: c.facts.owner ?? undefined,
      recentPins: c.facts.recentPins,
    };
    const problem = matches(summarize(decide(facts, snapshot, down)), c.expect);
    assert.equal(problem, undefined, problem);
  });
}

for (const c of table.paths) {
  test(`path ${c.path}`, () => {
    const problem = matches(classifyPath(c.path), c.expect);
    assert.equal(problem, undefined, problem);
  });
}

test("the routing table covers every reason and cookie action", () => {
  const seen = new Set(
    table.decisions.map((c) => JSON.stringify([(c.expect as { reason?: string }).reason, (c.expect as { cookie?: string }).cookie])),
  );
  for (const reason of REASONS) {
    assert.ok(
      [...seen].some((s) => s.includes(`"${reason}"`)),
      reason,
    );
  }
  for (const cookie of ["keep", "set", "clear"])
    assert.ok(
      [...seen].some((s) => s.includes(`"${cookie}"]`)),
      cookie,
    );
});

// classifyPath reads the usual path by index (no loop, for LuaJIT) and any other by its
// segments: both readings must agree with the plain one, segment by segment.
test("classifyPath agrees with a plain reading of the segments on generated paths", () => {
  const reference = (path: string) => {
    const s = path.split("/").filter((x) => x !== "");
    if (s.length >= 1 && s[0] === "lb") return { kind: "router" };
    if (s.length < 3 || s[0] !== "api") return { kind: "other" };
    if (s[1] === "push") return { kind: "push", token: s[2] };
    if (s[1] === "badge" && s.length >= 4) return { kind: "badge", id: s[2] };
    if (s[1] === "v1" && s[2] === "monitors" && s.length >= 4) return { kind: "monitor", id: s[3] };
    return { kind: "other" };
  };
  const words = ["api", "push", "badge", "v1", "monitors", "lb", "tok", "12", "x"];
  let checked = 0;
  const visit = (segments: string[]) => {
    for (const lead of ["/", "//", ""]) {
      for (const tail of ["", "/", "//"]) {
        for (const sep of ["/", "//"]) {
          const path = lead + segments.join(sep) + tail;
          assert.deepEqual(classifyPath(path), reference(path), JSON.stringify(path));
          checked++;
        }
      }
    }
    if (segments.length < 5) for (const w of words) visit([...segments, w]);
  };
  visit([]);
  assert.ok(checked > 100_000, `${checked} paths`);
});

test("monitor maps: a base and deltas give the maps and owned counts built from the final rows", () => {
  const fixtures = new Set(table.decisions.map((c) => JSON.stringify(c.fixture)));
  for (const json of fixtures) {
    const f = JSON.parse(json) as Fixture;
    // The base holds every monitor on another owner with another token; then each monitor
    // changes in its own delta (dropping the old token), and one extra monitor comes and goes.
    const maps = emptyMaps();
    applyEntries(maps, rowsToEntries(f.monitors.map((m) => ({ ...m, owner: "node9", push_token: `old-${m.id}` }))));
    applyEntries(maps, ["999999", "node1", "gone-token"]);
    for (const m of f.monitors) applyDelta(maps, { entries: rowsToEntries([m]), drops: [`old-${m.id}`, `${m.id}`] });
    applyDelta(maps, { entries: ["999999", "", ""], drops: ["gone-token", "999999"] });
    const built = buildSnapshot(f.nodes, f.monitors, f.setup, f.rules);
    assert.deepEqual(maps.ownerOf, built.ownerOf);
    assert.deepEqual(maps.monitorOfToken, built.monitorOfToken);
    assert.equal(maps.count, built.monitorCount);
    for (const n of built.nodes) assert.equal(maps.owned[n.id] ?? 0, n.owned, n.id);
  }
});

test("monitor maps: a dropped token that another monitor took meanwhile stays with it", () => {
  const maps = emptyMaps();
  applyEntries(maps, ["1", "node1", "tok", "2", "node2", ""]);
  applyDelta(maps, { entries: ["1", "node1", "", "2", "node2", "tok"], drops: [] });
  applyDelta(maps, { entries: ["1", "node1", ""], drops: ["tok", "1"] });
  assert.deepEqual(maps.monitorOfToken, { tok: "2" });
  assert.deepEqual(maps.owned, { node1: 1, node2: 1 });
});

test("monitorsSource: any change of owner, count or digest is another source", () => {
  const base: MonitorGroup[] = [
    { owner: "node1", monitors: 2, digest: "A1" },
    { owner: "node2", monitors: 1, digest: "B2" },
  ];
  const same = monitorsSource(base.map((g) => ({ ...g })));
  assert.equal(monitorsSource(base), same);
  assert.notEqual(monitorsSource([{ ...base[0], digest: "A2" }, base[1]]), same);
  assert.notEqual(monitorsSource([{ ...base[0], monitors: 3 }, base[1]]), same);
  assert.notEqual(monitorsSource([base[0]]), same);
  assert.notEqual(monitorsSource([{ ...base[0], owner: "node3" }, base[1]]), same);
});
