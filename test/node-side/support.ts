// Shared by the node-side tests: a throwaway database on the real MariaDB (127.0.0.1:3306,
// root, empty password) with the test schema (harness/schema.ts), and a way to run the CLI
// as a child process.
import { spawn, ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { join } from "node:path";
import { after, before, beforeEach } from "node:test";
import { createConnection, Pool, RowDataPacket } from "mysql2/promise";
import { openDb } from "../../node/src/db";
import { applyTestSchema } from "../../harness/schema";
import type { DbSettings } from "../../node/src/db";

/** The repository root, from build/js/test/node-side. */
export const ROOT = join(__dirname, "..", "..", "..", "..");
export const BIN = join(ROOT, "node", "bin", "kuma-cluster-node");

const SERVER = { host: "127.0.0.1", port: 3306, user: "root", password: "" };

export interface TestDb {
  name: string;
  settings: DbSettings;
  pool: Pool;
  /** DB_* variables pointing at this database, for the CLI. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A database with the test schema; `empty`: without any table (what migrate starts from). */
export async function createTestDb(options: { empty?: boolean } = {}): Promise<TestDb> {
  const name = `kcn_test_${randomBytes(6).toString("hex")}`;
  const admin = await createConnection(SERVER);
  try {
    await admin.query(`CREATE DATABASE \`${name}\``);
  } finally {
    await admin.end();
  }
  const settings: DbSettings = { ...SERVER, database: name, timeoutMs: 5000 };
  const pool = await openDb(settings);
  if (options.empty !== true) await applyTestSchema(settings, pool);
  return {
    name,
    settings,
    pool,
    env: { DB_HOST: SERVER.host, DB_PORT: String(SERVER.port), DB_USER: SERVER.user, DB_PASSWORD: "", DB_NAME: name },
    async drop() {
      await pool.end();
      const c = await createConnection(SERVER);
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

/** Seconds between a DATETIME column of a node and the database clock (positive: in the past). */
export async function ageOf(pool: Pool, nodeId: string, column: "last_seen" | "modified_date" | "created_date"): Promise<number | null> {
  const [rows] = await pool.query<RowDataPacket[]>(
    `SELECT TIMESTAMPDIFF(SECOND, ${column}, UTC_TIMESTAMP()) AS age FROM node WHERE node_id = ?`,
    [nodeId],
  );
  if (rows.length === 0) throw new Error(`no node ${nodeId}`);
  return rows[0].age === null ? null : Number(rows[0].age);
}

/** Moves a node's timestamps into the past, so that a later write is visible at 1 s precision. */
export async function backdate(pool: Pool, nodeId: string, seconds: number, status?: string): Promise<void> {
  await pool.execute(
    `UPDATE node SET last_seen = UTC_TIMESTAMP() - INTERVAL ? SECOND, modified_date = UTC_TIMESTAMP() - INTERVAL ? SECOND,
       created_date = UTC_TIMESTAMP() - INTERVAL ? SECOND, status = COALESCE(?, status) WHERE node_id = ?`,
    [seconds, seconds, seconds, status ?? null, nodeId],
  );
}

export async function status(pool: Pool, nodeId: string): Promise<string | undefined> {
  const [rows] = await pool.execute<RowDataPacket[]>("SELECT status FROM node WHERE node_id = ?", [nodeId]);
  return rows[0]?.status;
}

export async function nodeCount(pool: Pool): Promise<number> {
  const [rows] = await pool.query<RowDataPacket[]>("SELECT COUNT(*) AS n FROM node");
  return Number(rows[0].n);
}

/** Only these variables reach the child: the test machine's own environment must not leak in. */
function childEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? "/usr/bin:/bin", ...vars };
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], vars: Record<string, string>, timeoutMs = 20000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: childEnv(vars) });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`kuma-cluster-node ${args.join(" ")} did not exit in ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A long-running CLI (`run`) whose output can be awaited. */
export class CliProcess {
  readonly child: ChildProcess;
  stdout = "";
  stderr = "";
  private readonly closed: Promise<number | null>;

  constructor(args: string[], vars: Record<string, string>) {
    this.child = spawn(process.execPath, [BIN, ...args], { env: childEnv(vars) });
    this.child.stdout?.on("data", (d: Buffer) => (this.stdout += d.toString()));
    this.child.stderr?.on("data", (d: Buffer) => (this.stderr += d.toString()));
    this.closed = new Promise((resolve) => this.child.on("close", (code) => resolve(code)));
  }

  async waitForOutput(text: string, timeoutMs = 10000): Promise<void> {
    await waitFor(
      () => this.stdout.includes(text),
      timeoutMs,
      () => `output "${text}"; stdout: ${this.stdout} stderr: ${this.stderr}`,
    );
  }

  /** The exit code, or an error when the process outlives `timeoutMs`. */
  exit(timeoutMs = 15000): Promise<number | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.child.kill("SIGKILL");
        reject(new Error(`kuma-cluster-node did not exit; stderr: ${this.stderr}`));
      }, timeoutMs);
    });
    return Promise.race([this.closed, timeout]).finally(() => clearTimeout(timer));
  }
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A local TCP port with nothing listening on it. */
export function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Whether a child's output holds a Node stack frame ("    at fn (file:line)"). */
export function hasStackTrace(text: string): boolean {
  return text.split("\n").some((line) => line.trimStart().startsWith("at ") && line.includes(":"));
}

export const COMPOSE = { COMPOSE_PROJECT_NAME: "kuma" };
export const K8S = { KUBERNETES_SERVICE_HOST: "10.96.0.1", NAMESPACE: "monitoring" };

/** A private database for the enclosing suite; its node table is emptied before each test. */
export function suiteDb(): { readonly db: TestDb } {
  const holder = {} as { db: TestDb };
  before(async () => {
    holder.db = await createTestDb();
  });
  after(async () => {
    await holder.db?.drop();
  });
  beforeEach(async () => {
    await holder.db.pool.query("DELETE FROM node");
  });
  return holder;
}
