// A version number in a shared dict that every request consults (the snapshot's, the health
// verdicts'). Read from shared memory at most once per tick of nginx's cached clock (1 ms) in
// each worker: a dict get takes the zone's lock, the clock read does not. Another worker's
// change is seen within that tick; this worker's own changes at once (touch()).

export class VersionWatch {
  private checkedAt = -1;
  private value = 0;

  constructor(
    private readonly dict: NgxShDict,
    private readonly key: string,
  ) {}

  /** The version (0 before the first one). */
  read(): number {
    const now = ngx.now();
    if (now !== this.checkedAt) {
      this.checkedAt = now;
      const [v] = this.dict.get(this.key);
      this.value = typeof v === "number" ? v : 0;
    }
    return this.value;
  }

  /** This worker moved the version: the next read goes to shared memory. */
  touch(): void {
    this.checkedAt = -1;
  }
}
