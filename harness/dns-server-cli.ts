import net from "node:net";
import readline from "node:readline";
import { parseFlags, runCli, singleFlag } from "./cli-args";
import { DnsServer, type DnsMode } from "./dns-server";
import { assertLoopbackHost, formatHostPort, parseHostPort } from "./loopback";

/**
 * Runs a DnsServer as a process (for `make up` and suites that start the router out of process).
 * Repeating --record for one name adds addresses; a trailing integer is the TTL (default 30).
 * While running it takes one-line commands (see runCommand) on stdin and, with --control, on a
 * loopback TCP port: the busted specs run inside nginx and cannot reach this process's stdin.
 */
const USAGE = "usage: dns-server-cli --listen 127.0.0.1:5353 [--control 127.0.0.1:0] --record name=127.0.0.2[,addr...][,ttl] ...";

const MODES: readonly DnsMode[] = ["answer", "drop", "servfail"];

/** `name=addr[,addr...][,ttl]` */
export function parseRecordFlag(text: string): { name: string; addresses: string[]; ttl?: number } {
  const equals = text.indexOf("=");
  if (equals <= 0) throw new Error(`--record expects name=address[,ttl], got ${JSON.stringify(text)}`);
  const name = text.slice(0, equals);
  const values = text
    .slice(equals + 1)
    .split(",")
    .filter((v) => v !== "");
  const last = values[values.length - 1];
  const ttl = last !== undefined && /^\d+$/.test(last) ? Number(values.pop()) : undefined;
  if (values.length === 0) throw new Error(`--record ${name} has no address`);
  return { name, addresses: values, ttl };
}

/**
 * One command line -> one reply line ("ok[ <value>]" or "error <reason>"):
 *   count [name]                      queries received (for one name, or in all)
 *   reset                             forget the counts
 *   mode answer|drop|servfail
 *   record name=addr[,addr...][,ttl]  replace a record
 *   delete name                       the name answers NXDOMAIN afterwards
 */
export function runCommand(server: DnsServer, line: string): string {
  const [command, argument, extra] = line.trim().split(/\s+/);
  try {
    if (extra !== undefined) throw new Error("too many arguments");
    switch (command) {
      case "count":
        return `ok ${argument === undefined ? server.queries().length : server.queryCount(argument)}`;
      case "reset":
        server.resetCounts();
        return "ok";
      case "mode": {
        const mode = MODES.find((m) => m === argument);
        if (mode === undefined) throw new Error(`mode must be one of ${MODES.join(", ")}`);
        server.setMode(mode);
        return "ok";
      }
      case "record": {
        const { name, addresses, ttl } = parseRecordFlag(argument ?? "");
        server.setRecord(name, addresses, ttl);
        return "ok";
      }
      case "delete":
        if (argument === undefined) throw new Error("delete needs a name");
        return `ok ${server.deleteRecord(argument) ? 1 : 0}`;
      default:
        throw new Error(`unknown command ${JSON.stringify(line)}`);
    }
  } catch (error) {
    return `error ${(error as Error).message}`;
  }
}

function serveLines(input: NodeJS.ReadableStream, reply: (text: string) => void, server: DnsServer): readline.Interface {
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  lines.on("line", (line) => reply(`${runCommand(server, line)}\n`));
  return lines;
}

function listenControl(listen: { host: string; port: number }, server: DnsServer): Promise<net.Server> {
  assertLoopbackHost(listen.host);
  const control = net.createServer((socket) => {
    socket.on("error", () => undefined); // a client that hangs up early is not our failure
    const lines = serveLines(
      socket,
      (text) => {
        if (socket.writable) socket.write(text);
      },
      server,
    );
    // readline re-emits the socket's EPIPE/ECONNRESET; unhandled, it would end the server.
    lines.on("error", () => undefined);
  });
  return new Promise((resolve, reject) => {
    control.once("error", reject);
    control.listen(listen, () => resolve(control));
  });
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), ["listen", "record", "control"]);
  const listen = parseHostPort(singleFlag(flags, "listen", "127.0.0.1:0"));
  const controlFlag = flags.get("control") === undefined ? undefined : parseHostPort(singleFlag(flags, "control"));
  const server = new DnsServer();
  for (const text of flags.get("record") ?? []) {
    const { name, addresses, ttl } = parseRecordFlag(text);
    const existing = server.getRecord(name);
    server.setRecord(name, [...(existing?.addresses ?? []), ...addresses], ttl ?? existing?.ttl);
  }
  const bound = await server.start(listen);
  const control = controlFlag === undefined ? undefined : await listenControl(controlFlag, server);
  const controlAddress = control?.address() as net.AddressInfo | undefined;
  const controlText =
    controlAddress === undefined ? "" : ` control on ${formatHostPort({ host: controlAddress.address, port: controlAddress.port })}`;
  process.stdout.write(`dns-server listening on ${formatHostPort(bound)} (udp+tcp)${controlText}\n`);
  const input = serveLines(process.stdin, (text) => process.stdout.write(`dns-server ${text}`), server);
  const shutdown = (): void => {
    input.close();
    control?.close();
    void server.stop().then(() => process.exit(0));
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

if (require.main === module) runCli(USAGE, main);
