// The layer check on small made-up trees: it must name an upward import, a circle of folders
// and one of files, and pass a tree that only points down.
import { test } from "node:test";
import assert from "node:assert/strict";
import { check, importsOf, type Stack } from "../../tools/check-layers";

const STACKS: Stack[] = [{ name: "t", layers: ["src/low", "src/mid", "src/top"] }];

function tree(files: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(files));
}

test("importsOf reads static imports and re-exports, multi-line ones included, and skips packages", () => {
  const text =
    'import * as a from "./a";\nimport {\n  b,\n  c,\n} from "../b";\nimport "./side";\nexport { d } from "./d";\nimport x from "cjson.safe";\n// from "./comment" is not an import line\n';
  assert.deepEqual(importsOf(text), ["./a", "../b", "./side", "./d"]);
});

test("a tree whose imports point down passes", () => {
  const r = check(
    tree({ "src/top/t.ts": 'import { m } from "../mid/m";', "src/mid/m.ts": 'import type { L } from "../low/l";', "src/low/l.ts": "" }),
    STACKS,
  );
  assert.deepEqual([r.upward, r.cycles, r.misplaced, r.imports], [[], [], [], 2]);
});

test("an upward import is named, type-only ones too", () => {
  const r = check(tree({ "src/low/l.ts": 'import type { M } from "../mid/m";', "src/mid/m.ts": "" }), STACKS);
  assert.deepEqual(r.upward, ["src/low/l.ts -> src/mid/m.ts (src/low may not import src/mid)"]);
});

test("a circle of folders within one layer and a circle of files are each reported", () => {
  const r = check(
    tree({
      "src/mid/a/x.ts": 'import { y } from "../b/y";',
      "src/mid/b/y.ts": 'import { x } from "../a/x";',
      "src/top/p.ts": 'import { q } from "./q";',
      "src/top/q.ts": 'import { p } from "./p";',
    }),
    STACKS,
  );
  assert.deepEqual(r.upward, []);
  assert.deepEqual(r.cycles, [
    "folders importing each other in a circle: src/mid/a, src/mid/b",
    "files importing each other in a circle: src/mid/a/x.ts, src/mid/b/y.ts",
    "files importing each other in a circle: src/top/p.ts, src/top/q.ts",
  ]);
});

test("a file outside every layer and an import naming no file fail the check", () => {
  const r = check(tree({ "src/new/n.ts": "", "src/top/t.ts": 'import { z } from "./missing";' }), STACKS);
  assert.deepEqual(r.misplaced, [
    "src/new/n.ts: in no layer (add its folder to tools/check-layers.ts)",
    'src/top/t.ts: "./missing" names no checked file',
  ]);
});
