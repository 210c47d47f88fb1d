// Host strings: parsing what the registry and the environment hold, and building the host of
// a node from its id when the registry has none.
import { Char, isAlnum, isDigit, allChars, parseDecimal } from "./text";
import { isDnsLabel, nodeIdFormat } from "./node_id";

export interface HostPort {
  host: string;
  port: number;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export type Environment = "kubernetes" | "docker-compose" | "local";

/** What building a node's host needs to know about the deployment. */
export interface HostRules {
  environment: Environment;
  namespace: string;
  headlessService: string;
  clusterDomain: string;
  port: number;
  hostPrefix: string;
}

/** Longest host we accept: a DNS name is at most 253 characters. */
const HOST_MAX_LENGTH = 253;

function isHostChar(c: number): boolean {
  return isAlnum(c) || c === Char.Dash || c === Char.Dot || c === Char.Underscore;
}

function isIpv6Char(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70) || c === Char.Colon || c === Char.Dot;
}

/** A DNS name or IPv4 literal: no empty label, no leading or trailing dot or dash. */
function isHostName(h: string): boolean {
  if (h.length === 0 || h.length > HOST_MAX_LENGTH || !allChars(h, isHostChar)) return false;
  if (h.indexOf("..") >= 0) return false;
  const first = h.charCodeAt(0);
  const last = h.charCodeAt(h.length - 1);
  return isAlnum(first) && (isAlnum(last) || last === Char.Dot); // the trailing dot of an FQDN
}

function parsePort(s: string): number | undefined {
  const n = parseDecimal(s);
  if (n === undefined || n < 1 || n > 65535) return undefined;
  return n;
}

/**
 * `host`, `host:port` or `[v6]:port` (also `[v6]`). Anything else is an error: a scheme, a path,
 * user info, spaces, an unbracketed IPv6 address, port 0 or above 65535.
 */
export function parseHostPort(s: string, defaultPort: number): Parsed<HostPort> {
  if (s.length === 0) return { ok: false, error: "empty host" };
  if (s.charAt(0) === "[") {
    const close = s.indexOf("]");
    if (close < 0) return { ok: false, error: "unclosed '[' in host" };
    const v6 = s.substring(1, close);
    if (v6.indexOf(":") < 0 || !allChars(v6, isIpv6Char)) return { ok: false, error: "bad IPv6 address" };
    const rest = s.substring(close + 1);
    if (rest.length === 0) return { ok: true, value: { host: v6, port: defaultPort } };
    if (rest.charAt(0) !== ":") return { ok: false, error: "junk after ']'" };
    const port = parsePort(rest.substring(1));
    if (port === undefined) return { ok: false, error: "bad port" };
    return { ok: true, value: { host: v6, port } };
  }
  const colon = s.indexOf(":");
  const host = colon < 0 ? s : s.substring(0, colon);
  if (!isHostName(host)) return { ok: false, error: "bad host name" };
  if (colon < 0) return { ok: true, value: { host, port: defaultPort } };
  const port = parsePort(s.substring(colon + 1));
  if (port === undefined) return { ok: false, error: "bad port" };
  return { ok: true, value: { host, port } };
}

/** `host:port`, bracketing an IPv6 literal. */
export function formatHostPort(hp: HostPort): string {
  return hp.host.indexOf(":") >= 0 ? `[${hp.host}]:${hp.port}` : `${hp.host}:${hp.port}`;
}

/**
 * The host of a node built from its id, or undefined when the id cannot name a host in this
 * environment. A dot in an id is never taken as "already an FQDN" (a trap of the old router).
 *  - kubernetes: `<pod>.<headless>.<ns>.svc.<domain>:<port>`; the id must be a DNS label.
 *  - docker-compose: `<prefix><id>:<port>`, unless the id already starts with the prefix.
 *  - local: `127.0.0.1:<port>`.
 */
export function buildNodeHost(nodeId: string, rules: HostRules): string | undefined {
  if (rules.environment === "kubernetes") {
    if (!isDnsLabel(nodeId)) return undefined;
    return `${nodeId}.${rules.headlessService}.${rules.namespace}.svc.${rules.clusterDomain}:${rules.port}`;
  }
  if (rules.environment === "docker-compose") {
    if (nodeIdFormat(nodeId) === "custom" && !isHostName(nodeId)) return undefined;
    const prefixed = nodeId.substring(0, rules.hostPrefix.length) === rules.hostPrefix;
    const name = prefixed ? nodeId : rules.hostPrefix + nodeId;
    return isHostName(name) ? `${name}:${rules.port}` : undefined;
  }
  return `127.0.0.1:${rules.port}`;
}

/** Whether `host` is an IP literal (v4 dotted quad or v6), which needs no DNS query. */
export function isIpLiteral(host: string): boolean {
  if (host.indexOf(":") >= 0) return allChars(host, isIpv6Char);
  const parts = host.split(".");
  if (parts.length !== 4) return false;
  for (const p of parts) {
    const n = parseDecimal(p);
    if (n === undefined || n > 255 || p.length > 3) return false;
  }
  return true;
}
