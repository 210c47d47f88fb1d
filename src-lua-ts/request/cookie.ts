// The KUMA_FIXED_NODE cookie pins a browser to one node: socket.io's long-polling requests of
// one session must reach the same node. The value is a node id, only ever used as a key.
import { cookieValue } from "../core/cookie_header";

export const FIXED_NODE_COOKIE = "KUMA_FIXED_NODE";
const PAIR_PREFIX = `${FIXED_NODE_COOKIE}=`;
/** Seven days, as the cluster fork's router pinned browsers. */
export const FIXED_NODE_MAX_AGE_S = 7 * 24 * 3600;

/**
 * True when the request reached us over TLS, directly or through a TLS-terminating proxy that
 * says so: nginx/http.conf folds $https and X-Forwarded-Proto into one variable (one read).
 */
function overTls(): boolean {
  return ngx.var.kuma_over_tls === "on";
}

function attributes(maxAge: number, secure: boolean): string {
  return `; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** Set-Cookie values by node id, plain and Secure: built once, as a new session asks for one. */
const pins: [Record<string, string>, Record<string, string>] = [{}, {}];

export function pinHeader(nodeId: string): string {
  const secure = overTls();
  const byNode = pins[secure ? 1 : 0];
  let header = byNode[nodeId];
  if (header === undefined) {
    header = `${FIXED_NODE_COOKIE}=${nodeId}${attributes(FIXED_NODE_MAX_AGE_S, secure)}`;
    byNode[nodeId] = header;
  }
  return header;
}

const CLEAR = `${FIXED_NODE_COOKIE}=${attributes(0, false)}`;
const CLEAR_SECURE = `${FIXED_NODE_COOKIE}=${attributes(0, true)}`;

export function clearHeader(): string {
  return overTls() ? CLEAR_SECURE : CLEAR;
}

/** The raw cookie value (the first one when the header repeats it); the name in exactly this case. */
export function fixedNodeOf(): string | undefined {
  return cookieValue(ngx.var.http_cookie, PAIR_PREFIX);
}
