// Checks over the objects `kubectl kustomize` renders from k8s/. Each returns the problems it
// finds as sentences (empty: all good), so the tests can show both that the real manifests pass
// and that a manifest broken on purpose is caught.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as ts from "typescript";
import { VARIABLES, variableNames, variableSpec } from "../../src-lua-ts/core/variables";
import { loadNodeIdentity, loadRouterSettings, Getenv } from "../../src-lua-ts/core/settings";
import { Json, K8sObject, ROOT } from "./support";
import { copyStepProblems, preStopProblems, packageRoot, supervisedProblems } from "./node-package-checks";

// The names the manifests and the router agree on (docs/deployment.md).
export const NAMES = {
  routerDeployment: "kuma-router",
  routerService: "kuma-router",
  nodeStatefulSet: "uptime-kuma",
  nodeContainer: "uptime-kuma",
  routerContainer: "router",
  hpa: "uptime-kuma-hpa",
  dbSecretPrefix: "uptime-kuma-db-secret",
};

/** The router's endpoints on its public listener for each probe: ready once the registry was read, live while nginx answers. */
export const ROUTER_PROBE_PATHS: Record<string, string> = { readinessProbe: "/lb/ready", livenessProbe: "/lb/health" };
/** What a pod's /etc/resolv.conf says, for the settings loader. */
const RESOLV_CONF = "nameserver 10.96.0.10\nsearch svc.cluster.local\n";

// ---------------------------------------------------------------------------------------------
// Offline schema validation: kubernetes-models (core API) and its CRD packages.

interface Model {
  validate(): void;
}
type ModelClass = new (data: Json) => Model;

/** The npm module holding the model of an apiVersion/kind, or undefined when none is known. */
export function modelModule(apiVersion: string, kind: string): string | undefined {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  if (group === "monitoring.coreos.com") return `@kubernetes-models/prometheus-operator/${group}/${version}/${kind}`;
  if (group === "cert-manager.io") return `@kubernetes-models/cert-manager/${group}/${version}/${kind}`;
  if (group === "") return `kubernetes-models/${version}/${kind}`;
  if (group.includes(".") && !group.endsWith(".k8s.io")) return undefined;
  return `kubernetes-models/${group}/${version}/${kind}`;
}

export function describe(o: K8sObject): string {
  return `${o.kind}/${o.metadata?.name ?? "?"}`;
}

/** Every object against the OpenAPI schema of its kind (types, required fields, formats). */
export function schemaProblems(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  for (const o of objects) {
    const mod = modelModule(o.apiVersion, o.kind);
    let cls: ModelClass | undefined;
    try {
      cls = mod === undefined ? undefined : (require(mod)[o.kind] as ModelClass | undefined);
    } catch {
      cls = undefined;
    }
    if (cls === undefined) {
      problems.push(`${describe(o)}: no offline schema for ${o.apiVersion} ${o.kind}`);
      continue;
    }
    try {
      new cls(o).validate();
    } catch (e) {
      problems.push(`${describe(o)}: ${(e as Error).message}`);
    }
  }
  return problems;
}

/**
 * Unknown fields (`readinesProbe:`, `protocl:`), which the schemas above accept but an API server
 * in strict mode rejects and a lenient one silently drops. Each object becomes a TypeScript
 * object literal typed with its model's interface, and the compiler's excess-property check
 * names every field the type does not have.
 */
