// The KUMA_FIXED_NODE cookie pins a browser to one node: socket.io's long-polling requests of
// one session must reach the same node. The value is a node id, only ever used as a key.
export const FIXED_NODE_COOKIE = "KUMA_FIXED_NODE";
/** Seven days, as the cluster fork's router pinned browsers. */
export const FIXED_NODE_MAX_AGE_S = 7 * 24 * 3600;

/** True when the request reached us over TLS (directly, or through a TLS-terminating proxy). */
function overTls(): boolean {
  return ngx.var.https === "on" || ngx.var.http_x_forwarded_proto === "https";
}

function attributes(maxAge: number): string {
  return `; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${overTls() ? "; Secure" : ""}`;
}

export function pinHeader(nodeId: string): string {
  return `${FIXED_NODE_COOKIE}=${nodeId}${attributes(FIXED_NODE_MAX_AGE_S)}`;
}

export function clearHeader(): string {
  return `${FIXED_NODE_COOKIE}=${attributes(0)}`;
}

/** The raw cookie value (the first one when the header repeats it). */
export function fixedNodeOf(): string | undefined {
  return ngx.var.cookie_KUMA_FIXED_NODE;
}
