// Checks of docker-compose-cluster.yaml against the env contract of src-lua-ts/core/variables.ts
// and the Compose layout of docs/deployment.md#2-docker-compose (node1..N as uptime-kuma-nodeN, node1 primary).
import { VARIABLES, variableNames, variableSpec } from "../../src-lua-ts/core/variables";
import { Getenv, loadNodeIdentity, loadRouterSettings } from "../../src-lua-ts/core/settings";
import { isCredentialName, Json } from "./support";
import { copyStepProblems, supervisedProblems } from "./node-package-checks";

export const ROUTER_SERVICE = "router";
export const DB_SERVICE = "mariadb";

/**
 * Compose's variable substitution: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?message},
 * ${VAR?message} and $$. A required variable missing from ENV is an error, as in Compose.
 */
export function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])((?:[^}]|\}(?!\}))*?))?\}/g, (whole, name, colon, op, arg) => {
    if (whole === "$$") return "$";
    const v = env[name];
    const missing = v === undefined || (colon === ":" && v === "");
    if (op === "?" && missing) throw new Error(`required variable ${name}: ${arg}`);
    if (op === "-" && missing) return arg;
    return v ?? "";
  });
}

/** A service's environment (map or KEY=VALUE list) with substitution applied. */
export function serviceEnv(service: Json, env: Record<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  const raw = service?.environment ?? {};
  const entries: [string, unknown][] = Array.isArray(raw)
    ? raw.map((s: string) => [s.split("=")[0], s.slice(s.indexOf("=") + 1)])
    : Object.entries(raw);
  for (const [k, v] of entries) out.set(k, interpolate(String(v ?? ""), env));
  return out;
}

const getter =
  (m: Map<string, string>): Getenv =>
  (name) =>
    m.get(name);

/** The port of a "host:port"/"port" listen value. */
function portOf(listen: string): string {
  return listen.slice(listen.lastIndexOf(":") + 1);
}

function nodeServices(doc: Json): string[] {
  return Object.keys(doc?.services ?? {})
    .filter((s) => /^uptime-kuma-node\d+$/.test(s))
    .sort((a, b) => Number(a.replace(/\D/g, "")) - Number(b.replace(/\D/g, "")));
}

