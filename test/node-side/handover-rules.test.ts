// The hand-over trigger's pure rules (node/src/handover-rules.ts) and the log lines it reads
// (node/src/child-output.ts), on fixed clocks and on lines as the fork writes them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseNodeLine } from "../../node/src/child-output";
import { changeBetween, coveredByMinuteRun, expectedRunMs, holdMs } from "../../node/src/handover-rules";
import { mintToken } from "../../node/src/jwt";
import { createHmac } from "node:crypto";

/** 2030-01-01 00:00:00 UTC plus `seconds`. */
const at = (seconds: number): number => Date.UTC(2030, 0, 1) + seconds * 1000;

test("holdMs: never from :59 to :01, nor while the minute's run still logs, nor when the run would reach :59", () => {
  const short = expectedRunMs(1, 0); // 1.3 s
  assert.equal(holdMs(at(30), short, undefined), 0);
  assert.equal(holdMs(at(0.2), short, undefined), 800, "just after :00: until :01");
  assert.equal(holdMs(at(59.5), short, undefined), 1500, "just before :00: until the next :01");
  assert.equal(holdMs(at(57.8), short, undefined), 3200, "a 1.3 s run from :57.8 would reach :59: after the next :01");
  assert.equal(holdMs(at(57.6), short, undefined), 0, "from :57.6 it ends by :58.9");
  // The minute's run logs "Reconciling:" lines 0.1-0.3 s apart; quiet for 1 s means it ended.
  assert.equal(holdMs(at(1.5), short, at(1.2)), 700);
  assert.equal(holdMs(at(2.3), short, at(1.2)), 0);
  // A line of the previous minute does not hold this one.
  assert.equal(holdMs(at(61.5), short, at(59.9)), 0);
  // A long run never fits: it waits for a minute's own run, which does the work.
  assert.equal(holdMs(at(10), expectedRunMs(200, 0), undefined), 51_000);
});

test("coveredByMinuteRun: a change seen before the minute's run began is that run's work", () => {
  const cronSince = at(-120);
  assert.equal(coveredByMinuteRun(at(-0.5), at(1.2), cronSince), true);
  assert.equal(coveredByMinuteRun(at(0.1), at(1.2), cronSince), false, "seen after the run read the database");
  assert.equal(coveredByMinuteRun(at(-0.5), at(0.5), cronSince), false, "the run may still be going");
  assert.equal(coveredByMinuteRun(at(-0.5), at(1.2), at(5)), false, "the node's minute timer did not run yet (start-up)");
});

test("changeBetween: moved, created, stopped; the node's own starts and stops need nothing, a start it does not own must stop", () => {
  const none = new Set<number>();
  assert.deepEqual(changeBetween(new Set([1, 2]), new Set([1, 2, 7, 9]), 8, none, none), { moved: [7], created: [9], stops: [] });
  assert.deepEqual(changeBetween(new Set([1, 2, 3]), new Set([1]), 3, none, none), { moved: [], created: [], stops: [2, 3] });
  // Added on this node (Resume Monitor), paused here (Pause Monitor).
  assert.deepEqual(changeBetween(new Set([1, 2]), new Set([1, 9]), 8, new Set([9]), new Set([2])), { moved: [], created: [], stops: [] });
  // Edited here while another node owns it: started here, not assigned here.
  assert.deepEqual(changeBetween(new Set([1]), new Set([1]), 8, new Set([5]), none), { moved: [], created: [], stops: [5] });
  // Two monitors swap owners within one reading: seen by the set, whatever a checksum says.
  assert.deepEqual(changeBetween(new Set([12, 13]), new Set([14, 15]), 20, none, none), { moved: [14, 15], created: [], stops: [12, 13] });
});

test("parseNodeLine: the fork's own lines, colour codes and all", () => {
  const esc = (s: string): string => s.replace(/\\e/g, "\x1b");
  assert.deepEqual(
    parseNodeLine(
      esc("\\e[36m2026-12-04T18:07:39Z\\e[0m [\\e[32mSERVER\\e[0m] \\e[36mINFO:\\e[0m Reconciling: starting monitor pa (ID: 1)"),
    ),
    { kind: "reconciling", monitorId: 1, action: "starting" },
  );
  assert.deepEqual(parseNodeLine("2026-12-04T18:07:40Z [SERVER] INFO: Reconciling: stopping monitor a (ID: 3) (ID: 33)"), {
    kind: "reconciling",
    monitorId: 33,
    action: "stopping",
  });
  assert.deepEqual(parseNodeLine("2026-12-04T18:07:36Z [MANAGE] INFO: Resume Monitor: 17 User ID: 1"), { kind: "started", monitorId: 17 });
  assert.deepEqual(parseNodeLine("2026-12-04T18:07:36Z [MANAGE] INFO: Pause Monitor: 4 User ID: 1"), { kind: "stopped", monitorId: 4 });
  assert.deepEqual(parseNodeLine("2026-12-04T18:07:36Z [MANAGE] INFO: Delete Monitor: 5 User ID: 1"), { kind: "stopped", monitorId: 5 });
  assert.deepEqual(parseNodeLine("2026-12-04T18:05:07Z [SERVER] INFO: Found 12 monitors to start"), {
    kind: "starting-monitors",
    count: 12,
  });
  assert.deepEqual(parseNodeLine("2026-12-04T18:05:07Z [SERVER] INFO: Listening on 127.0.0.2:3001"), { kind: "listening" });
  assert.equal(parseNodeLine("2026-12-04T18:05:07Z [DB] INFO: Delete Monitor completed in : 12 ms"), undefined);
  assert.equal(parseNodeLine("Migration is in progress"), undefined);
});

test("mintToken: HS256 over header.payload with the secret, a username and a one-minute expiry", () => {
  const token = mintToken("s3cret", "admin", at(0));
  const [header, payload, signature] = token.split(".");
  assert.deepEqual(JSON.parse(Buffer.from(header, "base64url").toString()), { alg: "HS256", typ: "JWT" });
  assert.deepEqual(JSON.parse(Buffer.from(payload, "base64url").toString()), {
    username: "admin",
    iat: at(0) / 1000,
    exp: at(0) / 1000 + 60,
  });
  assert.equal(signature, createHmac("sha256", "s3cret").update(`${header}.${payload}`).digest("base64url"));
});
