import { test } from "node:test";
import assert from "node:assert/strict";
import { DnsFormatError, encodeResponse, ipv6Bytes, normalizeName, parseQuery, Rcode } from "../../harness/dns-wire";

test("a second question may point into the first", () => {
  const header = Buffer.from([0xab, 0xcd, 0x01, 0x00, 0, 2, 0, 0, 0, 0, 0, 0]);
  // Q1 at 12: svc.cluster.local ; Q2: "uptime-kuma-0" + pointer to Q1's name.
  const q1 = Buffer.from([3, ...Buffer.from("svc"), 7, ...Buffer.from("cluster"), 5, ...Buffer.from("LOCAL"), 0, 0, 1, 0, 1]);
  const q2 = Buffer.from([13, ...Buffer.from("uptime-kuma-0"), 0xc0, 12, 0, 28, 0, 1]);
  const query = parseQuery(Buffer.concat([header, q1, q2]));
  assert.equal(query.id, 0xabcd);
  assert.equal(query.recursionDesired, true);
  assert.deepEqual(
    query.questions.map((q) => [q.name, q.type]),
    [
      ["svc.cluster.local", 1],
      ["uptime-kuma-0.svc.cluster.local", 28],
    ],
  );
  // Case is kept for echoing, folded for lookups.
  assert.equal(query.questions[0].labels[2].toString(), "LOCAL");
});

test("a dot inside a label cannot pass for a separator", () => {
  const header = Buffer.from([0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
  const question = Buffer.from([3, ...Buffer.from("a.b"), 0, 0, 1, 0, 1]);
  assert.equal(parseQuery(Buffer.concat([header, question])).questions[0].name, "a\\.b");
});

test("malformed input raises DnsFormatError carrying the id when readable", () => {
  assert.throws(
    () => parseQuery(Buffer.alloc(3)),
    (e: unknown) => e instanceof DnsFormatError && e.id === undefined,
  );
  const header = Buffer.from([0, 9, 0x80, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
  assert.throws(
    () => parseQuery(Buffer.concat([header, Buffer.from([5, 0x61])])),
    (e: unknown) => e instanceof DnsFormatError && e.id === 9 && e.isResponse,
  );
});

test("the encoded answer round-trips its header and points at the question name", () => {
  const header = Buffer.from([0, 42, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]);
  const question = parseQuery(Buffer.concat([header, Buffer.from([1, 0x6e, 0, 0, 1, 0, 1])])).questions[0];
  const reply = encodeResponse({
    id: 42,
    opcode: 0,
    recursionDesired: true,
    rcode: Rcode.NOERROR,
    question,
    answers: [{ type: 1, ttl: 300, data: Buffer.from([127, 0, 0, 9]) }],
  });
  assert.equal(reply.readUInt16BE(0), 42);
  assert.equal(reply.readUInt16BE(2), 0x8580); // QR AA RD RA
  assert.equal(reply.readUInt16BE(6), 1);
  const answer = reply.subarray(12 + 3 + 4);
  assert.equal(answer.readUInt16BE(0), 0xc00c);
  assert.equal(answer.readUInt32BE(6), 300);
  assert.deepEqual([...answer.subarray(12)], [127, 0, 0, 9]);
});

test("IPv6 text to bytes", () => {
  const hex = (a: string): string => ipv6Bytes(a).toString("hex");
  assert.equal(hex("::1"), "00000000000000000000000000000001");
  assert.equal(hex("fd00::a:1"), "fd0000000000000000000000000a0001");
  assert.equal(hex("1:2:3:4:5:6:7:8"), "00010002000300040005000600070008");
  assert.equal(hex("::ffff:127.0.0.2"), "00000000000000000000ffff7f000002");
  assert.equal(hex("::127.0.0.2"), "0000000000000000000000007f000002");
  assert.equal(hex("1:2:3:4:5:6:127.0.0.2"), "0001000200030004000500067f000002");
  assert.throws(() => ipv6Bytes("1::2::3"));
  assert.throws(() => ipv6Bytes("1:2:3:4:5:6:7:8:9"));
});

test("names normalize to lower case without the trailing dot", () => {
  assert.equal(normalizeName("Uptime-Kuma-0.Headless.NS.svc.cluster.local."), "uptime-kuma-0.headless.ns.svc.cluster.local");
  assert.equal(normalizeName("node1"), "node1");
});
