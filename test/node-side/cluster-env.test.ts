// ClusterEnv (the fork's server/util/cluster-env.js, docs/node-package.md) and the node-side settings, without a database.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ClusterEnv, ClusterEnvError } from "../../node/src/cluster-env";
import { loadDbSettings, loadNodeAgentSettings } from "../../src-lua-ts/core/node_settings";

const COMPOSE = { COMPOSE_PROJECT_NAME: "kuma" };
const K8S = { KUBERNETES_SERVICE_HOST: "10.96.0.1", NAMESPACE: "monitoring" };
const noResolvConf = (): string => "";
const getter = (env: Record<string, string>) => (name: string) => env[name];

function errorOf(fn: () => unknown): ClusterEnvError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof ClusterEnvError, `expected a ClusterEnvError, got ${String(err)}`);
    return err;
  }
  assert.fail("expected a ClusterEnvError");
}

test("Compose: node1 with UPTIME_KUMA_PRIMARY=true is primary at uptime-kuma-node1:3001", () => {
  const env = new ClusterEnv({ ...COMPOSE, UPTIME_KUMA_NODE_ID: "node1", UPTIME_KUMA_PRIMARY: "true" }, noResolvConf);
  assert.equal(env.getEnvironmentName(), "docker-compose");
  assert.deepEqual([env.isDockerCompose, env.isK8s, env.isLocal], [true, false, false]);
  assert.deepEqual(env.identity(), {
    environment: "docker-compose",
    nodeId: "node1",
    nodeName: "node1",
    host: "uptime-kuma-node1:3001",
    isPrimary: true,
    format: "docker-compose",
    index: 0,
  });
  assert.equal(env.hasNodeId(), true);
});

test("Compose: node2 without the flag is not primary; the host comes from its id", () => {
  const env = new ClusterEnv({ ...COMPOSE, UPTIME_KUMA_NODE_ID: "node2", UPTIME_KUMA_NODE_NAME: "Second" }, noResolvConf);
  const id = env.identity();
  assert.equal(id.isPrimary, false);
  assert.equal(id.host, "uptime-kuma-node2:3001");
  assert.equal(id.nodeName, "Second");
  assert.equal(env.isPrimaryNode("node2"), false);
});

test("Compose is also detected from an uptime-kuma-node host, which is then used as-is", () => {
  const env = new ClusterEnv({ UPTIME_KUMA_NODE_ID: "node3", UPTIME_KUMA_NODE_HOST: "uptime-kuma-node3:4000" }, noResolvConf);
  assert.equal(env.getEnvironmentName(), "docker-compose");
  assert.equal(env.buildNodeHost("node3"), "uptime-kuma-node3:4000");
});

test("Kubernetes: uptime-kuma-0 gets the headless FQDN and is primary by index 0", () => {
  const env = new ClusterEnv({ ...K8S, UPTIME_KUMA_NODE_ID: "uptime-kuma-0" }, noResolvConf);
  assert.equal(env.getEnvironmentName(), "kubernetes");
  assert.deepEqual([env.isK8s, env.isDockerCompose, env.isLocal], [true, false, false]);
  const id = env.identity();
  assert.equal(id.host, "uptime-kuma-0.uptime-kuma-headless.monitoring.svc.cluster.local:3001");
  assert.equal(id.isPrimary, true);
  assert.equal(id.format, "k8s-statefulset");
  assert.equal(id.index, 0);
});

test("Kubernetes: other ordinals are not primary; the id argument builds that pod's host", () => {
  const env = new ClusterEnv({ ...K8S, UPTIME_KUMA_NODE_ID: "uptime-kuma-2", HEADLESS_SERVICE_NAME: "kuma-hl" }, noResolvConf);
  assert.equal(env.identity().isPrimary, false);
  assert.equal(env.isPrimaryNode("uptime-kuma-0"), true);
  assert.equal(env.isPrimaryNode("uptime-kuma-1"), false);
  assert.equal(env.buildNodeHost("uptime-kuma-1"), "uptime-kuma-1.kuma-hl.monitoring.svc.cluster.local:3001");
});

test("an explicit UPTIME_KUMA_PRIMARY=false wins over index 0", () => {
  const env = new ClusterEnv({ ...K8S, UPTIME_KUMA_NODE_ID: "uptime-kuma-0", UPTIME_KUMA_PRIMARY: "false" }, noResolvConf);
  assert.equal(env.isPrimaryNode("uptime-kuma-0"), false);
});

test("K8S_MODE=false turns Kubernetes detection off", () => {
  const env = new ClusterEnv({ ...K8S, K8S_MODE: "false" }, noResolvConf);
  assert.equal(env.getEnvironmentName(), "local");
});

test("no node id: the default local node, primary, on 127.0.0.1", () => {
  const env = new ClusterEnv({}, noResolvConf);
  assert.equal(env.hasNodeId(), false);
  const id = env.identity();
  assert.deepEqual([id.nodeId, id.nodeName, id.host, id.isPrimary], ["local-node", "Local Node", "127.0.0.1:3001", true]);
});

test("NODE_ID is accepted as an alias of UPTIME_KUMA_NODE_ID", () => {
  const env = new ClusterEnv({ ...COMPOSE, NODE_ID: "node4" }, noResolvConf);
  assert.equal(env.hasNodeId(), true);
  assert.equal(env.identity().nodeId, "node4");
});

