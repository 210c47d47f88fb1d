import { spawn, type ChildProcess } from "node:child_process";
import dgram from "node:dgram";
import net from "node:net";
import { assertLoopbackHost } from "./loopback";

/**
 * Child processes for e2e suites (nginx, CLIs): start one and wait for its ready line, wait for
 * ports, and make sure nothing outlives the test process.
 */

const DEFAULT_READY_TIMEOUT_MS = 10_000;
const DEFAULT_STOP_GRACE_MS = 3_000;
// Enough output to explain a failure without holding a chatty process's whole log.
const OUTPUT_TAIL_LINES = 200;
const ERROR_TAIL_CHARS = 4_000;
const STREAM_DRAIN_MS = 200;

export type OutputStream = "stdout" | "stderr";

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface StartProcessOptions {
  args?: readonly string[];
  /** A line (on stdout or stderr) containing this string, or matching this pattern, means ready. */
  readyLine: string | RegExp;
  timeoutMs?: number;
  /** Replaces the environment when given; defaults to this process's. */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Used in error messages; defaults to the command. */
  name?: string;
  /**
   * Run in its own process group (default true) so signals reach grandchildren too: nginx's
   * workers survive a SIGKILL of their master alone.
   */
  processGroup?: boolean;
}

export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** The line that matched readyLine. */
  readonly readyLine: string;
  /** Set once the process has exited. */
  readonly exitStatus: ExitStatus | undefined;
  /** The last lines of each stream (at most 200 each). */
  output(stream: OutputStream): string[];
  /** Resolves with the first line matching the pattern that arrives after the call. */
  waitForLine(pattern: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Writes to the child's stdin. */
  write(text: string): void;
  /** Sends `signal` (default SIGTERM), then SIGKILL after graceMs; resolves when it has exited. */
  stop(options?: { signal?: NodeJS.Signals; graceMs?: number }): Promise<ExitStatus>;
  /** Resolves when it exits; rejects after timeoutMs if given. */
  waitForExit(timeoutMs?: number): Promise<ExitStatus>;
}

interface Tracked {
  child: ChildProcess;
  processGroup: boolean;
}

const running = new Set<Tracked>();
let cleanupInstalled = false;

/** Kills every child started here that is still running (synchronous, usable in exit hooks). */
export function killAllChildren(signal: NodeJS.Signals = "SIGKILL"): void {
  for (const tracked of running) signalProcess(tracked, signal);
}

function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  // 'exit' runs on a normal end and on process.exit(); fatal signals skip it, so catch them too.
  process.on("exit", () => killAllChildren());
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const onSignal = (): void => {
      killAllChildren();
      process.off(signal, onSignal);
      // Re-raise for the default action unless someone else handles the signal.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

function signalProcess({ child, processGroup }: Tracked, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (processGroup) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    // ESRCH: it is already gone.
  }
}

function matches(line: string, pattern: string | RegExp): boolean {
  return typeof pattern === "string" ? line.includes(pattern) : pattern.test(line);
}

function tail(lines: readonly string[]): string {
  const text = lines.join("\n");
  return text.length > ERROR_TAIL_CHARS ? `...${text.slice(-ERROR_TAIL_CHARS)}` : text;
}

/**
 * Starts a process and resolves once it prints its ready line. On timeout or an early exit it
 * rejects with the process's stderr in the message, having killed it first. Once ready, the
 * child no longer keeps this process alive: a suite that forgets to stop it still ends, and the
 * exit hook kills it.
 */
