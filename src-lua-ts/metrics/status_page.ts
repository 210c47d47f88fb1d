// GET /lb/status.html (and /lb/status asked for as text/html) on the internal listener: the
// view of core/status_html.ts filled from the snapshot, the verdicts and the counters.
import * as config from "../config";
import * as store from "../cluster/snapshot_store";
import { staleAfterS } from "../core/anomaly";
import { WEBSOCKETS } from "../core/metrics_catalog";
import { StatusView, renderStatusPage } from "../core/status_html";
import { candidatesOf } from "../core/route";
import { downSet } from "../health/view";
import * as state from "../health/state";
import { sharedSeries } from "./exposition";
import * as pins from "./pins";
import { ENABLED } from "./settings";

const REFRESH_S = 5;

export function view(): StatusView {
  const snapshot = store.current();
  const s = store.status();
  const nodes = snapshot === undefined ? [] : snapshot.nodes;
  const down = downSet(nodes);
  const websockets = ENABLED ? sharedSeries()[WEBSOCKETS] : {};
  const now = ngx.now();
  const settings = config.get();
  return {
    generatedAt: ngx.utctime(),
    environment: settings.environment,
    expectedNodes: settings.cluster.nodeCount,
    snapshot: {
      version: s.version,
      ageS: s.ageS,
      lastError: s.lastError,
      failingSinceS: s.failingSinceS,
      setupComplete: snapshot?.setupComplete,
      monitors: snapshot?.monitorCount,
    },
    staleAfterS: staleAfterS(settings.router.syncIntervalS),
    nodes: nodes.map((n) => ({
      id: n.id,
      name: n.name,
      host: n.address === undefined ? undefined : `${n.address.host}:${n.address.port}`,
      registryOnline: n.online,
      healthUp: n.address !== undefined && down[n.id] !== true,
      primary: n.isPrimary,
      owned: n.owned,
      lastSeenAgeS: n.lastSeenAge,
      lastProbe: state.lastProbe(n.id),
      pinnedLastMinute: ENABLED ? pins.lastMinute(n.id, now) : undefined,
      websockets: ENABLED ? websockets[n.id]?.value ?? 0 : undefined,
    })),
    allDownFallback: snapshot !== undefined && candidatesOf(snapshot, down)[1],
    refreshS: REFRESH_S,
  };
}

export function serve(): void {
  const html = renderStatusPage(view());
  ngx.status = store.current() === undefined ? 503 : 200;
  ngx.header["Content-Type"] = "text/html; charset=utf-8";
  ngx.header["Cache-Control"] = "no-store";
  ngx.header["Vary"] = "Accept";
  // Every value is escaped; the policy is a second line should one ever slip through.
  ngx.header["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'";
  ngx.header["X-Content-Type-Options"] = "nosniff";
  ngx.print(html);
}
