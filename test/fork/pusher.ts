// Pushes as a monitored job sends them: every second, one per push token, through a router's
// public listener, for as long as a scenario runs. A push is refused when the answer is not
// 200 with {"ok":true} (a 5xx, a 404 for a monitor no node knows, a connection error).
export interface PushOutcome {
  at: number;
  router: string;
  token: string;
  status: number;
  routedTo: string;
  via: string;
  body: string;
}

export class Pusher {
  readonly outcomes: PushOutcome[] = [];
  private timer: NodeJS.Timeout | undefined;
  private inFlight = new Set<Promise<void>>();

  /** `routers`: name -> public URL. */
  constructor(
    private readonly routers: Record<string, string>,
    private readonly tokens: readonly string[],
    private readonly everyMs = 1000,
  ) {}

  start(): void {
    const tick = (): void => {
      for (const [router, url] of Object.entries(this.routers)) for (const token of this.tokens) this.track(this.push(router, url, token));
    };
    tick();
    this.timer = setInterval(tick, this.everyMs);
  }

  private track(p: Promise<void>): void {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  private async push(router: string, url: string, token: string): Promise<void> {
    const at = Date.now();
    try {
      const res = await fetch(`${url}/api/push/${token}?status=up&msg=pusher`, { signal: AbortSignal.timeout(10_000) });
      const body = await res.text();
      this.outcomes.push({
        at,
        router,
        token,
        status: res.status,
        routedTo: res.headers.get("x-routed-to") ?? "",
        via: res.headers.get("x-routed-via") ?? "",
        body,
      });
    } catch (err) {
      this.outcomes.push({ at, router, token, status: 0, routedTo: "", via: "", body: err instanceof Error ? err.message : String(err) });
    }
  }

  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    await Promise.all([...this.inFlight]);
  }

  refused(): PushOutcome[] {
    return this.outcomes.filter((o) => o.status !== 200 || o.body !== '{"ok":true}');
  }

  /**
   * Refused by the node's own statistics, not by the router: Uptime Kuma keeps each monitor's
   * current stat_daily/hourly/minutely row in its process, so two nodes taking pushes for one
   * monitor at once (one per world during a cut-over) may both insert the same row; the loser
   * answers 404 {"ok":false} "Duplicate entry" for that row until the period ends.
   */
  static statRace(o: PushOutcome): boolean {
    return o.status === 404 && /^\{"ok":false,"msg":"insert into `stat_(daily|hourly|minutely)`.*Duplicate entry/.test(o.body);
  }

  /** Pushes per router, per X-Routed-Via (empty: the owner). */
  summary(): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const o of this.outcomes) {
      const r = (out[o.router] ??= {});
      const key = o.status === 200 ? o.via || "owner" : `status ${o.status}`;
      r[key] = (r[key] ?? 0) + 1;
    }
    return out;
  }
}
