// The hand-over trigger: the supervisor watches which monitors are assigned to its node and,
// when that changes, has the node reconcile at once through its own REST trigger
// (POST /api/v1/reconcile-monitors) instead of waiting for the fork's minute timer. One call at
// a time, changes coalesced, never overlapping the minute's own run (handover-rules.ts). The
// token is minted from the cluster's jwtSecret for an active user, as the fork verifies it.
import http from "node:http";
import type { Pool } from "mysql2/promise";
import { recordReconcile, touchAgent, writeAgent, type HandoverMode } from "./agent";
import { assignedMonitors, assignmentFingerprint, readCredentials, type Credentials } from "./assignment";
import type { NodeEvent } from "./child-output";
import {
  ANNOUNCE_GRACE_MS,
  changeBetween,
  coveredByMinuteRun,
  CRON_QUIET_MS,
  expectedRunMs,
  holdMs,
  minuteStart,
  STRAY_GRACE_MS,
} from "./handover-rules";
import { mintToken } from "./jwt";

export const TRIGGER_PATH = "/api/v1/reconcile-monitors";
export const HEALTH_PATH = "/api/v1/health";
/** How often the assignment is read: about one cheap query a second. */
export const POLL_MS = 1_000;
/** startMonitors pauses up to 1 s after each monitor it starts at boot. */
const BOOT_SPACING_MS = 1_000;
const BOOT_GRACE_MS = 2_000;
const CREDENTIALS_RETRY_MS = 2_000;
const NO_TRIGGER_RETRY_MS = 10 * 60_000;
const REFUSED_RETRY_MS = 30_000;
const RATE_LIMITED_RETRY_MS = 60_000;
const HEALTH_TIMEOUT_MS = 2_000;
/** The node's own announcements count for this long. */
const ANNOUNCEMENT_TTL_MS = 10_000;
/** A reconcile run starts monitors 0.1-0.3 s apart: allow thousands. */
const TRIGGER_TIMEOUT_MS = 10 * 60_000;

/** Where the node listens, and the address to call it from (its own, on loopback). */
export interface NodeAddress {
  host: string;
  port: number;
  localAddress?: string;
}

export interface HandoverOptions {
  db: Pool;
  nodeId: string;
  node: NodeAddress;
  version: string;
  say(line: string): void;
  pollMs?: number;
}

/** What the next reconcile is for; changes seen before it starts are merged in. */
interface Pending {
  /** When the latest change it holds was seen: the database had it by then. */
  observedMs: number;
  /** Monitors moved to the node. */
  starts: Set<number>;
  /** New monitors and the time until which they wait for the node's own "Resume Monitor" line. */
  created: Map<number, number>;
  stops: Set<number>;
  /** Not before: a monitor the node started without owning it is stopped once its start is done. */
  notBeforeMs: number;
  /** The first reading after start: one reconcile, even for no visible change. */
  initial: boolean;
}

interface Announcement {
  started: boolean;
  atMs: number;
}

interface Answer {
  status: number;
  body: string;
}

function emptyPending(observedMs: number): Pending {
  return { observedMs, starts: new Set(), created: new Map(), stops: new Set(), notBeforeMs: 0, initial: false };
}

function mergePending(into: Pending | undefined, from: Pending): Pending {
  if (into === undefined) return from;
  into.observedMs = Math.max(into.observedMs, from.observedMs);
  for (const id of from.starts) into.starts.add(id);
  for (const [id, until] of from.created) into.created.set(id, Math.max(until, into.created.get(id) ?? 0));
  for (const id of from.stops) into.stops.add(id);
  into.notBeforeMs = Math.max(into.notBeforeMs, from.notBeforeMs);
  into.initial ||= from.initial;
  return into;
}