/** The health path a node's Compose healthcheck requests. */
function healthcheckPath(service: Json): string | undefined {
  const test: string = [].concat(service?.healthcheck?.test ?? []).join(" ");
  return /https?:\/\/[^/'"\s]+(\/[^'"\s)]*)/.exec(test)?.[1];
}

/** `root`: where Dockerfile.node keeps the package (node-package-checks.ts packageRoot). */
export function composeProblems(doc: Json, env: Record<string, string>, root: string): string[] {
  const p: string[] = [];
  const services = doc?.services ?? {};
  const db = services[DB_SERVICE];
  const router = services[ROUTER_SERVICE];
  if (!db) p.push(`no ${DB_SERVICE} service`);
  if (!router) p.push(`no ${ROUTER_SERVICE} service`);
  if (!db || !router) return p;
  if (!db.healthcheck?.test) p.push(`${DB_SERVICE} has no healthcheck (service_healthy needs one)`);

  // --- the router
  const renv = serviceEnv(router, env);
  const routerNames = new Set(variableNames("router"));
  for (const k of renv.keys()) if (!routerNames.has(k)) p.push(`router sets ${k}, which variables.ts does not declare for the router`);
  if (!renv.get("COMPOSE_PROJECT_NAME")) p.push("router lacks COMPOSE_PROJECT_NAME: it would not detect Compose");
  const loaded = loadRouterSettings(getter(renv), "nameserver 127.0.0.11\n");
  if (!loaded.ok) return [...p, ...loaded.errors.map((e) => `router settings: ${e}`)];
  const s = loaded.value;
  if (s.environment !== "docker-compose") p.push(`router detects ${s.environment}, not docker-compose`);
  const ports: string[] = (router.ports ?? []).map((x: Json) =>
    String(typeof x === "object" ? `${x.host_ip ? x.host_ip + ":" : ""}${x.published}:${x.target}` : x),
  );
  const publicPort = portOf(s.router.listen);
  const statusPort = portOf(s.router.statusListen);
  const listenHost = s.router.listen.includes(":") ? s.router.listen.slice(0, s.router.listen.lastIndexOf(":")) : "";
  if (!["", "0.0.0.0", "[::]"].includes(listenHost))
    p.push(`router ROUTER_LISTEN=${s.router.listen} is out of reach of the published port`);
  if (!ports.some((x) => new RegExp(`^(\\d+|0\\.0\\.0\\.0:\\d+):${publicPort}$`).test(x)))
    p.push(`router does not publish its public port ${publicPort}`);
  for (const x of ports.filter((y) => y.endsWith(`:${statusPort}`))) {
    if (!x.startsWith("127.0.0.1:")) p.push(`router publishes its internal port as ${x}: bind it to 127.0.0.1 only`);
  }
  if (!(router.depends_on?.[DB_SERVICE]?.condition === "service_healthy")) p.push("router does not wait for a healthy mariadb");

  // --- the nodes
  const nodes = nodeServices(doc);
  if (nodes.length < 2) p.push(`only ${nodes.length} node service(s)`);
  let primaries = 0;
  // What a Compose node must name itself; HOSTNAME is Docker's (the container id), UPTIME_KUMA_HOST stays unset.
  const identityVars = VARIABLES.filter(
    (v) => v.side === "node" && v.fallback === "" && !["HOSTNAME", "UPTIME_KUMA_HOST"].includes(v.name),
  ).map((v) => v.name);
  const pkg = nodePackage(doc, root, p);
  nodes.forEach((name, i) => {
    const svc = services[name];
    const nenv = serviceEnv(svc, env);
    const id = loadNodeIdentity(getter(nenv));
    if (!id.ok) {
      p.push(...id.errors.map((e) => `${name}: ${e}`));
      return;
    }
    const v = id.value;
    const expectedId = `node${i + 1}`;
    if (v.nodeId !== expectedId) p.push(`${name}: node id ${v.nodeId}, expected ${expectedId}`);
    if (svc.container_name !== name) p.push(`${name}: container_name ${svc.container_name ?? "unset"}, expected ${name}`);
    if (v.environment !== "docker-compose") p.push(`${name}: detects ${v.environment}`);
    const port = nenv.get("UPTIME_KUMA_PORT") ?? variableSpec("UPTIME_KUMA_PORT")?.fallback;
    if (v.host !== `${name}:${port}`) p.push(`${name}: registers host ${v.host}, its container answers at ${name}:${port}`);
    if (String(s.hostRules.port) !== port) p.push(`${name}: listens on ${port}; the router's CLUSTER_DEFAULT_PORT is ${s.hostRules.port}`);
    for (const required of identityVars.filter((x) => x !== "UPTIME_KUMA_PRIMARY"))
      if (!nenv.get(required)) p.push(`${name}: ${required} is not set`);
    if (v.isPrimary) primaries++;
    if (v.isPrimary !== (i === 0)) p.push(`${name}: primary=${v.isPrimary}; only node1 is the primary`);
    if (i > 0 && nenv.has("UPTIME_KUMA_PRIMARY") && nenv.get("UPTIME_KUMA_PRIMARY") !== "false")
      p.push(`${name}: sets UPTIME_KUMA_PRIMARY`);
    if (!(svc.depends_on?.[DB_SERVICE]?.condition === "service_healthy")) p.push(`${name}: does not wait for a healthy mariadb`);
    for (const oneShot of [PACKAGE_SERVICE, MIGRATE_SERVICE]) {
      if (svc.depends_on?.[oneShot]?.condition !== "service_completed_successfully")
        p.push(`${name}: does not wait for ${oneShot} to complete`);
    }
    if (nenv.has("UPTIME_KUMA_HOST")) p.push(`${name}: sets UPTIME_KUMA_HOST; the router reaches the container on its network address`);
    const mount = (svc.volumes ?? []).map(String).find((v: string) => v.startsWith(`${pkg.volume}:`));
    if (mount !== undefined && !mount.endsWith(":ro")) p.push(`${name}: mounts the package volume writable`);
    p.push(...supervisedProblems(name, svc.command, mount?.split(":")[1]));
    if (i > 0 && !(svc.depends_on?.[nodes[0]]?.condition === "service_healthy"))
      p.push(`${name}: does not wait for the primary ${nodes[0]}`);
    if (!/^\$\{UPTIME_KUMA_IMAGE(:-[^}]+)?\}$/.test(String(doc.services[name].image ?? "")))
      p.push(`${name}: image is not configurable through \${UPTIME_KUMA_IMAGE}`);
    const hp = healthcheckPath(svc);
    if (hp !== s.health.path)
      p.push(`${name}: healthcheck requests ${hp ?? "nothing"}; the router probes HEALTH_CHECK_PATH ${s.health.path}`);
    // One database for everyone: the node's UPTIME_KUMA_DB_* equal the router's DB_*.
    for (const dbVar of ["DB_HOST", "DB_PORT", "DB_USER", "DB_PASSWORD", "DB_NAME"]) {
      const spec = variableSpec(dbVar)!;
      const nodeValue = [spec.name, ...spec.aliases].map((n) => nenv.get(n)).find((x) => x !== undefined && x !== "");
      const routerValue = renv.get(dbVar) ?? spec.fallback;
      if (nodeValue !== routerValue) p.push(`${name}: ${dbVar} differs between the node and the router`);
    }
  });
  if (primaries !== 1) p.push(`${primaries} primaries; exactly one (node1) expected`);

  // --- MariaDB's own account is the one both sides use
  const denv = serviceEnv(db, env);
  const pairs: [string, string][] = [
    ["MARIADB_USER", "DB_USER"],
    ["MARIADB_PASSWORD", "DB_PASSWORD"],
    ["MARIADB_DATABASE", "DB_NAME"],
  ];
  for (const [mariadb, routerVar] of pairs)
    if (denv.get(mariadb) !== (renv.get(routerVar) ?? variableSpec(routerVar)?.fallback))
      p.push(`mariadb ${mariadb} differs from the router's ${routerVar}`);
  if (s.db.host !== DB_SERVICE) p.push(`router DB_HOST=${s.db.host}, the database service is ${DB_SERVICE}`);

  // --- migrate: the router's database, after MariaDB is healthy
  const migrate = services[MIGRATE_SERVICE];
  if (migrate) {
    const menv = serviceEnv(migrate, env);
    for (const dbVar of ["DB_HOST", "DB_PORT", "DB_USER", "DB_PASSWORD", "DB_NAME"]) {
      if ((menv.get(dbVar) ?? variableSpec(dbVar)?.fallback) !== (renv.get(dbVar) ?? variableSpec(dbVar)?.fallback))
        p.push(`${MIGRATE_SERVICE}: ${dbVar} differs from the router's`);
    }
    if (JSON.stringify(migrate.command) !== JSON.stringify(["migrate"]))
      p.push(
        `${MIGRATE_SERVICE}: runs ${JSON.stringify(migrate.command)}, expected ["migrate"] (the image's entrypoint is kuma-cluster-node)`,
      );
    if (migrate.depends_on?.[DB_SERVICE]?.condition !== "service_healthy")
      p.push(`${MIGRATE_SERVICE}: does not wait for a healthy mariadb`);
  }
  return p;
}

