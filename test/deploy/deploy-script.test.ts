// k8s/deploy.sh against a stand-in kubectl that records what it is asked (and hands
// `kubectl kustomize` to the real one): argument checks, the secret file it creates, the
// namespace it keeps on delete, and how it scales.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { K8sWorkspace, kustomize, parseEnvFile, parseYamlDocuments } from "./support";

const ws = new K8sWorkspace();
after(() => ws.remove());

const realKubectl = spawnSync("sh", ["-c", "command -v kubectl"], { encoding: "utf8" }).stdout.trim();
const fake = ws.path("fake-kubectl");
writeFileSync(
  fake,
  [
    "#!/usr/bin/env bash",
    'echo "$*" >> "$FAKE_LOG"',
    'case "$1" in',
    `  kustomize) exec "${realKubectl}" "$@" ;;`,
    '  delete) cat > "$FAKE_STDIN" ;;',
    '  -n) if [ "$3" = get ]; then [ "${FAKE_HAS:-}" = yes ] || exit 1; case "$*" in *jsonpath*) printf 3 ;; esac; fi ;;',
    "esac",
    "",
  ].join("\n"),
);
chmodSync(fake, 0o755);

function deploy(
  args: string[],
  extra: Record<string, string> = {},
): { status: number | null; stderr: string; log: string[]; stdin: string } {
  const log = ws.path("kubectl.log");
  const stdin = ws.path("kubectl.stdin");
  rmSync(log, { force: true });
  rmSync(stdin, { force: true });
  const r = spawnSync("bash", [ws.path("deploy.sh"), ...args], {
    encoding: "utf8",
    env: { ...process.env, KUBECTL: fake, FAKE_LOG: log, FAKE_STDIN: stdin, ...extra },
  });
  return {
    status: r.status,
    stderr: r.stderr,
    log: existsSync(log) ? readFileSync(log, "utf8").trim().split("\n") : [],
    stdin: existsSync(stdin) ? readFileSync(stdin, "utf8") : "",
  };
}

describe("k8s/deploy.sh", () => {
  test("kubectl is installed (the stand-in hands it `kubectl kustomize`)", () => {
    assert.notEqual(realKubectl, "", "kubectl not found on PATH");
  });

  test("usage errors exit 2 without touching the cluster", () => {
    for (const args of [[], ["scale"], ["launch", "dev"], ["apply", "dev", "extra"]]) {
      const r = deploy(args);
      assert.equal(r.status, 2, `deploy.sh ${args.join(" ")}`);
      assert.deepEqual(r.log, []);
    }
  });

  test("scale refuses a count that is not a number", () => {
    for (const n of ["abc", "0", "-1", "3;rm"]) {
      const r = deploy(["scale", n, "dev"]);
      assert.equal(r.status, 1, n);
      assert.match(r.stderr, /expected a node count/);
      assert.deepEqual(r.log, []);
    }
  });

  test("scale raises the autoscaler's floor, scales the StatefulSet and tells the router", () => {
    const r = deploy(["scale", "4", "dev"], { FAKE_HAS: "yes" });
    assert.equal(r.status, 0, r.stderr);
    const ns = "-n uptime-kuma-dev";
    assert.ok(
      r.log.includes(`${ns} patch hpa/uptime-kuma-hpa --type merge -p {"spec":{"minReplicas":4,"maxReplicas":4}}`),
      r.log.join("\n"),
    );
    assert.ok(r.log.includes(`${ns} scale statefulset/uptime-kuma --replicas=4`));
    assert.ok(r.log.includes(`${ns} set env deployment/kuma-router CLUSTER_NODE_COUNT=4`));
  });

  test("apply creates a private secret file with random passwords, once", () => {
    const file = ws.path("overlays", "dev", "db-secret.env");
    rmSync(file);
    const r = deploy(["apply", "dev"]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.log.includes(`apply -k ${ws.path("overlays", "dev")}`), r.log.join("\n"));
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const env = parseEnvFile(readFileSync(file, "utf8"));
    assert.deepEqual([...env.keys()].sort(), ["MYSQL_DATABASE", "MYSQL_PASSWORD", "MYSQL_ROOT_PASSWORD", "MYSQL_USER"]);
    for (const k of ["MYSQL_PASSWORD", "MYSQL_ROOT_PASSWORD"]) assert.match(env.get(k) as string, /^[A-Za-z0-9]{32}$/);
    assert.notEqual(env.get("MYSQL_PASSWORD"), env.get("MYSQL_ROOT_PASSWORD"));
    const before = readFileSync(file, "utf8");
    deploy(["apply", "dev"]);
    assert.equal(readFileSync(file, "utf8"), before, "an existing secret file must be kept");
  });

  test("delete removes everything but the namespace (and so keeps the volumes)", () => {
    const r = deploy(["delete", "dev"]);
    assert.equal(r.status, 0, r.stderr);
    const deleted = parseYamlDocuments(r.stdin, "delete stdin");
    const kinds = deleted.map((o) => o.kind);
    assert.ok(!kinds.includes("Namespace"), kinds.join(" "));
    for (const k of ["StatefulSet", "Deployment", "Service", "Ingress", "Secret"]) assert.ok(kinds.includes(k), `${k} not deleted`);
    assert.equal(deleted.length, kustomize(ws.path("overlays", "dev")).length - 1);
  });
});
