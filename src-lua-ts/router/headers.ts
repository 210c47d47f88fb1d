// Say where and why (X-Routed-To, X-Routed-Via) and set or clear the fixed-node cookie. Set
// from the access phase (and the balancer's second try): nginx keeps them in the response,
// next to any Set-Cookie the node sends, and in its own error pages. A header filter phase
// would cost more than the whole routing decision (docs/benchmarks.md).
import { REASONS, Reason } from "../core/route";
import type { Route } from "../request/route";
import { clearHeader, pinHeader } from "../request/cookie";
import { servedPeer } from "../request/state";

/** X-Routed-Via values, built once: the reason, and the reason with what happened to it. */
const VIA = {} as Record<Reason, string>;
const VIA_RETRY = {} as Record<Reason, string>;
const VIA_FALLBACK = {} as Record<Reason, string>;
const VIA_SKIPPED = {} as Record<Reason, string>;
for (const r of REASONS) {
  VIA[r] = r;
  VIA_RETRY[r] = `${r},retry`;
  VIA_FALLBACK[r] = `${r},all-down-fallback`;
  VIA_SKIPPED[r] = `${r},lookup-skipped`;
}

function via(route: Route, retried: boolean): string {
  if (retried) return VIA_RETRY[route.reason];
  if (route.lookupSkipped === true) return VIA_SKIPPED[route.reason];
  return route.fallback ? VIA_FALLBACK[route.reason] : VIA[route.reason];
}

/** Access phase (retried false) and the balancer's second try (retried true). */
export function announce(route: Route, retried: boolean): void {
  const served = servedPeer(route, retried);
  const header = ngx.header;
  header["X-Routed-To"] = served.nodeId;
  header["X-Routed-Via"] = via(route, retried);
  // A pinned browser whose node failed is pinned to the node that answered.
  if (route.cookie === "set" || (retried && route.cookie === "keep" && route.reason === "fixed-node")) {
    header["Set-Cookie"] = pinHeader(served.nodeId);
  } else if (route.cookie === "clear") {
    header["Set-Cookie"] = clearHeader();
  }
}