export const PACKAGE_SERVICE = "node-package";
export const MIGRATE_SERVICE = "migrate";

/** The one-shot that copies the package into a volume: which volume, and its problems. */
function nodePackage(doc: Json, root: string, p: string[]): { volume: string } {
  const services = doc?.services ?? {};
  for (const name of [PACKAGE_SERVICE, MIGRATE_SERVICE]) {
    const svc = services[name];
    if (!svc) {
      p.push(`no ${name} service`);
      continue;
    }
    if (svc.build?.dockerfile !== "Dockerfile.node") p.push(`${name}: not built from Dockerfile.node`);
    if (svc.restart !== "no") p.push(`${name}: a one-shot service must not restart`);
  }
  const copy = services[PACKAGE_SERVICE];
  const [volume, mountPath] = String((copy?.volumes ?? [])[0] ?? ":").split(":");
  if (!(volume in (doc?.volumes ?? {}))) p.push(`${PACKAGE_SERVICE}: copies into ${volume || "nothing"}, not a named volume`);
  if (copy) p.push(...copyStepProblems(PACKAGE_SERVICE, copy.command, root, mountPath || undefined));
  if (copy && JSON.stringify(copy.entrypoint) !== "[]") p.push(`${PACKAGE_SERVICE}: keeps the image's entrypoint; cp must run instead`);
  return { volume };
}

/**
 * Credentials come from the environment of whoever runs Compose, as required variables
 * (`${NAME:?message}`): no literal, and no default that would quietly become production's.
 */
export function composePasswordProblems(doc: Json): string[] {
  const p: string[] = [];
  for (const [name, svc] of Object.entries<Json>(doc?.services ?? {})) {
    const raw = svc?.environment ?? {};
    const entries: [string, unknown][] = Array.isArray(raw)
      ? raw.map((s: string) => [s.split("=")[0], s.slice(s.indexOf("=") + 1)])
      : Object.entries(raw);
    for (const [k, v] of entries) {
      if (!isCredentialName(k)) continue;
      if (!/^\$\{[A-Za-z_][A-Za-z0-9_]*:\?[^}]+\}$/.test(String(v)))
        p.push(`${name}: ${k} must be a required variable like \${KUMA_DB_PASSWORD:?...}, not ${JSON.stringify(v)}`);
    }
  }
  return p;
}
