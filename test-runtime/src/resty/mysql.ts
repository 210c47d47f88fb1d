// Test runtime only: a MySQL/MariaDB client with the API subset of OpenResty's
// lua-resty-mysql that the router uses (see docs/resty-mysql.md). It speaks the real protocol
// over ngx.socket.tcp, so specs exercise a real server, real errors and the cosocket pool.
// The production image runs lua-resty-mysql itself and never ships this folder.
import type { MysqlConnectOptions, MysqlConnection, MysqlQueryReturn, MysqlResult, MysqlRow } from "resty.mysql";
import * as protocol from "./mysql/protocol";
import { MALFORMED, Reader, uintLE } from "./mysql/wire";

const DEFAULT_PORT = 3306;
const DEFAULT_MAX_PACKET_SIZE = 1024 * 1024;
/** A payload of 2^24 - 1 bytes continues in the next packet: not supported here. */
const MAX_SINGLE_PACKET = 0xffffff;

/** Why a call failed: the message, and for server errors its number and SQLSTATE. */
class Failure {
  constructor(
    readonly err: string,
    readonly errno?: number,
    readonly sqlstate?: string,
  ) {}
}

function serverFailure(payload: string): Failure {
  const e = protocol.parseErr(payload);
  return new Failure(e.message, e.errno, e.sqlstate);
}

/**
 * Runs a parser; a truncated packet becomes a Failure instead of a Lua error. `what` names the
 * packet, and the message carries its first bytes: a rare failure is then readable from the log.
 */
function decode<T>(what: string, packet: string, parse: () => T): T | Failure {
  const [ok, value] = pcall(parse);
  if (ok) return value;
  if (value !== MALFORMED) return new Failure(tostring(value));
  const head = string.gsub(string.sub(packet, 1, 16), "[^%w]", (c: string) => string.format("\\x%02x", string.byte(c)))[0];
  return new Failure(`malformed packet from the server (${what}, ${packet.length} bytes: ${head})`);
}

/** closed: no connection; ready: may send a command; reading: results are pending. */
type State = "closed" | "ready" | "reading";

class Connection implements MysqlConnection {
  private readonly sock = ngx.socket.tcp();
  private state: State = "closed";
  /** Sequence id of the next packet, sent or received; each command restarts at 0. */
  private seq = 0;
  private maxPacketSize = DEFAULT_MAX_PACKET_SIZE;
  private version: string | undefined;

  set_timeout(ms: number): void {
    this.sock.settimeout(ms);
  }

  connect(options: MysqlConnectOptions): LuaMultiReturn<[1 | undefined, string | undefined, number | undefined, string | undefined]> {
    const outcome = this.open(options);
    if (outcome instanceof Failure) return $multi(undefined, outcome.err, outcome.errno, outcome.sqlstate);
    return $multi(1, undefined, undefined, undefined);
  }

  query(sql: string): MysqlQueryReturn {
    const [bytes, err] = this.send_query(sql);
    if (bytes === undefined) return $multi(undefined, err, undefined, undefined);
    return this.read_result();
  }

  /** COM_QUERY: the command byte and the SQL text, as packet 0 of a new exchange. */
  send_query(sql: string): LuaMultiReturn<[number | undefined, string | undefined]> {
    if (this.state !== "ready")
      return $multi(undefined, this.state === "closed" ? "not connected" : "cannot send a query while results are unread");
    this.seq = 0;
    const sent = this.writePacket(string.char(protocol.COM_QUERY) + sql);
    if (sent instanceof Failure) return $multi(undefined, sent.err);
    this.state = "reading";
    return $multi(sent, undefined);
  }

  read_result(): MysqlQueryReturn {
    if (this.state !== "reading")
      return $multi(undefined, this.state === "closed" ? "not connected" : "no result to read", undefined, undefined);
    const result = this.readResult();
    if (result instanceof Failure) return $multi(undefined, result.err, result.errno, result.sqlstate);
    const [res, more] = result;
    this.state = more ? "reading" : "ready";
    return $multi(res, more ? "again" : undefined, undefined, undefined);
  }

  set_keepalive(maxIdleMs?: number, poolSize?: number): LuaMultiReturn<[1 | undefined, string | undefined]> {
    if (this.state !== "ready") return $multi(undefined, this.state === "closed" ? "closed" : "cannot be reused while results are unread");
    this.state = "closed";
    return this.sock.setkeepalive(maxIdleMs, poolSize);
  }

