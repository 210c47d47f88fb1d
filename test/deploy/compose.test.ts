// docker-compose-cluster.yaml parses and matches the env contract of variables.ts: the router
// detects Compose, the nodes register as node1..N at uptime-kuma-nodeN:3001 with node1 primary,
// every side uses the same database, the internal listener stays on the host's loopback and
// passwords are required variables. Then each check is shown to catch a broken file.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Json, parseYamlDocuments, ROOT } from "./support";
import { composePasswordProblems, composeProblems as checkCompose, interpolate } from "./compose-checks";
import { packageRoot } from "./node-package-checks";

const PACKAGE_ROOT = packageRoot(readFileSync(join(ROOT, "Dockerfile.node"), "utf8"));
const composeProblems = (doc: Json, env: Record<string, string>): string[] => checkCompose(doc, env, PACKAGE_ROOT);

const FILE = join(ROOT, "docker-compose-cluster.yaml");
// What an operator exports before `docker compose up` (the file has no password defaults).
const ENV = { KUMA_DB_PASSWORD: "test-only-password", KUMA_DB_ROOT_PASSWORD: "test-only-root-password" };

const load = (): Json => {
  const docs = parseYamlDocuments(readFileSync(FILE, "utf8"), FILE);
  assert.equal(docs.length, 1);
  return docs[0];
};

describe("compose: docker-compose-cluster.yaml", () => {
  test("parses, with its YAML anchors merged", () => {
    const doc = load();
    assert.deepEqual(Object.keys(doc.services).sort(), [
      "mariadb",
      "migrate",
      "node-package",
      "router",
      "uptime-kuma-node1",
      "uptime-kuma-node2",
      "uptime-kuma-node3",
    ]);
    assert.equal(doc.services["uptime-kuma-node2"].environment.UPTIME_KUMA_DB_TYPE, "mariadb");
  });

  test("matches the env contract and the Compose layout of docs/deployment.md", () => {
    assert.deepEqual(composeProblems(load(), ENV), []);
  });

  test("passwords are required variables, never literals or defaults", () => {
    assert.deepEqual(composePasswordProblems(load()), []);
  });

  test("without the password variables, Compose refuses to start", () => {
    assert.throws(() => composeProblems(load(), {}), /required variable KUMA_DB_PASSWORD/);
  });

  test("the node image and the router image are configurable", () => {
    const doc = load();
    assert.equal(interpolate(doc.services["uptime-kuma-node1"].image, { UPTIME_KUMA_IMAGE: "reg/kuma:2.0" }), "reg/kuma:2.0");
    assert.match(interpolate(doc.services.router.image, {}), /^kuma-cluster-router:\d/);
    assert.equal(doc.services.router.build.dockerfile, "Dockerfile.openresty");
  });
});

type Mutation = (doc: Json) => void;
const BROKEN: [string, Mutation, RegExp][] = [
  [
    "router without COMPOSE_PROJECT_NAME",
    (d) => delete d.services.router.environment.COMPOSE_PROJECT_NAME,
    /would not detect Compose|detects local/,
  ],
  [
    "router sets a variable variables.ts lacks",
    (d) => (d.services.router.environment.ROUTER_TYPO = "1"),
    /ROUTER_TYPO, which variables.ts does not declare/,
  ],
  ["router value the loader rejects", (d) => (d.services.router.environment.DB_PORT = "99999"), /router settings: DB_PORT=99999/],
  ["internal port published on every interface", (d) => (d.services.router.ports[1] = "9145:9145"), /internal port as 9145:9145/],
  ["public port not published", (d) => d.services.router.ports.shift(), /does not publish its public port 8084/],
  ["two primaries", (d) => (d.services["uptime-kuma-node2"].environment.UPTIME_KUMA_PRIMARY = "true"), /2 primaries/],
  [
    "node host pointing at another container",
    (d) => (d.services["uptime-kuma-node3"].environment.UPTIME_KUMA_NODE_HOST = "uptime-kuma-node2:3001"),
    /registers host uptime-kuma-node2:3001/,
  ],
  [
    "node id out of order",
    (d) => (d.services["uptime-kuma-node2"].environment.UPTIME_KUMA_NODE_ID = "node5"),
    /node id node5, expected node2/,
  ],
  ["container name differs from the node host", (d) => (d.services["uptime-kuma-node1"].container_name = "kuma1"), /container_name kuma1/],
  ["node on another database", (d) => (d.services["uptime-kuma-node3"].environment.UPTIME_KUMA_DB_NAME = "other"), /DB_NAME differs/],
  [
    "node not waiting for the primary",
    (d) => delete d.services["uptime-kuma-node2"].depends_on["uptime-kuma-node1"],
    /does not wait for the primary/,
  ],
  ["database without a healthcheck", (d) => delete d.services.mariadb.healthcheck, /no healthcheck/],
  [
    "node healthcheck on another path",
    (d) => (d.services["uptime-kuma-node1"].healthcheck = { test: ["CMD", "wget", "http://127.0.0.1:3001/"] }),
    /healthcheck requests \/; the router probes/,
  ],
  ["node image hard-coded", (d) => (d.services["uptime-kuma-node1"].image = "louislam/uptime-kuma:2"), /not configurable/],
  [
    "node started without the supervisor",
    (d) => (d.services["uptime-kuma-node2"].command = ["node", "server/server.js"]),
    /uptime-kuma-node2: runs \["node","server\/server.js"\], expected/,
  ],
  [
    "node not waiting for migrate",
    (d) => delete d.services["uptime-kuma-node3"].depends_on.migrate,
    /uptime-kuma-node3: does not wait for migrate to complete/,
  ],
  [
    "node without the package volume",
    (d) => (d.services["uptime-kuma-node1"].volumes = ["node1-data:/app/data"]),
    /uptime-kuma-node1: does not mount the package volume/,
  ],
  [
    "package copied from the wrong folder",
    (d) => (d.services["node-package"].command = ["cp", "-a", "/app/.", "/kuma-cluster-node/"]),
    /node-package: runs .*expected \["cp","-a","\/opt\/kuma-cluster-node\/."/,
  ],
  ["migrate on another database", (d) => (d.services.migrate.environment.DB_NAME = "other"), /migrate: DB_NAME differs from the router's/],
];

describe("compose: each check catches a file broken on purpose", () => {
  for (const [what, mutate, expected] of BROKEN) {
    test(what, () => {
      const doc = load();
      mutate(doc);
      const problems = composeProblems(doc, ENV);
      assert.ok(
        problems.some((p) => expected.test(p)),
        `expected ${expected}, got:\n${problems.join("\n")}`,
      );
    });
  }

  test("a literal password and a password with a default", () => {
    const doc = load();
    doc.services.router.environment.DB_PASSWORD = "kuma_pass";
    doc.services.mariadb.environment.MARIADB_ROOT_PASSWORD = "${KUMA_DB_ROOT_PASSWORD:-root}";
    const problems = composePasswordProblems(doc);
    assert.equal(problems.length, 2, problems.join("\n"));
  });
});
