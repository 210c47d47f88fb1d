// Byte codec of the MySQL client/server protocol: little-endian integers, length-encoded
// integers and strings, NUL-terminated strings. Payloads are Lua strings (bytes), read with
// string.byte/sub because JavaScript string methods would count UTF-16 units.

/** Thrown (as a Lua error) when a packet ends before the field being read. */
export const MALFORMED = "malformed packet";

/** First byte of a length-encoded value that stands for SQL NULL in a row. */
export const LENENC_NULL = 0xfb;

/** `n` as a little-endian unsigned integer of `size` bytes. */
export function uintLE(n: number, size: number): string {
  const bytes: number[] = [];
  let rest = n;
  for (let i = 0; i < size; i++) {
    bytes.push(rest % 256);
    rest = math.floor(rest / 256);
  }
  return string.char(...bytes);
}

export function cstring(s: string): string {
  return s + "\0";
}

/** A length-encoded string; only short ones are needed (auth data < 251 bytes). */
export function lenencShort(s: string): string {
  if (s.length >= 251) error("lenencShort: value too long");
  return string.char(s.length) + s;
}

/** A cursor over one packet payload; every read past the end throws MALFORMED. */
export class Reader {
  private pos = 1;

  constructor(private readonly data: string) {}

  remaining(): number {
    return this.data.length - this.pos + 1;
  }

  private need(n: number): void {
    if (this.remaining() < n) throw MALFORMED;
  }

  peek(): number {
    this.need(1);
    return string.byte(this.data, this.pos);
  }

  skip(n: number): void {
    this.need(n);
    this.pos += n;
  }

  u8(): number {
    const b = this.peek();
    this.pos += 1;
    return b;
  }

  /** Little-endian unsigned integer of `size` bytes (exact up to 2^53). */
  uint(size: number): number {
    this.need(size);
    let n = 0;
    let scale = 1;
    for (let i = 0; i < size; i++) {
      n += string.byte(this.data, this.pos + i) * scale;
      scale *= 256;
    }
    this.pos += size;
    return n;
  }

  bytes(n: number): string {
    this.need(n);
    const s = string.sub(this.data, this.pos, this.pos + n - 1);
    this.pos += n;
    return s;
  }

  rest(): string {
    const s = string.sub(this.data, this.pos);
    this.pos = this.data.length + 1;
    return s;
  }

  /** NUL-terminated string; without a NUL, the rest of the packet (old servers omit it). */
  cstr(): string {
    const [nul] = string.find(this.data, "\0", this.pos, true);
    if (nul === undefined) return this.rest();
    const s = string.sub(this.data, this.pos, nul - 1);
    this.pos = nul + 1;
    return s;
  }

  /** Length-encoded integer: < 0xfb is the value, 0xfc/0xfd/0xfe prefix 2/3/8 bytes. */
  lenenc(): number {
    const first = this.u8();
    if (first < 0xfb) return first;
    if (first === 0xfc) return this.uint(2);
    if (first === 0xfd) return this.uint(3);
    if (first === 0xfe) return this.uint(8);
    throw MALFORMED;
  }

  /** Length-encoded string, or undefined for the NULL marker 0xfb. */
  lenencStr(): string | undefined {
    if (this.peek() === LENENC_NULL) {
      this.pos += 1;
      return undefined;
    }
    return this.bytes(this.lenenc());
  }
}
