// /lb/status as a page a person reads at a glance, pure: a view of the cluster in, HTML out.
// Every value goes through escapeHtml (node names and errors come from the database). The
// same fixture renders byte for byte alike from Lua and from JavaScript (test/metrics).
import type { Handover, HandoverMode } from "./handover";

export interface StatusNodeView {
  id: string;
  name: string;
  /** host:port the router connects to; undefined when the registry's host does not parse. */
  host: string | undefined;
  registryOnline: boolean;
  /** The router's own verdict (false for a foreign node: never probed). */
  healthUp: boolean;
  /** Another world's node (core/world.ts): not probed, written or routed to by this router. */
  foreign?: boolean;
  primary: boolean;
  /** The StatefulSet pod index (Kubernetes); not shown on the page. */
  index?: number;
  owned: number;
  /** Drained (docs/health.md, "Drain"): no new sessions, its monitors handed over. */
  drained?: boolean;
  /** Seconds since the node's last heartbeat (database clock); -1 when never seen. */
  lastSeenAgeS: number;
  lastProbe: string | undefined;
  /** Requests that kept their fixed node here, in about the last minute (undefined: not counted). */
  pinnedLastMinute: number | undefined;
  /** Open WebSockets through this router (undefined: not counted, ROUTER_METRICS=false). */
  websockets: number | undefined;
  /** Active monitors the router moved away from this node; they return once it is confirmed up. */
  away: number;
  /** How the node takes up a change of owner (core/handover.ts), and why. */
  handover: HandoverMode;
  handoverReason: string;
  /** The agent's last report, when there is one; not shown on the page beyond the reason. */
  agent?: Handover["agent"];
}

/** The health checks as /lb/status tells them (JSON only): who probes and writes, each node's counters. */
export interface StatusChecks {
  /** pid of this router's probing worker. */
  prober: number | undefined;
  /** True when this router holds the cluster's writer lock. */
  writer: boolean;
  /** Registry writes and monitor moves this router made since it started. */
  writes: number;
  pendingWrites: Record<string, string>;
  nodes: Record<string, { down: boolean; successes: number; failures: number; lastProbe: string | undefined }>;
}

export interface StatusView {
  /** "yyyy-mm-dd hh:mm:ss" UTC. */
  generatedAt: string;
  environment: string;
  expectedNodes: number;
  snapshot: {
    version: number;
    ageS: number | undefined;
    /** When the last sync finished (epoch seconds); not shown on the page. */
    syncedAt?: number;
    /** The stored snapshot's size; not shown on the page. */
    bytes?: number;
    lastError: string | undefined;
    failingSinceS: number | undefined;
    setupComplete: boolean | undefined;
    monitors: number | undefined;
    /** Monitors the router holds moved (its move record, in force). */
    moved: number | undefined;
  };
  /** Seconds after which the snapshot counts as stale. */
  staleAfterS: number;
  nodes: StatusNodeView[];
  /** The last read of the agents' reports; not shown on the page unless it failed. */
  agents: { sinceReadS: number | undefined; lastError: string | undefined };
  /** Every node fails the checks: requests go to the registry's online nodes. */
  allDownFallback: boolean;
  /** Not shown on the page (absent from the shared page fixture). */
  checks?: StatusChecks;
  /** Seconds between page refreshes. */
  refreshS: number;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text for element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const e = HTML_ESCAPES[s.charAt(i)];
    if (e !== undefined) {
      out = out + s.substring(from, i) + e;
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.substring(from);
}

/** "<1 s", "42 s", "7 min", "3 h", "2 d": whole units, the same in both runtimes. */
export function formatAge(seconds: number): string {
  if (seconds < 1) return "<1 s";
  if (seconds < 120) return `${Math.floor(seconds)} s`;
  if (seconds < 7200) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 172800) return `${Math.floor(seconds / 3600)} h`;
  return `${Math.floor(seconds / 86400)} d`;
}