  get_reused_times(): LuaMultiReturn<[number | undefined, string | undefined]> {
    return this.sock.getreusedtimes();
  }

  /** COM_QUIT (best effort: the server may be gone), then closes the socket. */
  close(): LuaMultiReturn<[1 | undefined, string | undefined]> {
    if (this.state === "closed") return $multi(undefined, "closed");
    this.seq = 0;
    this.writePacket(string.char(protocol.COM_QUIT));
    this.state = "closed";
    return this.sock.close();
  }

  server_ver(): string | undefined {
    return this.version;
  }

  // --- connection and login ---------------------------------------------------------------

  private open(options: MysqlConnectOptions): true | Failure {
    const user = options.user ?? "";
    const database = options.database ?? "";
    let charset: number | undefined;
    if (options.charset !== undefined) {
      charset = protocol.charsetId(options.charset);
      if (charset === undefined) return new Failure(`charset "${options.charset}" is not supported`);
    }
    this.maxPacketSize = options.max_packet_size ?? DEFAULT_MAX_PACKET_SIZE;
    this.version = undefined;

    // Same default pool names as lua-resty-mysql, so pooled connections are never shared
    // between different users or databases.
    const poolOptions: NgxTcpConnectOptions = { pool_size: options.pool_size, backlog: options.backlog };
    let ok: 1 | undefined;
    let err: string | undefined;
    if (options.host !== undefined) {
      const port = options.port ?? DEFAULT_PORT;
      poolOptions.pool = options.pool ?? `${user}:${database}:${options.host}:${port}`;
      [ok, err] = this.sock.connect(options.host, port, poolOptions);
    } else if (options.path !== undefined) {
      poolOptions.pool = options.pool ?? `${user}:${database}:${options.path}`;
      [ok, err] = this.sock.connect(`unix:${options.path}`, poolOptions);
    } else {
      return new Failure('neither "host" nor "path" options are specified');
    }
    if (ok === undefined) return new Failure(`failed to connect: ${err}`);

    // A connection from the pool is already logged in: no handshake.
    const [reused] = this.sock.getreusedtimes();
    if (reused !== undefined && reused > 0) {
      this.state = "ready";
      return true;
    }
    const login = this.login(user, options.password ?? "", database, charset);
    if (login instanceof Failure) return this.abort(login);
    this.state = "ready";
    return true;
  }

  /** Handshake: server greeting, our HandshakeResponse41, then OK, ERR or an auth switch. */
  private login(user: string, password: string, database: string, charset: number | undefined): true | Failure {
    this.seq = 0;
    const first = this.readPacket();
    if (first instanceof Failure) return first;
    if (string.byte(first, 1) === protocol.ERR_HEADER) return serverFailure(first);
    const greeting = decode("greeting", first, () => protocol.parseGreeting(first));
    if (greeting instanceof Failure) return greeting;
    if (typeof greeting === "string") return new Failure(greeting);
    this.version = greeting.serverVersion;

    const login = { user, password, database, charset: charset ?? greeting.charset, maxPacketSize: this.maxPacketSize };
    const sent = this.writePacket(protocol.handshakeResponse(greeting, login));
    if (sent instanceof Failure) return sent;
    return this.authResult(password);
  }

  /** The server's verdict on the login; answers one auth switch to mysql_native_password. */
  private authResult(password: string, switched = false): true | Failure {
    const packet = this.readPacket();
    if (packet instanceof Failure) return packet;
    const header = string.byte(packet, 1);
    if (header === protocol.OK_HEADER) return true;
    if (header === protocol.ERR_HEADER) return serverFailure(packet);
    if (header === protocol.EOF_HEADER && !switched) {
      const request = decode("auth switch", packet, () => protocol.parseAuthSwitch(packet));
      if (request instanceof Failure) return request;
      if (request.plugin !== protocol.NATIVE_PASSWORD) return new Failure(`auth plugin "${request.plugin}" is not supported`);
      const sent = this.writePacket(protocol.nativePasswordToken(password, request.data));
      if (sent instanceof Failure) return sent;
      return this.authResult(password, true);
    }
    if (header === protocol.AUTH_MORE_DATA) return new Failure("auth plugin needs more data: only mysql_native_password is supported");
    return new Failure(`unexpected packet during login (0x${string.format("%02x", header)})`);
  }

