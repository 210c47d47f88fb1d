// Idle connections from the router to a node: the router must close them before the node does.
// Node's keep-alive timeout (5 s by default, which Uptime Kuma keeps) would otherwise cut a
// connection just as nginx reuses it: a reset, then a retry on another node or a 502.
import { test } from "node:test";
import assert from "node:assert/strict";
import { sleep, startCluster } from "../../harness/cluster";

/** Node's default keep-alive timeout, which the stand-in nodes keep as Uptime Kuma does. */
const NODE_KEEP_ALIVE_MS = 5000;

test("an idle connection to a node is closed by the router, not by the node's keep-alive timeout", async (t) => {
  const c = await startCluster({ world: "compose", nodes: 1 });
  t.after(() => c.stop());
  const node = c.nodes.get("node1");
  assert.ok(node);
  const res = await fetch(`${c.router.publicUrl}/dashboard`);
  assert.equal(res.status, 200);
  await res.arrayBuffer();
  // Whichever side closes first is recorded; past the node's timeout one of them has.
  const proxied = () => node.closedConnections().filter((x) => x.paths.includes("/dashboard"));
  for (const deadline = Date.now() + NODE_KEEP_ALIVE_MS + 3000; proxied().length === 0 && Date.now() < deadline;) await sleep(100);
  assert.deepEqual(
    proxied().map((x) => x.closedBy),
    ["client"],
  );
});
