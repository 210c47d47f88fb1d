// Messages of the MySQL/MariaDB protocol (handshake v10, protocol 4.1, text result sets):
// parsing what the server sends and building what the client sends. No I/O here.
import type { MysqlOkPacket, MysqlRow, MysqlValue } from "resty.mysql";
import { Reader, cstring, lenencShort, uintLE } from "./wire";

// Capability flags (the client only asks for those the server offers).
const CLIENT_LONG_PASSWORD = 0x1;
const CLIENT_FOUND_ROWS = 0x2; // affected_rows counts matched rows, as lua-resty-mysql asks
const CLIENT_LONG_FLAG = 0x4;
const CLIENT_CONNECT_WITH_DB = 0x8;
const CLIENT_PROTOCOL_41 = 0x200;
const CLIENT_TRANSACTIONS = 0x2000;
const CLIENT_SECURE_CONNECTION = 0x8000;
const CLIENT_MULTI_STATEMENTS = 0x10000;
const CLIENT_MULTI_RESULTS = 0x20000;
const CLIENT_PLUGIN_AUTH = 0x80000;

const WANTED_CAPABILITIES =
  CLIENT_LONG_PASSWORD |
  CLIENT_FOUND_ROWS |
  CLIENT_LONG_FLAG |
  CLIENT_PROTOCOL_41 |
  CLIENT_TRANSACTIONS |
  CLIENT_SECURE_CONNECTION |
  CLIENT_MULTI_STATEMENTS |
  CLIENT_MULTI_RESULTS |
  CLIENT_PLUGIN_AUTH;

/** Status flag of OK/EOF packets: another result set follows ("again"). */
export const SERVER_MORE_RESULTS_EXISTS = 0x8;

export const COM_QUIT = 0x01;
export const COM_QUERY = 0x03;

// First byte of a response payload.
export const OK_HEADER = 0x00;
export const AUTH_MORE_DATA = 0x01;
export const LOCAL_INFILE = 0xfb;
export const EOF_HEADER = 0xfe; // also the auth switch request during the handshake
export const ERR_HEADER = 0xff;

export const NATIVE_PASSWORD = "mysql_native_password";

/** Default collation ids of the character sets a connection may ask for. */
const CHARSETS: { [name: string]: number | undefined } = {
  ascii: 11,
  latin1: 8,
  utf8: 33,
  utf8mb3: 33,
  utf8mb4: 45,
  binary: 63,
};

export function charsetId(name: string): number | undefined {
  return CHARSETS[name];
}

/** Initial handshake packet (protocol version 10), the server's first packet. */
export interface Greeting {
  serverVersion: string;
  capabilities: number;
  charset: number;
  /** 20 bytes of auth-plugin-data (scramble) for mysql_native_password. */
  scramble: string;
  authPlugin: string;
}

export function parseGreeting(payload: string): Greeting | string {
  const r = new Reader(payload);
  const protocol = r.u8();
  if (protocol !== 10) return `unsupported handshake protocol version ${protocol}`;
  const serverVersion = r.cstr();
  r.skip(4); // connection id
  const scramble1 = r.bytes(8);
  r.skip(1); // filler
  let capabilities = r.uint(2);
  let charset = 0;
  let authDataLength = 0;
  if (r.remaining() > 0) {
    charset = r.u8();
    r.skip(2); // status flags
    capabilities += r.uint(2) * 0x10000;
    authDataLength = r.u8();
    r.skip(10); // reserved (MariaDB keeps extended capabilities in the last 4 bytes)
  }
  if ((capabilities & CLIENT_PROTOCOL_41) === 0 || (capabilities & CLIENT_SECURE_CONNECTION) === 0) {
    return "server does not support protocol 4.1 authentication";
  }
  // Part 2 is max(13, length - 8) bytes; its last byte is a NUL that is not scramble.
  const scramble2 = r.bytes(math.max(13, authDataLength - 8));
  const authPlugin = (capabilities & CLIENT_PLUGIN_AUTH) !== 0 ? r.cstr() : NATIVE_PASSWORD;
  return { serverVersion, capabilities, charset, scramble: scramble1 + string.sub(scramble2, 1, 12), authPlugin };
}

/** mysql_native_password: SHA1(password) XOR SHA1(scramble .. SHA1(SHA1(password))). */
export function nativePasswordToken(password: string, scramble: string): string {
  if (password === "") return "";
  const stage1 = ngx.sha1_bin(password);
  const mask = ngx.sha1_bin(scramble + ngx.sha1_bin(stage1));
  const out: number[] = [];
  for (let i = 1; i <= stage1.length; i++) {
    out.push(string.byte(stage1, i) ^ string.byte(mask, i));
  }
  return string.char(...out);
}

