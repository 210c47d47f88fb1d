// Balancer phase: only applies what access decided. The first try goes to the chosen node;
// a second try (connect error or timeout, idempotent requests only) goes to the retry node.
import * as balancer from "ngx.balancer";
import { passiveFailure } from "../health/verdicts";
import { announce } from "./headers";
import * as requestState from "../request/state";

export function balance(): void {
  const route = requestState.route();
  if (route === undefined) return ngx.exit(500);
  let peer = route.peer;
  // nginx calls the balancer again for the next try; nil on the first.
  const [lastTry] = balancer.get_last_failure();
  if (lastTry === undefined) {
    if (route.retry !== undefined) balancer.set_more_tries(1);
  } else if (route.retry !== undefined) {
    peer = route.retry;
    requestState.markRetried();
    passiveFailure(route.peer.nodeId);
    announce(route, true);
  }
  const [ok, err] = balancer.set_current_peer(peer.address, peer.port);
  if (!ok) {
    ngx.log(ngx.ERR, `set_current_peer ${peer.address}:${peer.port} (${peer.nodeId}): ${err}`);
    return ngx.exit(502);
  }
}
