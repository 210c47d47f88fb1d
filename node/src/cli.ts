// kuma-cluster-node: keeps a node's row in the registry for a node image that cannot be
// modified. Run beside the node (a Kubernetes sidecar, a Compose service) with the node's own
// environment. Exit codes: 0 done, 1 database failure, 2 bad usage or environment.
import type { Pool } from "mysql2/promise";
import { isValidNodeId } from "../../src-lua-ts/core/node_id";
import { parseSeconds } from "../../src-lua-ts/core/settings";
import { loadNodeAgentSettings, NodeAgentSettings } from "../../src-lua-ts/core/node_settings";
import { ClusterEnv, ClusterEnvError, Env, getenvOf, unwrap } from "./cluster-env";
import { DbError, describeDbError, openDb, where } from "./db";
import { cleanupStaleNodes, deregisterNode, forgetNode, ForgetOutcome, heartbeat, InitResult, initializeFromEnv } from "./registry";
import { supervise } from "./exec";
import { drainNode, undrainNode, waitUntilHandedOver } from "./drain";
import { describeMigrate, migrate } from "./migrate";

/** How long `migrate` waits for another one holding the lock (every pod's init container runs it). */
const MIGRATE_LOCK_WAIT_S = 60;

export const USAGE = `usage: kuma-cluster-node <command>

commands:
  migrate [--lock-wait S]  create the node registry and the router's tables (before the first
                         node starts; idempotent, several at once take turns, S default 60)
  exec -- <command...>   run the node with the identity the router expects (exported as
                         UPTIME_KUMA_NODE_ID, UPTIME_KUMA_NODE_HOST, UPTIME_KUMA_PRIMARY),
                         heartbeat, mark it offline on SIGTERM before passing the signal on,
                         have it take over moved monitors at once, exit with its status
  run                    register, heartbeat every HEARTBEAT_INTERVAL seconds, and mark the
                         node offline on SIGTERM or SIGINT
  register               register this node once (without UPTIME_KUMA_NODE_ID: the default
                         local node, only into an empty node table)
  heartbeat              set last_seen to now once
  deregister             mark this node offline now
  drain [--shutdown] [--wait S]
                         this node takes no new sessions and the router hands its monitors
                         over; --wait: until it owns none and its new owners' agents have
                         reconciled since (at most S seconds), then 2 s more for its own;
                         --shutdown (preStop): its next start undrains it
  undrain                end this node's drain: its monitors come back once probes pass
  cleanup [--timeout S]  mark nodes unseen for S seconds offline (default STALE_NODE_TIMEOUT)
  forget-node <id>       delete node <id> from the registry after a cut-over or a rollback
                         (docs/deployment.md); refused (exit 3) while it is online or owns a
                         monitor; the monitors it created that other nodes run stay there
  show                   print the identity and settings read from the environment

Settings come from the environment: UPTIME_KUMA_NODE_ID (or NODE_ID; in Kubernetes else
HOSTNAME), UPTIME_KUMA_NODE_NAME, UPTIME_KUMA_NODE_HOST, UPTIME_KUMA_PRIMARY, UPTIME_KUMA_HOST,
UPTIME_KUMA_PORT, DB_HOST, DB_PORT, DB_USER, DB_PASSWORD, DB_NAME (or their UPTIME_KUMA_DB_*
names), DB_TIMEOUT, HEARTBEAT_INTERVAL.
Exit status: 0 done, 1 database failure, 2 bad usage or environment, 3 refused (forget-node);
exec: the node's own
status (128 + n when a signal n ended it, 127 when it could not start).`;

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

const PROGRAM = "kuma-cluster-node";

class UsageError extends Error {}

interface Context {
  settings: NodeAgentSettings;
  clusterEnv: () => ClusterEnv;
  io: Io;
}

function describeIdentity(init: InitResult): string {
  const id = init.identity;
  const role = id.isPrimary ? "primary" : "not primary";
  return `${id.nodeId} (${id.environment}, host ${id.host}, ${role})`;
}