  // --- results ----------------------------------------------------------------------------

  /** One result: an OK packet or a result set; `more` when another result follows. */
  private readResult(): [MysqlResult, boolean] | Failure {
    const first = this.readPacket();
    if (first instanceof Failure) return first;
    const header = string.byte(first, 1);
    if (header === protocol.ERR_HEADER) {
      this.state = "ready";
      return serverFailure(first);
    }
    if (header === protocol.OK_HEADER) {
      const ok = decode("OK", first, () => protocol.parseOk(first));
      if (ok instanceof Failure) return this.abort(ok);
      return [ok, (ok.server_status & protocol.SERVER_MORE_RESULTS_EXISTS) !== 0];
    }
    if (header === protocol.LOCAL_INFILE) return this.abort(new Failure("LOAD DATA LOCAL INFILE is not supported"));
    const count = decode("column count", first, () => new Reader(first).lenenc());
    if (count instanceof Failure) return this.abort(count);
    return this.readResultSet(count);
  }

  /** Column definitions, an EOF, rows, and a final EOF whose status says if more follow. */
  private readResultSet(count: number): [MysqlRow[], boolean] | Failure {
    const columns: protocol.Column[] = [];
    for (let i = 0; i < count; i++) {
      const packet = this.readPacket();
      if (packet instanceof Failure) return packet;
      const column = decode("column definition", packet, () => protocol.parseColumn(packet));
      if (column instanceof Failure) return this.abort(column);
      columns.push(column);
    }
    const eof = this.readPacket();
    if (eof instanceof Failure) return eof;
    if (!protocol.isEof(eof)) return this.abort(new Failure("expected EOF after the column definitions"));

    const rows: MysqlRow[] = [];
    for (;;) {
      const packet = this.readPacket();
      if (packet instanceof Failure) return packet;
      if (protocol.isEof(packet)) {
        const status = decode("EOF", packet, () => protocol.eofStatus(packet));
        if (status instanceof Failure) return this.abort(status);
        return [rows, (status & protocol.SERVER_MORE_RESULTS_EXISTS) !== 0];
      }
      // The statement failed while sending rows (e.g. killed): the command is over.
      if (string.byte(packet, 1) === protocol.ERR_HEADER) {
        this.state = "ready";
        return serverFailure(packet);
      }
      const row = decode("row", packet, () => protocol.parseRow(packet, columns));
      if (row instanceof Failure) return this.abort(row);
      rows.push(row);
    }
  }

  // --- packets ----------------------------------------------------------------------------

  /** Header: 3-byte little-endian payload length, 1-byte sequence id; then the payload. */
  private writePacket(payload: string): number | Failure {
    const packet = uintLE(payload.length, 3) + string.char(this.seq) + payload;
    this.seq = (this.seq + 1) % 256;
    const [bytes, err] = this.sock.send(packet);
    if (bytes === undefined) return this.abort(new Failure(`failed to send packet: ${err}`));
    return bytes;
  }

  /** One packet's payload; any failure leaves the stream unusable, so it closes the socket. */
  private readPacket(): string | Failure {
    const [header, err] = this.sock.receive(4);
    if (header === undefined) return this.abort(new Failure(`failed to receive packet header: ${err}`));
    const r = new Reader(header);
    const length = r.uint(3);
    const seq = r.u8();
    if (seq !== this.seq) return this.abort(new Failure(`packet out of order: sequence id ${seq}, expected ${this.seq}`));
    this.seq = (seq + 1) % 256;
    if (length >= MAX_SINGLE_PACKET) return this.abort(new Failure("packets of 16 MiB or more are not supported"));
    if (length > this.maxPacketSize) return this.abort(new Failure(`packet size too big: ${length}`));
    if (length === 0) return this.abort(new Failure("empty packet"));
    const [payload, readErr] = this.sock.receive(length);
    if (payload === undefined) return this.abort(new Failure(`failed to read packet content: ${readErr}`));
    return payload;
  }

  /** Closes the socket after a network or protocol error and passes the failure on. */
  private abort(failure: Failure): Failure {
    this.state = "closed";
    this.sock.close();
    return failure;
  }
}

/** A connection object (not connected yet). Accepts `mysql.new()` and `mysql:new()`. */
function create(): LuaMultiReturn<[MysqlConnection | undefined, string | undefined]> {
  return $multi(new Connection(), undefined);
}

export { create as new };
