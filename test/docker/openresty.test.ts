// The router image end to end, with testcontainers: builds Dockerfile.openresty, starts MariaDB
// (`kuma-cluster-node migrate`, the stand-in tables and a seeded registry), three stand-in nodes that answer with their own id,
// and the router, all on one Docker network under Compose-style names; then checks routing from
// outside as a browser would. Also runs the resty.mysql contract spec inside real OpenResty
// (docker/Dockerfile.spec) against the same MariaDB.
// Needs a Docker engine: without one, every test here reports "skipped: no Docker engine".
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { GenericContainer, getContainerRuntimeClient, Network, StartedNetwork, StartedTestContainer, Wait } from "testcontainers";

const ROOT = resolve(__dirname, "..", "..", "..", "..");
const MARIADB_IMAGE = "mariadb:11.4";
const NODE_IMAGE = "node:20-alpine";
// Test-only credentials of a throwaway container.
const DB = { name: "kuma", user: "kuma", password: "e2e-only-password", rootPassword: "e2e-only-root-password" };
const NODES = ["node1", "node2", "node3"];
const PUSH_TOKEN = "e2e-push-token-node2";
const STARTUP_MS = 10 * 60 * 1000; // first run pulls images and builds two

/** Resolves to a skip reason when no Docker engine answers, else false. */
async function engine(): Promise<string | false> {
  try {
    await getContainerRuntimeClient();
    return false;
  } catch {
    return "skipped: no Docker engine";
  }
}

/** The base image named by Dockerfile.openresty's `ARG OPENRESTY_IMAGE=...`. */
function routerBaseImage(): string {
  const m = /^ARG OPENRESTY_IMAGE=(\S+)$/m.exec(readFileSync(join(ROOT, "Dockerfile.openresty"), "utf8"));
  if (!m) throw new Error("Dockerfile.openresty has no ARG OPENRESTY_IMAGE default");
  return m[1];
}

// A stand-in for an Uptime Kuma node: every path answers 200 with the node's id, so a response
// says which node the router chose. /api/v1/health is one of those paths.
const STAND_IN = `
const id = process.env.NODE_ID;
require("http").createServer((req, res) => {
  res.writeHead(200, { "content-type": "application/json", "x-stand-in-node": id });
  res.end(JSON.stringify({ node: id, method: req.method, url: req.url }));
}).listen(3001, "0.0.0.0");
`;

const SEED = `
INSERT INTO node (node_id, node_name, host, status, active, is_primary, last_seen) VALUES
  ('node1', 'node1', 'uptime-kuma-node1:3001', 'online', 1, 1, NOW()),
  ('node2', 'node2', 'uptime-kuma-node2:3001', 'online', 1, 0, NOW()),
  ('node3', 'node3', 'uptime-kuma-node3:3001', 'online', 1, 0, NOW());
INSERT INTO user (username, active) VALUES ('admin', 1);
INSERT INTO monitor (id, name, active, type, push_token, node_id) VALUES
  (1, 'push owned by node2', 1, 'push', '${PUSH_TOKEN}', 'node2'),
  (2, 'http owned by node1', 1, 'http', NULL, 'node1'),
  (3, 'http owned by node3', 1, 'http', NULL, 'node3');
`;

interface Answer {
  status: number;
  routedTo: string | null;
  node: string | undefined;
  cookies: string[];
  body: string;
}

async function get(base: string, path: string, cookie?: string): Promise<Answer> {
  const res = await fetch(`${base}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {}, signal: AbortSignal.timeout(10000) });
  const body = await res.text();
  let node: string | undefined;
  try {
    node = JSON.parse(body).node;
  } catch {
    node = undefined;
  }
  return { status: res.status, routedTo: res.headers.get("x-routed-to"), node, cookies: res.headers.getSetCookie(), body };
}

/** Retries FN until it returns a value or the deadline passes; the last error explains a timeout. */
async function eventually<T>(what: string, fn: () => Promise<T | undefined>, ms = 60000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ""}`);
}

const fixedNode = (cookies: string[]): string | undefined =>
  cookies.map((c) => /^KUMA_FIXED_NODE=([^;]*)/.exec(c)?.[1]).find((v) => v !== undefined);