function reportInit(init: InitResult, io: Io): void {
  if (init.action === "registered") io.out(`${PROGRAM}: registered ${describeIdentity(init)}`);
  else if (init.action === "default-created") io.out(`${PROGRAM}: no node id set; created the default node ${describeIdentity(init)}`);
  else io.out(`${PROGRAM}: no node id set and the node table is not empty; nothing registered`);
}

/** The only option of a command: `--NAME S` or `--NAME=S`, seconds above 0. */
function parseSecondsOption(args: string[], option: string, fallback: number): number {
  if (args.length === 0) return fallback;
  let value: string | undefined;
  if (args.length === 2 && args[0] === option) value = args[1];
  else if (args.length === 1 && args[0].startsWith(`${option}=`)) value = args[0].substring(option.length + 1);
  if (value === undefined) throw new UsageError(`unexpected arguments: ${args.join(" ")}`);
  const seconds = parseSeconds(value);
  if (seconds === undefined || seconds <= 0) throw new UsageError(`${option} ${value}: expected seconds above 0, like 600 or 1.5`);
  return seconds;
}

/** After the new owners reconciled: time for this node's own agent to stop them here. */
const HANDOVER_GRACE_S = 2;

interface DrainOptions {
  shutdown: boolean;
  waitS?: number;
}

function parseDrainOptions(args: string[]): DrainOptions {
  const options: DrainOptions = { shutdown: false };
  const rest: string[] = [];
  for (const a of args) {
    if (a === "--shutdown") options.shutdown = true;
    else rest.push(a);
  }
  if (rest.length > 0) options.waitS = parseSecondsOption(rest, "--wait", 0);
  return options;
}

const parseTimeout = (args: string[], fallback: number): number => parseSecondsOption(args, "--timeout", fallback);

/** The node's command line after `exec` (and its optional `--`). */
function execCommand(args: string[]): string[] {
  const command = args[0] === "--" ? args.slice(1) : args;
  if (command.length === 0 || command[0] === "")
    throw new UsageError(`exec needs the node's command, e.g. \`${PROGRAM} exec -- node server/server.js\``);
  return command;
}

/** The running loop of `run`: resolves with the exit code once a signal has been handled. */
function keepAlive(pool: Pool, ctx: Context, init: InitResult): Promise<number> {
  const { io } = ctx;
  const nodeId = init.identity.nodeId;
  const intervalMs = ctx.settings.heartbeatIntervalS * 1000;
  let timer: NodeJS.Timeout | undefined;
  let stopping = false;
  // A beat in flight must finish before deregistering, or it would set the row online again.
  let inFlight: Promise<void> = Promise.resolve();

  const beat = async (): Promise<void> => {
    try {
      if (!(await heartbeat(pool, nodeId))) {
        io.err(`${PROGRAM}: ${nodeId} was missing from the registry; registering again`);
        reportInit(await initializeFromEnv(pool, ctx.clusterEnv()), io);
      }
    } catch (err) {
      io.err(`${PROGRAM}: heartbeat failed: ${describeDbError(err, ctx.settings.db).message}`);
    }
  };
  const schedule = (): void => {
    timer = setTimeout(() => {
      inFlight = beat().then(() => {
        if (!stopping) schedule();
      });
    }, intervalMs);
  };

  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      if (stopping) return;
      stopping = true;
      process.off("SIGTERM", stop);
      process.off("SIGINT", stop);
      clearTimeout(timer);
      void inFlight
        .then(() => deregisterNode(pool, nodeId))
        .then(
          () => {
            io.out(`${PROGRAM}: ${signal}: ${nodeId} marked offline`);
            resolve(0);
          },
          (err: unknown) => {
            io.err(`${PROGRAM}: ${signal}: could not mark ${nodeId} offline: ${describeDbError(err, ctx.settings.db).message}`);
            resolve(1);
          },
        );
    };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
    schedule();
  });
}

async function run(pool: Pool, ctx: Context): Promise<number> {
  const init = await initializeFromEnv(pool, ctx.clusterEnv());
  // Without a node id the process keeps "local-node" alive only if that row exists.
  if (!(await heartbeat(pool, init.identity.nodeId))) {
    ctx.io.err(`${PROGRAM}: no node id set (UPTIME_KUMA_NODE_ID or NODE_ID) and the node table already has other nodes`);
    return 2;
  }
  if (init.action !== "default-skipped") reportInit(init, ctx.io);
  ctx.io.out(`${PROGRAM}: ${init.identity.nodeId} online; heartbeat every ${ctx.settings.heartbeatIntervalS}s`);
  return keepAlive(pool, ctx, init);
}

