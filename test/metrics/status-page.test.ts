// core/status_html.ts, JavaScript build: the fixture shared with spec/metrics/render_spec.lua
// renders to the golden page both builds must produce, with every database value escaped.
import { test } from "node:test";
import assert from "node:assert/strict";
import { StatusView, escapeHtml, formatAge, renderStatusPage } from "../../src-lua-ts/core/status_html";
import { golden, readFixture } from "./support";

const fixture = (): StatusView => (JSON.parse(readFixture("status_view.json")) as { view: StatusView }).view;

test("escapeHtml escapes the five characters that matter and nothing else", () => {
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  assert.equal(escapeHtml("node1 ok"), "node1 ok");
  assert.equal(escapeHtml(""), "");
});

test("ages in whole units", () => {
  assert.deepEqual([0.2, 1, 73.5, 119.9, 120, 7199, 7200, 172800].map(formatAge), [
    "<1 s",
    "1 s",
    "73 s",
    "119 s",
    "2 min",
    "119 min",
    "2 h",
    "2 d",
  ]);
});

test("the fixture renders to the golden page", () => {
  const html = renderStatusPage(fixture());
  assert.equal(html, golden("status_page.html", html));
});

test("no value from the database reaches the page unescaped", () => {
  const html = renderStatusPage(fixture());
  assert.doesNotMatch(html, /<script>|<b>refused|"three"/);
  assert.match(html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/);
  assert.match(html, /connect: &lt;b&gt;refused&lt;\/b&gt; &amp; &#39;quoted&#39;/);
  assert.match(html, /Node &quot;three&quot; &amp; co/);
});

test("what a person reads first: nodes up, the stale snapshot, each node's state", () => {
  const html = renderStatusPage(fixture());
  assert.match(html, /2 of 3 up/);
  assert.match(html, /Registry reads failing for 61 s/);
  assert.match(html, /73 s old/);
  const rows = html.split("<tr>").slice(2);
  assert.equal(rows.length, 3);
  assert.match(rows[0], /node1.*primary.*up.*online.*>4<.*>12<.*>3</s);
  assert.match(rows[2], /node3.*down.*offline.*not probed|node3.*down.*offline.*connection refused/s);
  assert.match(rows[2], /never/);
  assert.match(rows[2], /no address/);
});

test("moved monitors and each node's hand-over, reasons escaped", () => {
  const html = renderStatusPage(fixture());
  assert.match(html, /<b>3<\/b><small>moved by the router/);
  const rows = html.split("<tr>").slice(2);
  assert.match(
    rows[0],
    /class="num">0<\/td><td><span class="pill good">trigger<\/span><div class="sub">POST \/api\/v1\/reconcile-monitors/,
  );
  assert.match(rows[1], /class="num">1<\/td><td><span class="pill warn">timer<\/span><div class="sub">no kuma-cluster-node agent seen/);
  assert.match(rows[2], /&lt;i&gt;no API key&lt;\/i&gt; &amp; &#39;co&#39;/);
  assert.match(html, /The agents' reports cannot be read: read &lt;timeout&gt;/);
});

test("counts switched off read as off, and an empty registry says so", () => {
  const v = fixture();
  v.nodes = v.nodes.map((n) => ({ ...n, pinnedLastMinute: undefined, websockets: undefined }));
  assert.equal((renderStatusPage(v).match(/>off</g) ?? []).length, 6);
  v.nodes = [];
  assert.match(renderStatusPage(v), /No node is registered/);
});

test("a foreign node reads as foreign, not down, and is left out of the up count", () => {
  const v = fixture();
  v.nodes.push({ ...v.nodes[0], id: "uptime-kuma-0", name: "uptime-kuma-0", primary: false, healthUp: false, foreign: true });
  const html = renderStatusPage(v);
  assert.match(html, /2 of 3 up<\/span><\/b><small>nodes \(3 expected\), 1 foreign/);
  const rows = html.split("<tr>").slice(2);
  assert.match(rows[3], /uptime-kuma-0.*pill muted">foreign</s);
  assert.doesNotMatch(rows[3], /pill bad">down</);
});