function pill(text: string, tone: "good" | "bad" | "warn" | "muted"): string {
  return `<span class="pill ${tone}">${escapeHtml(text)}</span>`;
}

const STYLE = [
  "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px;color:#1d2430;background:#f6f7f9}",
  "h1{font-size:20px;margin:0 0 12px}",
  ".summary{display:flex;flex-wrap:wrap;gap:10px;margin-bottom:16px}",
  ".card{background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:10px 14px;min-width:140px}",
  ".card b{display:block;font-size:18px}",
  ".card small{color:#5b6574}",
  ".banner{border-radius:8px;padding:10px 14px;margin-bottom:12px;font-weight:600}",
  ".banner.bad{background:#fdecec;border:1px solid #f3b4b4;color:#8a1c1c}",
  ".banner.warn{background:#fff6e0;border:1px solid #f1d38a;color:#7a5400}",
  "table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #dde1e7;border-radius:8px}",
  "th,td{text-align:left;padding:8px 10px;border-bottom:1px solid #eceff3;vertical-align:top}",
  "th{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#5b6574}",
  "td.num{text-align:right;font-variant-numeric:tabular-nums}",
  ".pill{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600}",
  ".good{background:#e3f6e8;color:#17692f}.bad{background:#fdecec;color:#a11d1d}",
  ".warn{background:#fff1cc;color:#7a5400}.muted{background:#eceff3;color:#5b6574}",
  ".id{font-weight:600}.sub{color:#5b6574;font-size:12px}",
  ".bar{height:6px;background:#eceff3;border-radius:3px;margin-top:4px}.bar i{display:block;height:6px;background:#4a7bd0;border-radius:3px}",
  "footer{margin-top:14px;color:#5b6574;font-size:12px}",
  "a{color:#2f5fb3}",
].join("");

function card(value: string, label: string): string {
  return `<div class="card"><b>${value}</b><small>${escapeHtml(label)}</small></div>`;
}

function snapshotCard(v: StatusView): string {
  const s = v.snapshot;
  if (s.ageS === undefined) return card(pill("never read", "bad"), "snapshot");
  const tone = s.lastError !== undefined || s.ageS > v.staleAfterS ? "bad" : "good";
  return card(pill(`${formatAge(s.ageS)} old`, tone), `snapshot v${s.version}`);
}

function banners(v: StatusView): string[] {
  const out: string[] = [];
  const s = v.snapshot;
  if (s.lastError !== undefined) {
    const since = s.failingSinceS === undefined ? "" : ` for ${formatAge(s.failingSinceS)}`;
    out.push(
      `<div class="banner bad">Registry reads failing${escapeHtml(since)}: ${escapeHtml(s.lastError)}. Routing continues from the last snapshot.</div>`,
    );
  } else if (s.ageS !== undefined && s.ageS > v.staleAfterS) {
    out.push(`<div class="banner bad">The snapshot is ${escapeHtml(formatAge(s.ageS))} old: the registry is not being read.</div>`);
  }
  if (v.allDownFallback)
    out.push("<div class=\"banner bad\">Every node fails the router's health checks: requests go to the registry's online nodes.</div>");
  if (s.setupComplete === false) out.push('<div class="banner warn">Setup is not finished: every request goes to the primary.</div>');
  if (v.agents.lastError !== undefined) {
    out.push(
      `<div class="banner warn">The agents' reports cannot be read: ${escapeHtml(v.agents.lastError)}. Hand-over is shown as last read.</div>`,
    );
  }
  return out;
}