export class Handover {
  private mode: HandoverMode = "timer";
  private detail = "waiting for the node to answer its health check";
  private ready = false;
  /** No trigger before the node's start-up has started its monitors, nor its minute timer run. */
  private bootUntilMs = Number.POSITIVE_INFINITY;
  private cronSinceMs = Number.POSITIVE_INFINITY;
  private credentials: Credentials | undefined;
  private credentialsCheckedMs = 0;
  private fingerprint: string | undefined;
  private assigned: Set<number> | undefined;
  private maxId = 0;
  private pending: Pending | undefined;
  /** Monitors the node said it started or stopped itself, by id. */
  private readonly announced = new Map<number, Announcement>();
  private lastReconcileLineMs: number | undefined;
  /**
   * A change left to the fork's own run of this minute (its start): recorded as this node's
   * reconcile once that run has gone quiet, as a triggered run is, so that a drain waiting for
   * the new owners (`drain --wait`) sees it.
   */
  private minuteRunToRecord: number | undefined;
  private retryAfterMs = 0;
  private inFlight: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> = Promise.resolve();
  private stepping = false;
  private stepAgain = false;
  private stopped = false;
  private lastTickError = "";
  private readonly pollMs: number;

  constructor(private readonly options: HandoverOptions) {
    this.pollMs = options.pollMs ?? POLL_MS;
  }

  /** What /lb/status shows for this node. */
  get state(): { mode: HandoverMode; detail: string } {
    return { mode: this.mode, detail: this.detail };
  }

  async start(): Promise<void> {
    await this.writeRow();
    this.schedule(0);
  }

  /** Stops polling; a call in flight is left to finish (the node is stopping anyway). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.ticking;
  }

  /** Part of the supervisor's heartbeat: seen_at now, the row again if it was removed. */
  async beat(): Promise<void> {
    if (!(await touchAgent(this.options.db, this.options.nodeId))) await this.writeRow();
  }

  onEvent(event: NodeEvent, nowMs: number = Date.now()): void {
    switch (event.kind) {
      case "starting-monitors":
        this.bootUntilMs = nowMs + (event.count + 1) * BOOT_SPACING_MS;
        this.cronSinceMs = this.bootUntilMs;
        break;
      case "reconciling":
        this.lastReconcileLineMs = nowMs;
        break;
      case "started":
      case "stopped":
        this.announced.set(event.monitorId, { started: event.kind === "started", atMs: nowMs });
        // A start on a node that does not own the monitor is an overlap: look at once.
        if (event.kind === "started") this.schedule(0);
        break;
      case "listening":
        this.schedule(0);
        break;
    }
  }