test("node id formats and indexes are the core's: underscores are custom, node0 has no index", () => {
  const env = new ClusterEnv({}, noResolvConf);
  assert.equal(env.detectNodeIdFormat("node1"), "docker-compose");
  assert.equal(env.detectNodeIdFormat("uptime-kuma-3"), "k8s-statefulset");
  assert.equal(env.detectNodeIdFormat("my_node-1"), "custom");
  assert.equal(env.detectNodeIdFormat(null), "custom");
  assert.equal(env.extractNodeIndex("node1"), 0);
  assert.equal(env.extractNodeIndex("uptime-kuma-3"), 3);
  assert.equal(env.extractNodeIndex("my_node-1"), null);
  assert.equal(env.extractNodeIndex("node0"), null);
  assert.equal(env.extractNodeIndex(undefined), null);
});

test("a bad environment throws with the variable and value named", () => {
  const badId = errorOf(() => new ClusterEnv({ UPTIME_KUMA_NODE_ID: "bad id" }, noResolvConf).identity());
  assert.match(badId.message, /UPTIME_KUMA_NODE_ID=bad id/);
  const badMode = errorOf(() => new ClusterEnv({ K8S_MODE: "maybe" }, noResolvConf));
  assert.match(badMode.message, /K8S_MODE=maybe/);
  const badPort = errorOf(() => new ClusterEnv({ ...COMPOSE, UPTIME_KUMA_PORT: "99999" }, noResolvConf).buildNodeHost("node1"));
  assert.match(badPort.message, /UPTIME_KUMA_PORT=99999/);
  // A pod name must be a DNS label: no host can be built from an underscore.
  const noHost = errorOf(() => new ClusterEnv(K8S, noResolvConf).buildNodeHost("my_node-1"));
  assert.match(noHost.message, /UPTIME_KUMA_NODE_ID=my_node-1/);
  errorOf(() => new ClusterEnv(K8S, noResolvConf).isPrimaryNode(""));
});

test("DNS: DNS_SERVERS first, then K8S_DNS_SERVER, then resolv.conf", () => {
  const resolv = () => "search monitoring.svc.cluster.local\nnameserver 10.43.0.10\noptions ndots:5\n";
  assert.deepEqual(
    new ClusterEnv({ ...K8S, DNS_SERVERS: "10.0.0.10, 10.0.0.11:5353", K8S_DNS_SERVER: "10.1.1.1" }, resolv).getDnsServers(),
    ["10.0.0.10", "10.0.0.11:5353"],
  );
  assert.deepEqual(new ClusterEnv({ ...K8S, K8S_DNS_SERVER: "10.1.1.1" }, resolv).getDnsServers(), ["10.1.1.1"]);
  const fromFile = new ClusterEnv(K8S, resolv);
  assert.deepEqual(fromFile.getDnsServers(), ["10.43.0.10"]);
  assert.equal(fromFile.dnsSettings().source, "/etc/resolv.conf");
});

test("DNS: nothing configured gives no servers, never a guessed default", () => {
  for (const env of [K8S, COMPOSE, {}]) {
    assert.deepEqual(new ClusterEnv(env, noResolvConf).getDnsServers(), []);
  }
  assert.match(
    errorOf(() => new ClusterEnv({ DNS_SERVERS: "dns.google" }, noResolvConf).getDnsServers()).message,
    /DNS_SERVERS=dns.google/,
  );
});

test("the env object is read on each call (process.env-like objects may change)", () => {
  const vars: Record<string, string> = { ...COMPOSE, UPTIME_KUMA_NODE_ID: "node1" };
  const env = new ClusterEnv(vars, noResolvConf);
  assert.equal(env.identity().nodeId, "node1");
  vars.UPTIME_KUMA_NODE_ID = "node5";
  assert.equal(env.identity().nodeId, "node5");
});

test("DB settings: DB_* first, then the UPTIME_KUMA_DB_* names, then defaults", () => {
  const aliases = loadDbSettings(
    getter({ UPTIME_KUMA_DB_HOSTNAME: "db.internal", UPTIME_KUMA_DB_PORT: "3307", UPTIME_KUMA_DB_NAME: "kuma2" }),
  );
  assert.deepEqual(aliases, {
    ok: true,
    value: { host: "db.internal", port: 3307, user: "kuma", password: "", database: "kuma2", timeoutMs: 5000 },
  });
  const both = loadDbSettings(getter({ DB_HOST: "primary-db", UPTIME_KUMA_DB_HOSTNAME: "db.internal" }));
  assert.equal(both.ok && both.value.host, "primary-db");
});

test("node settings: bad values are named with their variable", () => {
  const loaded = loadNodeAgentSettings(getter({ DB_PORT: "abc", HEARTBEAT_INTERVAL: "0" }));
  assert.equal(loaded.ok, false);
  const errors = loaded.ok ? [] : loaded.errors;
  assert.ok(
    errors.some((e) => e.startsWith("DB_PORT=abc")),
    errors.join("; "),
  );
  assert.ok(
    errors.some((e) => e.startsWith("HEARTBEAT_INTERVAL=0")),
    errors.join("; "),
  );
  const good = loadNodeAgentSettings(getter({ HEARTBEAT_INTERVAL: "2.5", STALE_NODE_TIMEOUT: "90" }));
  assert.deepEqual(good.ok && [good.value.heartbeatIntervalS, good.value.staleAfterS], [2.5, 90]);
});
