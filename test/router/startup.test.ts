// The router process: environment validation at startup, env propagation into the Lua, and the
// split between the public and the internal listener.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { VARIABLES, variableNames, variableSpec } from "../../src-lua-ts/core/variables";
import { ROOT, luaErrors, routerEnv, startRouter } from "../../harness/router";

test("a malformed HEALTH_CHECK_INTERVAL stops `make router` with the variable named", () => {
  const r = spawnSync("make", ["-s", "router"], {
    cwd: ROOT,
    env: routerEnv({ HEALTH_CHECK_INTERVAL: "abc", ROUTER_LISTEN: "127.0.0.1:18084", ROUTER_STATUS_LISTEN: "127.0.0.1:19145" }),
    encoding: "utf8",
    timeout: 30_000,
  });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /HEALTH_CHECK_INTERVAL=abc: expected seconds/);
});

test("a negative DB_PORT and a bad ROUTER_LISTEN stop startup naming each variable", () => {
  const bad = spawnSync(join(ROOT, "scripts", "router.sh"), [], {
    env: routerEnv({ DB_PORT: "-5", ROUTER_LISTEN: "127.0.0.1:18085", ROUTER_STATUS_LISTEN: "127.0.0.1:19146" }),
    encoding: "utf8",
    timeout: 30_000,
  });
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /DB_PORT=-5: expected a whole number/);
  const listen = spawnSync(join(ROOT, "scripts", "router.sh"), [], {
    env: routerEnv({ ROUTER_LISTEN: "localhost:http" }),
    encoding: "utf8",
  });
  assert.equal(listen.status, 2);
  assert.match(listen.stderr, /ROUTER_LISTEN=localhost:http/);
});

test("bad rebalance settings stop startup naming the variable", () => {
  for (const [name, value, why] of [
    ["REBALANCE", "sometimes", "true or false"],
    ["REBALANCE_THRESHOLD", "0", "a value from 1 to 1000"],
    ["REBALANCE_SETTLE", "soon", "seconds"],
    ["REBALANCE_BATCH", "-3", "a whole number"],
  ]) {
    const r = spawnSync(join(ROOT, "scripts", "router.sh"), [], { env: routerEnv({ [name]: value }), encoding: "utf8", timeout: 30_000 });
    assert.notEqual(r.status, 0, `${name}=${value}`);
    assert.match(r.stderr, new RegExp(`${name}=${value}: expected ${why}`));
  }
});

test("a bad ROUTER_TRUSTED_PROXIES stops startup naming the variable, before nginx reads it", () => {
  for (const value of ["10.0.0.0/33", "proxy.example", "10.0.0.1,"]) {
    const r = spawnSync(join(ROOT, "scripts", "router.sh"), [], { env: routerEnv({ ROUTER_TRUSTED_PROXIES: value }), encoding: "utf8" });
    assert.equal(r.status, 2, value);
    assert.match(r.stderr, new RegExp(`ROUTER_TRUSTED_PROXIES=${value.replace(/[./]/g, "\\$&")}: expected addresses or CIDRs`));
  }
});

test("ROUTER_WORKER_SHUTDOWN_TIMEOUT: a bad value stops startup naming the variable; the default is the table's, in nginx's form", () => {
  for (const value of ["0", "0.5", "3601", "30s", "-1", "1.2345", "abc"]) {
    const r = spawnSync(join(ROOT, "scripts", "router.sh"), [], {
      env: routerEnv({ ROUTER_WORKER_SHUTDOWN_TIMEOUT: value }),
      encoding: "utf8",
    });
    assert.equal(r.status, 2, value);
    assert.match(r.stderr, new RegExp(`ROUTER_WORKER_SHUTDOWN_TIMEOUT=${value.replace(/[.]/g, "\\$&")}: expected seconds`));
  }
  const render = (value: string | undefined) =>
    spawnSync(
      "sh",
      [
        "-c",
        `. "${ROOT}/scripts/router-conf.sh" && shutdown_timeout_ms "$1"`,
        "sh",
        value ?? variableSpec("ROUTER_WORKER_SHUTDOWN_TIMEOUT")?.fallback ?? "",
      ],
      { encoding: "utf8" },
    ).stdout;
  assert.equal(render(undefined), "30000ms");
  assert.equal(render("2.5"), "2500ms");
  assert.equal(render("1"), "1000ms");
});

test("trusted proxies render in POSIX sh too: the image's entrypoint is /bin/sh", () => {
  const render = (value: string) =>
    spawnSync("sh", ["-c", `. "${ROOT}/scripts/router-conf.sh" && trusted_proxies_conf "$1"`, "sh", value], { encoding: "utf8" });
  const ok = render("10.0.0.0/8, fd00::/8");
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /geo \$kuma_trusted_proxy \{\n {4}default 0;\n {4}10\.0\.0\.0\/8 1;\n {4}fd00::\/8 1;\n\}/);
  assert.equal(render("10.0.0.256").status, 1);
});

test("nginx/env.conf declares exactly the variables the router reads", async () => {
  const { readFileSync } = await import("node:fs");
  const declared = readFileSync(join(ROOT, "nginx", "env.conf"), "utf8")
    .split("\n")
    .filter((l) => l.startsWith("env "))
    .map((l) => l.slice(4, -1));
  assert.deepEqual([...declared].sort(), [...variableNames("router")].sort());
});

