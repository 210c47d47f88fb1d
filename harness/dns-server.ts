import dgram from "node:dgram";
import net from "node:net";
import {
  DnsFormatError,
  Rcode,
  RecordClass,
  RecordType,
  encodeResponse,
  ipv4Bytes,
  ipv6Bytes,
  normalizeName,
  parseQuery,
  type Query,
  type Question,
  type RcodeValue,
  type ResourceRecord,
} from "./dns-wire";
import { assertLoopbackHost, type HostPort } from "./loopback";

/**
 * A real DNS server over UDP and TCP on one port, answering A/AAAA from a mutable table, so the
 * router's resolver (Docker's 127.0.0.11, cluster DNS) can be played on loopback.
 */

// Classic DNS limit; without EDNS a client expects no more, and a bigger answer is truncated so
// the client retries over TCP.
const UDP_PAYLOAD_LIMIT = 512;
const TCP_MESSAGE_LIMIT = 0xffff;
// A resolver keeps a TCP connection open for follow-up queries; drop it once it is idle.
const TCP_IDLE_TIMEOUT_MS = 10_000;
const DEFAULT_TTL = 30;
const MAX_TTL = 0x7fffffff; // RFC 2181 §8

export interface DnsRecord {
  /** IPv4 addresses answer A queries, IPv6 addresses answer AAAA queries. */
  addresses: readonly string[];
  ttl: number;
}

/**
 * - answer: normal operation.
 * - drop: read queries (and count them) but never reply, like an unreachable resolver.
 * - servfail: reply SERVFAIL to everything, like a resolver whose upstream is down.
 */
export type DnsMode = "answer" | "drop" | "servfail";
export type Transport = "udp" | "tcp";
export type QueryTypeName = "A" | "AAAA";

export interface QueryLogEntry {
  /** Normalized: lower case, no trailing dot. */
  name: string;
  type: number;
  transport: Transport;
  /** Whether a reply was sent (false while dropping). */
  answered: boolean;
}

export class DnsServer {
  private readonly records = new Map<string, DnsRecord>();
  private readonly log: QueryLogEntry[] = [];
  private mode: DnsMode = "answer";
  private udp: dgram.Socket | undefined;
  private tcp: net.Server | undefined;
  private readonly tcpConnections = new Set<net.Socket>();
  private bound: HostPort | undefined;

  constructor(records: Readonly<Record<string, DnsRecord | readonly string[]>> = {}) {
    for (const [name, record] of Object.entries(records)) {
      if (isStringArray(record)) this.setRecord(name, record);
      else this.setRecord(name, record.addresses, record.ttl);
    }
  }

  /** Replaces the record for `name` (with or without trailing dot, any case). */
  setRecord(name: string, addresses: string | readonly string[], ttl: number = DEFAULT_TTL): void {
    const list = typeof addresses === "string" ? [addresses] : [...addresses];
    for (const address of list) {
      if (net.isIP(address) === 0) throw new Error(`not an IP address for ${name}: ${address}`);
    }
    if (!Number.isInteger(ttl) || ttl < 0 || ttl > MAX_TTL) throw new Error(`bad TTL for ${name}: ${ttl}`);
    this.records.set(normalizeName(name), { addresses: list, ttl });
  }

  getRecord(name: string): DnsRecord | undefined {
    return this.records.get(normalizeName(name));
  }

  /** Afterwards the name is unknown: NXDOMAIN. */
  deleteRecord(name: string): boolean {
    return this.records.delete(normalizeName(name));
  }

  setMode(mode: DnsMode): void {
    this.mode = mode;
  }

  getMode(): DnsMode {
    return this.mode;
  }

  /** Queries received for `name` (either spelling), optionally of one type; dropped ones count too. */
  queryCount(name: string, type?: QueryTypeName | number): number {
    const key = normalizeName(name);
    const code = typeof type === "string" ? RecordType[type] : type;
    return this.log.filter((q) => q.name === key && (code === undefined || q.type === code)).length;
  }

  /** Every query received since the last reset, oldest first. */
  queries(): readonly QueryLogEntry[] {
    return [...this.log];
  }

  resetCounts(): void {
    this.log.length = 0;
  }

  /** The bound address; throws when not started. */
  get address(): HostPort {
    if (!this.bound) throw new Error("dns server is not started");
    return { ...this.bound };
  }

  /**
   * Binds UDP and TCP on the same port. `port: 0` picks a port free for both. The host must be a
   * loopback IP literal (no name: UDP and TCP must land on the same address).
   */
  async start({ host = "127.0.0.1", port = 0 }: Partial<HostPort> = {}): Promise<HostPort> {
    if (this.udp) throw new Error("dns server already started");
    assertLoopbackHost(host);
    if (net.isIP(host) === 0) throw new Error(`dns server needs an IP literal, got ${host}`);
    // With port 0 the UDP port the kernel picks may be taken for TCP: try a few.
    const attempts = port === 0 ? 10 : 1;
    for (let attempt = 1; ; attempt++) {
      const udp = dgram.createSocket(net.isIPv6(host) ? "udp6" : "udp4");
      await bindUdp(udp, host, port);
      const actualPort = udp.address().port;
      try {
        this.tcp = await listenTcp(host, actualPort, (socket) => this.serveTcp(socket));
      } catch (error) {
        await closeUdp(udp);
        if (attempt < attempts && (error as NodeJS.ErrnoException).code === "EADDRINUSE") continue;
        throw error;
      }
      udp.on("message", (message, peer) => {
        const reply = this.handle(message, "udp");
        if (reply) udp.send(reply, peer.port, peer.address);
      });
      // A send to a vanished client can fail; that must not take the server down.
      udp.on("error", () => undefined);
      this.udp = udp;
      this.bound = { host, port: actualPort };
      return { ...this.bound };
    }
  }

