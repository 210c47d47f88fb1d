// The benchmark's arithmetic and config edits (bench/stats.ts, bench/variants.ts), without a
// benchmark: a wrong median or a variant that leaves a Lua phase in place would only show as
// odd numbers in `make bench`.
import assert from "node:assert/strict";
import { test } from "node:test";
import { burstLine, latencyMs, mainTables, median, parseWrk, profileTable, traceAborts, wrkMaxMs, type Run } from "../../bench/stats";
import { applyEdits, callgrindVariants, NO_LUA, profileVariants } from "../../bench/variants";

const WRK = `Running 4s test @ http://127.0.0.1:20001/
  1 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   812.00us  100.00us   1.20ms   90.00%
  Latency Distribution
     50%  750.00us
     75%    1.00ms
     90%    1.10ms
     99%    1.05s
  120000 requests in 4.00s, 20.00MB read
  Non-2xx or 3xx responses: 7
Requests/sec:  30000.50
Transfer/sec:      5.00MB
`;

test("wrk's report: requests, rate, percentiles in ms, bad answers", () => {
  assert.deepEqual(parseWrk(WRK), { requests: 120000, rps: 30000.5, p50Ms: 0.75, p99Ms: 1050, bad: 7 });
  assert.equal(latencyMs("2.5ms"), 2.5);
  assert.throws(() => latencyMs("fast"), /not a number/);
  assert.throws(() => parseWrk("connection refused"), /not a wrk report/);
});

test("wrk's maximum latency and the snapshot bench's burst line", () => {
  assert.equal(wrkMaxMs(WRK), 1.2);
  assert.ok(Number.isNaN(wrkMaxMs("connection refused")));
  const line = burstLine({ setup: "changes", ...parseWrk(WRK), maxMs: wrkMaxMs(WRK) });
  assert.equal(line, "burst changes    requests 120000, p50 0.75 ms, p99 1050.00 ms, max 1.2 ms, non-2xx 7");
});

test("median of odd and even counts, unsorted input", () => {
  assert.equal(median([0.9, 0.7, 0.8]), 0.8);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.throws(() => median([]));
});

function run(klass: string, setup: string, round: string, rps: number, ticks: number): Run {
  return {
    klass,
    setup,
    round,
    requests: rps * 4,
    rps,
    p50Ms: 1,
    p99Ms: 2,
    bad: 0,
    ticks,
    comSelect: 0,
    lookups: 0,
    sync: 8,
    background: 4,
  };
}

test("main tables: averaged ratios, CPU per request and the median of the per-round ratios", () => {
  const runs = [
    run("pinned", "plain", "1", 1000, 40),
    run("pinned", "router", "1", 800, 40),
    run("pinned", "plain", "2", 1000, 40),
    run("pinned", "router", "2", 900, 40),
    run("pinned", "plain", "3", 1000, 40),
    run("pinned", "router", "3", 500, 40),
    run("pinned", "router", "profile-full", 1, 1),
  ];
  const lines = mainTables(runs, { clockTicks: 100, durationS: 4, workers: 1, labels: { pinned: "pinned browser" } });
  // Plain: 120 ticks of 10 ms over 12000 requests = 100 us each; router: 1.2 s over 8800 requests.
  assert.equal(
    lines[2],
    "| pinned browser | 1000 / 733 | 0.73 | 100.0 / 136.4 | 0.73 | 1.00 / 1.00 | 2.00 / 2.00 | 10 / 10 | 0.00000 / 0.00000 | 0.00000 | 3.0 | 0 / 0 |",
  );
  assert.equal(lines.at(-1), "| pinned browser | 0.80 0.90 0.50 | 0.80 |");
});

test("profile table: cost against the full router and capacity against no Lua", () => {
  const runs = [
    run("pinned", "plain", "1", 1000, 10),
    run("pinned", "router", "profile-full", 800, 20),
    run("pinned", "router", `profile-${NO_LUA}`, 900, 10),
  ];
  const lines = profileTable(runs, 100, NO_LUA);
  assert.equal(lines[2], "| full | 800 | 62.5 | +0.0 | 0.44 |");
  assert.equal(lines[3], `| ${NO_LUA} | 900 | 27.8 | -34.7 | 1.00 |`);
  assert.equal(lines[4], "| plain proxy_pass (the pinned runs above) |  | 25.0 | -37.5 |  |");
});

const PUBLIC = [
  "location / {",
  '    access_by_lua_block { require("hooks.access").run() }',
  '    log_by_lua_block { require("hooks.log").run() }',
  "}",
].join("\n");
const HTTP = [
  "upstream nodes {",
  "    server 0.0.0.1; # placeholder",
  '    balancer_by_lua_block { require("hooks.balancer").run() }',
  "}",
  "init_worker_by_lua_block {",
].join("\n");
const context = { backend2: "127.4.9.2", jitDir: "/usr/share/luajit-2.1", jitLog: "/tmp/jit.log" };

test("variants: no Lua leaves no Lua phase and a static upstream; the floor keeps empty phases", () => {
  const variants = new Map(profileVariants(context).map((v) => [v.name, v]));
  const noLua = variants.get(NO_LUA)!;
  assert.doesNotMatch(applyEdits(PUBLIC, noLua.publicConf), /_by_lua/);
  assert.equal(
    applyEdits(HTTP, noLua.httpConf),
    ["upstream nodes {", "    server 127.4.9.2:3001;", "}", "init_worker_by_lua_block {"].join("\n"),
  );
  const floor = applyEdits(PUBLIC, variants.get("Lua floor: empty access and log, fixed balancer")!.publicConf);
  assert.match(floor, /access_by_lua_block \{ local _ = 1 \}/);
  assert.match(floor, /log_by_lua_block \{ local _ = 1 \}/);
  assert.match(applyEdits(HTTP, variants.get("JIT off")!.httpConf), /init_worker_by_lua_block \{ jit\.off\(\)/);
  assert.match(applyEdits(HTTP, variants.get("JIT trace log on (jit.v)")!.httpConf), /require\("jit\.v"\)\.start\("\/tmp\/jit\.log"\)/);
  assert.equal(profileVariants({ ...context, jitDir: undefined }).length, variants.size - 1);
  assert.deepEqual(
    callgrindVariants(context).map((v) => v.name),
    ["router", "Lua floor", "no Lua"],
  );
});

test("trace aborts: counted by reason without the source position", () => {
  const log = [
    "[TRACE --- (1/0) access.lua:10 -- NYI: bytecode 51 at access.lua:12]",
    "[TRACE --- (2/0) access.lua:30 -- NYI: bytecode 51 at access.lua:40]",
    "[TRACE --- log.lua:5 -- leaving loop in root trace at log.lua:9]",
    "[TRACE   3 router.lua:1 loop]",
  ].join("\n");
  assert.deepEqual(traceAborts(log), [
    { count: 2, reason: "NYI: bytecode 51" },
    { count: 1, reason: "leaving loop in root trace" },
  ]);
});