describe("router image against real OpenResty", async () => {
  const skip = await engine();
  let network: StartedNetwork | undefined;
  let mariadb: StartedTestContainer | undefined;
  const nodes = new Map<string, StartedTestContainer>();
  let router: StartedTestContainer | undefined;
  let publicBase = "";
  let internalBase = "";

  before(async () => {
    if (skip) return;
    network = await new Network().start();
    mariadb = await new GenericContainer(MARIADB_IMAGE)
      .withNetwork(network)
      .withNetworkAliases("mariadb")
      .withExposedPorts(3306)
      .withEnvironment({
        MARIADB_ROOT_PASSWORD: DB.rootPassword,
        MARIADB_DATABASE: DB.name,
        MARIADB_USER: DB.user,
        MARIADB_PASSWORD: DB.password,
      })
      .withCopyFilesToContainer([{ source: join(ROOT, "harness", "stand-in-tables.sql"), target: "/e2e/stand-in-tables.sql" }])
      .withCopyContentToContainer([{ content: SEED, target: "/e2e/seed.sql" }])
      .withHealthCheck({
        test: ["CMD", "healthcheck.sh", "--connect", "--innodb_initialized"],
        interval: 1000,
        timeout: 5000,
        retries: 60,
        startPeriod: 1000,
      })
      .withWaitStrategy(Wait.forHealthCheck())
      .withStartupTimeout(STARTUP_MS)
      .start();
    // The cluster's tables as production makes them: `kuma-cluster-node migrate`, from here.
    const migrated = spawnSync(process.execPath, [join(ROOT, "node", "bin", "kuma-cluster-node"), "migrate"], {
      env: {
        PATH: process.env.PATH,
        DB_HOST: mariadb.getHost(),
        DB_PORT: String(mariadb.getMappedPort(3306)),
        DB_USER: DB.user,
        DB_PASSWORD: DB.password,
        DB_NAME: DB.name,
      },
      encoding: "utf8",
    });
    assert.equal(migrated.status, 0, migrated.stderr);
    const load = await mariadb.exec([
      "sh",
      "-c",
      `cat /e2e/stand-in-tables.sql /e2e/seed.sql | mariadb -uroot -p"$MARIADB_ROOT_PASSWORD" ${DB.name}`,
    ]);
    assert.equal(load.exitCode, 0, load.output);

    for (const id of NODES) {
      const started = await new GenericContainer(NODE_IMAGE)
        .withNetwork(network)
        .withNetworkAliases(`uptime-kuma-${id}`)
        .withEnvironment({ NODE_ID: id })
        .withCommand(["node", "-e", STAND_IN])
        .withExposedPorts(3001)
        .withWaitStrategy(Wait.forHttp("/api/v1/health", 3001))
        .start();
      nodes.set(id, started);
    }

    const image = await GenericContainer.fromDockerfile(ROOT, "Dockerfile.openresty")
      .withBuildArgs({ OPENRESTY_IMAGE: routerBaseImage() })
      .build("kuma-cluster-router:e2e", { deleteOnExit: false });
    router = await image
      .withNetwork(network)
      .withEnvironment({
        COMPOSE_PROJECT_NAME: "kuma-e2e",
        DB_HOST: "mariadb",
        DB_NAME: DB.name,
        DB_USER: DB.user,
        DB_PASSWORD: DB.password,
        CLUSTER_NODE_COUNT: "3",
        HEALTH_CHECK_INTERVAL: "1",
        ROUTER_SYNC_INTERVAL: "0.5",
      })
      .withExposedPorts(8084, 9145)
      .withWaitStrategy(Wait.forHttp("/lb/health", 8084).forStatusCodeMatching((s) => s > 0))
      .withStartupTimeout(STARTUP_MS)
      .start();
    publicBase = `http://${router.getHost()}:${router.getMappedPort(8084)}`;
    internalBase = `http://${router.getHost()}:${router.getMappedPort(9145)}`;
  });

  after(async () => {
    await router?.stop();
    for (const n of nodes.values()) await n.stop();
    await mariadb?.stop();
    await network?.stop();
  });

  test("the image runs as non-root, without Node or the test stand-ins, on OpenResty's resty.mysql", { skip }, async () => {
    const r = router as StartedTestContainer;
    const uid = await r.exec(["id", "-u"]);
    assert.notEqual(uid.output.trim(), "0");
    for (const [cmd, expected] of [
      ["test ! -e /opt/kuma-router/generated-lua/resty && test ! -e /opt/kuma-router/test-runtime", 0],
      ["test -f /usr/local/openresty/lualib/resty/mysql.lua", 0],
      ["command -v node || command -v npm", 1],
    ] as const) {
      const res = await r.exec(["sh", "-c", cmd]);
      assert.equal(res.exitCode, expected, `${cmd}: ${res.output}`);
    }
    const check = await r.exec(["/opt/kuma-router/docker/entrypoint.sh", "check"], { env: { ROUTER_PREFIX: "/tmp/kuma-check" } });
    assert.equal(check.exitCode, 0, check.output);
  });

  test("health: /lb/health and /lb/ready on the public listener, and the image's HEALTHCHECK command", { skip }, async () => {
    const health = await eventually("a healthy router", async () =>
      (await get(publicBase, "/lb/health")).status === 200 ? true : undefined,
    );
    assert.ok(health);
    assert.ok(
      await eventually("a ready router (registry read)", async () =>
        (await get(publicBase, "/lb/ready")).status === 200 ? true : undefined,
      ),
    );
    const hc = await (router as StartedTestContainer).exec(["/opt/kuma-router/docker/entrypoint.sh", "healthcheck"]);
    assert.equal(hc.exitCode, 0, hc.output);
  });

  test("internal endpoints stay on the internal listener and redact the password", { skip }, async () => {
    assert.notEqual((await get(publicBase, "/lb/config")).status, 200);
    const config = await get(internalBase, "/lb/config");
    assert.equal(config.status, 200);
    assert.ok(!config.body.includes(DB.password), "the database password is shown");
  });

  test("a browser is pinned to the node the router picks, and stays there", { skip }, async () => {
    const first = await eventually("a routed request", async () => {
      const a = await get(publicBase, "/dashboard");
      return a.status === 200 && a.routedTo ? a : undefined;
    });
    assert.ok(NODES.includes(first.routedTo as string), `routed to ${first.routedTo}`);
    assert.equal(first.node, first.routedTo, "X-Routed-To names the node that answered");
    const pinned = fixedNode(first.cookies);
    assert.equal(pinned, first.routedTo);
    for (let i = 0; i < 5; i++) {
      const again = await get(publicBase, `/socket.io/?EIO=4&transport=polling&t=${i}`, `KUMA_FIXED_NODE=${pinned}`);
      assert.equal(again.node, pinned, "socket.io polling left the pinned node");
    }
  });

  test("a push reaches the monitor's owner", { skip }, async () => {
    const push = await eventually("a routed push", async () => {
      const a = await get(publicBase, `/api/push/${PUSH_TOKEN}?status=up&msg=OK`);
      return a.status === 200 ? a : undefined;
    });
    assert.equal(push.routedTo, "node2");
    assert.equal(push.node, "node2");
  });

  test("an unknown fixed-node cookie is replaced", { skip }, async () => {
    const a = await get(publicBase, "/dashboard", "KUMA_FIXED_NODE=no-such-node");
    assert.equal(a.status, 200);
    assert.ok(NODES.includes(a.node as string));
    assert.notEqual(fixedNode(a.cookies), "no-such-node");
  });

  test("when the owner goes down, its push and its pinned browsers fail over", { skip }, async () => {
    await (nodes.get("node2") as StartedTestContainer).stop();
    const push = await eventually("the push to fail over", async () => {
      const a = await get(publicBase, `/api/push/${PUSH_TOKEN}?status=up`);
      return a.status === 200 && a.routedTo !== "node2" ? a : undefined;
    });
    assert.ok(["node1", "node3"].includes(push.node as string));
    const browser = await get(publicBase, "/dashboard", "KUMA_FIXED_NODE=node2");
    assert.equal(browser.status, 200);
    assert.ok(["node1", "node3"].includes(browser.node as string));
    assert.equal(fixedNode(browser.cookies), browser.node, "re-pinned to the node that answered");
  });

  test("with no registered node, a clear 503 instead of a guess", { skip }, async () => {
    const wipe = await (mariadb as StartedTestContainer).exec([
      "sh",
      "-c",
      `mariadb -uroot -p"$MARIADB_ROOT_PASSWORD" ${DB.name} -e 'DELETE FROM node'`,
    ]);
    assert.equal(wipe.exitCode, 0, wipe.output);
    const answer = await eventually("a 503", async () => {
      const a = await get(publicBase, "/dashboard");
      return a.status === 503 ? a : undefined;
    });
    assert.doesNotThrow(() => JSON.parse(answer.body), `503 body is not JSON: ${answer.body}`);
  });

  test("the resty.mysql contract spec passes on OpenResty's lua-resty-mysql", { skip }, async () => {
    const image = await GenericContainer.fromDockerfile(ROOT, "docker/Dockerfile.spec")
      .withBuildArgs({ OPENRESTY_FAT_IMAGE: `${routerBaseImage()}-fat` })
      .build("kuma-cluster-router-spec:e2e", { deleteOnExit: false });
    const runner = await image
      .withNetwork(network as StartedNetwork)
      .withEnvironment({ TEST_DB_HOST: "mariadb", TEST_DB_PORT: "3306", TEST_DB_USER: "root", TEST_DB_PASSWORD: DB.rootPassword })
      .withCommand(["sleep", "3600"])
      .start();
    try {
      const run = await runner.exec(["/opt/kuma-router/docker/run-specs.sh"]);
      assert.equal(run.exitCode, 0, run.output);
      assert.match(run.output, /[1-9]\d* successes? \/ 0 failures \/ 0 errors/);
    } finally {
      await runner.stop();
    }
  });
});
