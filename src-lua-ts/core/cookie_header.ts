// One cookie's value from a Cookie header, its name matched exactly as browsers send it.
// nginx's $cookie_NAME matches names without regard to case, so `kuma_fixed_node=node2` would
// pin a request; the router reads the header itself instead.

const SEMICOLON = 59;
const SPACE = 32;
const TAB = 9;

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** True when the name starting at `at` begins a pair: at the start, or after ";" and blanks. */
function startsPair(header: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && isBlank(header.charCodeAt(i))) i--;
  return i < 0 || header.charCodeAt(i) === SEMICOLON;
}

/**
 * The value of the first pair named exactly `prefix` minus its "=" (`prefix` is "NAME="), up
 * to the next ";", without surrounding blanks; undefined when no pair has that name.
 *
 * The usual header (the pair first or after "; ", its value without blanks around it) is read
 * without a loop, so the access phase's trace compiles through it (docs/benchmarks.md); any
 * other takes the scan.
 */
export function cookieValue(header: string | undefined, prefix: string): string | undefined {
  if (header === undefined) return undefined;
  const at = header.indexOf(prefix);
  if (at < 0) return undefined;
  const before = at === 0 ? SEMICOLON : header.charCodeAt(at - 1);
  if (before === SEMICOLON || (before === SPACE && at >= 2 && header.charCodeAt(at - 2) === SEMICOLON)) {
    const first = at + prefix.length;
    const end = header.indexOf(";", first);
    const last = end < 0 ? header.length : end;
    if (first === last) return "";
    if (!isBlank(header.charCodeAt(first)) && !isBlank(header.charCodeAt(last - 1))) return header.substring(first, last);
  }
  return scanned(header, prefix);
}

/** cookieValue for any header: each occurrence of `prefix` until one starts a pair. */
function scanned(header: string, prefix: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = header.indexOf(prefix, from);
    if (at < 0) return undefined;
    if (startsPair(header, at)) {
      const end = header.indexOf(";", at);
      let first = at + prefix.length;
      let last = end < 0 ? header.length : end;
      while (first < last && isBlank(header.charCodeAt(first))) first++;
      while (last > first && isBlank(header.charCodeAt(last - 1))) last--;
      return header.substring(first, last);
    }
    from = at + 1;
  }
}
