// `make bench`: the router against plain nginx proxy_pass, same nginx binary, same backends,
// same worker count, runs interleaved (plain, router, plain, router, ...) per request class.
// The backends are one tiny nginx answering `return 200` on three node addresses, so the proxy
// layer is what is measured. Everything stays on loopback. Tables on stdout (and
// $BENCH_DIR/results.md), progress on stderr; docs/benchmarks.md records runs and explains the
// columns.
//
//   BENCH_DURATION     seconds per run (default 4)
//   BENCH_ROUNDS       runs per setup and class (default 3)
//   BENCH_CONNECTIONS  wrk connections (default 32)
//   BENCH_WORKERS      worker_processes of both proxies (default 1)
//   BENCH_PROFILE=0    skip the phase profile (router variants: phases removed, Lua floor, JIT)
//   BENCH_PROFILE_DURATION  seconds per profile variant (default 3)
//   BENCH_METRICS=0    skip the metrics cost (the router with ROUTER_METRICS=false beside it)
//   BENCH_CALLGRIND=1  also count instructions per request under callgrind (about 2 more minutes)
//   KEEP_BENCH_DIR=1   keep the scratch folder (logs, configs, raw wrk output)
// CPU layout on a 2-core machine: the proxy under test on CPU 0; wrk and the backends on CPU 1.
import { type ChildProcess } from "node:child_process";
import {
  appendFileSync,
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism } from "node:os";
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
  NGINX_BIN,
  renderTemplate,
  requireTools,
  ROOT,
  routerEnv as routerEnvOf,
  run,
  startNginx as startNginxOn,
  stopNginx,
} from "./common";
import { MysqlTap } from "./mysql-tap";
import { callgrindTable, mainTables, metricsTable, parseWrk, profileTable, traceAborts, type CallgrindCount, type Run } from "./stats";
import {
  applyEdits,
  callgrindVariants,
  CLASSES,
  METRICS_CLASSES,
  NO_LUA,
  profileVariants,
  type ConfigVariant,
  type RequestClass,
} from "./variants";

const TOKENS = 300;

const DURATION = envNumber("BENCH_DURATION", 4);
const ROUNDS = envNumber("BENCH_ROUNDS", 3);
const CONNECTIONS = envNumber("BENCH_CONNECTIONS", 32);
const WORKERS = envNumber("BENCH_WORKERS", 1);
const PROFILE_DURATION = envNumber("BENCH_PROFILE_DURATION", 3);
const twoCores = availableParallelism() >= 2;
const PROXY_CPU = "0";
const LOAD_CPU = twoCores ? "1" : "0";

const log = logger("bench");

/** The proxies under test run on PROXY_CPU unless told otherwise. */
function startNginx(
  args: string[],
  options: { env?: NodeJS.ProcessEnv; stderrFile: string; cpu?: string; command?: string[] },
): ChildProcess {
  return startNginxOn(args, { ...options, cpu: options.cpu ?? PROXY_CPU });
}

/** utime + stime of a master's workers, in clock ticks. */
async function workerTicks(master: number): Promise<number> {
  let children: string[];
  try {
    children = (await run("pgrep", ["-P", String(master)])).stdout.split(/\s+/).filter(Boolean);
  } catch {
    children = [];
  }
  let total = 0;
  for (const pid of children) {
    // Fields after the command name, which is in parentheses: utime and stime are fields 14 and 15.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    total += Number(fields[11]) + Number(fields[12]);
  }
  return total;
}

async function comSelect(): Promise<number> {
  const out = await admin(["-N", "-e", "SHOW GLOBAL STATUS LIKE 'Com_select'"]);
  return Number(out.trim().split(/\s+/)[1]);
}

