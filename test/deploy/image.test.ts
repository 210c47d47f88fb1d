// The router image: Dockerfile.openresty and its build context checked statically, and
// docker/entrypoint.sh run for real against the test runtime's nginx (the same config the image
// renders, with Debian's nginx standing in for OpenResty). Building and running the image itself
// is test/docker/openresty.test.ts, which needs a Docker engine.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { listFiles, ROOT } from "./support";
import { baseImage, buildContext, dockerfileProblems, entrypointProblems, parseDockerfile } from "./image-checks";

const DOCKERFILE = readFileSync(join(ROOT, "Dockerfile.openresty"), "utf8");
const DOCKERIGNORE = readFileSync(join(ROOT, ".dockerignore"), "utf8");
const ENTRYPOINT = readFileSync(join(ROOT, "docker/entrypoint.sh"), "utf8");

/**
 * The repository's files (tracked and untracked, as `docker build .` would see them) plus paths
 * that may be absent here but must never reach the image.
 */
function repositoryFiles(): string[] {
  const git = spawnSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" });
  const files =
    git.status === 0 ? git.stdout.split("\n").filter(Boolean) : listFiles(ROOT).filter((f) => !/^(\.git|node_modules)\//.test(f));
  return [
    ...files,
    ...listFiles(join(ROOT, "generated-lua")).map((f) => `generated-lua/${f}`),
    "build/test-lua/resty/mysql.lua",
    "node_modules/typescript/package.json",
    "build/js/test/deploy/support.js",
    ".git/HEAD",
  ];
}
const CONTEXT = buildContext(repositoryFiles(), DOCKERIGNORE);

describe("image: Dockerfile.openresty and its build context", () => {
  test("pinned OpenResty base, non-root, container listen defaults, healthcheck, no Node", () => {
    assert.deepEqual(dockerfileProblems(DOCKERFILE, CONTEXT), []);
  });

  test("the build context has the Lua, the nginx config and the render scripts, not the stand-ins", () => {
    for (const f of [
      "generated-lua/lualib_bundle.lua",
      "nginx/router.conf.template",
      "nginx/env.conf",
      "scripts/router-conf.sh",
      "scripts/render-nginx.sh",
      "docker/entrypoint.sh",
    ]) {
      assert.ok(CONTEXT.includes(f), `${f} missing from the build context`);
    }
    assert.deepEqual(
      CONTEXT.filter((f) => /test-runtime|test-lua|^generated-lua\/resty\//.test(f)),
      [],
    );
  });

  test("the entrypoint reuses prepare_router_prefix from scripts/router-conf.sh", () => {
    assert.deepEqual(entrypointProblems(ENTRYPOINT), []);
  });

  test("the base image is an openresty/openresty version tag", () => {
    assert.match(baseImage(parseDockerfile(DOCKERFILE)), /^openresty\/openresty:\d+\.\d+\.\d+\.\d+-\d+-alpine$/);
  });
});

describe("image: each check catches a broken Dockerfile or context", () => {
  const BROKEN: [string, (d: string) => string, RegExp][] = [
    ["an unpinned base", (d) => d.replace(/openresty\/openresty:[^\s]+/, "openresty/openresty:alpine"), /not a pinned/],
    ["running as root", (d) => d.replace(/^USER .*$/m, "USER root"), /numeric non-root/],
    ["loopback listen default", (d) => d.replace("ROUTER_LISTEN=0.0.0.0:8084", "ROUTER_LISTEN=127.0.0.1:8084"), /ENV ROUTER_LISTEN/],
    ["modules loaded as on Debian", (d) => d.replace('LOAD_MODULES=""', 'LOAD_MODULES="load_module x.so;"'), /ENV LOAD_MODULES/],
    [
      "the stand-ins on the lua path",
      (d) => d.replace("/usr/local/openresty/lualib/?.lua;", "/opt/kuma-router/build/test-lua/?.lua;"),
      /test runtime's Lua|lacks \/usr\/local\/openresty\/lualib/,
    ],
    ["no healthcheck", (d) => d.replace(/^HEALTHCHECK[\s\S]*?healthcheck"\]\n/m, ""), /no HEALTHCHECK/],
    ["Node in the image", (d) => d.replace("RUN chmod", "RUN apk add --no-cache nodejs npm && npx tstl && chmod"), /Node tooling/],
    [
      "copying the stand-ins",
      (d) => d.replace("COPY nginx/ nginx/", "COPY nginx/ nginx/\nCOPY build/test-lua/ generated-lua/"),
      /test or build material/,
    ],
  ];
  for (const [what, breakIt, expected] of BROKEN) {
    test(what, () => {
      const broken = breakIt(DOCKERFILE);
      assert.notEqual(broken, DOCKERFILE, "the mutation did not apply");
      const problems = dockerfileProblems(broken, CONTEXT);
      assert.ok(
        problems.some((p) => expected.test(p)),
        `expected ${expected}, got:\n${problems.join("\n")}`,
      );
    });
  }

  test("a .dockerignore that lets the stand-ins and node_modules in", () => {
    const loose = DOCKERIGNORE.replace(/^\*$/m, "");
    const problems = dockerfileProblems(DOCKERFILE, buildContext(repositoryFiles(), loose));
    assert.ok(
      problems.some((p) => /test-lua\/resty\/mysql.lua is in the build context/.test(p)),
      problems.slice(0, 5).join("\n"),
    );
    assert.ok(problems.some((p) => /node_modules\/typescript\/package.json is in the build context/.test(p)));
  });

  test("a stand-in compiled into generated-lua/, where it would shadow OpenResty's library", () => {
    const problems = dockerfileProblems(DOCKERFILE, [...CONTEXT, "generated-lua/resty/mysql.lua"]);
    assert.ok(
      problems.some((p) => /generated-lua\/resty\/mysql.lua: a stand-in under generated-lua\/ would shadow/.test(p)),
      problems.join("\n"),
    );
  });

  test("a .dockerignore that drops what the Dockerfile copies", () => {
    const strict = DOCKERIGNORE.replace(/^!scripts\/router-conf\.sh$/m, "");
    assert.ok(
      dockerfileProblems(DOCKERFILE, buildContext(repositoryFiles(), strict)).some((p) =>
        /scripts\/router-conf.sh: not in the build context/.test(p),
      ),
    );
  });

  test("an entrypoint that renders the config on its own", () => {
    const own = ENTRYPOINT.replace(
      /^\s*prepare_router_prefix "\$PREFIX"$/m,
      '  "$ROOT/scripts/render-nginx.sh" "$ROOT/nginx/router.conf.template" > "$PREFIX/conf/nginx.conf"',
    );
    const problems = entrypointProblems(own);
    assert.ok(
      problems.some((p) => /does not call prepare_router_prefix/.test(p)),
      problems.join("\n"),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// docker/entrypoint.sh for real, with the test runtime's nginx.

const NGINX = "/usr/sbin/nginx";
const LUA_MODULE = "/usr/lib/nginx/modules/ngx_http_lua_module.so";
const runtimeMissing =
  !existsSync(NGINX) || !existsSync(LUA_MODULE) ? "skipped: test runtime nginx not installed (scripts/install-runtime.sh)" : false;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The entrypoint under bash with the test runtime's nginx, module loads and lua path. */
function entrypoint(args: string[], env: Record<string, string>): { command: string; argv: string[]; env: NodeJS.ProcessEnv } {
  const script = `source "${ROOT}/scripts/runtime-env.sh" && exec sh "${ROOT}/docker/entrypoint.sh" "$@"`;
  return {
    command: "bash",
    argv: ["-c", script, "entrypoint", ...args],
    env: { ...process.env, ROUTER_ROOT: ROOT, WORKER_PROCESSES: "1", ...env },
  };
}

async function status(url: string): Promise<number | undefined> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).status;
  } catch {
    return undefined;
  }
}

describe("image: docker/entrypoint.sh runs the router", { skip: runtimeMissing }, () => {
  test("run, healthcheck and check", async () => {
    const [publicPort, statusPort, unusedPort] = [await freePort(), await freePort(), await freePort()];
    const prefix = mkdtempSync(join(tmpdir(), "kuma-entrypoint-"));
    const env = { ROUTER_PREFIX: prefix, ROUTER_LISTEN: `127.0.0.1:${publicPort}`, ROUTER_STATUS_LISTEN: `127.0.0.1:${statusPort}` };
    const e = entrypoint(["run"], env);
    const child = spawn(e.command, e.argv, { env: e.env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    try {
      const health = `http://127.0.0.1:${publicPort}/lb/health`;
      let code: number | undefined;
      for (let i = 0; i < 100 && code === undefined; i++) {
        code = await status(health);
        if (code === undefined) await new Promise((r) => setTimeout(r, 100));
      }
      assert.notEqual(code, undefined, `the router never answered on ${health}:\n${stderr}`);
      const conf = readFileSync(join(prefix, "conf", "nginx.conf"), "utf8");
      assert.match(conf, new RegExp(`listen 127\\.0\\.0\\.1:${publicPort}\\b`));
      assert.match(conf, new RegExp(`listen 127\\.0\\.0\\.1:${statusPort}\\b`));

      // The HEALTHCHECK command agrees with the endpoint, and fails where nothing listens.
      const hc = entrypoint(["healthcheck"], env);
      const ok = spawnSync(hc.command, hc.argv, { env: hc.env });
      assert.equal(
        ok.status === 0,
        code !== undefined && code >= 200 && code < 300,
        `healthcheck exit ${ok.status}, /lb/health answered ${code}`,
      );
      const wrong = entrypoint(["healthcheck"], { ...env, ROUTER_LISTEN: `0.0.0.0:${unusedPort}` });
      assert.notEqual(spawnSync(wrong.command, wrong.argv, { env: wrong.env }).status, 0);

      // The internal endpoints are not served on the public listener.
      assert.notEqual(await status(`http://127.0.0.1:${publicPort}/lb/config`), 200);
      assert.equal(await status(`http://127.0.0.1:${statusPort}/lb/config`), 200);
    } finally {
      child.kill("SIGQUIT");
      await new Promise((r) => child.once("exit", r));
      rmSync(prefix, { recursive: true, force: true });
    }
  });

  test("check validates the rendered config and rejects a bad listen address", async () => {
    const prefix = mkdtempSync(join(tmpdir(), "kuma-entrypoint-"));
    try {
      const env = {
        ROUTER_PREFIX: prefix,
        ROUTER_LISTEN: `127.0.0.1:${await freePort()}`,
        ROUTER_STATUS_LISTEN: `127.0.0.1:${await freePort()}`,
      };
      const good = entrypoint(["check"], env);
      const r = spawnSync(good.command, good.argv, { env: good.env, encoding: "utf8" });
      assert.equal(r.status, 0, r.stderr);
      const bad = entrypoint(["check"], { ...env, ROUTER_LISTEN: "every-address" });
      const b = spawnSync(bad.command, bad.argv, { env: bad.env, encoding: "utf8" });
      assert.equal(b.status, 2);
      assert.match(b.stderr, /ROUTER_LISTEN=every-address/);
    } finally {
      rmSync(prefix, { recursive: true, force: true });
    }
  });
});
