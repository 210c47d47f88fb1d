// What one DNS reply means for the router: an address, a CNAME to ask about next, a definite
// "no such host", or a failure (worth serving a stale answer over).
import type { DnsAnswers } from "resty.dns.resolver";

// RFC 1035 values, written out so this module stays pure (no require of the resolver).
const TYPE_A = 1;
const TYPE_CNAME = 5;
const RCODE_NXDOMAIN = 3;

export type Reply =
  | { kind: "address"; address: string; ttl: number }
  | { kind: "alias"; target: string; ttl: number }
  | { kind: "negative"; error: string }
  | { kind: "failure"; error: string };

/** Where a lookup ends once every CNAME was followed. */
export type Outcome = Exclude<Reply, { kind: "alias" }>;

/** The name as records carry it: lower case, no trailing dot. */
function bare(name: string): string {
  const lower = name.toLowerCase();
  return lower.charAt(lower.length - 1) === "." ? lower.substring(0, lower.length - 1) : lower;
}

/** Follows the CNAME records of the answer from `qname`; returns the last name of the chain. */
function chainEnd(qname: string, answers: DnsAnswers): string {
  let name = bare(qname);
  // Each hop consumes one record, so a looping chain stops after #answers steps.
  for (let hop = 0; hop < answers.length; hop++) {
    const next = answers.find((r) => r.type === TYPE_CNAME && r.cname !== undefined && bare(r.name) === name);
    if (next === undefined) break;
    name = bare(next.cname as string);
  }
  return name;
}

/**
 * Reads the answer to an A query for `qname`. Among several A records the lowest address wins
 * (string order): a node is one process, so any of its addresses will do, and a stable pick keeps
 * keepalive pools and the status page steady when the server rotates its records.
 * The TTL is the smallest of the records used (a CNAME may expire before its target).
 */
export function readReply(qname: string, answers: DnsAnswers): Reply {
  if (answers.errcode === RCODE_NXDOMAIN) return { kind: "negative", error: "NXDOMAIN" };
  if (answers.errcode !== undefined) return { kind: "failure", error: `server error ${answers.errcode} (${answers.errstr ?? "unknown"})` };
  const end = chainEnd(qname, answers);
  let address: string | undefined;
  let ttl: number | undefined;
  for (const r of answers) {
    if (r.type === TYPE_CNAME || (r.type === TYPE_A && bare(r.name) === end)) ttl = ttl === undefined ? r.ttl : math.min(ttl, r.ttl);
    if (r.type === TYPE_A && r.address !== undefined && bare(r.name) === end && (address === undefined || r.address < address))
      address = r.address;
  }
  if (address !== undefined) return { kind: "address", address, ttl: ttl ?? 0 };
  if (end !== bare(qname)) return { kind: "alias", target: end, ttl: ttl ?? 0 };
  return { kind: "negative", error: "no A record" };
}
