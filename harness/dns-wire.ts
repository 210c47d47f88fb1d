/**
 * The slice of the DNS wire format (RFC 1035) a test resolver needs: parse a query, encode an
 * answer. Parsing is defensive because tests feed it garbage on purpose.
 */

export const RecordType = { A: 1, AAAA: 28, ANY: 255 } as const;
export const RecordClass = { IN: 1, ANY: 255 } as const;
export const Rcode = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;
export type RcodeValue = (typeof Rcode)[keyof typeof Rcode];

const HEADER_LENGTH = 12;
const MAX_LABEL_LENGTH = 63;
const MAX_NAME_LENGTH = 255; // wire length, counting length bytes and the root label
// More pointer hops than a legal name has labels can only be a loop.
const MAX_POINTER_HOPS = 127;
// The question starts right after the header, so answers can point at its name.
const QUESTION_NAME_POINTER = 0xc000 | HEADER_LENGTH;

export class DnsFormatError extends Error {
  /** The query id when the header was readable, so the caller can still answer FORMERR. */
  readonly id: number | undefined;
  /** Set when the header says the message is itself a response: never answer those. */
  readonly isResponse: boolean;
  constructor(message: string, header?: { id: number; isResponse: boolean }) {
    super(message);
    this.name = "DnsFormatError";
    this.id = header?.id;
    this.isResponse = header?.isResponse ?? false;
  }
}

export interface Question {
  /** Labels exactly as sent (case preserved), to echo them back byte for byte. */
  labels: Buffer[];
  /** Dotted, lower-cased, without the trailing dot: the key into a record table. */
  name: string;
  type: number;
  class: number;
}

export interface Query {
  id: number;
  isResponse: boolean;
  opcode: number;
  recursionDesired: boolean;
  questions: Question[];
}

export interface ResourceRecord {
  type: number;
  ttl: number;
  data: Buffer;
}

export interface Response {
  id: number;
  opcode: number;
  recursionDesired: boolean;
  rcode: RcodeValue;
  truncated?: boolean;
  question?: Question;
  answers?: readonly ResourceRecord[];
}

/** Lower-cases and strips one trailing dot, so `a.b.` and `A.b` are the same table key. */
export function normalizeName(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith(".") ? lower.slice(0, -1) : lower;
}

export function parseQuery(message: Buffer): Query {
  if (message.length < HEADER_LENGTH) throw new DnsFormatError(`message shorter than a header (${message.length} bytes)`);
  const id = message.readUInt16BE(0);
  const flags = message.readUInt16BE(2);
  const isResponse = (flags & 0x8000) !== 0;
  const header = { id, isResponse };
  const questionCount = message.readUInt16BE(4);
  const questions: Question[] = [];
  let offset = HEADER_LENGTH;
  for (let i = 0; i < questionCount; i++) {
    const { labels, next } = readName(message, offset, header);
    if (next + 4 > message.length) throw new DnsFormatError("question ends before its type and class", header);
    questions.push({
      labels,
      name: labelsToName(labels),
      type: message.readUInt16BE(next),
      class: message.readUInt16BE(next + 2),
    });
    offset = next + 4;
  }
  // Answer, authority and additional sections (e.g. an EDNS OPT record) are ignored: a server
  // that does not speak EDNS may, and then the client keeps to 512-byte UDP answers.
  return { id, isResponse, opcode: (flags >> 11) & 0x0f, recursionDesired: (flags & 0x0100) !== 0, questions };
}

/** Reads a possibly compressed name; `next` is the offset after the name where it started. */
function readName(message: Buffer, start: number, header: { id: number; isResponse: boolean }): { labels: Buffer[]; next: number } {
  const fail = (why: string): never => {
    throw new DnsFormatError(`bad name at offset ${start}: ${why}`, header);
  };
  const labels: Buffer[] = [];
  let position = start;
  let next = -1;
  let hops = 0;
  let wireLength = 1; // the root label
  for (;;) {
    if (position >= message.length) fail("runs past the end of the message");
    const length = message[position];
    const kind = length & 0xc0;
    if (kind === 0xc0) {
      if (position + 1 >= message.length) fail("pointer cut short");
      const target = ((length & 0x3f) << 8) | message[position + 1];
      // Only backward pointers: a forward or self pointer is never needed and invites loops.
      if (target >= position) fail(`pointer to ${target} does not point backward`);
      if (++hops > MAX_POINTER_HOPS) fail("too many pointers");
      if (next < 0) next = position + 2;
      position = target;
      continue;
    }
    if (kind !== 0) fail(`reserved label type 0x${kind.toString(16)}`);
    if (length === 0) {
      if (next < 0) next = position + 1;
      return { labels, next };
    }
    if (length > MAX_LABEL_LENGTH) fail("label longer than 63 bytes");
    if (position + 1 + length > message.length) fail("label runs past the end of the message");
    wireLength += 1 + length;
    if (wireLength > MAX_NAME_LENGTH) fail("name longer than 255 bytes");
    labels.push(message.subarray(position + 1, position + 1 + length));
    position += 1 + length;
  }
}

