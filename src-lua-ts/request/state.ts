// What one request's phases hand on to each other (access -> balancer -> log): the route, and
// whether it was retried or upgraded. Kept in this worker's tables under the request's address
// rather than in ngx.ctx, whose per-request table and registry reference cost as much as the
// routing decision itself (docs/benchmarks.md). An entry lives as long as its request: the
// access phase writes it first (false while it has no route yet) and the log phase removes it;
// an address is reused only by a later request, whose access phase writes first again.
// nginx's error pages for the proxying locations (named locations in nginx/public.conf) run
// the log hook too: a location that can end a routed request must.
import * as ffi from "ffi";
import { get_request } from "resty.core.base";
import type { Peer, Route } from "./route";

const routes = new LuaTable<number, Route | false>();
const retried = new LuaTable<number, true>();
const upgraded = new LuaTable<number, true>();

/** The request's address as a number (the pointer itself is a new cdata object at each call). */
function requestKey(): number {
  return tonumber(ffi.cast("uintptr_t", get_request())) as number;
}

/**
 * Access phase, first: the request has no route (yet), nor anything a request before it left.
 * Returns the request's key for setRoute() and markUpgraded().
 */
export function begin(): number {
  const key = requestKey();
  routes.set(key, false);
  retried.delete(key);
  upgraded.delete(key);
  return key;
}

/** Access phase: where the request goes. */
export function setRoute(key: number, route: Route): void {
  routes.set(key, route);
}

/** Balancer. */
export function route(): Route | undefined {
  return routes.get(requestKey()) || undefined;
}

/** Balancer: the first try failed and the retry peer is being tried. */
export function markRetried(): void {
  retried.set(requestKey(), true);
}

/** Access phase: a WebSocket upgrade, counted open until the request ends. */
export function markUpgraded(key: number): void {
  upgraded.set(key, true);
}

/** Log phase: the request's route, retried and upgraded flags; forgets them. */
export function finish(): LuaMultiReturn<[Route | undefined, boolean, boolean]> {
  const key = requestKey();
  const route = routes.get(key);
  const wasRetried = retried.get(key) === true;
  const wasUpgraded = upgraded.get(key) === true;
  routes.delete(key);
  if (wasRetried) retried.delete(key);
  if (wasUpgraded) upgraded.delete(key);
  return $multi(route || undefined, wasRetried, wasUpgraded);
}

/** The peer that answered: the retry peer when the first try failed. */
export function servedPeer(route: Route, retried: boolean): Peer {
  return retried && route.retry !== undefined ? route.retry : route.peer;
}