  async stop(): Promise<void> {
    const { udp, tcp } = this;
    this.udp = undefined;
    this.tcp = undefined;
    this.bound = undefined;
    for (const socket of this.tcpConnections) socket.destroy();
    this.tcpConnections.clear();
    await Promise.all([udp ? closeUdp(udp) : undefined, tcp ? new Promise<void>((resolve) => tcp.close(() => resolve())) : undefined]);
  }

  private serveTcp(socket: net.Socket): void {
    this.tcpConnections.add(socket);
    socket.on("close", () => this.tcpConnections.delete(socket));
    socket.on("error", () => undefined); // a client reset is not our failure
    socket.setTimeout(TCP_IDLE_TIMEOUT_MS, () => socket.destroy());
    let pending: Buffer = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      // Each message is prefixed by its 2-byte length; a read may hold several or half of one.
      while (pending.length >= 2) {
        const length = pending.readUInt16BE(0);
        if (pending.length < 2 + length) break;
        const message = pending.subarray(2, 2 + length);
        pending = pending.subarray(2 + length);
        const reply = this.handle(message, "tcp");
        if (reply) {
          const prefix = Buffer.alloc(2);
          prefix.writeUInt16BE(reply.length);
          socket.write(Buffer.concat([prefix, reply]));
        }
      }
    });
  }

  /** Returns the reply to send, or undefined to stay silent. */
  private handle(message: Buffer, transport: Transport): Buffer | undefined {
    let query: Query;
    try {
      query = parseQuery(message);
    } catch (error) {
      if (!(error instanceof DnsFormatError) || error.id === undefined || error.isResponse) return undefined;
      return encodeResponse({ id: error.id, opcode: 0, recursionDesired: false, rcode: Rcode.FORMERR });
    }
    if (query.isResponse) return undefined; // answering a response could start a loop
    const reply = (rcode: RcodeValue, question?: Question, answers?: ResourceRecord[]): Buffer =>
      encodeResponse({ id: query.id, opcode: query.opcode, recursionDesired: query.recursionDesired, rcode, question, answers });
    if (query.opcode !== 0) return reply(Rcode.NOTIMP);
    if (query.questions.length !== 1) return reply(Rcode.FORMERR);
    const question = query.questions[0];
    const answered = this.mode !== "drop";
    this.log.push({ name: question.name, type: question.type, transport, answered });
    if (!answered) return undefined;
    if (this.mode === "servfail") return reply(Rcode.SERVFAIL, question);
    if (question.class !== RecordClass.IN && question.class !== RecordClass.ANY) return reply(Rcode.REFUSED, question);
    const record = this.records.get(question.name);
    if (!record) return reply(Rcode.NXDOMAIN, question);
    // A known name asked for another type is NOERROR with no answers ("no data"), not NXDOMAIN.
    const answers = answersFor(record, question.type);
    const full = reply(Rcode.NOERROR, question, answers);
    const limit = transport === "udp" ? UDP_PAYLOAD_LIMIT : TCP_MESSAGE_LIMIT;
    if (full.length <= limit) return full;
    return encodeResponse({
      id: query.id,
      opcode: query.opcode,
      recursionDesired: query.recursionDesired,
      rcode: Rcode.NOERROR,
      question,
      truncated: true,
    });
  }
}

function answersFor(record: DnsRecord, type: number): ResourceRecord[] {
  const wantA = type === RecordType.A || type === RecordType.ANY;
  const wantAAAA = type === RecordType.AAAA || type === RecordType.ANY;
  const answers: ResourceRecord[] = [];
  for (const address of record.addresses) {
    if (wantA && net.isIPv4(address)) answers.push({ type: RecordType.A, ttl: record.ttl, data: ipv4Bytes(address) });
    if (wantAAAA && net.isIPv6(address)) answers.push({ type: RecordType.AAAA, ttl: record.ttl, data: ipv6Bytes(address) });
  }
  return answers;
}

function isStringArray(value: DnsRecord | readonly string[]): value is readonly string[] {
  return Array.isArray(value);
}

function bindUdp(socket: dgram.Socket, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once("error", (error) => {
      socket.close();
      reject(error);
    });
    socket.bind({ address: host, port, exclusive: true }, () => {
      socket.removeAllListeners("error");
      resolve();
    });
  });
}

function closeUdp(socket: dgram.Socket): Promise<void> {
  return new Promise((resolve) => socket.close(() => resolve()));
}

function listenTcp(host: string, port: number, onConnection: (socket: net.Socket) => void): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer(onConnection);
    server.once("error", reject);
    server.listen({ host, port, exclusive: true }, () => {
      server.off("error", reject);
      resolve(server);
    });
  });
}
