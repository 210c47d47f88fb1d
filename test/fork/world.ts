// How each world starts its nodes, read from the manifests themselves so that the real-node
// suite runs what an operator deploys: docker-compose-cluster.yaml (the migrate one-shot, then
// each node service's command and environment) and the StatefulSet as `kubectl kustomize`
// renders the staging overlay (the migrate init container, then the node container's args,
// environment and Downward API). The package path inside the containers (the volume the
// node-package step fills) is this checkout; what a container gets from its own network
// namespace and volume (listen address, data folder) is added by the suite.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serviceEnv } from "../deploy/compose-checks";
import { find, NAMES, podGetenv, resolveEnv } from "../deploy/k8s-checks";
import { Json, K8sWorkspace, kustomize, parseYamlDocuments } from "../deploy/support";
import { ROOT } from "./install";

export type World = "compose" | "kubernetes";

export interface Step {
  argv: string[];
  env: Record<string, string>;
}

export interface NodePlan {
  index: number;
  id: string;
  /** The name the router resolves (service name, or the pod's FQDN). */
  dnsName: string;
  /** One-shot steps before the node: migrate. */
  before: Step[];
  node: Step;
  /** The drain before SIGTERM: the StatefulSet's preStop hook; in Compose the documented `docker compose exec` drain. */
  preStop?: Step;
}

export interface WorldPlan {
  world: World;
  nodes: NodePlan[];
  /** The router's environment for this world (besides database, DNS and listeners). */
  routerEnv: Record<string, string>;
}

/** The package as a container runs it (from the volume at `mount`), mapped to this checkout. */
function mapPackage(argv: readonly string[], mount: string): string[] {
  return argv.map((a) => (a.startsWith(`${mount}/`) ? join(ROOT, a.slice(mount.length + 1)) : a));
}

/** `kuma-cluster-node` on the image's PATH, as this checkout's bin. */
function packageCommand(argv: readonly string[]): string[] {
  return argv[0] === "kuma-cluster-node" ? [process.execPath, join(ROOT, "node", "bin", "kuma-cluster-node"), ...argv.slice(1)] : [...argv];
}

const fromMap = (m: Map<string, string>): Record<string, string> => Object.fromEntries(m);

/** docker-compose-cluster.yaml with the variables an operator exports (test-only values). */
export function composePlan(): WorldPlan {
  const file = join(ROOT, "docker-compose-cluster.yaml");
  const doc: Json = parseYamlDocuments(readFileSync(file, "utf8"), file)[0];
  const vars = { KUMA_DB_PASSWORD: "replaced-by-the-suite", KUMA_DB_ROOT_PASSWORD: "unused" };
  const migrate = doc.services.migrate;
  const migrateStep: Step = { argv: packageCommand(["kuma-cluster-node", ...migrate.command]), env: fromMap(serviceEnv(migrate, vars)) };
  const names = Object.keys(doc.services)
    .filter((s) => /^uptime-kuma-node\d+$/.test(s))
    .sort();
  const nodes = names.map((name, index): NodePlan => {
    const svc = doc.services[name];
    const env = fromMap(serviceEnv(svc, vars));
    const mount = String(svc.volumes.find((v: string) => v.startsWith("kuma-cluster-node:"))).split(":")[1];
    // Compose has no preStop: before a planned restart the operator drains the node in its
    // container (docs/health.md, "Drain"), with the command the StatefulSet's preStop runs.
    const drain: Step = { argv: ["node", join(ROOT, "node", "bin", "kuma-cluster-node"), "drain", "--shutdown", "--wait", "40"], env };
    return {
      index,
      id: env.UPTIME_KUMA_NODE_ID,
      dnsName: svc.container_name,
      before: [migrateStep],
      node: { argv: mapPackage(svc.command, mount), env },
      preStop: drain,
    };
  });
  return {
    world: "compose",
    nodes,
    routerEnv: { COMPOSE_PROJECT_NAME: fromMap(serviceEnv(doc.services.router, vars)).COMPOSE_PROJECT_NAME },
  };
}

/** The staging overlay's StatefulSet, pod by pod; `replicas` as `kubectl scale` would set them. */
export function kubernetesPlan(replicas?: number): WorldPlan {
  const ws = new K8sWorkspace();
  let objects;
  try {
    objects = kustomize(ws.path("overlays", "staging"));
  } finally {
    ws.remove();
  }
  const sts = find(objects, "StatefulSet", NAMES.nodeStatefulSet) as Json;
  const namespace: string = sts.metadata.namespace;
  const headless: string = sts.spec.serviceName;
  const pod = sts.spec.template.spec;
  const container = pod.containers.find((c: Json) => c.name === NAMES.nodeContainer);
  const migrate = pod.initContainers.find((c: Json) => c.name === "migrate");
  const mount: string = container.volumeMounts.find((m: Json) => m.name === "kuma-cluster-node").mountPath;
  const problems: string[] = [];
  const containerEnv = resolveEnv(objects, container, problems, "node");
  const migrateEnv = resolveEnv(objects, migrate, problems, "migrate");
  if (problems.length > 0) throw new Error(problems.join("; "));
  const envOf = (env: ReturnType<typeof resolveEnv>, podName: string): Record<string, string> => {
    const get = podGetenv(env, podName, namespace);
    const out: Record<string, string> = { HOSTNAME: podName, KUBERNETES_SERVICE_HOST: "10.96.0.1", KUBERNETES_SERVICE_PORT: "443" };
    for (const name of env.keys()) out[name] = get(name) ?? "";
    return out;
  };
  const hook = container.lifecycle?.preStop?.exec?.command as string[] | undefined;
  const nodes = Array.from({ length: replicas ?? sts.spec.replicas }, (_, index): NodePlan => {
    const podName = `${sts.metadata.name}-${index}`;
    return {
      preStop: hook === undefined ? undefined : { argv: mapPackage(hook, mount), env: envOf(containerEnv, podName) },
      index,
      id: podName,
      dnsName: `${podName}.${headless}.${namespace}.svc.cluster.local`,
      before: [{ argv: packageCommand([...(migrate.command ?? []), ...(migrate.args ?? [])]), env: envOf(migrateEnv, podName) }],
      node: { argv: mapPackage(container.args, mount), env: envOf(containerEnv, podName) },
    };
  });
  return { world: "kubernetes", nodes, routerEnv: { K8S_MODE: "true", K8S_NAMESPACE: namespace, K8S_HEADLESS_SERVICE: headless } };
}