function nodeRow(n: StatusNodeView, maxOwned: number): string {
  const name = n.name !== "" && n.name !== n.id ? `<div class="sub">${escapeHtml(n.name)}</div>` : "";
  const primary = n.primary ? ` ${pill("primary", "muted")}` : "";
  const width = maxOwned > 0 ? Math.floor((n.owned * 100) / maxOwned) : 0;
  const seen = n.lastSeenAgeS < 0 ? "never" : `${formatAge(n.lastSeenAgeS)} ago`;
  const handover = n.handover === "trigger" ? pill("trigger", "good") : pill("timer", "warn");
  return [
    "<tr>",
    `<td><span class="id">${escapeHtml(n.id)}</span>${primary}${name}</td>`,
    `<td>${n.foreign === true ? pill("foreign", "muted") : n.healthUp ? pill("up", "good") : pill("down", "bad")}</td>`,
    `<td>${n.registryOnline ? pill("online", "good") : pill("offline", "warn")}</td>`,
    `<td class="num">${n.owned}<div class="bar"><i style="width:${width}%"></i></div></td>`,
    `<td class="num">${n.away}</td>`,
    `<td>${handover}<div class="sub">${escapeHtml(n.handoverReason)}</div></td>`,
    `<td class="num">${n.pinnedLastMinute ?? "off"}</td>`,
    `<td class="num">${n.websockets ?? "off"}</td>`,
    `<td>${escapeHtml(n.lastProbe ?? "not probed yet")}</td>`,
    `<td>${escapeHtml(seen)}</td>`,
    `<td><code>${escapeHtml(n.host ?? "no address")}</code></td>`,
    "</tr>",
  ].join("");
}

export function renderStatusPage(v: StatusView): string {
  let up = 0;
  let foreign = 0;
  let maxOwned = 0;
  for (const n of v.nodes) {
    if (n.foreign === true) foreign++;
    else if (n.healthUp) up++;
    if (n.owned > maxOwned) maxOwned = n.owned;
  }
  const nodesTone = up === 0 ? "bad" : up < v.expectedNodes ? "warn" : "good";
  const monitors = v.snapshot.monitors === undefined ? "?" : `${v.snapshot.monitors}`;
  const moved = v.snapshot.moved === undefined ? "?" : `${v.snapshot.moved}`;
  const rows = v.nodes.map((n) => nodeRow(n, maxOwned));
  if (rows.length === 0) rows.push('<tr><td colspan="11">No node is registered.</td></tr>');
  return [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="refresh" content="${v.refreshS}">`,
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    "<title>kuma-cluster-router status</title>",
    `<style>${STYLE}</style></head><body>`,
    `<h1>Uptime Kuma cluster <span class="sub">${escapeHtml(v.environment)}</span></h1>`,
    '<div class="summary">',
    card(
      pill(`${up} of ${v.nodes.length - foreign} up`, nodesTone),
      `nodes (${v.expectedNodes} expected)${foreign > 0 ? `, ${foreign} foreign` : ""}`,
    ),
    card(escapeHtml(monitors), "active monitors"),
    card(escapeHtml(moved), "moved by the router"),
    snapshotCard(v),
    card(v.snapshot.setupComplete === false ? pill("not finished", "warn") : pill("complete", "good"), "setup"),
    "</div>",
    ...banners(v),
    "<table><thead><tr><th>Node</th><th>Health</th><th>Registry</th><th>Monitors</th><th>Away</th><th>Hand-over</th><th>Pinned/min</th><th>WebSockets</th><th>Last probe</th><th>Last seen</th><th>Host</th></tr></thead><tbody>",
    ...rows,
    "</tbody></table>",
    `<footer>Generated ${escapeHtml(v.generatedAt)} UTC by this router, refreshed every ${v.refreshS} s. Health: this router's checks ("foreign": another world's node, left to its own router); registry: node.status. `,
    'Away: monitors the router moved off the node, back once it is confirmed up. Hand-over: "trigger" when the node\'s agent starts a change of owner at once, "timer" when the node\'s one-minute reconcile timer does. ',
    "Pinned/min: requests that kept their KUMA_FIXED_NODE node, about the last minute. ",
    'Also as <a href="/lb/status.json">JSON</a> and <a href="/metrics">Prometheus metrics</a>.</footer>',
    "</body></html>",
    "",
  ].join("\n");
}
