// GET /lb/status on the internal listener: one view of the cluster (snapshot, registry, this
// router's verdicts, pins and WebSockets), answered as JSON for scripts or as the page of
// core/status_html.ts for a person. Both come from view(), so they cannot tell different stories.
import * as config from "../runtime/config";
import * as agents from "../cluster/agents";
import * as store from "../cluster/snapshot_store";
import { staleAfterS } from "../core/anomaly";
import { agentOf, handoverOf } from "../core/handover";
import { WEBSOCKETS } from "../core/metrics_catalog";
import { candidatesOf } from "../core/route";
import { awayFrom } from "../core/snapshot";
import { NodeInfo } from "../core/snapshot";
import { StatusChecks, StatusView, renderStatusPage } from "../core/status_html";
import * as verdicts from "../health/verdicts";
import { writerPid, writes } from "../health/writer";
import { sharedSeries } from "../metrics/exposition";
import * as pins from "../metrics/pins";
import { ENABLED } from "../metrics/record";
import { leaseHolder } from "../runtime/lease";
import * as respond from "../runtime/respond";

const REFRESH_S = 5;

function healthChecks(nodes: NodeInfo[]): StatusChecks {
  const out: StatusChecks["nodes"] = {};
  for (const n of nodes) {
    const h = verdicts.read(n.id);
    out[n.id] = { down: h?.down === true, successes: h?.successes ?? 0, failures: h?.failures ?? 0, lastProbe: verdicts.lastProbe(n.id) };
  }
  return {
    prober: leaseHolder(verdicts.LEASE),
    writer: writerPid() !== undefined,
    writes: writes(),
    pendingWrites: verdicts.pending(),
    nodes: out,
  };
}

/** The one view of /lb/status: the JSON and the page are both written from it. */
export function view(): StatusView {
  const snapshot = store.current();
  const s = store.status();
  const nodes = snapshot === undefined ? [] : snapshot.nodes;
  const down = verdicts.downSet(nodes);
  const checks = healthChecks(nodes);
  const websockets = ENABLED ? sharedSeries()[WEBSOCKETS] : {};
  const now = ngx.now();
  const settings = config.get();
  const reports = agents.current();
  return {
    generatedAt: ngx.utctime(),
    environment: settings.environment,
    expectedNodes: settings.cluster.nodeCount,
    snapshot: {
      version: s.version,
      ageS: s.ageS,
      syncedAt: s.syncedAt,
      bytes: s.bytes,
      lastError: s.lastError,
      failingSinceS: s.failingSinceS,
      setupComplete: snapshot?.setupComplete,
      monitors: snapshot?.monitorCount,
      moved: snapshot?.moved,
    },
    staleAfterS: staleAfterS(settings.router.syncIntervalS),
    nodes: nodes.map((n) => {
      const handover = handoverOf(agentOf(reports.byNode, n.id), reports.sinceReadS ?? 0, settings.cluster.heartbeatS);
      return {
        id: n.id,
        name: n.name,
        host: n.address === undefined ? undefined : `${n.address.host}:${n.address.port}`,
        registryOnline: n.online,
        // A node without an address cannot take a request, whatever the probes said last.
        healthUp: n.address !== undefined && !n.foreign && down[n.id] !== true,
        foreign: n.foreign,
        primary: n.isPrimary,
        index: n.index,
        owned: n.owned,
        drained: n.drained === true,
        lastSeenAgeS: n.lastSeenAge,
        lastProbe: checks.nodes[n.id].lastProbe,
        pinnedLastMinute: ENABLED ? pins.lastMinute(n.id, now) : undefined,
        websockets: ENABLED ? (websockets[n.id]?.value ?? 0) : undefined,
        away: snapshot === undefined ? 0 : awayFrom(snapshot, n.id),
        handover: handover.mode,
        handoverReason: handover.reason,
        agent: handover.agent,
      };
    }),
    agents: { sinceReadS: reports.sinceReadS, lastError: reports.lastError },
    allDownFallback: snapshot !== undefined && candidatesOf(snapshot, down)[1],
    refreshS: REFRESH_S,
    checks,
  };
}

/** 503 until the registry was read once: a monitoring script must not take an empty view for a cluster. */
const statusCode = (): number => (store.current() === undefined ? 503 : 200);

export function serveJson(): void {
  const v = view();
  respond.json(statusCode(), {
    environment: v.environment,
    generatedAt: v.generatedAt,
    expectedNodes: v.expectedNodes,
    snapshot: { ...v.snapshot, staleAfterS: v.staleAfterS },
    allDownFallback: v.allDownFallback,
    checks: v.checks,
    agents: v.agents,
    nodes: respond.list(
      v.nodes.map((n) => ({
        id: n.id,
        name: n.name,
        host: n.host,
        registry: n.registryOnline ? "online" : "offline",
        health: n.foreign === true ? "foreign" : n.healthUp ? "up" : "down",
        foreign: n.foreign,
        primary: n.primary,
        index: n.index,
        owned: n.owned,
        drained: n.drained,
        lastSeenAgeS: n.lastSeenAgeS,
        pinnedLastMinute: n.pinnedLastMinute,
        websockets: n.websockets,
        away: n.away,
        handover: n.handover,
        handoverReason: n.handoverReason,
        agent: n.agent,
      })),
    ),
  });
}

export function serveHtml(): void {
  const html = renderStatusPage(view());
  ngx.status = statusCode();
  ngx.header["Content-Type"] = "text/html; charset=utf-8";
  ngx.header["Cache-Control"] = "no-store";
  ngx.header["Vary"] = "Accept";
  // Every value is escaped; the policy is a second line should one ever slip through.
  ngx.header["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'";
  ngx.header["X-Content-Type-Options"] = "nosniff";
  ngx.print(html);
}
