// The node package image: Dockerfile.node and its build context checked statically, and the
// folder it builds laid out here the same way (the package as npm pack makes it, node_modules
// above it) and run: `help`, and `migrate` against the real MariaDB. Building the
// image itself needs a Docker engine.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConnection } from "mysql2/promise";
import { listFiles, ROOT } from "./support";
import { baseImage, buildContext, parseDockerfile } from "./image-checks";
import { BIN, packageRoot } from "./node-package-checks";

const DOCKERFILE = readFileSync(join(ROOT, "Dockerfile.node"), "utf8");
const IGNORE = readFileSync(join(ROOT, "Dockerfile.node.dockerignore"), "utf8");
const INSTRUCTIONS = parseDockerfile(DOCKERFILE);

function repositoryFiles(): string[] {
  const git = spawnSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" });
  const files =
    git.status === 0 ? git.stdout.split("\n").filter(Boolean) : listFiles(ROOT).filter((f) => !/^(\.git|node_modules)\//.test(f));
  return [
    ...files,
    "node_modules/mysql2/package.json",
    "build/js/node/src/cli.js",
    "node/dist/node/src/cli.js",
    "node/node_modules/x/index.js",
    ".git/HEAD",
  ];
}
const CONTEXT = buildContext(repositoryFiles(), IGNORE);

/** The instructions of the last stage. */
function finalStage(): typeof INSTRUCTIONS {
  const from =
    INSTRUCTIONS.map((i, n) => (i.op === "FROM" ? n : -1))
      .filter((n) => n >= 0)
      .pop() ?? 0;
  return INSTRUCTIONS.slice(from);
}

describe("node image: Dockerfile.node and its build context", () => {
  test("a Node.js 20 Alpine base, the package in one folder, a non-root user, kuma-cluster-node as entrypoint", () => {
    assert.match(baseImage(INSTRUCTIONS), /^node:20(\.\d+)*-alpine[\d.]*$/);
    assert.equal(packageRoot(DOCKERFILE), "/opt/kuma-cluster-node");
    const last = finalStage();
    assert.equal(last.filter((i) => i.op === "USER").pop()?.args, "node");
    assert.equal(last.find((i) => i.op === "ENTRYPOINT")?.args, '["kuma-cluster-node"]');
    assert.ok(!last.some((i) => i.op === "RUN" && /\bnpm\b/.test(i.args)), "no npm in the final stage: it only copies the build");
  });

  test("everything it copies is in the build context, and nothing else of the repository is", () => {
    for (const copy of INSTRUCTIONS.filter((i) => i.op === "COPY" && !i.args.startsWith("--from"))) {
      for (const src of copy.args.split(/\s+/).slice(0, -1)) {
        const clean = src.replace(/\/$/, "");
        assert.ok(
          CONTEXT.some((f) => f === clean || f.startsWith(`${clean}/`)),
          `COPY ${src}: not in the build context`,
        );
      }
    }
    for (const f of [
      "package.json",
      "package-lock.json",
      "tsconfig.node.json",
      "node/tsconfig.json",
      "node/src/exec.ts",
      "node/bin/kuma-cluster-node",
      "src-lua-ts/core/settings.ts",
    ]) {
      assert.ok(CONTEXT.includes(f), `${f} missing from the build context`);
    }
    assert.deepEqual(
      CONTEXT.filter((f) => /^(node_modules|build|test|spec|generated-lua|\.git)\/|^node\/(node_modules|dist)\//.test(f)),
      [],
    );
  });
});

describe("node image: the folder it builds runs", () => {
  const dir = mkdtempSync(join(tmpdir(), "kuma-node-image-"));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("laid out as the final stage copies it: help, then migrate on a real database", async () => {
    // The build stage: the package alone, compiled into its dist/ as npm pack does; the final
    // stage's COPYs (the package as node/, node_modules above it).
    const pkg = join(dir, "node");
    execFileSync(process.execPath, [
      join(ROOT, "node_modules", "typescript", "bin", "tsc"),
      "-p",
      join(ROOT, "node", "tsconfig.json"),
      "--outDir",
      join(pkg, "dist"),
    ]);
    for (const f of ["package.json", "index.js", "build-path.js", "bin"]) cpSync(join(ROOT, "node", f), join(pkg, f), { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
    assert.deepEqual(
      listFiles(join(pkg, "dist")).filter((f) => !/^(node\/src|src-lua-ts\/core)\//.test(f)),
      [],
      "nothing but the package is compiled",
    );

    const help = spawnSync(process.execPath, [join(dir, BIN), "help"], { encoding: "utf8", env: { PATH: process.env.PATH } });
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /migrate \[--lock-wait S\]/);
    assert.match(help.stdout, /exec -- <command\.\.\.>/);

    const name = `kcn_image_${process.pid}`;
    const admin = await createConnection({ host: "127.0.0.1", port: 3306, user: "root", password: "" });
    try {
      await admin.query(`CREATE DATABASE \`${name}\``);
      const r = spawnSync(process.execPath, [join(dir, BIN), "migrate"], {
        encoding: "utf8",
        env: { PATH: process.env.PATH, DB_HOST: "127.0.0.1", DB_PORT: "3306", DB_USER: "root", DB_PASSWORD: "", DB_NAME: name },
      });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /created node, kuma_cluster_move, kuma_cluster_agent/);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    }
  });
});
