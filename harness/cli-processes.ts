import path from "node:path";
import { formatHostPort, parseHostPort, type HostPort } from "./loopback";
import { startProcess, type ManagedProcess } from "./processes";
import type { HealthMode } from "./stand-in-node";

/** Starts the support CLIs as child processes (from build/js), reading the bound address back. */

export interface RecordSpec {
  name: string;
  addresses: readonly string[];
  ttl?: number;
}

export interface StartedCli {
  process: ManagedProcess;
  /** The address actually bound (useful with port 0). */
  address: HostPort;
}

const READY_TIMEOUT_MS = 10_000;

function cliPath(name: string): string {
  // Compiled next to this module: build/js/harness/<name>.js
  return path.join(__dirname, `${name}.js`);
}

function boundAddress(readyLine: string): HostPort {
  const match = /listening on (?:http:\/\/)?(\S+)/.exec(readyLine);
  if (!match) throw new Error(`no address in ready line ${JSON.stringify(readyLine)}`);
  return parseHostPort(match[1]);
}

export async function startDnsServerProcess(listen: HostPort, records: readonly RecordSpec[]): Promise<StartedCli> {
  const args = [cliPath("dns-server-cli"), "--listen", formatHostPort(listen)];
  for (const { name, addresses, ttl } of records) {
    args.push("--record", `${name}=${[...addresses, ...(ttl === undefined ? [] : [String(ttl)])].join(",")}`);
  }
  const child = await startProcess(process.execPath, {
    args,
    readyLine: "dns-server listening on",
    timeoutMs: READY_TIMEOUT_MS,
    name: "dns-server",
  });
  return { process: child, address: boundAddress(child.readyLine) };
}

export async function startStandInNodeProcess(
  nodeId: string,
  listen: HostPort,
  options: { health?: HealthMode; healthPaths?: readonly string[] } = {},
): Promise<StartedCli> {
  const args = [cliPath("stand-in-node-cli"), "--node-id", nodeId, "--listen", formatHostPort(listen)];
  if (options.health) args.push("--health", options.health);
  for (const healthPath of options.healthPaths ?? []) args.push("--health-path", healthPath);
  const child = await startProcess(process.execPath, {
    args,
    readyLine: `stand-in-node ${nodeId} listening on`,
    timeoutMs: READY_TIMEOUT_MS,
    name: `stand-in-node ${nodeId}`,
  });
  return { process: child, address: boundAddress(child.readyLine) };
}

/** Switches a stand-in node process's health mode and waits for its acknowledgement. */
export async function setProcessHealth(started: StartedCli, mode: HealthMode): Promise<void> {
  const acknowledged = started.process.waitForLine(new RegExp(`^stand-in-node \\S+ health ${mode}$`), 5_000);
  started.process.write(`health ${mode}\n`);
  await acknowledged;
}
