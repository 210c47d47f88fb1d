// ASCII character rules shared by every parser in core/. Written with char codes instead of
// RegExp or Lua patterns so the compiled Lua and the compiled JavaScript agree byte for byte
// (JS `\w` accepts `_`, Lua `%w` does not: one of the traps in docs/routing.md#traps).

/** The punctuation the parsers accept, by char code (a const enum: compiled to the numbers). */
export const enum Char {
  Star = 42,
  Dash = 45,
  Dot = 46,
  Colon = 58,
  Underscore = 95,
  Tilde = 126,
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

export function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

export function isAlnum(c: number): boolean {
  return isDigit(c) || isLower(c) || isUpper(c);
}

/** True when every character of `s` satisfies `allowed` (an empty string is false). */
export function allChars(s: string, allowed: (c: number) => boolean): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    if (!allowed(s.charCodeAt(i))) return false;
  }
  return true;
}

export function isDigits(s: string): boolean {
  return allChars(s, isDigit);
}

/**
 * A non-negative decimal integer with at most 9 digits (so it stays exact in both runtimes),
 * or undefined. No sign, no spaces, no exponent, no hex: "007" is 7, "1e3" is rejected.
 */
export function parseDecimal(s: string): number | undefined {
  if (s.length > 9 || !isDigits(s)) return undefined;
  let n = 0;
  for (let i = 0; i < s.length; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

/** Decimal integer without leading zeros ("0" itself is fine): the shape of an ordinal. */
export function isCanonicalDecimal(s: string): boolean {
  return isDigits(s) && (s.length === 1 || s.charCodeAt(0) !== 48);
}

export function trim(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  return s.substring(a, b);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Splits on a one-character separator, keeping empty fields (the caller decides about them). */
export function splitOn(s: string, sep: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s.charAt(i) === sep) {
      out.push(s.substring(start, i));
      start = i + 1;
    }
  }
  out.push(s.substring(start));
  return out;
}
