// `kuma-cluster-node exec -- <command...>`: runs an unmodified node (the cluster fork of Uptime
// Kuma) under the identity the router expects, and does what the node does not:
//  - exports UPTIME_KUMA_NODE_ID, UPTIME_KUMA_NODE_HOST and UPTIME_KUMA_PRIMARY as computed by
//    the core rules, so the node registers the host and primary flag the router uses;
//  - keeps last_seen moving (HEARTBEAT_INTERVAL) and marks the node offline at once when it
//    stops: on SIGTERM/SIGINT before the signal is passed on, or when the node exits by itself;
//  - the hand-over trigger (handover.ts);
//  - passes the node's stdout and stderr through unchanged, and exits with its exit status.
// The node runs in a process group of its own: an init process (dumb-init, tini) that signals
// the supervisor's group must not reach the node before it has been marked offline.
import { spawn, type ChildProcess } from "node:child_process";
import { constants } from "node:os";
import { isIPv4 } from "node:net";
import type { Pool } from "mysql2/promise";
import type { NodeAgentSettings } from "../../src-lua-ts/core/node_settings";
import type { NodeIdentity } from "../../src-lua-ts/core/settings";
import { agentVersion } from "./agent";
import { parseNodeLine, Relay } from "./child-output";
import type { Env } from "./cluster-env";
import { createDbPool, describeDbError } from "./db";
import { Handover, type NodeAddress } from "./handover";
import { deregisterNode, heartbeat, registerNode } from "./registry";
import { undrainNode } from "./drain";

const PROGRAM = "kuma-cluster-node";
/** Signals that stop the node: it is marked offline first. */
const STOPPING: readonly NodeJS.Signals[] = ["SIGTERM", "SIGINT"];
/** Passed on as they come. (SIGUSR1 stays Node's own: it opens the inspector.) */
const PASSED_ON: readonly NodeJS.Signals[] = ["SIGHUP", "SIGQUIT", "SIGUSR2"];

/** The environment the node runs with: the given one plus the identity the router expects. */
export function nodeEnvironment(env: Env, identity: NodeIdentity): NodeJS.ProcessEnv {
  return {
    ...env,
    UPTIME_KUMA_NODE_ID: identity.nodeId,
    UPTIME_KUMA_NODE_HOST: identity.host,
    UPTIME_KUMA_PRIMARY: identity.isPrimary ? "true" : "false",
  };
}

/**
 * Where to call the node: its listen address, or 127.0.0.1 when it listens on every address.
 * From its own loopback address when it has one, so the node's API rate limit counts these
 * calls apart from the router's.
 */
export function nodeAddress(listen: NodeAgentSettings["nodeListen"]): NodeAddress {
  const bind = listen.host.replace(/^\[(.*)\]$/, "$1");
  if (bind === "" || bind === "0.0.0.0" || bind === "::") return { host: "127.0.0.1", port: listen.port };
  const ownLoopback = isIPv4(bind) && bind.startsWith("127.") && bind !== "127.0.0.1";
  return { host: bind, port: listen.port, localAddress: ownLoopback ? bind : undefined };
}

/** The shell's convention for a process ended by a signal. */
export function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return 128 + (signal !== null ? (constants.signals[signal] ?? 0) : 0);
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

export interface ExecOptions {
  command: readonly string[];
  env: Env;
  settings: NodeAgentSettings;
  identity: NodeIdentity;
}

class Supervisor {
  private readonly pool: Pool;
  private stderr: Relay | undefined;
  private readonly handover: Handover;
  private child!: ChildProcess;
  private beatTimer: NodeJS.Timeout | undefined;
  private beatInFlight: Promise<void> = Promise.resolve();
  /** The node registers itself; once its row was seen, a missing row is written again. */
  private rowSeen = false;
  private offline: Promise<void> | undefined;

  constructor(private readonly options: ExecOptions) {
    this.pool = createDbPool(options.settings.db);
    this.handover = new Handover({
      db: this.pool,
      nodeId: options.identity.nodeId,
      node: nodeAddress(options.settings.nodeListen),
      version: agentVersion(),
      say: (line) => this.say(line),
    });
  }

  /** The supervisor's own lines: on stderr, between the node's lines. */
  private say(line: string): void {
    if (this.stderr !== undefined) this.stderr.say(line);
    else process.stderr.write(`${line}\n`);
  }