function labelsToName(labels: readonly Buffer[]): string {
  // latin1 maps bytes 1:1; a dot or backslash inside a label is escaped so it cannot collide
  // with a different name's key.
  return labels
    .map((label) =>
      label
        .toString("latin1")
        .toLowerCase()
        .replace(/[\\.]/g, (c) => `\\${c}`),
    )
    .join(".");
}

export function encodeResponse(response: Response): Buffer {
  const answers = response.truncated ? [] : (response.answers ?? []);
  const parts: Buffer[] = [];
  const header = Buffer.alloc(HEADER_LENGTH);
  header.writeUInt16BE(response.id, 0);
  header.writeUInt16BE(
    0x8000 | // QR: response
      ((response.opcode & 0x0f) << 11) |
      0x0400 | // AA: this table is the authority for its names
      (response.truncated ? 0x0200 : 0) |
      (response.recursionDesired ? 0x0100 : 0) |
      0x0080 | // RA: resolvers treat "recursion unavailable" as a lame server
      response.rcode,
    2,
  );
  header.writeUInt16BE(response.question ? 1 : 0, 4);
  header.writeUInt16BE(answers.length, 6);
  parts.push(header);
  if (response.question) {
    for (const label of response.question.labels) parts.push(Buffer.from([label.length]), label);
    const tail = Buffer.alloc(5);
    tail.writeUInt16BE(response.question.type, 1);
    tail.writeUInt16BE(response.question.class, 3);
    parts.push(tail);
  } else if (answers.length > 0) {
    throw new Error("answers need a question to point their name at");
  }
  for (const answer of answers) {
    const fixed = Buffer.alloc(12);
    fixed.writeUInt16BE(QUESTION_NAME_POINTER, 0);
    fixed.writeUInt16BE(answer.type, 2);
    fixed.writeUInt16BE(RecordClass.IN, 4);
    fixed.writeUInt32BE(answer.ttl, 6);
    fixed.writeUInt16BE(answer.data.length, 10);
    parts.push(fixed, answer.data);
  }
  return Buffer.concat(parts);
}

export function ipv4Bytes(address: string): Buffer {
  const parts = address.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) {
    throw new Error(`not an IPv4 address: ${address}`);
  }
  return Buffer.from(parts.map(Number));
}

export function ipv6Bytes(address: string): Buffer {
  let text = address;
  const bytes = Buffer.alloc(16);
  // An embedded IPv4 tail (::ffff:1.2.3.4) fills the last 4 bytes.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  let groupsWanted = 8;
  if (v4) {
    ipv4Bytes(v4[1]).copy(bytes, 12);
    text = text.slice(0, -v4[1].length);
    // "::1.2.3.4" keeps its "::"; "::ffff:1.2.3.4" drops the colon that separated the tail.
    if (!text.endsWith("::")) text = text.slice(0, -1);
    groupsWanted = 6;
  }
  const halves = text.split("::");
  if (halves.length > 2) throw new Error(`not an IPv6 address: ${address}`);
  const parse = (half: string): number[] =>
    half === ""
      ? []
      : half.split(":").map((g) => {
          if (!/^[0-9a-fA-F]{1,4}$/.test(g)) throw new Error(`not an IPv6 address: ${address}`);
          return parseInt(g, 16);
        });
  const head = parse(halves[0]);
  const tail = halves.length === 2 ? parse(halves[1]) : [];
  const missing = groupsWanted - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) throw new Error(`not an IPv6 address: ${address}`);
  const groups = [...head, ...new Array<number>(missing).fill(0), ...tail];
  groups.forEach((g, i) => bytes.writeUInt16BE(g, i * 2));
  return bytes;
}
