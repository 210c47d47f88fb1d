// core/anomaly.ts, JavaScript build: the rate limit of anomaly lines and what they say.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ANOMALY_LOG_INTERVAL_S, Limiter, admit, anomalyKey, describeAnomaly, prune, staleAfterS } from "../../src-lua-ts/core/anomaly";

test("one line per kind and node per interval, with the count held back", () => {
  const l: Limiter = {};
  const key = anomalyKey({ kind: "retry", node: "node2", to: "node3", reason: "least-loaded" });
  assert.equal(key, "retry|node2");
  assert.equal(admit(l, key, 100, 10), 0);
  for (let t = 101; t < 110; t++) assert.equal(admit(l, key, t, 10), undefined);
  assert.equal(admit(l, "retry|node1", 105, 10), 0, "another node has its own budget");
  assert.equal(admit(l, key, 110, 10), 9, "the next line reports the nine held back");
  assert.equal(admit(l, key, 125, 10), 0);
});

test("quiet entries are forgotten; those with a count to report are kept", () => {
  const l: Limiter = {};
  admit(l, "a", 0, 10);
  admit(l, "b", 0, 10);
  admit(l, "b", 1, 10);
  prune(l, 20);
  assert.deepEqual(Object.keys(l), ["b"]);
});

test("lines name nodes and reasons only", () => {
  assert.equal(
    describeAnomaly({ kind: "retry", node: "node2", to: "node3", reason: "least-loaded" }, 4),
    "routing anomaly: retry node=node2 to=node3 reason=least-loaded: the first try failed (connect error or timeout), served by the retry node (4 more held back since the last such line)",
  );
  assert.match(describeAnomaly({ kind: "re-pin", node: "node3", from: undefined }, 0), /^routing anomaly: re-pin node=node3 from=-: /);
  assert.match(
    describeAnomaly({ kind: "all-down-fallback", node: "node1", reason: "owner" }, 0),
    /all-down-fallback node=node1 reason=owner/,
  );
  assert.match(describeAnomaly({ kind: "stale-snapshot", ageS: 42.7, version: 9 }, 0), /stale-snapshot version=9 age=42s/);
  assert.equal(anomalyKey({ kind: "stale-snapshot", ageS: 1, version: 1 }), "stale-snapshot");
});

test("a snapshot is stale after five sync intervals, and never before 10 s", () => {
  assert.equal(staleAfterS(1), 10);
  assert.equal(staleAfterS(0.2), 10);
  assert.equal(staleAfterS(5), 25);
  assert.ok(ANOMALY_LOG_INTERVAL_S >= 1);
});
