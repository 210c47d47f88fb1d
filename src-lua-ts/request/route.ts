// Where the access phase sent a request, as the later phases read it (balancer, headers, log,
// metrics, passive checks). Types only: every layer above may import it.
import type { CookieAction, Reason } from "../core/route";

export interface Peer {
  nodeId: string;
  address: string;
  port: number;
}

/**
 * What access decided, for the balancer, the headers and the log phase. Immutable: one object
 * serves every request with the same decision and the same resolved addresses.
 */
export interface Route {
  peer: Peer;
  /** Where an idempotent, non-upgrade request goes once if `peer` fails to connect. */
  retry: Peer | undefined;
  reason: Reason;
  cookie: CookieAction;
  fallback: boolean;
  /** The request's key was not looked up (the lookup budget was spent): routed without its owner. */
  lookupSkipped?: boolean;
}
