// The cluster snapshot: what one sync reads from MariaDB, shaped for O(1) lookups on the hot
// path. Pure, so the router (Lua) and the tests (Node) build it the same way. Monitor ids are
// kept as decimal string keys: Lua tables with sparse integer keys do not survive JSON.
import { isValidNodeId, nodeIndex } from "./node_id";
import { HostPort, HostRules, buildNodeHost, parseHostPort } from "./host";
import { ManagedNodes, isManaged } from "./world";

/** A `node` row as the sync query returns it (NULLs already replaced). */
export interface NodeRow {
  node_id: string;
  node_name: string;
  host: string;
  status: string;
  is_primary: number;
  /** Seconds since last_seen by the database clock; -1 when never seen. */
  last_seen_age: number;
}

/** An active `monitor` row: its effective owner is COALESCE(assigned_node, node_id). */
export interface MonitorRow {
  id: number;
  owner: string;
  push_token: string;
}

/** Monitors the router moved away from a node, still where it moved them (cluster/queries.ts). */
export interface AwayRow {
  node_id: string;
  away: number;
}

export interface NodeInfo {
  id: string;
  name: string;
  /** Where to connect: the registry's host, or one built from the id. */
  address: HostPort | undefined;
  online: boolean;
  isPrimary: boolean;
  index: number | undefined;
  lastSeenAge: number;
  owned: number;
  /**
   * Another world's node (core/world.ts): this router never probes it, writes its status,
   * moves its monitors or sends it a request.
   */
  foreign: boolean;
  /** Drained (kuma_cluster_drain): no new sessions, its monitors handed over. Absent = false. */
  drained?: boolean;
}

/** What is stored in shared memory (as JSON): everything but the derived index. */
export interface StoredSnapshot {
  /** Nodes sorted by id. */
  nodes: NodeInfo[];
  /** monitor id (decimal string) -> effective owner node id */
  ownerOf: Record<string, string>;
  /** push token -> monitor id (decimal string) */
  monitorOfToken: Record<string, string>;
  setupComplete: boolean;
  monitorCount: number;
  /**
   * node id -> active monitors the router moved away from it that return once it is confirmed
   * up (its move record; read with the monitors, so it changes only when they change).
   */
  awayFrom: Record<string, number>;
  /** Their sum: the monitors the router holds moved right now. */
  moved: number;
}

export interface Snapshot extends StoredSnapshot {
  nodeById: Record<string, NodeInfo>;
}

/** Monitors the router moved away from the node (0 when none; any string is a safe key). */
export function awayFrom(snapshot: StoredSnapshot, id: string): number {
  const n = snapshot.awayFrom === undefined ? undefined : snapshot.awayFrom[id];
  return typeof n === "number" ? n : 0;
}

/**
 * The node with this id, for ids taken from requests (a cookie, a path). The index holds valid
 * ids only, so any string is a safe key; a key such as "constructor" finds no node's own id in
 * either runtime. No validation loop here: it runs per request (see classifyPath).
 */
export function nodeOf(snapshot: Snapshot, id: string): NodeInfo | undefined {
  const n = snapshot.nodeById[id];
  return n !== undefined && n.id === id ? n : undefined;
}

/** Adds the by-id index (valid node ids only) to a stored (or decoded) snapshot. */
export function indexNodes(stored: StoredSnapshot): Snapshot {
  const nodeById: Record<string, NodeInfo> = {};
  for (const n of stored.nodes) if (isValidNodeId(n.id)) nodeById[n.id] = n;
  return { ...stored, nodeById };
}

/** The node's address: the registry's host when it parses, else built from the id. */
export function nodeAddress(row: NodeRow, rules: HostRules): HostPort | undefined {
  if (row.host !== "") {
    const parsed = parseHostPort(row.host, rules.port);
    return parsed.ok ? parsed.value : undefined;
  }
  const built = buildNodeHost(row.node_id, rules);
  if (built === undefined) return undefined;
  const parsed = parseHostPort(built, rules.port);
  return parsed.ok ? parsed.value : undefined;
}

/** Every node managed: a local router, and callers that know of one world only. */
export const ALL_NODES: ManagedNodes = { kind: "all" };
/** Marks the drained nodes (ids from kuma_cluster_drain; ids of no registered node are ignored). */
export function markDrained(nodes: NodeInfo[], drained: string[]): NodeInfo[] {
  const set: Record<string, boolean> = {};
  for (const id of drained) set[id] = true;
  for (const n of nodes) if (set[n.id] === true) n.drained = true;
  return nodes;
}

/** One row of the monitors' per-owner summary (cluster/queries.ts MONITOR_GROUPS_SQL). */
export interface MonitorGroup {
  owner: string;
  monitors: number;
  /** Hex XOR of the group's row hashes. */
  digest: string;
}

/** What the stored monitor maps were built from: equal strings, equal maps. */
export function monitorsSource(groups: MonitorGroup[]): string {
  return groups.map((g) => `${g.owner}\n${g.monitors}\n${g.digest}`).join("\n\n");
}

export function buildSnapshot(
  nodeRows: NodeRow[],
  monitorRows: MonitorRow[],
  setupComplete: boolean,
  rules: HostRules,
  awayRows: AwayRow[] = [],
  managed: ManagedNodes = ALL_NODES,
): StoredSnapshot {
  const nodeById: Record<string, NodeInfo> = {};
  const nodes: NodeInfo[] = [];
  for (const row of nodeRows) {
    // A row whose id could not have come from a node is ignored rather than trusted.
    if (!isValidNodeId(row.node_id)) continue;
    const info: NodeInfo = {
      id: row.node_id,
      name: row.node_name,
      address: nodeAddress(row, rules),
      online: row.status === "online",
      isPrimary: row.is_primary === 1,
      index: nodeIndex(row.node_id),
      lastSeenAge: row.last_seen_age,
      owned: 0,
      foreign: !isManaged(row.node_id, row.host, managed),
    };
    nodeById[info.id] = info;
    nodes.push(info);
  }
  nodes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const ownerOf: Record<string, string> = {};
  const monitorOfToken: Record<string, string> = {};
  let monitorCount = 0;
  for (const m of monitorRows) {
    const key = `${m.id}`;
    ownerOf[key] = m.owner;
    if (m.push_token !== "") monitorOfToken[m.push_token] = key;
    const owner = nodeById[m.owner];
    if (owner !== undefined) owner.owned++;
    monitorCount++;
  }
  const awayFrom: Record<string, number> = {};
  let moved = 0;
  for (const a of awayRows) {
    awayFrom[a.node_id] = a.away;
    moved += a.away;
  }
  return { nodes, ownerOf, monitorOfToken, setupComplete, monitorCount, awayFrom, moved };
}