async function once(command: string, args: string[], pool: Pool, ctx: Context): Promise<number> {
  const { io } = ctx;
  switch (command) {
    case "register":
      reportInit(await initializeFromEnv(pool, ctx.clusterEnv()), io);
      return 0;
    case "heartbeat": {
      const nodeId = ctx.clusterEnv().identity().nodeId;
      if (!(await heartbeat(pool, nodeId))) {
        io.err(`${PROGRAM}: ${nodeId} is not registered; run \`${PROGRAM} register\` first`);
        return 1;
      }
      io.out(`${PROGRAM}: ${nodeId} seen now`);
      return 0;
    }
    case "deregister": {
      const nodeId = ctx.clusterEnv().identity().nodeId;
      const found = await deregisterNode(pool, nodeId);
      io.out(found ? `${PROGRAM}: ${nodeId} marked offline` : `${PROGRAM}: ${nodeId} is not registered; nothing to do`);
      return 0;
    }
    case "cleanup": {
      const timeout = parseTimeout(args, ctx.settings.staleAfterS);
      const count = await cleanupStaleNodes(pool, timeout);
      io.out(`${PROGRAM}: ${count} node(s) unseen for more than ${timeout}s marked offline`);
      return 0;
    }
    case "forget-node":
      return reportForget(args[0], await forgetNode(pool, args[0]), io);
    case "drain": {
      const options = parseDrainOptions(args);
      const nodeId = ctx.clusterEnv().identity().nodeId;
      await drainNode(pool, nodeId, options.shutdown ? "shutdown" : "operator");
      io.out(`${PROGRAM}: ${nodeId} drained${options.shutdown ? " until its next start" : ""}`);
      if (options.waitS === undefined) return 0;
      const handed = await waitUntilHandedOver(pool, nodeId, options.waitS, HANDOVER_GRACE_S);
      if (handed.left > 0)
        io.err(
          `${PROGRAM}: ${nodeId} still owns ${handed.left} monitor(s) after ${options.waitS}s (no other healthy node, or MONITOR_LIMIT_PER_NODE reached)`,
        );
      else {
        if (handed.notReconciled.length > 0)
          io.err(`${PROGRAM}: ${handed.notReconciled.join(", ")} not reconciled since the hand-over after ${options.waitS}s`);
        io.out(`${PROGRAM}: ${nodeId} owns no monitors now`);
      }
      return 0;
    }
    case "undrain": {
      const nodeId = ctx.clusterEnv().identity().nodeId;
      const found = await undrainNode(pool, nodeId);
      io.out(found ? `${PROGRAM}: ${nodeId} undrained` : `${PROGRAM}: ${nodeId} was not drained; nothing to do`);
      return 0;
    }
    case "run":
      return run(pool, ctx);
    default:
      throw new UsageError(`unknown command: ${command}`);
  }
}

/** Exit status 3: the registry was left as it was, on purpose. */
const REFUSED = 3;

function reportForget(nodeId: string, outcome: ForgetOutcome, io: Io): number {
  if (outcome.done) {
    const adopted = outcome.adopted > 0 ? `; ${outcome.adopted} monitor(s) it created stay with the nodes that run them now, for good` : "";
    io.out(`${PROGRAM}: ${nodeId} deleted from the registry${adopted}`);
    return 0;
  }
  if (outcome.reason === "unknown") {
    io.out(`${PROGRAM}: ${nodeId} is not registered; nothing to do`);
    return 0;
  }
  if (outcome.reason === "online") {
    io.err(`${PROGRAM}: ${nodeId} is online; stop it first (its shutdown marks it offline), then forget it`);
  } else {
    io.err(
      `${PROGRAM}: ${nodeId} still owns ${outcome.monitors} monitor(s); drain it (POST /lb/nodes/${nodeId}/drain on the router's internal listener) until it owns none, then forget it`,
    );
  }
  return REFUSED;
}

