// Header filter: say where and why (X-Routed-To, X-Routed-Via) and set or clear the
// fixed-node cookie, keeping any Set-Cookie the node sent.
import { clearHeader, pinHeader } from "./cookie";

function appendSetCookie(value: string): void {
  const existing = ngx.header["Set-Cookie"];
  if (existing === undefined) ngx.header["Set-Cookie"] = value;
  else if (typeof existing === "string") ngx.header["Set-Cookie"] = [existing, value];
  else ngx.header["Set-Cookie"] = [...(existing as string[]), value];
}

export function setHeaders(): void {
  const route = ngx.ctx.route;
  if (route === undefined) return;
  const served = route.retried && route.retry !== undefined ? route.retry : route.peer;
  ngx.header["X-Routed-To"] = served.nodeId;
  ngx.header["X-Routed-Via"] = route.retried ? `${route.reason},retry` : route.fallback ? `${route.reason},all-down-fallback` : route.reason;
  if (route.cookie === "set" || (route.retried && route.cookie === "keep" && route.reason === "fixed-node")) {
    appendSetCookie(pinHeader(served.nodeId));
  } else if (route.cookie === "clear") {
    appendSetCookie(clearHeader());
  }
}
