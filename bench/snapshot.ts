// `make bench-snapshot`: snapshot at scale (docs/benchmarks.md, "Snapshot at scale"), 100,000
// monitors on 100 nodes in a private database. About 7 minutes; not part of `make test`.
//
// First inside the specs' nginx (spec/bench/snapshot_bench.lua, run by scripts/run-specs.sh): a
// full sync, a worker's load of it, single monitor changes (sync and worker apply), shared-dict
// and worker memory. Then the change burst on a real router: wrk sending routed push requests
// (GET /api/push/<token>, every token known), once without any change and once with one monitor
// change per second (its owner moves), BURST_SECONDS each, interleaved BURST_ROUNDS times; then
// the machine's floor, the same wrk load on the stand-in node's nginx directly. Prints p50, p99
// and max of each run.
//
//   BURST=0            skip the burst (only the first part)
//   BURST_SECONDS      seconds per run (default 30)
//   BURST_ROUNDS       runs per setup (default 1)
//   BURST_CONNECTIONS  wrk connections (default 8)
//   BURST_WORKERS      the router's worker_processes (default 2)
//   BURST_FLOOR=0      skip the floor runs
//   KEEP_BENCH_DIR=1   keep the scratch folder (logs, configs, raw wrk output)
// Exit code: 0 when the budgets of the first part hold and the burst ran.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startDnsServerProcess } from "../harness/cli-processes";
import { findFreePort, waitForPort } from "../harness/processes";
import {
  admin,
  cleanupOnExit,
  createDatabase,
  db,
  dropDatabase,
  envNumber,
  errorLines,
  httpGet,
  logger,
  renderTemplate,
  requireTools,
  ROOT,
  routerEnv,
  run,
  sleep,
  startNginx,
} from "./common";
import { burstLine, parseWrk, wrkMaxMs, type BurstRun } from "./stats";

const log = logger("bench-snapshot");
const NODES = 100;
const MONITORS = 100_000;