export interface Login {
  user: string;
  password: string;
  database: string;
  charset: number;
  maxPacketSize: number;
}

/** HandshakeResponse41: capabilities, limits, user, auth token, database, auth plugin. */
export function handshakeResponse(greeting: Greeting, login: Login): string {
  let flags = WANTED_CAPABILITIES & greeting.capabilities;
  if (login.database !== "") flags |= CLIENT_CONNECT_WITH_DB & greeting.capabilities;
  const token = nativePasswordToken(login.password, greeting.scramble);
  const parts = [uintLE(flags, 4), uintLE(login.maxPacketSize, 4), string.char(login.charset), string.rep("\0", 23)];
  parts.push(cstring(login.user), lenencShort(token));
  if ((flags & CLIENT_CONNECT_WITH_DB) !== 0) parts.push(cstring(login.database));
  // Always answer with mysql_native_password: a server preferring another plugin switches.
  if ((flags & CLIENT_PLUGIN_AUTH) !== 0) parts.push(cstring(NATIVE_PASSWORD));
  return parts.join("");
}

/** Auth switch request (0xfe during the handshake): plugin name and its data. */
export function parseAuthSwitch(payload: string): { plugin: string; data: string } {
  const r = new Reader(payload);
  r.skip(1);
  const plugin = r.cstr();
  // mysql_native_password data is the 20-byte scramble followed by a NUL.
  return { plugin, data: string.sub(r.rest(), 1, 20) };
}

export function parseOk(payload: string): MysqlOkPacket {
  const r = new Reader(payload);
  r.skip(1);
  const affected_rows = r.lenenc();
  const insert_id = r.lenenc();
  const server_status = r.uint(2);
  const warning_count = r.uint(2);
  const info = r.rest();
  const ok: MysqlOkPacket = { affected_rows, insert_id, server_status, warning_count };
  if (info !== "") ok.message = info;
  return ok;
}

export interface ServerError {
  errno: number;
  sqlstate: string | undefined;
  message: string;
}

/** ERR packet: error number, "#" and SQLSTATE (absent before protocol 4.1 is agreed), text. */
export function parseErr(payload: string): ServerError {
  const r = new Reader(payload);
  r.skip(1);
  const errno = r.uint(2);
  let sqlstate: string | undefined;
  if (r.remaining() >= 6 && r.peek() === 0x23 /* # */) {
    r.skip(1);
    sqlstate = r.bytes(5);
  }
  return { errno, sqlstate, message: r.rest() };
}

/** EOF packets are 0xfe with fewer than 9 bytes (a row can start with 0xfe only if longer). */
export function isEof(payload: string): boolean {
  return string.byte(payload, 1) === EOF_HEADER && payload.length < 9;
}

/** Status flags of an EOF packet (after the warning count). */
export function eofStatus(payload: string): number {
  const r = new Reader(payload);
  r.skip(3);
  return r.uint(2);
}

export interface Column {
  name: string;
  type: number;
}

/** ColumnDefinition41: catalog, schema, table, org_table, name, org_name, then fixed fields. */
export function parseColumn(payload: string): Column {
  const r = new Reader(payload);
  for (let i = 0; i < 4; i++) r.lenencStr();
  const name = r.lenencStr() ?? "";
  r.lenencStr(); // org_name
  r.lenenc(); // length of the fixed fields (0x0c)
  r.skip(2 + 4); // character set, display length
  return { name, type: r.u8() };
}

/**
 * Column types returned as Lua numbers, as lua-resty-mysql does: DECIMAL, TINY, SHORT, LONG,
 * FLOAT, DOUBLE, INT24, YEAR, NEWDECIMAL. LONGLONG (BIGINT) stays a string: 64 bits do not fit.
 */
const NUMERIC_TYPES: { [type: number]: boolean | undefined } = {
  [0x00]: true,
  [0x01]: true,
  [0x02]: true,
  [0x03]: true,
  [0x04]: true,
  [0x05]: true,
  [0x09]: true,
  [0x0d]: true,
  [0xf6]: true,
};

/** A text-protocol row: one length-encoded string (or the 0xfb NULL marker) per column. */
export function parseRow(payload: string, columns: Column[]): MysqlRow {
  const r = new Reader(payload);
  const row: MysqlRow = {};
  for (const column of columns) {
    const text = r.lenencStr();
    let value: MysqlValue = text ?? ngx.null;
    if (text !== undefined && NUMERIC_TYPES[column.type] === true) value = tonumber(text) ?? text;
    row[column.name] = value;
  }
  return row;
}