  /** The next step in `delayMs`; a step asked for while one runs follows it at once. */
  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.stepping) {
      this.stepAgain = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.step(), delayMs);
    this.timer.unref();
  }

  private step(): void {
    this.stepping = true;
    this.ticking = this.tick()
      .catch((err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        if (message !== this.lastTickError) this.options.say(`kuma-cluster-node: hand-over: ${message}`);
        this.lastTickError = message;
        return this.pollMs;
      })
      .then((next) => {
        this.stepping = false;
        const again = this.stepAgain;
        this.stepAgain = false;
        this.schedule(again ? 0 : next);
      });
  }

  /** One step; resolves with the delay until the next. */
  private async tick(): Promise<number> {
    const now = Date.now();
    if (!this.ready) {
      if ((await this.call("GET", HEALTH_PATH, undefined, HEALTH_TIMEOUT_MS).catch(() => undefined))?.status !== 200) return this.pollMs;
      this.ready = true;
      // Its "Found N monitors to start" line follows within moments of listening; a fork that
      // never says it gets this grace.
      if (this.bootUntilMs === Number.POSITIVE_INFINITY) this.bootUntilMs = this.cronSinceMs = now + BOOT_GRACE_MS;
    }
    if (this.credentials === undefined) {
      if (now - this.credentialsCheckedMs < CREDENTIALS_RETRY_MS) return this.pollMs;
      this.credentialsCheckedMs = now;
      const found = await readCredentials(this.options.db);
      if (typeof found === "string") {
        await this.setMode("timer", `${found}; the node's minute timer applies`);
        return this.pollMs;
      }
      this.credentials = found;
    }
    await this.observe();
    this.lastTickError = "";
    return this.maybeTrigger();
  }

  private announcedIds(started: boolean): Set<number> {
    return new Set([...this.announced].filter(([, a]) => a.started === started).map(([id]) => id));
  }

  /** Reads the assignment and turns what changed into pending work. */
  private async observe(): Promise<void> {
    const now = Date.now();
    for (const [id, a] of this.announced) if (now - a.atMs > ANNOUNCEMENT_TTL_MS) this.announced.delete(id);
    const { db, nodeId } = this.options;
    const { fingerprint, maxId } = await assignmentFingerprint(db, nodeId);
    const before = this.assigned;
    const maxIdBefore = this.maxId;
    if (fingerprint !== this.fingerprint) {
      this.assigned = await assignedMonitors(db, nodeId);
      this.fingerprint = fingerprint;
    }
    this.maxId = maxId;
    const after = this.assigned as Set<number>;
    const observedMs = Date.now();
    // The first reading: the node's start-up read its monitors a moment earlier; one reconcile
    // closes that window (it has little to do: the node runs what it read).
    if (before === undefined) {
      this.pending = mergePending(this.pending, { ...emptyPending(observedMs), initial: true });
      return;
    }
    const change = changeBetween(before, after, maxIdBefore, this.announcedIds(true), this.announcedIds(false));
    if (change.moved.length + change.created.length + change.stops.length === 0) return;
    const pending = emptyPending(observedMs);
    for (const id of change.moved) pending.starts.add(id);
    for (const id of change.created) pending.created.set(id, observedMs + ANNOUNCE_GRACE_MS);
    for (const id of change.stops) {
      pending.stops.add(id);
      const stray = this.announced.get(id);
      if (stray?.started !== true) continue;
      // Handled once, and only after Uptime Kuma's start is done: it logs "Resume Monitor" before
      // it puts the monitor in its running list, and a reconcile that ran in between would not
      // see it there.
      this.announced.delete(id);
      pending.notBeforeMs = Math.max(pending.notBeforeMs, stray.atMs + STRAY_GRACE_MS);
    }
    this.pending = mergePending(this.pending, pending);
  }

  /** Starts the pending reconcile when the rules allow; the delay until the next look. */
  private maybeTrigger(): number {
    this.maybeRecordMinuteRun();
    const pending = this.pending;
    if (pending === undefined || this.inFlight !== undefined) return this.pollMs;
    const now = Date.now();
    if (now < this.bootUntilMs || now < this.retryAfterMs) return this.pollMs;
    // New monitors the node started itself need nothing; the others wait out their grace.
    let waitCreated = 0;
    for (const [id, until] of pending.created) {
      if (this.announced.get(id)?.started === true) pending.created.delete(id);
      else waitCreated = Math.max(waitCreated, until - now);
    }
    if (pending.starts.size + pending.created.size + pending.stops.size === 0 && !pending.initial) {
      this.pending = undefined;
      return this.pollMs;
    }
    const wait = Math.max(waitCreated, pending.notBeforeMs - now);
    if (wait > 0) return Math.min(wait, this.pollMs);
    // The first call also finds out whether the node has a trigger at all: never left to the timer.
    if (!pending.initial && coveredByMinuteRun(pending.observedMs, now, this.cronSinceMs)) {
      this.pending = undefined;
      this.minuteRunToRecord = minuteStart(now);
      return this.pollMs;
    }
    const hold = holdMs(now, expectedRunMs(pending.starts.size + pending.created.size, pending.stops.size), this.lastReconcileLineMs);
    if (hold > 0) return Math.min(hold, this.pollMs);
    this.pending = undefined;
    this.inFlight = this.trigger(pending).finally(() => {
      this.inFlight = undefined;
      this.schedule(0);
    });
    return this.pollMs;
  }

  /** Records the minute's run that took a change over, once it has logged nothing for a while. */
  private maybeRecordMinuteRun(): void {
    const minute = this.minuteRunToRecord;
    if (minute === undefined) return;
    const now = Date.now();
    const lastLine = Math.max(minute, this.lastReconcileLineMs ?? minute);
    if (now - lastLine < 2 * CRON_QUIET_MS) return;
    this.minuteRunToRecord = undefined;
    recordReconcile(this.options.db, this.options.nodeId, now - minute).catch(() => undefined);
  }

  private async trigger(pending: Pending): Promise<void> {
    const credentials = this.credentials as Credentials;
    const started = Date.now();
    let answer: Answer;
    try {
      answer = await this.call("POST", TRIGGER_PATH, mintToken(credentials.secret, credentials.username), TRIGGER_TIMEOUT_MS);
    } catch (err) {
      // The node is restarting or overloaded: try again at the next poll.
      this.pending = mergePending(this.pending, pending);
      this.options.say(`kuma-cluster-node: reconcile trigger failed: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    const tookMs = Date.now() - started;
    const { host, port } = this.options.node;
    if (answer.status === 200) {
      await this.setMode("trigger", `POST ${TRIGGER_PATH} on ${host}:${port} with a token of user ${credentials.username}`);
      await recordReconcile(this.options.db, this.options.nodeId, tookMs).catch(() => undefined);
      return;
    }
    if (answer.status === 404) {
      this.retryAfterMs = Date.now() + NO_TRIGGER_RETRY_MS;
      await this.setMode("timer", `the node has no POST ${TRIGGER_PATH} (404); the node's minute timer applies`);
      return;
    }
    this.pending = mergePending(this.pending, pending);
    if (answer.status === 401 || answer.status === 403) {
      this.credentials = undefined;
      this.retryAfterMs = Date.now() + REFUSED_RETRY_MS;
      await this.setMode(
        "timer",
        `the node refused the token (${answer.status}: ${answer.body.slice(0, 80)}); the node's minute timer applies`,
      );
      return;
    }
    if (answer.status === 429) {
      this.retryAfterMs = Date.now() + RATE_LIMITED_RETRY_MS;
      await this.setMode("timer", `the node's API rate limit refused the call (429); its minute timer applies for now`);
      return;
    }
    this.retryAfterMs = Date.now() + REFUSED_RETRY_MS;
    this.options.say(`kuma-cluster-node: reconcile trigger answered ${answer.status}: ${answer.body.slice(0, 200)}`);
  }

  private async setMode(mode: HandoverMode, detail: string): Promise<void> {
    if (mode === this.mode && detail === this.detail) return;
    this.mode = mode;
    this.detail = detail;
    this.options.say(`kuma-cluster-node: hand-over by ${mode}: ${detail}`);
    await this.writeRow();
  }

  private async writeRow(): Promise<void> {
    try {
      await writeAgent(this.options.db, this.options.nodeId, this.mode, this.detail, this.options.version);
    } catch (err) {
      this.options.say(
        `kuma-cluster-node: cannot write kuma_cluster_agent (run \`kuma-cluster-node migrate\`): ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  /** One HTTP request to the node on its own address. */
  private call(method: "GET" | "POST", path: string, token: string | undefined, timeoutMs: number): Promise<Answer> {
    const { host, port, localAddress } = this.options.node;
    return new Promise((resolve, reject) => {
      const body = method === "POST" ? "{}" : undefined;
      const req = http.request(
        {
          host,
          port,
          localAddress,
          method,
          path,
          agent: false,
          headers: {
            ...(token !== undefined ? { Authorization: `Bearer ${token}` } : {}),
            ...(body !== undefined ? { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
          res.on("error", reject);
        },
      );
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer from ${host}:${port}${path} within ${timeoutMs} ms`)));
      req.on("error", reject);
      req.end(body);
    });
  }
}
