// One real node of the cluster fork, started as its world's manifest starts it (world.ts): the
// one-shot steps (migrate), then the container's command (`kuma-cluster-node exec -- node
// server/server.js`) in the installed fork's folder. Every output line is kept with the time
// it arrived, so hand-overs can be timed from the fork's own "Reconciling:" lines.
import { execFile, execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { startProcess, type ExitStatus, type ManagedProcess } from "../../harness/processes";
import type { NodePlan, Step } from "./world";

export interface Line {
  at: number;
  text: string;
}

const ANSI = /\x1b\[[0-9;]*m/g;
const START_TIMEOUT_MS = 120_000;

/** What a node's container gets from its own network namespace and volume, here on loopback. */
export interface Placement {
  address: string;
  port: number;
  dataDir: string;
  /** UPTIME_KUMA_DB_* / DB_* of the suite's database. */
  database: { host: string; port: number; user: string; password: string; name: string };
}

/** The manifest's database variables (either naming) pointed at the suite's database. */
function withDatabase(env: Record<string, string>, db: Placement["database"]): Record<string, string> {
  const values: Record<string, string> = {
    UPTIME_KUMA_DB_HOSTNAME: db.host,
    UPTIME_KUMA_DB_PORT: String(db.port),
    UPTIME_KUMA_DB_USERNAME: db.user,
    UPTIME_KUMA_DB_PASSWORD: db.password,
    UPTIME_KUMA_DB_NAME: db.name,
    DB_HOST: db.host,
    DB_PORT: String(db.port),
    DB_USER: db.user,
    DB_PASSWORD: db.password,
    DB_NAME: db.name,
  };
  const out = { ...env };
  for (const [name, value] of Object.entries(values)) if (name in out) out[name] = value;
  return out;
}

export class ForkNode {
  readonly lines: Line[] = [];
  private process: ManagedProcess | undefined;
  /** The fork's own pid (the supervisor's child, in a process group of its own). */
  private forkPid: number | undefined;
  private readonly listeners = new Set<(line: Line) => void>();
  /** When the node was last started. */
  private startedAt = 0;
  /** When the node's process ended (SIGKILL, or its exit after SIGTERM), each time. */
  readonly exits: number[] = [];

  constructor(
    readonly plan: NodePlan,
    private readonly placement: Placement,
    private readonly forkDir: string,
  ) {
    mkdirSync(placement.dataDir, { recursive: true });
  }

  get id(): string {
    return this.plan.id;
  }

  get url(): string {
    return `http://${this.placement.address}:${this.placement.port}`;
  }

  get running(): boolean {
    return this.process !== undefined && this.process.exitStatus === undefined;
  }

  private env(step: Step): Record<string, string> {
    const p = this.placement;
    return {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      ...withDatabase(step.env, p.database),
      // The container's own: its address (a pod IP, a Compose container), its volume.
      UPTIME_KUMA_HOST: p.address,
      UPTIME_KUMA_PORT: String(p.port),
      DATA_DIR: p.dataDir,
      // Uptime Kuma's update check is its only outbound call: keep it on loopback.
      https_proxy: `http://${p.address}:${p.port}`,
    };
  }

  /** The one-shot steps (migrate), as an init container or a Compose one-shot runs them. */
  runBefore(): string[] {
    return this.plan.before.map((step) =>
      execFileSync(step.argv[0], step.argv.slice(1), { env: this.env(step), encoding: "utf8", timeout: 60_000 }).trim(),
    );
  }

  /** Starts the node; resolves once Uptime Kuma listens. */
  async start(): Promise<void> {
    const step = this.plan.node;
    const [command, ...args] = step.argv[0] === "node" ? [process.execPath, ...step.argv.slice(1)] : step.argv;
    this.forkPid = undefined;
    this.startedAt = Date.now();
    const started = startProcess(command, {
      args,
      env: this.env(step),
      cwd: this.forkDir,
      readyLine: /Listening on /,
      timeoutMs: START_TIMEOUT_MS,
      name: `${this.id} (exec)`,
    });
    // Lines are read from the start, before the ready line.
    const child = await started;
    this.process = child;
    for (const line of [...child.output("stderr"), ...child.output("stdout")]) this.take(line, Date.now());
    for (const stream of [child.child.stdout, child.child.stderr]) {
      let partial = "";
      stream?.on("data", (chunk: Buffer) => {
        const at = Date.now();
        const parts = (partial + chunk.toString("utf8")).split("\n");
        partial = parts.pop() ?? "";
        for (const part of parts) this.take(part, at);
      });
    }
  }

  private take(raw: string, at: number): void {
    const text = raw.replace(ANSI, "");
    const pid = / started .* as pid (\d+)$/.exec(text);
    if (pid && text.startsWith("kuma-cluster-node:")) this.forkPid = Number(pid[1]);
    const line = { at, text };
    this.lines.push(line);
    for (const listener of this.listeners) listener(line);
  }

  /** Resolves with the first line matching `pattern` from now on (or already seen since `since`). */
  waitForLine(pattern: RegExp, timeoutMs: number, since = Number.POSITIVE_INFINITY): Promise<Line> {
    const seen = this.lines.find((l) => l.at >= since && pattern.test(l.text));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(
          new Error(
            `${this.id}: no line matching ${pattern} within ${timeoutMs} ms; last lines:\n${this.lines
              .slice(-15)
              .map((l) => l.text)
              .join("\n")}`,
          ),
        );
      }, timeoutMs);
      const listener = (line: Line): void => {
        if (!pattern.test(line.text)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(line);
      };
      this.listeners.add(listener);
    });
  }

  /**
   * Whether this node's fork runs monitor `id`, as its log says since its last start: started
   * by a reconcile or by a resume (add, edit, resume) and not stopped since. A monitor started
   * with the node itself is logged only at debug level, so it reads as not running.
   */
  runs(id: number): boolean {
    const started = new RegExp(`Reconciling: starting monitor .*\\(ID: ${id}\\)\\s*$|Resume Monitor: ${id} User ID`);
    const stopped = new RegExp(`Reconciling: stopping monitor .*\\(ID: ${id}\\)\\s*$|(Pause|Delete) Monitor: ${id} User ID`);
    let running = false;
    for (const l of this.lines) {
      if (l.at < this.startedAt) continue;
      if (started.test(l.text)) running = true;
      else if (stopped.test(l.text)) running = false;
    }
    return running;
  }

  /** When the fork's reconciler started (or stopped) monitor `id` at or after `since`. */
  reconciled(action: "starting" | "stopping", id: number, since: number): number | undefined {
    const pattern = new RegExp(`Reconciling: ${action} monitor .*\\(ID: ${id}\\)\\s*$`);
    return this.lines.find((l) => l.at >= since && pattern.test(l.text))?.at;
  }

  /**
   * The container's preStop hook (world.ts), run as the kubelet runs it: in the container, with
   * its environment, before SIGTERM. Resolves with its exit code, output and duration.
   */
  preStop(timeoutMs = 60_000): Promise<{ code: number; output: string; ms: number }> {
    const step = this.plan.preStop;
    if (step === undefined) return Promise.reject(new Error(`${this.id}: no preStop hook in the manifest`));
    const [command, ...args] = step.argv[0] === "node" ? [process.execPath, ...step.argv.slice(1)] : step.argv;
    const began = Date.now();
    return new Promise((resolve) => {
      execFile(command, args, { env: this.env(step), encoding: "utf8", timeout: timeoutMs }, (err, stdout, stderr) => {
        const code = err === null ? 0 : typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : -1;
        resolve({ code, output: `${stdout}${stderr}`.trim(), ms: Date.now() - began });
      });
    });
  }

  /** A crash of the whole container: supervisor and fork killed at once, nothing written. */
  kill(): void {
    if (this.running) this.exits.push(Date.now());
    for (const pid of [this.process?.pid, this.forkPid]) {
      if (pid === undefined) continue;
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }

  /** SIGTERM to the supervisor alone, as a container runtime sends it; resolves with its exit. */
  async terminate(): Promise<ExitStatus | undefined> {
    const child = this.process;
    if (child === undefined) return undefined;
    process.kill(child.pid, "SIGTERM");
    const status = await child.waitForExit(20_000);
    this.exits.push(Date.now());
    this.kill();
    return status;
  }

  /** The last lines, for failure messages. */
  tail(n = 20): string {
    return this.lines
      .slice(-n)
      .map((l) => l.text)
      .join("\n");
  }
}
