// One cookie's value from a Cookie header, its name matched exactly as browsers send it.
// nginx's $cookie_NAME matches names without regard to case, so `kuma_fixed_node=node2` would
// pin a request; the router reads the header itself instead.

const SEMICOLON = 59;
const SPACE = 32;
const TAB = 9;

/** True when the name starting at `at` begins a pair: at the start, or after ";" and blanks. */
function startsPair(header: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (header.charCodeAt(i) === SPACE || header.charCodeAt(i) === TAB)) i--;
  return i < 0 || header.charCodeAt(i) === SEMICOLON;
}

/**
 * The value of the first pair named exactly `prefix` minus its "=" (`prefix` is "NAME="), up
 * to the next ";", without surrounding blanks; undefined when no pair has that name.
 */
export function cookieValue(header: string | undefined, prefix: string): string | undefined {
  if (header === undefined) return undefined;
  let from = 0;
  for (;;) {
    const at = header.indexOf(prefix, from);
    if (at < 0) return undefined;
    if (startsPair(header, at)) {
      const end = header.indexOf(";", at);
      let first = at + prefix.length;
      let last = end < 0 ? header.length : end;
      while (first < last && (header.charCodeAt(first) === SPACE || header.charCodeAt(first) === TAB)) first++;
      while (last > first && (header.charCodeAt(last - 1) === SPACE || header.charCodeAt(last - 1) === TAB)) last--;
      return header.substring(first, last);
    }
    from = at + 1;
  }
}