export function unknownFieldProblems(labelled: { label: string; object: K8sObject }[]): string[] {
  const imports = new Map<string, string>();
  const lines: string[] = [];
  const labelOfLine: string[] = [];
  const problems: string[] = [];
  labelled.forEach(({ label, object }, i) => {
    const mod = modelModule(object.apiVersion, object.kind);
    if (mod === undefined) {
      problems.push(`${label}: no TypeScript model for ${object.apiVersion} ${object.kind}`);
      return;
    }
    const alias = `T${imports.size}`;
    if (!imports.has(mod)) imports.set(mod, alias);
    labelOfLine.push(label);
    lines.push(`export const o${i}: ${imports.get(mod)} = ${JSON.stringify(object)};`);
  });
  const header = [...imports.entries()].map(([mod, alias]) => {
    const kind = mod.slice(mod.lastIndexOf("/") + 1);
    return `import type { I${kind} as ${alias} } from ${JSON.stringify(mod)};`;
  });
  const source = [...header, ...lines].join("\n");
  // A virtual file at the repository root, so that node_modules resolves as for the tests.
  const file = join(ROOT, "__k8s_unknown_fields__.ts");
  const options: ts.CompilerOptions = {
    noEmit: true,
    strict: true,
    skipLibCheck: true,
    types: [],
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.getSourceFile = (name, lang, ...rest) =>
    name === file ? ts.createSourceFile(name, source, lang) : getSourceFile(name, lang, ...rest);
  host.fileExists = (name) => name === file || fileExists(name);
  const program = ts.createProgram([file], { ...options, ignoreDeprecations: "6.0" } as ts.CompilerOptions, host);
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, " ").slice(0, 300);
    if (d.file?.fileName === file && d.start !== undefined) {
      const line = d.file.getLineAndCharacterOfPosition(d.start).line - header.length;
      problems.push(`${labelOfLine[line] ?? "?"}: ${message}`);
    } else {
      problems.push(`type check: ${message}`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Finding things in the rendered objects.

export function find(objects: K8sObject[], kind: string, name: string): K8sObject | undefined {
  return objects.find((o) => o.kind === kind && o.metadata.name === name);
}

/** A generated object (ConfigMap/Secret) by its name before kustomize's hash suffix. */
export function findGenerated(objects: K8sObject[], kind: string, name: string): K8sObject | undefined {
  return objects.find((o) => o.kind === kind && (o.metadata.name === name || new RegExp(`^${name}-[a-z0-9]{10}$`).test(o.metadata.name)));
}

function container(workload: K8sObject | undefined, name: string): Json | undefined {
  return workload?.spec?.template?.spec?.containers?.find((c: Json) => c.name === name);
}

function labelsMatch(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

/** A container port by number or name, as a number. */
function containerPort(c: Json, port: number | string): number | undefined {
  if (typeof port === "number") return port;
  if (/^\d+$/.test(port)) return Number(port);
  return c?.ports?.find((p: Json) => p.name === port)?.containerPort;
}

/** The container port a Service port forwards to, given the selected pods' container. */
function serviceTarget(svcPort: Json, c: Json): number | undefined {
  return containerPort(c, svcPort.targetPort ?? svcPort.port);
}

function portOf(listen: string): number {
  return Number(listen.slice(listen.lastIndexOf(":") + 1));
}

function hostOf(listen: string): string {
  const i = listen.lastIndexOf(":");
  return i < 0 ? "" : listen.slice(0, i);
}

// ---------------------------------------------------------------------------------------------
// Environment of a container, resolved the way the kubelet does it.

export type EnvSource =
  | { from: "literal"; value: string }
  | { from: "field"; fieldPath: string }
  | { from: "configmap"; name: string; key: string; value: string | undefined }
  | { from: "secret"; name: string; key: string; value: string | undefined };

/** envFrom first, then env (which wins), with ConfigMap and Secret values looked up. */
export function resolveEnv(objects: K8sObject[], c: Json, problems: string[], where: string): Map<string, EnvSource> {
  const env = new Map<string, EnvSource>();
  const configMap = (name: string): K8sObject | undefined => find(objects, "ConfigMap", name);
  const secret = (name: string): K8sObject | undefined => find(objects, "Secret", name);
  const secretValue = (s: K8sObject | undefined, key: string): string | undefined => {
    const b64 = s?.data?.[key];
    return b64 === undefined ? s?.stringData?.[key] : Buffer.from(String(b64), "base64").toString("utf8");
  };
  for (const from of c?.envFrom ?? []) {
    if (from.configMapRef) {
      const cm = configMap(from.configMapRef.name);
      if (!cm) problems.push(`${where}: envFrom ConfigMap ${from.configMapRef.name} is not rendered`);
      for (const [k, v] of Object.entries(cm?.data ?? {}))
        env.set(k, { from: "configmap", name: from.configMapRef.name, key: k, value: String(v) });
    }
    if (from.secretRef) {
      const s = secret(from.secretRef.name);
      if (!s) problems.push(`${where}: envFrom Secret ${from.secretRef.name} is not rendered`);
      for (const k of Object.keys(s?.data ?? {}))
        env.set(k, { from: "secret", name: from.secretRef.name, key: k, value: secretValue(s, k) });
    }
  }
  for (const e of c?.env ?? []) {
    const ref = e.valueFrom;
    if (ref?.fieldRef) env.set(e.name, { from: "field", fieldPath: ref.fieldRef.fieldPath });
    else if (ref?.configMapKeyRef) {
      const { name, key } = ref.configMapKeyRef;
      const value = configMap(name)?.data?.[key];
      if (value === undefined) problems.push(`${where}: ${e.name} reads ConfigMap ${name} key ${key}, which is not rendered`);
      env.set(e.name, { from: "configmap", name, key, value: value === undefined ? undefined : String(value) });
    } else if (ref?.secretKeyRef) {
      const { name, key } = ref.secretKeyRef;
      const s = secret(name);
      const value = secretValue(s, key);
      if (value === undefined) problems.push(`${where}: ${e.name} reads Secret ${name} key ${key}, which is not rendered`);
      env.set(e.name, { from: "secret", name, key, value });
    } else if (ref) problems.push(`${where}: ${e.name} uses an unsupported valueFrom`);
    else env.set(e.name, { from: "literal", value: e.value === undefined ? "" : String(e.value) });
  }
  return env;
}

/** A getenv for the settings loaders, as the process in pod POD of NAMESPACE would see it. */
export function podGetenv(env: Map<string, EnvSource>, pod: string, namespace: string): Getenv {
  const injected: Record<string, string> = { KUBERNETES_SERVICE_HOST: "10.96.0.1", HOSTNAME: pod };
  return (name) => {
    const s = env.get(name);
    if (s === undefined) return injected[name];
    switch (s.from) {
      case "literal":
        return s.value;
      case "configmap":
      case "secret":
        return s.value;
      case "field":
        return s.fieldPath === "metadata.name"
          ? pod
          : s.fieldPath === "metadata.namespace"
            ? namespace
            : s.fieldPath === "status.podIP"
              ? "10.244.0.10"
              : undefined;
    }
  };
}

/** The variable's value (canonical name first, then its aliases), as the loaders read it. */
function variableValue(get: Getenv, name: string): string | undefined {
  const spec = variableSpec(name);
  if (!spec) throw new Error(`${name} is not in variables.ts`);
  for (const n of [spec.name, ...spec.aliases]) {
    const v = get(n);
    if (v !== undefined && v !== "") return v;
  }
  return undefined;
}

function isSetVariable(env: Map<string, EnvSource>, name: string): boolean {
  const spec = variableSpec(name);
  return spec !== undefined && [spec.name, ...spec.aliases].some((n) => env.has(n));
}

// ---------------------------------------------------------------------------------------------
// The router's variables in Kubernetes.

/**
 * Read by docker/entrypoint.sh and scripts/router-conf.sh while rendering nginx.conf, not by the
 * Lua (so not in variables.ts). routerEnvAllowlistProblems() checks that they still are.
 */
export const RENDER_TIME_VARIABLES = [
  "WORKER_PROCESSES",
  "ERROR_LOG",
  "ERROR_LOG_LEVEL",
  "ACCESS_LOG",
  "ROUTER_PREFIX",
  "LOAD_MODULES",
  "LUA_PATH",
];

/** Router-side variables whose empty default is right in Kubernetes, and why. */
export const EMPTY_IS_FINE_IN_K8S: Record<string, string> = {
  KUBERNETES_SERVICE_HOST: "injected into every pod by Kubernetes",
  COMPOSE_PROJECT_NAME: "Compose only; must stay unset in Kubernetes",
  DNS_SERVERS: "unset: the pod's /etc/resolv.conf names the cluster DNS",
  K8S_DNS_SERVER: "unset: the pod's /etc/resolv.conf names the cluster DNS",
  NODE_HOST_PREFIX: "empty in Kubernetes: the node id is the pod name",
  ROUTER_MANAGED_NODES: "unset: the router manages its own world's nodes, the pods (docs/deployment.md, 6.1)",
};

/** Router-side variables whose default does not fit a Kubernetes deployment, and why. */
export const DEFAULT_UNFIT_IN_K8S: Record<string, string> = {
  ROUTER_LISTEN: "the default listens on loopback, out of reach of the kubelet's probes and the Service",
  ROUTER_STATUS_LISTEN: "the default listens on loopback, out of reach of Prometheus",
  K8S_NAMESPACE: "the default `default` is not the namespace the nodes run in",
  K8S_HEADLESS_SERVICE: "must name the headless Service of the StatefulSet, visibly",
  DB_HOST: "must name the database the nodes use (kuma-database ConfigMap)",
  DB_USER: "must match the database secret",
  DB_NAME: "must match the database secret",
};

/** The router-side variables the Deployment must set: no usable default in Kubernetes. */
export function requiredRouterVariables(): string[] {
  const out: string[] = [];
  for (const v of VARIABLES) {
    if (v.side === "node") continue;
    const fallback = v.k8sFallback ?? v.fallback;
    if ((fallback === "" && !(v.name in EMPTY_IS_FINE_IN_K8S)) || v.name in DEFAULT_UNFIT_IN_K8S) out.push(v.name);
  }
  return out;
}

/** The allowlists above still name real variables and real render-time settings. */
export function allowlistProblems(
  routerNames: string[] = [...Object.keys(EMPTY_IS_FINE_IN_K8S), ...Object.keys(DEFAULT_UNFIT_IN_K8S)],
  renderTime: string[] = RENDER_TIME_VARIABLES,
): string[] {
  const problems: string[] = [];
  for (const name of routerNames) {
    const spec = variableSpec(name);
    if (!spec) problems.push(`${name} is allowlisted but not in variables.ts`);
    else if (spec.side === "node") problems.push(`${name} is allowlisted for the router but is node-side`);
  }
  const scripts = ["docker/entrypoint.sh", "scripts/router-conf.sh", "nginx/router.conf.template"]
    .map((f) => readFileSync(join(ROOT, f), "utf8"))
    .join("\n");
  for (const name of renderTime) {
    if (!new RegExp(`\\b${name}\\b`).test(scripts)) problems.push(`${name} is allowlisted as render-time but no render script reads it`);
    if (variableSpec(name)) problems.push(`${name} is in variables.ts: drop it from RENDER_TIME_VARIABLES`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Cross checks: the manifests agree with each other and with the router's variable table.

export function crossCheckProblems(objects: K8sObject[]): string[] {
  const p: string[] = [];
  const deployment = find(objects, "Deployment", NAMES.routerDeployment);
  const sts = find(objects, "StatefulSet", NAMES.nodeStatefulSet);
  if (!deployment) p.push(`no Deployment ${NAMES.routerDeployment}`);
  if (!sts) p.push(`no StatefulSet ${NAMES.nodeStatefulSet}`);
  if (!deployment || !sts) return p;
  const namespace = sts.metadata.namespace ?? "default";
  if ((deployment.metadata.namespace ?? "default") !== namespace) p.push(`the router and the nodes are in different namespaces`);

  // --- the router's environment
  const router = container(deployment, NAMES.routerContainer);
  if (!router) return [...p, `Deployment ${NAMES.routerDeployment} has no container ${NAMES.routerContainer}`];
  const renv = resolveEnv(objects, router, p, "router");
  const declared = new Set([...variableNames("router"), ...RENDER_TIME_VARIABLES]);
  for (const name of renv.keys()) {
    if (!declared.has(name))
      p.push(`router sets ${name}, which variables.ts does not declare for the router (nginx/env.conf would not pass it to the Lua)`);
  }
  for (const name of requiredRouterVariables()) {
    if (!isSetVariable(renv, name)) p.push(`router does not set ${name}: ${DEFAULT_UNFIT_IN_K8S[name] ?? "it has no default"}`);
  }
  if (renv.has("COMPOSE_PROJECT_NAME")) p.push("router sets COMPOSE_PROJECT_NAME in Kubernetes");
  const rget = podGetenv(renv, `${NAMES.routerDeployment}-5d9c7b6f4-abcde`, namespace);
  if (rget("K8S_MODE") !== "true") p.push(`router K8S_MODE is ${rget("K8S_MODE")}, not true`);
  const loaded = loadRouterSettings(rget, RESOLV_CONF);
  if (!loaded.ok) return [...p, ...loaded.errors.map((e) => `router settings: ${e}`)];
  const s = loaded.value;
  if (s.environment !== "kubernetes") p.push(`router detects ${s.environment}, not kubernetes`);
  if (s.hostRules.namespace !== namespace) p.push(`router K8S_NAMESPACE is ${s.hostRules.namespace}, the nodes run in ${namespace}`);
  const routerNs = renv.get("K8S_NAMESPACE") ?? renv.get("NAMESPACE");
  if (routerNs && !(routerNs.from === "field" && routerNs.fieldPath === "metadata.namespace")) {
    p.push("router K8S_NAMESPACE should come from the Downward API (metadata.namespace)");
  }
  for (const [label, listen] of [
    ["ROUTER_LISTEN", s.router.listen],
    ["ROUTER_STATUS_LISTEN", s.router.statusListen],
  ]) {
    const host = hostOf(listen);
    if (host !== "" && host !== "0.0.0.0" && host !== "[::]") p.push(`router ${label}=${listen} is not reachable from outside the pod`);
  }
  const publicPort = portOf(s.router.listen);
  const statusPort = portOf(s.router.statusListen);

  // --- the router's ports, probes, Services, Ingress
  const cports: number[] = (router.ports ?? []).map((x: Json) => x.containerPort);
  if (!cports.includes(publicPort)) p.push(`router container does not declare the public port ${publicPort} (ROUTER_LISTEN)`);
  if (!cports.includes(statusPort)) p.push(`router container does not declare the internal port ${statusPort} (ROUTER_STATUS_LISTEN)`);
  for (const [kind, path] of Object.entries(ROUTER_PROBE_PATHS)) {
    const probe = router[kind]?.httpGet;
    if (!probe) p.push(`router has no HTTP ${kind}`);
    else {
      if (probe.path !== path) p.push(`router ${kind} path ${probe.path}, expected ${path}`);
      if (containerPort(router, probe.port) !== publicPort)
        p.push(`router ${kind} port ${probe.port} is not the public listener ${publicPort}`);
    }
  }
  if ((deployment.spec.replicas ?? 1) < 2) p.push(`router runs ${deployment.spec.replicas ?? 1} replica(s); expected at least 2`);
  const routerPods = deployment.spec.template.metadata.labels;
  const services = objects.filter((o) => o.kind === "Service");
  const publicService = find(objects, "Service", NAMES.routerService);
  if (!publicService) p.push(`no Service ${NAMES.routerService}`);
  for (const svc of services.filter((x) => labelsMatch(x.spec.selector, routerPods))) {
    for (const sp of svc.spec.ports ?? []) {
      const target = serviceTarget(sp, router);
      if (target === statusPort && !/internal/.test(svc.metadata.name)) {
        p.push(`Service ${svc.metadata.name} exposes the router's internal port ${statusPort} but is not named as internal`);
      }
      if (svc === publicService && target !== publicPort)
        p.push(`Service ${svc.metadata.name} port ${sp.port} goes to ${target}, not the public listener ${publicPort}`);
      if (target !== publicPort && target !== statusPort)
        p.push(`Service ${svc.metadata.name} port ${sp.port} goes to ${target}, no router listener`);
    }
    if (svc.spec.type === "NodePort" || svc.spec.type === "LoadBalancer") {
      if ((svc.spec.ports ?? []).some((sp: Json) => serviceTarget(sp, router) === statusPort))
        p.push(`Service ${svc.metadata.name} publishes the internal port outside the cluster`);
    }
  }
  for (const ing of objects.filter((o) => o.kind === "Ingress")) {
    const backends: Json[] = [];
    if (ing.spec.defaultBackend) backends.push(ing.spec.defaultBackend);
    for (const rule of ing.spec.rules ?? []) for (const path of rule.http?.paths ?? []) backends.push(path.backend);
    if (backends.length === 0) p.push(`Ingress ${ing.metadata.name} has no backend`);
    for (const b of backends) {
      const svcName = b.service?.name;
      if (svcName !== NAMES.routerService) {
        p.push(
          `Ingress ${ing.metadata.name} sends traffic to ${svcName ?? "a non-Service backend"}, not the router Service ${NAMES.routerService}`,
        );
        continue;
      }
      const sp = (publicService?.spec.ports ?? []).find((x: Json) => x.name === b.service.port.name || x.port === b.service.port.number);
      if (!sp) p.push(`Ingress ${ing.metadata.name} names port ${JSON.stringify(b.service.port)}, which Service ${svcName} lacks`);
      else if (serviceTarget(sp, router) !== publicPort)
        p.push(`Ingress ${ing.metadata.name} reaches router port ${serviceTarget(sp, router)}, not the public listener`);
    }
    if (ing.spec.ingressClassName === "nginx") {
      for (const a of ["proxy-read-timeout", "proxy-send-timeout"]) {
        const v = ing.metadata.annotations?.[`nginx.ingress.kubernetes.io/${a}`];
        if (v !== "3600") p.push(`Ingress ${ing.metadata.name}: ${a} is ${v ?? "unset"}, WebSockets need 3600`);
      }
    }
  }
  for (const np of objects.filter((o) => o.kind === "NetworkPolicy" && labelsMatch(o.spec.podSelector?.matchLabels, routerPods))) {
    for (const rule of np.spec.ingress ?? []) {
      const ports = (rule.ports ?? []).map((x: Json) => containerPort(router, x.port));
      if (ports.includes(statusPort) && (rule.from === undefined || rule.from.length === 0)) {
        p.push(`NetworkPolicy ${np.metadata.name} opens the internal port ${statusPort} to everyone`);
      }
    }
  }

  // --- the nodes: identity, ports, probes, lifecycle
  const node = container(sts, NAMES.nodeContainer);
  if (!node) return [...p, `StatefulSet ${NAMES.nodeStatefulSet} has no container ${NAMES.nodeContainer}`];
  const nenv = resolveEnv(objects, node, p, "node");
  const headless = s.hostRules.headlessService;
  const headlessSvc = find(objects, "Service", headless);
  if (!headlessSvc) p.push(`router K8S_HEADLESS_SERVICE=${headless}, but no such Service is rendered`);
  else {
    if (headlessSvc.spec.clusterIP !== "None") p.push(`Service ${headless} is not headless (clusterIP: None)`);
    if (!labelsMatch(headlessSvc.spec.selector, sts.spec.template.metadata.labels))
      p.push(`Service ${headless} does not select the node pods`);
  }
  if (sts.spec.serviceName !== headless) p.push(`StatefulSet serviceName is ${sts.spec.serviceName}, the router uses ${headless}`);
  if (sts.spec.podManagementPolicy !== "OrderedReady")
    p.push(
      `StatefulSet podManagementPolicy is ${sts.spec.podManagementPolicy ?? "unset"}, expected OrderedReady (the primary starts first)`,
    );

  for (const v of VARIABLES.filter((x) => x.side === "node" && x.fallback === "")) {
    const e = nenv.get(v.name) ?? v.aliases.map((a) => nenv.get(a)).find((x) => x !== undefined);
    switch (v.name) {
      case "UPTIME_KUMA_NODE_ID":
      case "UPTIME_KUMA_NODE_NAME":
        if (!e) p.push(`nodes do not set ${v.name}`);
        else if (!(e.from === "field" && e.fieldPath === "metadata.name"))
          p.push(`nodes must take ${v.name} from the pod name (Downward API metadata.name)`);
        break;
      case "UPTIME_KUMA_NODE_HOST":
      case "UPTIME_KUMA_PRIMARY":
        if (e) p.push(`nodes set ${v.name}: one value for every pod (built from the pod name / index 0 when unset)`);
        break;
      case "HOSTNAME":
        if (e) p.push("nodes set HOSTNAME: Kubernetes sets it to the pod name");
        break;
      case "UPTIME_KUMA_HOST":
        // Unset: Uptime Kuma listens on every address, the pod IP included.
        if (e && !(e.from === "literal" && ["0.0.0.0", "::"].includes(String(e.value))))
          p.push("nodes set UPTIME_KUMA_HOST: the router reaches them at the pod IP, so they must listen on every address");
        break;
      default:
        p.push(`node identity variable ${v.name} is new: decide in test/deploy/k8s-checks.ts how the StatefulSet sets it`);
    }
  }
  const nsVar = nenv.get("K8S_NAMESPACE") ?? nenv.get("NAMESPACE");
  if (!nsVar || !(nsVar.from === "field" && nsVar.fieldPath === "metadata.namespace"))
    p.push("nodes must take NAMESPACE from the Downward API (metadata.namespace)");
  const replicas = sts.spec.replicas ?? 1;
  for (const index of replicas > 1 ? [0, 1] : [0]) {
    const pod = `${sts.metadata.name}-${index}`;
    const id = loadNodeIdentity(podGetenv(nenv, pod, namespace));
    if (!id.ok) {
      p.push(...id.errors.map((e) => `node ${pod}: ${e}`));
      continue;
    }
    const port = node.ports?.find((x: Json) => x.name === "http")?.containerPort;
    const expected = `${pod}.${headless}.${namespace}.svc.${s.hostRules.clusterDomain}:${port}`;
    if (id.value.environment !== "kubernetes") p.push(`node ${pod} detects ${id.value.environment}`);
    if (id.value.nodeId !== pod) p.push(`node ${pod} registers as ${id.value.nodeId}`);
    if (id.value.host !== expected) p.push(`node ${pod} registers host ${id.value.host}; the router resolves ${expected}`);
    if (id.value.isPrimary !== (index === 0)) p.push(`node ${pod} primary=${id.value.isPrimary}; only index 0 is`);
  }
  const nodePort: number | undefined = node.ports?.find((x: Json) => x.name === "http")?.containerPort;
  const nget = podGetenv(nenv, `${sts.metadata.name}-0`, namespace);
  const nodeListens = Number(variableValue(nget, "UPTIME_KUMA_PORT") ?? variableSpec("UPTIME_KUMA_PORT")?.fallback);
  if (nodePort !== nodeListens) p.push(`node container port ${nodePort} is not UPTIME_KUMA_PORT ${nodeListens}`);
  if (s.hostRules.port !== nodePort) p.push(`router CLUSTER_DEFAULT_PORT ${s.hostRules.port} is not the node port ${nodePort}`);
  for (const kind of ["startupProbe", "readinessProbe", "livenessProbe"]) {
    const probe = node[kind]?.httpGet;
    if (!probe) {
      if (kind !== "startupProbe") p.push(`nodes have no HTTP ${kind}`);
      continue;
    }
    if (probe.path !== s.health.path) p.push(`node ${kind} path ${probe.path}; the router probes HEALTH_CHECK_PATH ${s.health.path}`);
    if (containerPort(node, probe.port) !== nodePort) p.push(`node ${kind} port ${probe.port} is not the node port ${nodePort}`);
  }
  for (const init of sts.spec.template.spec.initContainers ?? []) {
    for (const e of init.env ?? []) {
      if (e.name === "NODE_HEALTH_PATH" && e.value !== s.health.path)
        p.push(`init container ${init.name} waits on ${e.value}; the health path is ${s.health.path}`);
    }
  }
  const initContainers: Json[] = sts.spec.template.spec.initContainers ?? [];
  const inits: string[] = initContainers.map((x: Json) => x.name);
  for (const want of ["node-package", "wait-for-db", "migrate", "wait-for-primary"])
    if (!inits.includes(want)) p.push(`nodes lack the init container ${want}`);
  if (inits.indexOf("migrate") > inits.indexOf("wait-for-primary") || inits.indexOf("migrate") < inits.indexOf("wait-for-db"))
    p.push("migrate must run after wait-for-db and before wait-for-primary (before any node starts)");
  p.push(...nodePackageProblems(objects, sts, node, initContainers, nget));
  const claims: string[] = (sts.spec.volumeClaimTemplates ?? []).map((x: Json) => x.metadata.name);
  if (claims.length === 0) p.push("nodes have no volumeClaimTemplates");
  for (const claim of claims)
    if (!(node.volumeMounts ?? []).some((m: Json) => m.name === claim)) p.push(`node volume ${claim} is not mounted`);
  for (const svc of services.filter((x) => labelsMatch(x.spec.selector, sts.spec.template.metadata.labels))) {
    for (const sp of svc.spec.ports ?? [])
      if (serviceTarget(sp, node) !== nodePort) p.push(`Service ${svc.metadata.name} port ${sp.port} misses the node port ${nodePort}`);
  }

  // --- both sides use one database
  for (const name of ["DB_HOST", "DB_PORT", "DB_USER", "DB_PASSWORD", "DB_NAME"]) {
    const r = variableValue(rget, name);
    const n = variableValue(nget, name);
    if (n === undefined) p.push(`nodes do not set ${name} or its alias`);
    else if (r !== n)
      p.push(
        `${name}: the router uses ${variableSpec(name)?.secret ? "<redacted>" : r}, the nodes ${variableSpec(name)?.secret ? "<redacted>" : n}`,
      );
  }

  // --- sizes
  const expectedCount = Number(variableValue(rget, "CLUSTER_NODE_COUNT"));
  if (expectedCount !== replicas) p.push(`router CLUSTER_NODE_COUNT ${expectedCount} but the StatefulSet runs ${replicas} nodes`);
  for (const hpa of objects.filter((o) => o.kind === "HorizontalPodAutoscaler")) {
    const ref = hpa.spec.scaleTargetRef;
    if (ref.kind !== "StatefulSet" || ref.name !== sts.metadata.name) p.push(`HPA ${hpa.metadata.name} scales ${ref.kind}/${ref.name}`);
    const min = hpa.spec.minReplicas ?? 1;
    if (min > replicas || hpa.spec.maxReplicas < replicas)
      p.push(`HPA ${hpa.metadata.name} range ${min}-${hpa.spec.maxReplicas} excludes the StatefulSet's ${replicas} replicas`);
  }
  for (const pdb of objects.filter((o) => o.kind === "PodDisruptionBudget")) {
    const target = labelsMatch(pdb.spec.selector?.matchLabels, sts.spec.template.metadata.labels)
      ? replicas
      : labelsMatch(pdb.spec.selector?.matchLabels, routerPods)
        ? deployment.spec.replicas
        : undefined;
    if (target === undefined) p.push(`PDB ${pdb.metadata.name} selects no workload`);
    else if (typeof pdb.spec.minAvailable === "number" && pdb.spec.minAvailable >= target)
      p.push(`PDB ${pdb.metadata.name} minAvailable ${pdb.spec.minAvailable} blocks every eviction of ${target} pods`);
    else if (pdb.spec.maxUnavailable === 0) p.push(`PDB ${pdb.metadata.name} blocks every eviction`);
  }

  // --- every workload container: resources, pinned image
  for (const w of objects.filter((o) => o.kind === "Deployment" || o.kind === "StatefulSet")) {
    for (const c of [...(w.spec.template.spec.initContainers ?? []), ...w.spec.template.spec.containers]) {
      if (!c.resources?.requests || !c.resources?.limits) p.push(`${describe(w)} container ${c.name} lacks resource requests or limits`);
      if (!/(:[\w][\w.-]*|@sha256:[0-9a-f]{64})$/.test(c.image.slice(c.image.lastIndexOf("/") + 1)))
        p.push(`${describe(w)} container ${c.name} image ${c.image} has no tag`);
    }
  }

  // --- ServiceMonitors point at a Service port that exists
  for (const sm of objects.filter((o) => o.kind === "ServiceMonitor")) {
    const targets = services.filter((x) => labelsMatch(sm.spec.selector?.matchLabels, x.metadata.labels));
    if (targets.length === 0) p.push(`ServiceMonitor ${sm.metadata.name} selects no Service`);
    for (const ep of sm.spec.endpoints ?? []) {
      for (const svc of targets)
        if (!(svc.spec.ports ?? []).some((x: Json) => x.name === ep.port))
          p.push(`ServiceMonitor ${sm.metadata.name} scrapes port ${ep.port}, which Service ${svc.metadata.name} lacks`);
    }
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// The node package in the StatefulSet (test/deploy/node-package-checks.ts).

function nodePackageProblems(objects: K8sObject[], sts: K8sObject, node: Json, initContainers: Json[], nget: Getenv): string[] {
  const p: string[] = [];
  const volumes: Json[] = sts.spec.template.spec.volumes ?? [];
  const root = packageRoot(readFileSync(join(ROOT, "Dockerfile.node"), "utf8"));
  const copy = initContainers.find((x) => x.name === "node-package");
  const volume = copy?.volumeMounts?.[0]?.name as string | undefined;
  if (!volume || !volumes.some((v) => v.name === volume && v.emptyDir !== undefined))
    p.push("the node-package init container does not fill an emptyDir volume of the pod");
  if (copy && !/(^|\/)kuma-cluster-node(:|@)/.test(copy.image)) p.push(`node-package runs ${copy.image}, not the kuma-cluster-node image`);
  p.push(
    ...copyStepProblems(
      "init container node-package",
      [...(copy?.command ?? []), ...(copy?.args ?? [])],
      root,
      copy?.volumeMounts?.[0]?.mountPath,
    ),
  );
  const mount = (node.volumeMounts ?? []).find((m: Json) => m.name === volume);
  if (mount && mount.readOnly !== true) p.push("the node mounts the package volume writable");
  // `args` keeps the image's entrypoint (dumb-init) as the init process.
  if (node.command !== undefined) p.push("the node container sets `command`: use `args`, so the image's entrypoint stays the init process");
  p.push(...supervisedProblems("node container", node.args, mount?.mountPath));
  p.push(...preStopProblems("node container", node.lifecycle?.preStop?.exec?.command, mount?.mountPath));
  const migrate = initContainers.find((x) => x.name === "migrate");
  if (migrate) {
    if (JSON.stringify([...(migrate.command ?? []), ...(migrate.args ?? [])]) !== JSON.stringify(["kuma-cluster-node", "migrate"]))
      p.push(`init container migrate runs ${JSON.stringify(migrate.command)}`);
    if (!/(^|\/)kuma-cluster-node(:|@)/.test(migrate.image)) p.push(`migrate runs ${migrate.image}, not the kuma-cluster-node image`);
    const menv = resolveEnv(objects, migrate, p, "migrate");
    const mget = podGetenv(menv, `${sts.metadata.name}-0`, sts.metadata.namespace ?? "default");
    for (const name of ["DB_HOST", "DB_PORT", "DB_USER", "DB_PASSWORD", "DB_NAME"]) {
      if (variableValue(mget, name) !== variableValue(nget, name)) p.push(`migrate's ${name} is not the nodes' (another database)`);
    }
  }
  return p;
}

// ---------------------------------------------------------------------------------------------
// Secrets in the rendered output.

/** Credentials only in the generated secret, and only referenced from there. */
export function renderedSecretProblems(objects: K8sObject[]): string[] {
  const p: string[] = [];
  for (const o of objects) {
    if (o.kind === "Secret") {
      if (!new RegExp(`^${NAMES.dbSecretPrefix}-[a-z0-9]{10}$`).test(o.metadata.name))
        p.push(`Secret ${o.metadata.name} is not the generated database secret: no literal secrets in k8s/`);
      continue;
    }
    if (o.kind === "ConfigMap") {
      for (const key of Object.keys(o.data ?? {}))
        if (/pass(word|wd)?$|pwd|secret|token/i.test(key))
          p.push(`ConfigMap ${o.metadata.name} holds ${key}: credentials belong in the secret`);
    }
    for (const c of [...(o.spec?.template?.spec?.initContainers ?? []), ...(o.spec?.template?.spec?.containers ?? [])]) {
      for (const e of c.env ?? []) {
        if (/pass(word|wd)?$|pwd|secret|token/i.test(e.name) && e.value !== undefined)
          p.push(`${describe(o)} container ${c.name}: ${e.name} has a literal value`);
      }
    }
  }
  return p;
}