async function main(): Promise<void> {
  await requireTools("bench", ["wrk", "taskset", "mariadb", "pgrep"]);
  const clockTicks = Number((await run("getconf", ["CLK_TCK"])).stdout.trim());

  const dir = mkdtempSync("/tmp/kuma-bench.");
  for (const sub of ["backend/tmp", "plain/tmp", "router", "wrk"]) mkdirSync(join(dir, sub), { recursive: true });
  // A third octet of our own, so a concurrent test run's node addresses (127.1.x.y) never clash.
  const octet = process.pid % 250;
  const backends = [1, 2, 3].map((i) => `127.4.${octet}.${i}`);
  const dbName = `kuma_bench_${process.pid}`;
  let dbCreated = false;
  let tap: MysqlTap | undefined;
  let dns: Awaited<ReturnType<typeof startDnsServerProcess>> | undefined;

  const cleanup = cleanupOnExit(dir, log, async () => {
    await dns?.process.stop();
    await tap?.stop();
    if (dbCreated) await dropDatabase(dbName);
  });

  try {
    // --- the database: three nodes, 300 push monitors spread over them, setup complete ----------
    const dbPassword = await createDatabase(dbName);
    dbCreated = true;
    const sql = [
      ...[1, 2, 3].map(
        (i) =>
          `INSERT INTO node (node_id, node_name, host, status, active, is_primary, last_seen) VALUES ('node${i}', 'node${i}', 'uptime-kuma-node${i}:3001', 'online', 1, ${i === 1 ? 1 : 0}, UTC_TIMESTAMP());`,
      ),
      ...Array.from(
        { length: TOKENS },
        (_, k) =>
          `INSERT INTO monitor (id, name, active, type, push_token, node_id) VALUES (${k + 1}, 'bench', 1, 'push', 'bench-tok-${k + 1}', 'node${(k % 3) + 1}');`,
      ),
      "INSERT INTO `user` (username) VALUES ('admin');",
    ].join("\n");
    await admin([dbName], sql);

    // --- helpers: DNS for the node names, the MySQL tap, the backends ----------------------------
    dns = await startDnsServerProcess(
      { host: "127.0.0.1", port: 0 },
      backends.map((address, i) => ({ name: `uptime-kuma-node${i + 1}`, addresses: [address] })),
    );
    tap = new MysqlTap({ host: db.host, port: Number(db.port) });
    const tapAddress = await tap.start({ host: "127.0.0.1", port: 0 });

    const renderEnv = {
      ...process.env,
      BENCH_DIR: dir,
      BENCH_WORKERS: String(WORKERS),
      BACKEND_1: backends[0],
      BACKEND_2: backends[1],
      BACKEND_3: backends[2],
      PLAIN_LISTEN: `127.0.0.1:${await findFreePort()}`,
    };
    writeFileSync(join(dir, "backend", "nginx.conf"), await renderTemplate(join(ROOT, "bench", "backend.conf.template"), renderEnv));
    startNginx(["-p", join(dir, "backend"), "-c", join(dir, "backend", "nginx.conf")], {
      stderrFile: join(dir, "backend", "stderr.log"),
      cpu: LOAD_CPU,
    });
    await waitForPort(backends[2], 3001, { timeoutMs: 10_000 });

    // --- the two proxies, both on PROXY_CPU with BENCH_WORKERS workers --------------------------
    writeFileSync(join(dir, "plain", "nginx.conf"), await renderTemplate(join(ROOT, "bench", "plain.conf.template"), renderEnv));
    let plain = startNginx(["-p", join(dir, "plain"), "-c", join(dir, "plain", "nginx.conf")], {
      stderrFile: join(dir, "plain", "stderr.log"),
    });
    const plainListen = renderEnv.PLAIN_LISTEN;

    const routerEnv = (prefix: string, listen: string, status: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv =>
      routerEnvOf({
        prefix,
        listen,
        status,
        workers: WORKERS,
        project: "kuma-bench",
        dns: `${dns!.address.host}:${dns!.address.port}`,
        database: { host: tapAddress.host, port: String(tapAddress.port), name: dbName, password: dbPassword },
        extra,
      });
    const routerListen = `127.0.0.1:${await findFreePort()}`;
    const routerStatus = `127.0.0.1:${await findFreePort()}`;
    const routerPrefix = join(dir, "router");
    const env = routerEnv(routerPrefix, routerListen, routerStatus);

    /** The router routes once it has read the registry and its probes call the nodes up. */
    const routerReady = async (listen: string, status: string): Promise<void> => {
      const [host, port] = listen.split(":");
      await waitForPort(host, Number(port), { timeoutMs: 10_000 });
      let body = "";
      for (let i = 0; i < 100; i++) {
        body = await httpGet(`http://${status}/lb/status`).then(
          (r) => r.body,
          () => "",
        );
        if ((body.match(/"health":"up"/g) ?? []).length >= 3) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`bench: the router never saw three healthy nodes:\n${body}`);
    };

    let router = startNginx([], { env, stderrFile: join(routerPrefix, "stderr.log"), command: [join(ROOT, "scripts", "router.sh")] });
    const [plainHost, plainPort] = plainListen.split(":");
    await waitForPort(plainHost, Number(plainPort), { timeoutMs: 10_000 });
    await routerReady(routerListen, routerStatus);

    // Sanity: each class is routed as intended before anything is measured.
    const check = async (
      what: string,
      ok: (headers: Headers) => boolean,
      path: string,
      headers: Record<string, string> = {},
    ): Promise<void> => {
      const answer = await httpGet(`http://${routerListen}${path}`, headers);
      if (!ok(answer.headers))
        throw new Error(`bench: ${what}: not routed as intended (${answer.status}, ${JSON.stringify([...answer.headers])})`);
    };
    await check("pinned browser", (h) => h.get("x-routed-via") === "fixed-node", "/", { Cookie: "KUMA_FIXED_NODE=node2" });
    await check("push by token", (h) => h.get("x-routed-via") === "owner", "/api/push/bench-tok-2");
    await check("new session", (h) => (h.get("set-cookie") ?? "").startsWith("KUMA_FIXED_NODE=node"), "/");

    // --- measurement ------------------------------------------------------------------------------
    const runs: Run[] = [];
    const classByName = new Map(CLASSES.map((c) => [c.name, c]));
    const wrk = async (klass: RequestClass, url: string, seconds: number, connections: number, out: string): Promise<string> => {
      const args = ["-c", LOAD_CPU, "wrk", "-t1", `-c${connections}`, `-d${seconds}s`, "--latency", ...klass.wrkArgs(ROOT), url];
      const { stdout } = await run("taskset", args, { env: { ...process.env, BENCH_TOKENS: String(TOKENS) } });
      writeFileSync(out, stdout);
      return stdout;
    };
    const target = (setup: string): { url: string; master: ChildProcess } =>
      setup === "plain"
        ? { url: `http://${plainListen}/`, master: plain }
        : setup === "metrics-off"
          ? { url: `http://${noMetrics.listen}/`, master: noMetrics.master! }
          : { url: `http://${routerListen}/`, master: router };
    const noMetrics: { listen: string; master?: ChildProcess } = { listen: "" };

    const measure = async (klassName: string, setup: string, round: string, seconds = DURATION): Promise<void> => {
      const klass = classByName.get(klassName)!;
      const { url, master } = target(setup);
      const [t0, c0, s0] = [await workerTicks(master.pid!), await comSelect(), tap!.stats()];
      const output = await wrk(klass, url, seconds, CONNECTIONS, join(dir, "wrk", `${klassName}-${setup}-${round}.txt`));
      const [t1, c1, s1] = [await workerTicks(master.pid!), await comSelect(), tap!.stats()];
      if (round === "warmup") return;
      const figures = parseWrk(output);
      runs.push({
        klass: klassName,
        setup,
        round,
        ...figures,
        rps: Math.round(figures.rps),
        ticks: t1 - t0,
        comSelect: c1 - c0,
        lookups: s1.byKind.lookup - s0.byKind.lookup,
        sync: s1.byKind.sync - s0.byKind.sync,
        background: s1.byKind.background - s0.byKind.background,
      });
      log(`${klassName}\t${setup}\t${round}\t${figures.requests}\t${Math.round(figures.rps)}\t${figures.p50Ms.toFixed(3)}`);
    };

    const results = join(dir, "results.md");
    const print = (lines: string[]): void => {
      const text = `${lines.join("\n")}\n`;
      process.stdout.write(text);
      appendFileSync(results, text);
    };

    log(
      `${ROUNDS} rounds x ${DURATION}s per setup and class, ${CONNECTIONS} connections, ${WORKERS} worker(s) on CPU ${PROXY_CPU}, wrk + backends on CPU ${LOAD_CPU}`,
    );
    await measure("pinned", "plain", "warmup", 2);
    await measure("pinned", "router", "warmup", 2);
    for (const klass of CLASSES) {
      for (let round = 1; round <= ROUNDS; round++) {
        for (const setup of ["plain", "router"]) await measure(klass.name, setup, String(round));
      }
    }
    const labels = Object.fromEntries(CLASSES.map((c) => [c.name, c.label]));
    print(mainTables(runs, { clockTicks, durationS: DURATION, workers: WORKERS, labels }));

    // --- metrics cost: a second router with ROUTER_METRICS=false, interleaved with the one above --
    if (process.env.BENCH_METRICS !== "0") {
      noMetrics.listen = `127.0.0.1:${await findFreePort()}`;
      const status = `127.0.0.1:${await findFreePort()}`;
      const prefix = join(dir, "router-nometrics");
      mkdirSync(prefix);
      noMetrics.master = startNginx([], {
        env: routerEnv(prefix, noMetrics.listen, status, { ROUTER_METRICS: "false" }),
        stderrFile: join(prefix, "stderr.log"),
        command: [join(ROOT, "scripts", "router.sh")],
      });
      await routerReady(noMetrics.listen, status);
      process.stderr.write("\n");
      log("metrics cost (ROUTER_METRICS=false vs true, interleaved)");
      for (const klass of METRICS_CLASSES) {
        await measure(klass, "metrics-off", "warmup", 2);
        for (let round = 1; round <= ROUNDS; round++) {
          for (const setup of ["metrics-off", "router"]) await measure(klass, setup, `metrics-${round}`);
        }
      }
      print(["", ...metricsTable(runs, clockTicks)]);
      await stopNginx(noMetrics.master);
    }

    // Router variants run from a scratch copy of the rendered config, edited line by line.
    const conf = join(routerPrefix, "conf");
    const original = { public: join(dir, "public.conf.orig"), http: join(dir, "http.conf.orig") };
    if (!existsSync(original.public)) copyFileSync(join(conf, "public.conf"), original.public);
    if (!existsSync(original.http)) copyFileSync(join(conf, "http.conf"), original.http);
    const writeVariant = (variant: ConfigVariant): void => {
      writeFileSync(join(conf, "public.conf"), applyEdits(readFileSync(original.public, "utf8"), variant.publicConf));
      writeFileSync(join(conf, "http.conf"), applyEdits(readFileSync(original.http, "utf8"), variant.httpConf));
    };
    const jitDir = readdirSync("/usr/share")
      .filter((name) => name.startsWith("luajit-2.1"))
      .map((name) => join("/usr/share", name))[0];
    const context = { backend2: backends[1], jitDir, jitLog: join(dir, "jit", "jit.log") };

    // --- phase profile: what each Lua phase costs, from router variants with phases removed -------
    // Each variant serves the pinned class once and is compared by worker CPU per request.
    if (process.env.BENCH_PROFILE !== "0") {
      // The workers run as nobody: the trace log goes to a folder they may write.
      chmodSync(dir, 0o755);
      mkdirSync(join(dir, "jit"), { mode: 0o1777 });
      chmodSync(join(dir, "jit"), 0o1777);
      process.stderr.write("\n");
      log("phase profile (pinned class, router variants)");
      for (const variant of profileVariants(context)) {
        await stopNginx(router);
        writeVariant(variant);
        router = startNginx(["-p", routerPrefix, "-c", join(conf, "nginx.conf")], { env, stderrFile: join(routerPrefix, "stderr.log") });
        await routerReady(routerListen, routerStatus);
        await measure("pinned", "router", "warmup", 1);
        await measure("pinned", "router", `profile-${variant.name}`, PROFILE_DURATION);
      }
      print(["", ...profileTable(runs, clockTicks, NO_LUA)]);
      const jitLog = existsSync(context.jitLog) ? readFileSync(context.jitLog, "utf8") : "";
      if (jitLog !== "") {
        print([
          "",
          "LuaJIT trace aborts during one pinned run (jit.v; count, reason):",
          ...traceAborts(jitLog).map(({ count, reason }) => `${String(count).padStart(7)} ${reason}`),
          "(full log: $BENCH_DIR/jit/jit.log with KEEP_BENCH_DIR=1)",
        ]);
      }
    }

    // --- instructions per request (BENCH_CALLGRIND=1): exact where the timings above are noisy ----
    // Each setup runs alone under callgrind as a single process (master_process off), on the same
    // addresses, after the measurement above. Counts are user-space instructions (the kernel's
    // share is not in them) per request after a warm-up, so they compare code paths, not machines.
    if (process.env.BENCH_CALLGRIND === "1") {
      await run("sh", ["-c", "command -v valgrind"]).catch(() => {
        throw new Error("bench: BENCH_CALLGRIND=1 needs valgrind");
      });
      await Promise.all([stopNginx(router), stopNginx(plain)]);
      const cg = join(dir, "cg");
      mkdirSync(cg, { mode: 0o1777 });
      chmodSync(cg, 0o1777);
      const singleProcess = (file: string, to: string): void => writeFileSync(to, `master_process off;\n${readFileSync(file, "utf8")}`);
      singleProcess(join(conf, "nginx.conf"), join(conf, "nginx.conf"));
      singleProcess(join(dir, "plain", "nginx.conf"), join(dir, "plain", "nginx-cg.conf"));
      process.stderr.write("\n");
      log("instructions per request (callgrind, one process per setup)");
      const counts: CallgrindCount[] = [];
      const callgrind = ["valgrind", "--tool=callgrind", `--callgrind-out-file=${cg}/out.%p`];
      const dumpTotal = async (master: ChildProcess, dump: string): Promise<number> => {
        await run("callgrind_control", ["-d", String(master.pid)]);
        for (let i = 0; i < 50; i++) {
          const totals = existsSync(dump) ? /^totals: (\d+)/m.exec(readFileSync(dump, "utf8")) : null;
          if (totals) return Number(totals[1]);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return NaN;
      };
      const countClasses = async (setup: string, master: ChildProcess, url: string): Promise<void> => {
        let dumps = 0;
        const measured: CallgrindCount[] = [];
        for (const klass of CLASSES) {
          await wrk(klass, url, 3, 4, "/dev/null");
          await run("callgrind_control", ["-z", String(master.pid)]);
          const output = await wrk(klass, url, 4, 4, join(cg, `${setup}-${klass.name}.txt`));
          const instructions = await dumpTotal(master, join(cg, `out.${master.pid}.${++dumps}`));
          const { requests } = parseWrk(output);
          measured.push({ setup, klass: klass.name, requests, instructions, idle: 0 });
          log(`callgrind ${setup} ${klass.name}: ${requests} requests, ${Math.floor(instructions / requests)} instructions per request`);
        }
        // The same 4 seconds without requests: the timers' work (prober, writer, flushes), which
        // runs by the clock and so weighs far more per request under callgrind than at full speed.
        await run("callgrind_control", ["-z", String(master.pid)]);
        await new Promise((resolve) => setTimeout(resolve, 4000));
        const idle = await dumpTotal(master, join(cg, `out.${master.pid}.${++dumps}`));
        log(`callgrind ${setup} idle: ${idle} instructions in 4 s`);
        for (const m of measured) counts.push({ ...m, idle });
      };
      for (const variant of callgrindVariants(context)) {
        writeVariant(variant);
        // A sync interval of a minute keeps the background statements out of the counts.
        const master = startNginx([], {
          env: { ...env, ROUTER_SYNC_INTERVAL: "60" },
          stderrFile: join(routerPrefix, "callgrind.log"),
          command: [
            ...callgrind.slice(0, 2),
            "--smc-check=all-non-file",
            callgrind[2],
            NGINX_BIN,
            "-p",
            routerPrefix,
            "-c",
            join(conf, "nginx.conf"),
          ],
        });
        await routerReady(routerListen, routerStatus);
        await countClasses(variant.name, master, `http://${routerListen}/`);
        await stopNginx(master);
      }
      plain = startNginx([], {
        stderrFile: join(dir, "plain", "callgrind.log"),
        command: [...callgrind, NGINX_BIN, "-p", join(dir, "plain"), "-c", join(dir, "plain", "nginx-cg.conf")],
      });
      await waitForPort(plainHost, Number(plainPort), { timeoutMs: 30_000 });
      await countClasses("plain", plain, `http://${plainListen}/`);
      await stopNginx(plain);
      print([
        "",
        ...callgrindTable(
          counts,
          CLASSES.map((c) => c.name),
          false,
        ),
        "",
        ...callgrindTable(
          counts,
          CLASSES.map((c) => c.name),
          true,
        ),
      ]);
    }

    writeFileSync(join(dir, "runs.json"), `${JSON.stringify(runs, null, 1)}\n`);
    process.stdout.write("\n");
    log(
      `per-run numbers in ${join(dir, "runs.json")} (KEEP_BENCH_DIR=1 keeps them); Com_select counts every client of the server, the tap only this router's statements`,
    );
    const errors = errorLines(join(routerPrefix, "error.log"));
    if (errors.length > 0) log(`the router logged errors:\n${errors.join("\n")}`);
  } finally {
    await cleanup();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