test("every router variable set in the shell reaches the Lua; the password is redacted", async (t) => {
  // A distinct valid value per variable, so a missing `env` line shows up as the default.
  const values: Record<string, string> = {
    K8S_MODE: "true",
    KUBERNETES_SERVICE_HOST: "10.0.0.1",
    COMPOSE_PROJECT_NAME: "kuma-test",
    DB_HOST: "db.test",
    DB_PORT: "3399",
    DB_USER: "router",
    DB_PASSWORD: "not-shown",
    DB_NAME: "kuma_test",
    DB_TIMEOUT: "1234",
    K8S_NAMESPACE: "ns-test",
    K8S_HEADLESS_SERVICE: "hl-test",
    K8S_CLUSTER_DOMAIN: "cluster.test",
    DNS_SERVERS: "127.0.0.1:5399",
    K8S_DNS_SERVER: "127.0.0.9",
    CLUSTER_NODE_COUNT: "9",
    MONITOR_LIMIT_PER_NODE: "77",
    CLUSTER_DEFAULT_PORT: "3999",
    NODE_HOST_PREFIX: "kuma-",
    HEALTH_CHECK_INTERVAL: "2.5",
    HEALTH_CHECK_TIMEOUT: "777",
    HEALTH_CHECK_FAILURES: "4",
    HEALTH_CHECK_SUCCESSES: "5",
    HEALTH_CHECK_PATH: "/api/entry-page",
    HEALTH_CHECK_STATUSES: "200-204",
    STALE_NODE_TIMEOUT: "321",
    REBALANCE: "false",
    REBALANCE_THRESHOLD: "35",
    REBALANCE_SETTLE: "12.5",
    REBALANCE_BATCH: "7",
    REBALANCE_INTERVAL: "3",
    REBALANCE_COOLDOWN: "99",
    ROUTER_SYNC_INTERVAL: "0.5",
    ROUTER_TRUSTED_PROXIES: "10.1.0.0/16,fd00::1",
    ROUTER_LOOKUP_CONNECTIONS: "3",
    ROUTER_LOOKUP_RATE: "77",
    ROUTER_LOOKUP_NEGATIVE_TTL: "4.5",
    ROUTER_WORKER_SHUTDOWN_TIMEOUT: "12.5",
    ROUTER_MANAGED_NODES: "node*,edge-1",
    ROUTER_METRICS: "false",
    DEBUG_LOG_LEVEL: "notice",
    HEARTBEAT_INTERVAL: "45",
  };
  const router = await startRouter(values);
  t.after(() => router.stop());
  const res = await fetch(`${router.statusUrl}/lb/config`);
  assert.equal(res.status, 200);
  const body = (await res.json()) as { variables: Record<string, string>; environment: string };
  for (const spec of VARIABLES) {
    if (spec.side === "node" || spec.name === "ROUTER_LISTEN" || spec.name === "ROUTER_STATUS_LISTEN") continue;
    const expected = spec.secret ? "<redacted>" : values[spec.name];
    assert.equal(body.variables[spec.name], expected, `${spec.name} did not reach the Lua`);
  }
  assert.equal(body.environment, "kubernetes");
  assert.doesNotMatch(JSON.stringify(body), /not-shown/);
  // db.test does not exist: resolving it and the sync fail by design here, and nothing else may.
  assert.deepEqual(
    luaErrors(router.errorLog()).filter((l) => !/snapshot sync failed|dns db\.test: lookup failed/.test(l)),
    [],
  );
});

test("aliases reach the Lua too (NAMESPACE, HEADLESS_SERVICE_NAME, UPTIME_KUMA_DB_*)", async (t) => {
  const router = await startRouter({ NAMESPACE: "alias-ns", HEADLESS_SERVICE_NAME: "alias-hl", UPTIME_KUMA_DB_HOSTNAME: "alias-db" });
  t.after(() => router.stop());
  const body = (await (await fetch(`${router.statusUrl}/lb/config`)).json()) as { variables: Record<string, string> };
  assert.equal(body.variables.K8S_NAMESPACE, "alias-ns");
  assert.equal(body.variables.K8S_HEADLESS_SERVICE, "alias-hl");
  assert.equal(body.variables.DB_HOST, "alias-db");
});

test("/lb/health and /lb/ready are public; /lb/config exists only on the internal listener", async (t) => {
  const router = await startRouter({});
  t.after(() => router.stop());
  const health = await fetch(`${router.publicUrl}/lb/health`);
  assert.equal(health.status, 200);
  assert.deepEqual(await health.json(), { status: "ok" });
  // Its database (DB_HOST=mariadb) does not resolve here: alive, but never ready.
  const ready = await fetch(`${router.publicUrl}/lb/ready`);
  assert.equal(ready.status, 503);
  assert.equal(((await ready.json()) as { error: string }).error, "no_cluster_snapshot");
  const publicConfig = await fetch(`${router.publicUrl}/lb/config`);
  assert.notEqual(publicConfig.status, 200);
  assert.equal((await fetch(`${router.statusUrl}/lb/config`)).status, 200);
  assert.match(router.errorLog(), /environment=local db=kuma@mariadb:3306\/kuma \(password redacted\)/);
});
