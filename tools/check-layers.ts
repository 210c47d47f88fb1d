// The layer check run by `make test`: every import points down a stack of layers or stays in its
// own layer, and no folders (or files) import each other in a circle. A newcomer can then read
// each layer knowing only the ones below it. A file outside every layer fails too, so a new
// folder is placed in the order before it is used.
import { readdirSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";

export interface Stack {
  name: string;
  /** Folders from the repository root, bottom first. */
  layers: string[];
}

/** The router's Lua side and the Node side; src-lua-ts/core is the bottom of both. */
export const STACKS: Stack[] = [
  {
    name: "router (Lua)",
    layers: [
      "src-lua-ts/core",
      "src-lua-ts/runtime",
      "src-lua-ts/request",
      "src-lua-ts/dns",
      "src-lua-ts/cluster",
      "src-lua-ts/health",
      "src-lua-ts/metrics",
      "src-lua-ts/router",
      "src-lua-ts/hooks",
    ],
  },
  { name: "test runtime (Lua)", layers: ["test-runtime/src"] },
  { name: "Node", layers: ["src-lua-ts/core", "node", "harness", "bench", "tools", "test"] },
];

/** Where the check looks (src-lua-ts/types holds declarations only, imported by nobody). */
const ROOTS = ["src-lua-ts", "test-runtime/src", "node", "harness", "bench", "tools", "test"];
const SKIPPED = new Set(["node_modules", "types"]);

export interface Report {
  files: number;
  imports: number;
  /** "from -> to (why)", one per offending import. */
  upward: string[];
  /** Each folder circle, then each file circle, by its members. */
  cycles: string[];
  /** Files in no layer, and relative imports that name no file. */
  misplaced: string[];
}

const IMPORT = /^\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"|^\s*import\s+"([^"]+)"/gm;

/** The relative imports of one source file, as written. */
export function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    if (spec.startsWith(".")) found.push(spec);
  }
  return found;
}

function resolveImport(from: string, spec: string, files: Set<string>): string | undefined {
  const base = posix.normalize(posix.join(posix.dirname(from), spec));
  return [`${base}.ts`, `${base}.d.ts`, `${base}/index.ts`].find((f) => files.has(f));
}

/** The layer holding `file`: the longest listed folder it is in. */
function layerOf(file: string, stacks: Stack[]): string | undefined {
  let best: string | undefined;
  for (const stack of stacks) {
    for (const layer of stack.layers) {
      if (file.startsWith(`${layer}/`) && (best === undefined || layer.length > best.length)) best = layer;
    }
  }
  return best;
}

/** True when a file in layer `from` may import one in layer `to`. */
function pointsDown(from: string, to: string, stacks: Stack[]): boolean {
  if (from === to) return true;
  return stacks.some((s) => s.layers.includes(from) && s.layers.indexOf(to) >= 0 && s.layers.indexOf(to) < s.layers.indexOf(from));
}

/** The strongly connected parts of more than one member (Tarjan), each as its sorted members. */
export function circles(edges: Map<string, Set<string>>): string[] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const part: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      part.push(w);
    } while (w !== v);
    if (part.length > 1) found.push(part.sort().join(", "));
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}

function addEdge(edges: Map<string, Set<string>>, from: string, to: string): void {
  if (!edges.has(from)) edges.set(from, new Set());
  if (!edges.has(to)) edges.set(to, new Set());
  if (from !== to) edges.get(from)!.add(to);
}

/** Checks `sources` (path from the repository root -> text). */
export function check(sources: Map<string, string>, stacks: Stack[] = STACKS): Report {
  const files = new Set(sources.keys());
  const report: Report = { files: files.size, imports: 0, upward: [], cycles: [], misplaced: [] };
  const fileEdges = new Map<string, Set<string>>();
  const folderEdges = new Map<string, Set<string>>();
  for (const [file, text] of [...sources].sort(([a], [b]) => a.localeCompare(b))) {
    const from = layerOf(file, stacks);
    if (from === undefined) report.misplaced.push(`${file}: in no layer (add its folder to tools/check-layers.ts)`);
    for (const spec of importsOf(text)) {
      const target = resolveImport(file, spec, files);
      if (target === undefined) {
        report.misplaced.push(`${file}: "${spec}" names no checked file`);
        continue;
      }
      report.imports += 1;
      addEdge(fileEdges, file, target);
      addEdge(folderEdges, posix.dirname(file), posix.dirname(target));
      const to = layerOf(target, stacks);
      if (from !== undefined && to !== undefined && !pointsDown(from, to, stacks)) {
        report.upward.push(`${file} -> ${target} (${from} may not import ${to})`);
      }
    }
  }
  report.cycles = [
    ...circles(folderEdges).map((c) => `folders importing each other in a circle: ${c}`),
    ...circles(fileEdges).map((c) => `files importing each other in a circle: ${c}`),
  ];
  return report;
}

function walk(dir: string, root: string, out: Map<string, string>): void {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = posix.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED.has(entry.name)) walk(path, root, out);
    } else if (entry.name.endsWith(".ts")) {
      out.set(path, readFileSync(join(root, path), "utf8"));
    }
  }
}

function main(): void {
  const root = process.argv[2] ?? join(__dirname, "..", "..", "..");
  const sources = new Map<string, string>();
  for (const dir of ROOTS) walk(dir, root, sources);
  console.log("layers, bottom first (an import points down or stays in its folder's layer):");
  for (const s of STACKS) console.log(`  ${s.name}: ${s.layers.join(" < ")}`);
  const r = check(sources);
  for (const line of [...r.misplaced, ...r.upward, ...r.cycles]) console.log(`  ${line}`);
  const outside = r.misplaced.length > 0 ? `, ${r.misplaced.length} outside the layers` : "";
  console.log(`${r.files} files, ${r.imports} imports: ${r.upward.length} upward imports, ${r.cycles.length} cycles${outside}`);
  if (r.upward.length + r.cycles.length + r.misplaced.length > 0) process.exit(1);
}

if (require.main === module) main();