/** The first part: the busted bench in the specs' nginx; its exit code says whether the budgets held. */
function specPart(): Promise<number> {
  return new Promise((resolve, reject) => {
    // run-specs.sh's default pattern (_spec) skips *_bench.lua files.
    const env = { ...process.env, SPEC_PATTERN: "snapshot_bench", SPEC_LOG_LEVEL: process.env.SPEC_LOG_LEVEL ?? "warn" };
    const child = spawn(join(ROOT, "scripts", "run-specs.sh"), [], { env, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function burst(): Promise<void> {
  const seconds = envNumber("BURST_SECONDS", 30);
  const rounds = envNumber("BURST_ROUNDS", 1);
  const connections = envNumber("BURST_CONNECTIONS", 8);
  const workers = envNumber("BURST_WORKERS", 2);
  await requireTools("bench-snapshot", ["wrk", "mariadb"]);

  const dir = mkdtempSync("/tmp/kuma-burst.");
  for (const sub of ["backend/tmp", "router", "wrk"]) mkdirSync(join(dir, sub), { recursive: true });
  // A third octet of our own, apart from make bench's 127.4.x.y and the suites' 127.1.x.y.
  const octet = (process.pid + 7) % 250;
  const backends = [1, 2, 3].map((i) => `127.5.${octet}.${i}`);
  const dbName = `kuma_burst_${process.pid}`;
  let dbCreated = false;
  let dns: Awaited<ReturnType<typeof startDnsServerProcess>> | undefined;
  let changer: { stop: () => Promise<void> } | undefined;

  const cleanup = cleanupOnExit(dir, log, async () => {
    await changer?.stop();
    await dns?.process.stop();
    if (dbCreated) await dropDatabase(dbName);
  });

  try {
    // --- the database: 100 nodes on three addresses, 100,000 push monitors ----------------------
    const dbPassword = await createDatabase(dbName);
    dbCreated = true;
    await admin(
      [dbName],
      `INSERT INTO node (node_id, node_name, host, status, active, is_primary, last_seen)
  SELECT CONCAT('node', seq), CONCAT('node', seq), CONCAT('uptime-kuma-node', 1 + seq % 3, ':3001'), 'online', 1, seq = 1, UTC_TIMESTAMP()
  FROM seq_1_to_${NODES};
INSERT INTO monitor (id, name, active, type, push_token, node_id, assigned_node)
  SELECT seq, CONCAT('monitor ', seq), 1, 'push', CONCAT('bench-tok-', seq), CONCAT('node', 1 + seq % ${NODES}),
    IF(seq % 20 = 0, CONCAT('node', 1 + (seq + 1) % ${NODES}), NULL)
  FROM seq_1_to_${MONITORS};
INSERT INTO \`user\` (username) VALUES ('admin');
`,
    );

    dns = await startDnsServerProcess(
      { host: "127.0.0.1", port: 0 },
      backends.map((address, i) => ({ name: `uptime-kuma-node${i + 1}`, addresses: [address] })),
    );
    const renderEnv = { ...process.env, BENCH_DIR: dir, BACKEND_1: backends[0], BACKEND_2: backends[1], BACKEND_3: backends[2] };
    writeFileSync(join(dir, "backend", "nginx.conf"), await renderTemplate(join(ROOT, "bench", "backend.conf.template"), renderEnv));
    startNginx(["-p", join(dir, "backend"), "-c", join(dir, "backend", "nginx.conf")], { stderrFile: join(dir, "backend", "stderr.log") });
    await waitForPort(backends[2], 3001, { timeoutMs: 10_000 });

    const listen = `127.0.0.1:${await findFreePort()}`;
    const status = `127.0.0.1:${await findFreePort()}`;
    const prefix = join(dir, "router");
    const env = routerEnv({
      prefix,
      listen,
      status,
      workers,
      project: "kuma-burst",
      dns: `${dns.address.host}:${dns.address.port}`,
      database: { host: db.host, port: db.port, name: dbName, password: dbPassword },
      extra: { ROUTER_SYNC_INTERVAL: "1" },
    });
    startNginx([], { env, stderrFile: join(prefix, "stderr.log"), command: [join(ROOT, "scripts", "router.sh")] });
    const [host, port] = listen.split(":");
    await waitForPort(host, Number(port), { timeoutMs: 30_000 });
    let code = 0;
    for (let i = 0; i < 300 && code !== 200; i++) {
      code = await httpGet(`http://${listen}/api/push/bench-tok-7`).then(
        (r) => r.status,
        () => 0,
      );
      if (code !== 200) await sleep(100);
    }
    if (code !== 200)
      throw new Error(
        `bench-snapshot: the router never routed a push (last answer ${code})\n${errorLines(join(prefix, "error.log"), 20).join("\n")}`,
      );

    // One monitor change per second: a different monitor's owner moves each time.
    const startChanges = (): { stop: () => Promise<void> } => {
      let stopped = false;
      let i = 0;
      const loop = (async () => {
        while (!stopped) {
          i += 1;
          const sql = `UPDATE monitor SET assigned_node = IF(assigned_node IS NULL, 'node${1 + (i % NODES)}', NULL) WHERE id = ${1 + ((i * 7919) % MONITORS)}`;
          await admin([dbName, "-e", sql]);
          for (let t = 0; t < 10 && !stopped; t++) await sleep(100);
        }
      })();
      return {
        stop: async () => {
          stopped = true;
          await loop.catch(() => undefined);
        },
      };
    };

    const wrk = async (url: string, secondsOfRun: number): Promise<string> => {
      const args = ["-t1", `-c${connections}`, `-d${secondsOfRun}s`, "--latency", "-s", join(ROOT, "bench", "push.lua"), url];
      return (await run("wrk", args, { env: { ...process.env, BENCH_TOKENS: String(MONITORS) }, maxBuffer: 1 << 20 })).stdout;
    };
    const runs: BurstRun[] = [];
    const measure = async (setup: string, round: number): Promise<void> => {
      // The machine's floor: the same load on the stand-in node's nginx itself, no router, no Lua.
      const url = setup === "floor" ? `http://${backends[0]}:3001/` : `http://${listen}/`;
      if (setup === "changes") changer = startChanges();
      let output: string;
      try {
        output = await wrk(url, seconds);
      } finally {
        await changer?.stop();
        changer = undefined;
      }
      writeFileSync(join(dir, "wrk", `${setup}-${round}.txt`), output);
      const result: BurstRun = { setup, ...parseWrk(output), maxMs: wrkMaxMs(output) };
      runs.push(result);
      process.stdout.write(`bench-snapshot: ${burstLine(result)}\n`);
    };

    log(
      `change burst: ${workers} workers, ROUTER_SYNC_INTERVAL=1, wrk ${connections} connections on /api/push/<token>, ${seconds}s per run`,
    );
    await wrk(`http://${listen}/`, 3);
    for (let round = 1; round <= rounds; round++) {
      await measure("none", round);
      await measure("changes", round);
      if (process.env.BURST_FLOOR !== "0") await measure("floor", round);
    }
    writeFileSync(join(dir, "runs.json"), `${JSON.stringify(runs, null, 1)}\n`);
    const errors = errorLines(join(prefix, "error.log"), 3);
    if (errors.length > 0) log(`the router logged errors:\n${errors.join("\n")}`);
  } finally {
    await cleanup();
  }
}

async function main(): Promise<void> {
  const status = await specPart();
  if (process.env.BURST !== "0") await burst();
  process.exit(status);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
