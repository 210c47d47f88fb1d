// The node package on its own: `npm pack` in node/ makes a tarball that installs into an empty
// folder with only the registry's dependencies (mysql2) and runs there: the bin through npx
// (`--help`, then `migrate` against the real MariaDB) and the API through require().
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConnection } from "mysql2/promise";
import { ROOT } from "./support";
import { isNetworkFailure, packedFilesProblems } from "./node-package-checks";

const NPM_TIMEOUT_MS = 180_000;

describe("node package: npm pack, install in an empty folder, run", () => {
  const dir = mkdtempSync(join(tmpdir(), "kuma-node-pack-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  let tarball = "";

  test("npm pack compiles the package into the tarball and leaves no build in node/", () => {
    const pack = spawnSync("npm", ["pack", "--json", "--pack-destination", dir], {
      cwd: join(ROOT, "node"),
      encoding: "utf8",
      timeout: NPM_TIMEOUT_MS,
    });
    assert.equal(pack.status, 0, pack.stderr);
    // prepack's compiler output goes to stdout before the JSON.
    const [info] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf("["))) as Array<{ filename: string; files: Array<{ path: string }> }>;
    assert.deepEqual(packedFilesProblems(info.files.map((f) => f.path)), []);
    assert.ok(!existsSync(join(ROOT, "node", "dist")), "postpack removes node/dist");
    tarball = join(dir, info.filename);
  });

  test("installed from the tarball alone: npx kuma-cluster-node --help and migrate, require() of the API", async (t) => {
    assert.ok(tarball !== "", "the pack step ran");
    const app = join(dir, "app");
    mkdirSync(app);
    const install = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball], {
      cwd: app,
      encoding: "utf8",
      timeout: NPM_TIMEOUT_MS,
    });
    if (install.status !== 0 && isNetworkFailure(install.stderr)) {
      t.skip(`skipped: the npm registry is not reachable for mysql2 (${install.stderr.trim().split("\n").pop()})`);
      return;
    }
    assert.equal(install.status, 0, install.stderr);
    // Nothing of the checkout may be reachable from the installed copy.
    const env = { PATH: process.env.PATH, HOME: process.env.HOME };

    const help = spawnSync("npx", ["--no-install", "kuma-cluster-node", "--help"], { cwd: app, encoding: "utf8", env });
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /usage: kuma-cluster-node <command>/);
    assert.match(help.stdout, /migrate \[--lock-wait S\]/);

    const api = spawnSync(process.execPath, ["-e", 'const k = require("kuma-cluster-node"); process.stdout.write(typeof k.ClusterEnv)'], {
      cwd: app,
      encoding: "utf8",
      env,
    });
    assert.equal(api.stdout, "function", api.stderr);

    const name = `kcn_pack_${process.pid}`;
    const admin = await createConnection({ host: "127.0.0.1", port: 3306, user: "root", password: "" });
    try {
      await admin.query(`CREATE DATABASE \`${name}\``);
      const migrate = spawnSync("npx", ["--no-install", "kuma-cluster-node", "migrate"], {
        cwd: app,
        encoding: "utf8",
        env: { ...env, DB_HOST: "127.0.0.1", DB_PORT: "3306", DB_USER: "root", DB_PASSWORD: "", DB_NAME: name },
      });
      assert.equal(migrate.status, 0, migrate.stderr);
      assert.match(migrate.stdout, /created node, kuma_cluster_move, kuma_cluster_agent/);
      const [tables] = await admin.query(`SHOW TABLES FROM \`${name}\``);
      assert.ok((tables as unknown[]).length >= 3);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    }
  });
});
