// A pass-through TCP proxy between the router and MariaDB that reads the client's side of the
// MySQL protocol and records every COM_QUERY text. The server's global Com_select counts every
// client of a shared MariaDB (other test runs, the router's own sync and registry writer); the
// tap sees exactly what one router sent, so tests and the benchmark can tell per-request
// lookups from the constant background statements.
//
// Used in-process by test/router/hostile.test.ts and bench/bench.ts.
import net from "node:net";
import { assertLoopbackHost, type HostPort } from "../harness/loopback";

/** What a statement is for: request-driven lookups must stay at zero in steady state. */
export type StatementKind = "lookup" | "sync" | "background";

export interface TapStats {
  /** Statements (COM_QUERY) seen since start. */
  total: number;
  /** Of which SELECTs: what the server's Com_select counts for this client. */
  selects: number;
  byKind: Record<StatementKind, number>;
  connections: number;
}

const COM_QUERY = 0x03;
/** Client capability flag: the client asks for TLS, after which the stream is opaque. */
const CLIENT_SSL = 0x0800;
/** Statements kept for since(); older ones are only counted. */
const LOG_LIMIT = 50_000;

/**
 * Request-driven lookups (cluster/lookup.ts) read one monitor by id or by push token; the sync
 * reads the node table, all active monitors and whether setup is complete. Everything else
 * (the registry writer's locks and status writes) is background.
 */
export function statementKind(sql: string): StatementKind {
  if (/\bFROM monitor WHERE (id|push_token) = /.test(sql)) return "lookup";
  if (/\bFROM node$/.test(sql) || /\bFROM monitor WHERE active = 1$/.test(sql) || /^SELECT EXISTS \(SELECT 1 FROM `user`\)/.test(sql)) {
    return "sync";
  }
  return "background";
}

/** Splits the client's byte stream into packets and reports each COM_QUERY text. */
class ClientStream {
  private buffer: Buffer = Buffer.alloc(0);
  private opaque = false;

  constructor(private readonly onQuery: (sql: string) => void) {}

  push(chunk: Buffer): void {
    if (this.opaque) return;
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    while (this.buffer.length >= 4) {
      const length = this.buffer.readUIntLE(0, 3);
      const sequence = this.buffer[3];
      if (this.buffer.length < 4 + length) return;
      const payload = this.buffer.subarray(4, 4 + length);
      this.buffer = this.buffer.subarray(4 + length);
      // A command starts a new exchange at sequence 0; the handshake response (sequence 1) and
      // auth-switch replies are not commands. An SSLRequest is a 32-byte packet at sequence 1.
      if (sequence === 1 && length === 32 && (payload.readUInt32LE(0) & CLIENT_SSL) !== 0) {
        this.opaque = true;
        return;
      }
      if (sequence === 0 && length > 0 && payload[0] === COM_QUERY) this.onQuery(payload.subarray(1).toString("utf8"));
    }
  }
}

export class MysqlTap {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  private readonly log: string[] = [];
  private logStart = 0;
  private connections = 0;
  private readonly counts: TapStats = { total: 0, selects: 0, byKind: { lookup: 0, sync: 0, background: 0 }, connections: 0 };

  constructor(private readonly upstream: HostPort) {
    assertLoopbackHost(upstream.host);
  }

  async start(listen: HostPort): Promise<HostPort> {
    assertLoopbackHost(listen.host);
    const server = net.createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen({ host: listen.host, port: listen.port }, () => resolve());
    });
    this.server = server;
    const bound = server.address() as net.AddressInfo;
    return { host: listen.host, port: bound.port };
  }

  /** The number of statements seen so far: a mark for since(). */
  get total(): number {
    return this.counts.total;
  }

  /** Statements seen after `mark` (a value of `total`), oldest first. */
  since(mark: number): string[] {
    if (mark < this.logStart) throw new Error(`mysql-tap: statements before #${this.logStart} were dropped`);
    return this.log.slice(mark - this.logStart);
  }

  stats(): TapStats {
    return { ...this.counts, byKind: { ...this.counts.byKind }, connections: this.connections };
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server === undefined ? resolve() : this.server.close(() => resolve())));
    this.server = undefined;
  }

  private record(sql: string): void {
    this.counts.total++;
    if (/^\s*SELECT\b/i.test(sql)) this.counts.selects++;
    this.counts.byKind[statementKind(sql)]++;
    this.log.push(sql);
    if (this.log.length > LOG_LIMIT) {
      this.log.shift();
      this.logStart++;
    }
  }

  private accept(client: net.Socket): void {
    this.connections++;
    const server = net.connect({ host: this.upstream.host, port: this.upstream.port });
    const parser = new ClientStream((sql) => this.record(sql));
    for (const s of [client, server]) {
      this.sockets.add(s);
      s.on("close", () => this.sockets.delete(s));
      // Either side failing ends the pair, as a direct connection would end.
      s.on("error", () => {
        client.destroy();
        server.destroy();
      });
    }
    client.on("data", (chunk: Buffer) => {
      parser.push(chunk);
      server.write(chunk);
    });
    server.pipe(client);
    client.on("end", () => server.end());
    server.on("end", () => client.end());
  }
}
