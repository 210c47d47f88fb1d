// Balancer phase: only applies what access decided. The first try goes to the chosen node;
// a second try (connect error or timeout, idempotent requests only) goes to the retry node.
import * as balancer from "ngx.balancer";
import * as passive from "../health/passive";

export function balance(): void {
  const route = ngx.ctx.route;
  if (route === undefined) return ngx.exit(500);
  route.tries++;
  let peer = route.peer;
  if (route.tries === 1) {
    if (route.retry !== undefined) balancer.set_more_tries(1);
  } else if (route.retry !== undefined) {
    peer = route.retry;
    route.retried = true;
    passive.failed(route.peer.nodeId);
  }
  const [ok, err] = balancer.set_current_peer(peer.address, peer.port);
  if (!ok) {
    ngx.log(ngx.ERR, `set_current_peer ${peer.address}:${peer.port} (${peer.nodeId}): ${err}`);
    return ngx.exit(502);
  }
}