export function startProcess(command: string, options: StartProcessOptions): Promise<ManagedProcess> {
  installCleanup();
  const name = options.name ?? command;
  const timeoutMs = options.timeoutMs ?? DEFAULT_READY_TIMEOUT_MS;
  const tracked: Tracked = {
    child: spawn(command, options.args ?? [], {
      cwd: options.cwd,
      env: options.env,
      stdio: ["pipe", "pipe", "pipe"],
      detached: options.processGroup ?? true,
    }),
    processGroup: options.processGroup ?? true,
  };
  const { child } = tracked;
  running.add(tracked);

  const lines: Record<OutputStream, string[]> = { stdout: [], stderr: [] };
  const lineWaiters = new Set<(line: string) => void>();
  let exitStatus: ExitStatus | undefined;
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once("exit", (code, signal) => {
      running.delete(tracked);
      exitStatus = { code, signal };
      resolve(exitStatus);
    });
  });
  for (const stream of ["stdout", "stderr"] as const) {
    let partial = "";
    const take = (line: string): void => {
      lines[stream].push(line);
      if (lines[stream].length > OUTPUT_TAIL_LINES) lines[stream].shift();
      for (const waiter of [...lineWaiters]) waiter(line);
    };
    const readable = child[stream];
    readable?.setEncoding("utf8");
    readable?.on("data", (chunk: string) => {
      const parts = (partial + chunk).split("\n");
      partial = parts.pop() ?? "";
      parts.forEach(take);
    });
    readable?.on("end", () => {
      if (partial !== "") take(partial);
      partial = "";
    });
  }
  // 'exit' can come before the last output is read; an error message needs that output. A
  // grandchild holding the pipes open would delay 'close' forever, hence the bound.
  const exitedAndDrained = new Promise<void>((resolve) => {
    child.once("close", () => resolve());
    child.once("exit", () => setTimeout(resolve, STREAM_DRAIN_MS).unref());
  });
  // A child that exits without reading stdin must not raise EPIPE here.
  child.stdin?.on("error", () => undefined);
  let spawnError: Error | undefined;
  child.on("error", (error) => {
    // Spawning failed (e.g. ENOENT), or a signal could not be sent; without a listener this throws.
    if (child.pid === undefined) running.delete(tracked);
    spawnError ??= error;
  });

  const describe = (what: string): Error =>
    new Error(`${name}: ${what}\n--- stderr ---\n${tail(lines.stderr)}\n--- stdout ---\n${tail(lines.stdout)}`);

  const waitForLine = (pattern: string | RegExp, lineTimeoutMs: number = DEFAULT_READY_TIMEOUT_MS): Promise<string> =>
    new Promise((resolve, reject) => {
      let done = false;
      const timer = setTimeout(() => finish(describe(`no line matching ${String(pattern)} within ${lineTimeoutMs} ms`)), lineTimeoutMs);
      const onLine = (line: string): void => {
        if (matches(line, pattern)) finish(undefined, line);
      };
      const onError = (error: Error): void => {
        if (child.pid === undefined) finish(describe(`failed to start: ${error.message}`));
      };
      function finish(error: Error | undefined, line?: string): void {
        if (done) return;
        done = true;
        clearTimeout(timer);
        lineWaiters.delete(onLine);
        child.off("error", onError);
        if (error) reject(error);
        else resolve(line ?? "");
      }
      lineWaiters.add(onLine);
      child.on("error", onError);
      if (spawnError && child.pid === undefined) onError(spawnError);
      void exitedAndDrained.then(() =>
        finish(describe(`exited (${JSON.stringify(exitStatus)}) before a line matching ${String(pattern)}`)),
      );
    });

  // The child is unref'd once ready; while anyone waits for its exit it must keep us alive.
  let exitWaiters = 0;
  const waitForExit = async (exitTimeoutMs?: number): Promise<ExitStatus> => {
    if (exitStatus) return exitStatus;
    if (exitWaiters++ === 0) child.ref();
    let timer: NodeJS.Timeout | undefined;
    try {
      if (exitTimeoutMs === undefined) return await exited;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(describe(`still running after ${exitTimeoutMs} ms`)), exitTimeoutMs);
      });
      return await Promise.race([exited, timeout]);
    } finally {
      clearTimeout(timer);
      if (--exitWaiters === 0) child.unref();
    }
  };

  const stop = async ({
    signal = "SIGTERM",
    graceMs = DEFAULT_STOP_GRACE_MS,
  }: { signal?: NodeJS.Signals; graceMs?: number } = {}): Promise<ExitStatus> => {
    if (exitStatus) return exitStatus;
    signalProcess(tracked, signal);
    try {
      return await waitForExit(graceMs);
    } catch {
      signalProcess(tracked, "SIGKILL");
      return waitForExit();
    }
  };

  return new Promise<ManagedProcess>((resolve, reject) => {
    waitForLine(options.readyLine, timeoutMs).then(
      (readyLine) => {
        child.unref();
        for (const stream of [child.stdin, child.stdout, child.stderr]) (stream as net.Socket | null)?.unref();
        resolve({
          name,
          pid: child.pid ?? -1,
          child,
          readyLine,
          get exitStatus() {
            return exitStatus;
          },
          output: (stream) => [...lines[stream]],
          waitForLine,
          write: (text) => {
            child.stdin?.write(text);
          },
          stop,
          waitForExit,
        });
      },
      async (error: Error) => {
        signalProcess(tracked, "SIGKILL");
        if (child.pid !== undefined) await exited;
        reject(error);
      },
    );
  });
}

/** Resolves once host:port accepts a TCP connection; rejects with the last error after timeoutMs. */
export async function waitForPort(host: string, port: number, { timeoutMs = 5_000, intervalMs = 50 } = {}): Promise<void> {
  assertLoopbackHost(host);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let lastError: Error;
    try {
      await tryConnect(host, port, Math.max(deadline - Date.now(), 1));
      return;
    } catch (error) {
      lastError = error as Error;
    }
    if (Date.now() + intervalMs > deadline) {
      throw new Error(`${host}:${port} did not accept a connection within ${timeoutMs} ms: ${lastError.message}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function tryConnect(host: string, port: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error("connect timed out")));
    socket.once("connect", () => {
      socket.destroy();
      resolve();
    });
    socket.once("error", reject);
  });
}

/**
 * A port that was free on `host` a moment ago (for TCP, UDP or both). Another process can still
 * take it before it is used; prefer binding to port 0 where the program allows it.
 */
export async function findFreePort(host = "127.0.0.1", protocol: "tcp" | "udp" | "both" = "tcp"): Promise<number> {
  assertLoopbackHost(host);
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = protocol === "udp" ? await probeUdp(host, 0) : await probeTcp(host, 0);
    if (protocol !== "both") return port;
    try {
      await probeUdp(host, port);
      return port;
    } catch {
      // Free for TCP but not for UDP: try another.
    }
  }
  throw new Error(`no port free for ${protocol} on ${host}`);
}

function probeTcp(host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ host, port, exclusive: true }, () => {
      const address = server.address() as net.AddressInfo;
      server.close(() => resolve(address.port));
    });
  });
}

function probeUdp(host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket(net.isIPv6(host) ? "udp6" : "udp4");
    socket.once("error", (error) => {
      socket.close();
      reject(error);
    });
    socket.bind({ address: host, port, exclusive: true }, () => {
      const bound = socket.address().port;
      socket.close(() => resolve(bound));
    });
  });
}
