// Keys taken from requests (monitor ids, push tokens). They are only ever looked up, never
// connected to, and they reach SQL only after passing these checks (ids as integers, tokens
// quoted): the checks are the first line, quoting the second.
import { Char, allChars, isAlnum, isCanonicalDecimal, parseDecimal } from "./text";

/** monitor.id is an INT: positive, canonical decimal, at most 2^31-1. */
const MONITOR_ID_MAX = 2147483647;

/** monitor.push_token is varchar(32). */
export const PUSH_TOKEN_MAX_LENGTH = 32;

export function parseMonitorId(s: string): number | undefined {
  if (s.length > 10 || !isCanonicalDecimal(s)) return undefined;
  const n = parseDecimal(s.length === 10 ? s.substring(0, 9) : s);
  if (n === undefined) return undefined;
  const id = s.length === 10 ? n * 10 + (s.charCodeAt(9) - 48) : n;
  return id >= 1 && id <= MONITOR_ID_MAX ? id : undefined;
}

function isTokenChar(c: number): boolean {
  return isAlnum(c) || c === Char.Dash || c === Char.Underscore || c === Char.Dot || c === Char.Tilde;
}

/** URL-unreserved characters only, 1..32 of them: what Uptime Kuma generates and stores. */
export function isValidPushToken(s: string): boolean {
  return s.length <= PUSH_TOKEN_MAX_LENGTH && allChars(s, isTokenChar);
}