  run(): Promise<number> {
    const { command, env, identity } = this.options;
    return new Promise((resolve) => {
      this.child = spawn(command[0], command.slice(1), {
        env: nodeEnvironment(env, identity),
        stdio: ["inherit", "pipe", "pipe"],
        detached: true,
      });
      const onLine = (line: string): void => {
        const event = parseNodeLine(line);
        if (event !== undefined) this.handover.onEvent(event);
      };
      new Relay(this.child.stdout!, process.stdout, onLine);
      this.stderr = new Relay(this.child.stderr!, process.stderr, onLine);
      this.child.once("error", (err) => {
        process.stderr.write(`${PROGRAM}: cannot start ${command[0]}: ${err.message}\n`);
        void this.finish().then(() => resolve(127));
      });
      this.child.once("spawn", () => {
        const role = identity.isPrimary ? "primary" : "not primary";
        this.say(
          `${PROGRAM}: ${identity.nodeId} (${identity.environment}, host ${identity.host}, ${role}): started ${command.join(" ")} as pid ${this.child.pid}`,
        );
        for (const signal of STOPPING) process.on(signal, this.onStop);
        for (const signal of PASSED_ON) process.on(signal, this.passOn);
        void this.handover.start();
        void this.endShutdownDrain();
        this.scheduleBeat();
      });
      this.child.once("exit", (code, signal) => {
        const status = exitCodeOf(code, signal);
        void this.finish().then(() => resolve(status));
      });
    });
  }

  private readonly passOn = (signal: NodeJS.Signals): void => {
    this.signalChild(signal);
  };

  private readonly onStop = (signal: NodeJS.Signals): void => {
    // A second stopping signal goes straight through.
    if (this.offline !== undefined) return this.signalChild(signal);
    this.offline = this.markOffline(signal);
    void this.offline.then(() => this.signalChild(signal));
  };

  private signalChild(signal: NodeJS.Signals): void {
    const pid = this.child.pid;
    if (pid === undefined || this.child.exitCode !== null || this.child.signalCode !== null) return;
    try {
      process.kill(-pid, signal);
    } catch {
      this.child.kill(signal);
    }
  }

  private scheduleBeat(): void {
    this.beatTimer = setTimeout(() => {
      this.beatInFlight = this.beat().finally(() => {
        if (this.offline === undefined) this.scheduleBeat();
      });
    }, this.options.settings.heartbeatIntervalS * 1000);
  }

  private async beat(): Promise<void> {
    const { identity, settings } = this.options;
    try {
      if (await heartbeat(this.pool, identity.nodeId)) this.rowSeen = true;
      else if (this.rowSeen) {
        this.say(`${PROGRAM}: ${identity.nodeId} was missing from the registry; registering again`);
        await registerNode(this.pool, identity);
      }
      await this.handover.beat();
    } catch (err) {
      this.say(`${PROGRAM}: heartbeat failed: ${describeDbError(err, settings.db).message}`);
    }
  }

  /**
   * A drain its last stop's preStop left (`drain --shutdown`) ends with this start; its monitors
   * come back once the router's probes pass. An operator's drain stays.
   */
  private async endShutdownDrain(): Promise<void> {
    const { identity, settings } = this.options;
    try {
      if (await undrainNode(this.pool, identity.nodeId, "shutdown"))
        this.say(`${PROGRAM}: ${identity.nodeId}: the drain of its last shutdown ended`);
    } catch (err) {
      this.say(`${PROGRAM}: could not end the shutdown drain of ${identity.nodeId}: ${describeDbError(err, settings.db).message}`);
    }
  }

  /** Offline at once, after any heartbeat in flight (which would set it online again). */
  private async markOffline(reason: string): Promise<void> {
    clearTimeout(this.beatTimer);
    const { identity, settings } = this.options;
    try {
      await this.beatInFlight;
      await this.handover.stop();
      const found = await withTimeout(deregisterNode(this.pool, identity.nodeId), settings.db.timeoutMs, "marking offline");
      this.say(`${PROGRAM}: ${reason}: ${found ? `${identity.nodeId} marked offline` : `${identity.nodeId} was not registered`}`);
    } catch (err) {
      this.say(`${PROGRAM}: ${reason}: could not mark ${identity.nodeId} offline: ${describeDbError(err, settings.db).message}`);
    }
  }

  private async finish(): Promise<void> {
    for (const signal of STOPPING) process.off(signal, this.onStop);
    for (const signal of PASSED_ON) process.off(signal, this.passOn);
    // A node that ended by itself (a crash) leaves the registry at once too.
    this.offline ??= this.markOffline("node exited");
    await this.offline;
    await this.pool.end().catch(() => undefined);
  }
}

/** Runs the node to its end; resolves with the exit status to leave with. */
export function supervise(options: ExecOptions): Promise<number> {
  return new Supervisor(options).run();
}