/** forget-node's one argument: a valid node id, checked before any connection. */
function forgetArgument(args: string[]): void {
  if (args.length !== 1) throw new UsageError("forget-node takes one node id");
  if (!isValidNodeId(args[0])) throw new UsageError(`node id ${JSON.stringify(args[0])} is not valid`);
}

function show(ctx: Context): number {
  const clusterEnv = ctx.clusterEnv();
  const db = ctx.settings.db;
  const dns = clusterEnv.dnsSettings();
  const shown = {
    identity: clusterEnv.identity(),
    nodeIdSet: clusterEnv.hasNodeId(),
    database: `${db.user}@${where(db)}`,
    heartbeatIntervalS: ctx.settings.heartbeatIntervalS,
    staleAfterS: ctx.settings.staleAfterS,
    dns: { servers: clusterEnv.getDnsServers(), source: dns.source },
  };
  ctx.io.out(JSON.stringify(shown, null, 2));
  return 0;
}

const COMMANDS = ["run", "register", "heartbeat", "deregister", "drain", "undrain", "cleanup", "forget-node", "show", "migrate", "exec"];
/** Commands that take arguments of their own. */
const WITH_ARGUMENTS = ["cleanup", "forget-node", "migrate", "exec", "drain"];

/** The whole command; never throws, never prints a stack trace. */
export async function main(argv: string[], env: Env, io: Io): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h") {
    if (command !== undefined) {
      io.out(USAGE);
      return 0;
    }
    io.err(USAGE);
    return 2;
  }
  try {
    if (COMMANDS.indexOf(command) < 0) throw new UsageError(`unknown command: ${command}`);
    if (!WITH_ARGUMENTS.includes(command) && args.length > 0) throw new UsageError(`unexpected arguments: ${args.join(" ")}`);
    const settings = unwrap(loadNodeAgentSettings(getenvOf(env)));
    let cached: ClusterEnv | undefined;
    const ctx: Context = { settings, io, clusterEnv: () => (cached ??= new ClusterEnv(env)) };
    if (command === "show") return show(ctx);
    // Both check everything before they start: a bad environment never reaches the node.
    if (command === "exec") return await supervise({ command: execCommand(args), env, settings, identity: ctx.clusterEnv().identity() });
    if (command === "migrate") {
      const result = await migrate(settings.db, parseSecondsOption(args, "--lock-wait", MIGRATE_LOCK_WAIT_S));
      io.out(`${PROGRAM}: migrate ${where(settings.db)}: ${describeMigrate(result)}`);
      return 0;
    }
    // A bad identity is reported before any connection attempt; cleanup and forget-node need none.
    if (command === "cleanup") parseTimeout(args, settings.staleAfterS);
    else if (command === "forget-node") forgetArgument(args);
    else ctx.clusterEnv().identity();
    if (command === "drain") parseDrainOptions(args);
    const pool = await openDb(settings.db);
    try {
      return await once(command, args, pool, ctx);
    } catch (err) {
      if (err instanceof ClusterEnvError || err instanceof UsageError) throw err;
      throw describeDbError(err, settings.db);
    } finally {
      await pool.end().catch(() => undefined);
    }
  } catch (err) {
    return report(err, io);
  }
}

function report(err: unknown, io: Io): number {
  if (err instanceof ClusterEnvError) {
    io.err(`${PROGRAM}: bad environment:`);
    for (const problem of err.problems) io.err(`  ${problem}`);
    return 2;
  }
  if (err instanceof UsageError) {
    io.err(`${PROGRAM}: ${err.message} (see \`${PROGRAM} help\`)`);
    return 2;
  }
  if (err instanceof DbError) {
    io.err(`${PROGRAM}: ${err.message}`);
    return 1;
  }
  io.err(`${PROGRAM}: ${err instanceof Error ? err.message : String(err)}`);
  return 1;
}

const consoleIo: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Entry point of the bin: runs main on this process and sets its exit code. */
export function start(): void {
  void main(process.argv.slice(2), process.env, consoleIo).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) start();
