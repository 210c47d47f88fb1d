// What the benchmarks share (`make bench`: bench.ts; `make bench-snapshot`: snapshot.ts): the
// checkout's paths, environment numbers, the admin connection to MariaDB, nginx processes we
// start and stop, config templates, tool checks. Processes are children of the bench, stopped by
// it; nothing here measures.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";

export const run = promisify(execFile);
/** The checkout: this file runs from build/js/bench/. */
export const ROOT = join(__dirname, "..", "..", "..");
export const NGINX_BIN = process.env.NGINX_BIN ?? "/usr/sbin/nginx";

/** A positive whole number from the environment, or the default; a clear error naming the variable. */
export function envNumber(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`bench: ${name}=${text}: expected a positive whole number`);
  return value;
}

/** Progress lines on stderr, prefixed with the bench's name. */
export function logger(name: string): (line: string) => void {
  return (line) => process.stderr.write(`${name}: ${line}\n`);
}

/** The MariaDB server the benches create their databases on (scripts/test-db.sh reads the same). */
export const db = {
  host: process.env.TEST_DB_HOST ?? "127.0.0.1",
  port: process.env.TEST_DB_PORT ?? "3306",
  user: process.env.TEST_DB_USER ?? "root",
  password: process.env.TEST_DB_PASSWORD,
};

/** The mariadb client as the admin user; `input` is piped to it as SQL. */
export async function admin(args: string[], input?: string): Promise<string> {
  const base = ["--protocol=tcp", `-h${db.host}`, `-P${db.port}`, `-u${db.user}`, ...(db.password ? [`-p${db.password}`] : [])];
  if (input === undefined) return (await run("mariadb", [...base, ...args])).stdout;
  return new Promise((resolve, reject) => {
    const child = spawn("mariadb", [...base, ...args], { stdio: ["pipe", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`mariadb exited with ${code}`))));
    child.stdin.end(input);
  });
}

/** A private database with the cluster's tables (scripts/test-db.sh); returns its user's password. */
export async function createDatabase(name: string): Promise<string> {
  return (await run(join(ROOT, "scripts", "test-db.sh"), ["create", name])).stdout.trim();
}

export async function dropDatabase(name: string): Promise<void> {
  await run(join(ROOT, "scripts", "test-db.sh"), ["drop", name]).catch(() => undefined);
}

/** Fails with the missing tool's name; then makes sure MariaDB runs. */
export async function requireTools(name: string, tools: readonly string[]): Promise<void> {
  for (const tool of tools) {
    try {
      await run("sh", ["-c", `command -v ${tool}`]);
    } catch {
      throw new Error(`${name}: ${tool} is missing (scripts/install-runtime.sh installs wrk)`);
    }
  }
  if (!existsSync(join(ROOT, "build", "js", "harness", "dns-server-cli.js")))
    throw new Error(`${name}: build/js is missing: run make js first`);
  await run(join(ROOT, "scripts", "ensure-mariadb.sh"));
}

/** What we started: nginx masters stop on QUIT (their workers with them). */
export const nginxMasters = new Set<ChildProcess>();

/** An nginx master (or `command`), pinned to `cpu` with taskset when given; stderr appended to a file. */
export function startNginx(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; stderrFile: string; cpu?: string; command?: string[] },
): ChildProcess {
  const command = options.command ?? [NGINX_BIN, ...args];
  const [file, ...rest] = options.cpu === undefined ? command : ["taskset", "-c", options.cpu, ...command];
  const child = spawn(file, rest, { env: options.env, stdio: ["ignore", "ignore", "pipe"] });
  child.stderr?.on("data", (chunk: Buffer) => appendFileSync(options.stderrFile, chunk));
  nginxMasters.add(child);
  child.on("exit", () => nginxMasters.delete(child));
  return child;
}

export async function stopNginx(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGQUIT");
  await exited;
}

/**
 * The run's cleanup, also on Ctrl-C and SIGTERM: `stopParts` (what the run started besides
 * nginx), every nginx master, then the run's folder (KEEP_BENCH_DIR=1 keeps it).
 */
export function cleanupOnExit(dir: string, log: (line: string) => void, stopParts: () => Promise<void>): () => Promise<void> {
  const cleanup = async (): Promise<void> => {
    await Promise.all([...nginxMasters].map(stopNginx));
    await stopParts();
    if (process.env.KEEP_BENCH_DIR === "1") log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  };
  process.on("SIGINT", () => void cleanup().then(() => process.exit(130)));
  process.on("SIGTERM", () => void cleanup().then(() => process.exit(143)));
  return cleanup;
}

/** A config template rendered from `env` by scripts/render-nginx.sh. */
export function renderTemplate(template: string, env: NodeJS.ProcessEnv): Promise<string> {
  return run(join(ROOT, "scripts", "render-nginx.sh"), [template], { env }).then((result) => result.stdout);
}

export async function httpGet(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: string }> {
  const response = await fetch(url, { headers, redirect: "manual" });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The router's environment: only what it needs, as the e2e harness gives it. */
export function routerEnv(options: {
  prefix: string;
  listen: string;
  status: string;
  workers: number;
  project: string;
  dns: string;
  database: { host: string; port: string; name: string; password: string };
  extra?: Record<string, string>;
}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME ?? "/root",
    WORKER_PROCESSES: String(options.workers),
    ROUTER_LISTEN: options.listen,
    ROUTER_STATUS_LISTEN: options.status,
    ROUTER_PREFIX: options.prefix,
    ERROR_LOG: join(options.prefix, "error.log"),
    ERROR_LOG_LEVEL: "warn",
    ACCESS_LOG: "off",
    COMPOSE_PROJECT_NAME: options.project,
    DNS_SERVERS: options.dns,
    DB_HOST: options.database.host,
    DB_PORT: options.database.port,
    DB_USER: options.database.name,
    DB_PASSWORD: options.database.password,
    DB_NAME: options.database.name,
    ...options.extra,
  };
}

/** The last error-level lines of an nginx error log. */
export function errorLines(file: string, limit = 5): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => /\[(error|crit|alert|emerg)\]/.test(line))
    .slice(-limit);
}
