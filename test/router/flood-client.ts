// The flood of flood.test.ts, in a process of its own so that its work does not queue behind
// the measurements: GET each path of a run of well-formed unknown push tokens and badge ids,
// CONCURRENCY at a time over keep-alive connections. Prints one JSON line: statuses, the
// X-Routed-Via values and how long it took.
//   node flood-client.js BASE_URL COUNT CONCURRENCY PREFIX FIRST_ID
import http from "node:http";

export interface FloodResult {
  requests: number;
  statuses: Record<string, number>;
  via: Record<string, number>;
  errors: string[];
  durationMs: number;
}

/** Well-formed unknown keys: half push tokens (at most 32 characters), half badge ids. */
export function floodPath(i: number, prefix: string, firstId: number): string {
  return i % 2 === 0 ? `/api/push/${prefix}${i}` : `/api/badge/${firstId + i}/status`;
}

async function main(): Promise<void> {
  const [base, countText, concurrencyText, prefix, firstIdText] = process.argv.slice(2);
  const count = Number(countText);
  const concurrency = Number(concurrencyText);
  const firstId = Number(firstIdText);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const result: FloodResult = { requests: 0, statuses: {}, via: {}, errors: [], durationMs: 0 };
  let next = 0;
  const started = Date.now();
  const one = (path: string): Promise<void> =>
    new Promise((resolve) => {
      const req = http.get(`${base}${path}`, { agent }, (res) => {
        res.resume();
        res.on("end", () => {
          result.statuses[String(res.statusCode)] = (result.statuses[String(res.statusCode)] ?? 0) + 1;
          const via = String(res.headers["x-routed-via"]);
          result.via[via] = (result.via[via] ?? 0) + 1;
          resolve();
        });
      });
      req.on("error", (e) => {
        if (result.errors.length < 10) result.errors.push(`${path}: ${e.message}`);
        resolve();
      });
    });
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      await one(floodPath(i, prefix, firstId));
      result.requests++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  result.durationMs = Date.now() - started;
  agent.destroy();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (require.main === module) void main();
