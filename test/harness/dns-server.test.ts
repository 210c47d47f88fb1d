import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import dgram from "node:dgram";
import net from "node:net";
import { promises as dns } from "node:dns";
import { DnsServer } from "../../harness/dns-server";

const HOST = "127.0.0.1";
const FQDN = "uptime-kuma-0.uptime-kuma-headless.ns.svc.cluster.local";

function resolver(port: number, timeoutMs = 1_000): dns.Resolver {
  const r = new dns.Resolver({ timeout: timeoutMs, tries: 1 });
  r.setServers([`${HOST}:${port}`]);
  return r;
}

async function rejectsWithCode(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (error: NodeJS.ErrnoException) => {
    assert.equal(error.code, code);
    return true;
  });
}

/** A query built by hand, independent of the server's own encoder. */
function rawQuery(id: number, nameBytes: Buffer, type = 1, flags = 0x0100): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  header.writeUInt16BE(flags, 2);
  header.writeUInt16BE(1, 4);
  const tail = Buffer.alloc(4);
  tail.writeUInt16BE(type, 0);
  tail.writeUInt16BE(1, 2);
  return Buffer.concat([header, nameBytes, tail]);
}

function labels(name: string): Buffer {
  return Buffer.concat([
    ...name
      .split(".")
      .filter((l) => l !== "")
      .map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l, "latin1")])),
    Buffer.from([0]),
  ]);
}

/** Sends one datagram; resolves with the reply, or undefined when none comes within waitMs. */
function udpExchange(port: number, message: Buffer, waitMs = 150): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket("udp4");
    const timer = setTimeout(() => {
      socket.close();
      resolve(undefined);
    }, waitMs);
    socket.on("message", (reply) => {
      clearTimeout(timer);
      socket.close();
      resolve(reply);
    });
    socket.send(message, port, HOST);
  });
}

function rcodeOf(reply: Buffer): number {
  return reply.readUInt16BE(2) & 0x0f;
}

describe("DnsServer as seen by node's resolver", { timeout: 10_000 }, () => {
  const server = new DnsServer({
    [FQDN]: { addresses: ["127.0.0.2"], ttl: 42 },
    "uptime-kuma-node1": { addresses: ["127.0.0.3", "127.0.0.4"], ttl: 7 },
    "dual.test": { addresses: ["127.0.0.5", "::1", "fd00::a:1"], ttl: 9 },
  });
  let port = 0;
  before(async () => {
    ({ port } = await server.start({ host: HOST, port: 0 }));
  });
  after(() => server.stop());

  test("answers A for the FQDN with and without the trailing dot, with the TTL as set", async () => {
    const r = resolver(port);
    assert.deepEqual(await r.resolve4(`${FQDN}.`, { ttl: true }), [{ address: "127.0.0.2", ttl: 42 }]);
    assert.deepEqual(await r.resolve4(FQDN, { ttl: true }), [{ address: "127.0.0.2", ttl: 42 }]);
    assert.deepEqual(await r.resolve4("UPTIME-KUMA-NODE1", { ttl: true }), [
      { address: "127.0.0.3", ttl: 7 },
      { address: "127.0.0.4", ttl: 7 },
    ]);
  });

  test("answers AAAA from the IPv6 addresses only", async () => {
    const r = resolver(port);
    assert.deepEqual(await r.resolve6("dual.test", { ttl: true }), [
      { address: "::1", ttl: 9 },
      { address: "fd00::a:1", ttl: 9 },
    ]);
    assert.deepEqual(await r.resolve4("dual.test"), ["127.0.0.5"]);
  });

  test("NXDOMAIN for an unknown name, no data for a known name asked another type", async () => {
    const r = resolver(port);
    await rejectsWithCode(r.resolve4("nobody.test"), "ENOTFOUND");
    await rejectsWithCode(r.resolve6("uptime-kuma-node1"), "ENODATA");
  });

  test("counts queries per name across both spellings and per type", async () => {
    server.resetCounts();
    const r = resolver(port);
    await r.resolve4(FQDN);
    await r.resolve4(`${FQDN}.`);
    await r.resolve6(FQDN).catch(() => undefined);
    assert.equal(server.queryCount(FQDN), 3);
    assert.equal(server.queryCount(`${FQDN}.`, "A"), 2);
    assert.equal(server.queryCount(FQDN, "AAAA"), 1);
    assert.equal(server.queryCount("uptime-kuma-node1"), 0);
    server.resetCounts();
    assert.equal(server.queryCount(FQDN), 0);
  });

  test("the table is mutable while running", async () => {
    const r = resolver(port);
    server.setRecord("moving.test", "127.0.0.10", 1);
    assert.deepEqual(await r.resolve4("moving.test"), ["127.0.0.10"]);
    server.setRecord("moving.test.", ["127.0.0.11"], 2);
    assert.deepEqual(await r.resolve4("moving.test", { ttl: true }), [{ address: "127.0.0.11", ttl: 2 }]);
    assert.equal(server.deleteRecord("Moving.Test"), true);
    await rejectsWithCode(r.resolve4("moving.test"), "ENOTFOUND");
    assert.throws(() => server.setRecord("bad.test", "not-an-ip"));
    assert.throws(() => server.setRecord("bad.test", "127.0.0.1", -1));
  });

  test("drop mode makes the resolver time out, still counting the query; answering resumes", async () => {
    server.resetCounts();
    server.setMode("drop");
    try {
      const started = Date.now();
      await rejectsWithCode(resolver(port, 200).resolve4(FQDN), "ETIMEOUT");
      assert.ok(Date.now() - started >= 150, "gave up before the timeout: something answered");
      assert.ok(server.queryCount(FQDN) >= 1);
      assert.ok(server.queries().every((q) => !q.answered));
    } finally {
      server.setMode("answer");
    }
    assert.deepEqual(await resolver(port).resolve4(FQDN), ["127.0.0.2"]);
  });

  test("servfail mode answers SERVFAIL", async () => {
    server.setMode("servfail");
    try {
      await rejectsWithCode(resolver(port).resolve4(FQDN), "ESERVFAIL");
    } finally {
      server.setMode("answer");
    }
  });

  test("an answer too big for UDP is truncated and the resolver retries over TCP", async () => {
    const many = Array.from({ length: 60 }, (_, i) => `127.0.1.${i + 1}`);
    server.setRecord("many.test", many, 5);
    server.resetCounts();
    const answer = await resolver(port).resolve4("many.test");
    assert.deepEqual([...answer].sort(), [...many].sort());
    assert.deepEqual(
      server.queries().map((q) => q.transport),
      ["udp", "tcp"],
    );
  });
});

describe("DnsServer wire robustness", { timeout: 10_000 }, () => {
  const server = new DnsServer({ "uptime-kuma-0": ["127.0.0.2"] });
  let port = 0;
  before(async () => {
    ({ port } = await server.start({ host: HOST, port: 0 }));
  });
  after(() => server.stop());

  test("parses a compressed question name", async () => {
    // "uptime-kuma-0" then a pointer to offset 11, a zero byte in the header: the root label.
    const name = Buffer.concat([labels("uptime-kuma-0").subarray(0, -1), Buffer.from([0xc0, 11])]);
    const reply = await udpExchange(port, rawQuery(0x1234, name));
    assert.ok(reply, "no reply");
    assert.equal(reply.readUInt16BE(0), 0x1234);
    assert.equal(rcodeOf(reply), 0);
    assert.equal(reply.readUInt16BE(6), 1, "one answer");
    assert.deepEqual([...reply.subarray(-4)], [127, 0, 0, 2]);
  });

  const formerr: Array<[string, Buffer]> = [
    ["no question bytes", rawQuery(7, Buffer.alloc(0)).subarray(0, 12)],
    ["label running past the end", rawQuery(7, Buffer.from([20, 0x61, 0x62])).subarray(0, 15)],
    ["self pointer", rawQuery(7, Buffer.from([0xc0, 12]))],
    ["forward pointer", rawQuery(7, Buffer.from([0xc0, 40]))],
    ["pointer loop through a label", rawQuery(7, Buffer.from([1, 0x61, 0xc0, 12]))],
    ["reserved label type", rawQuery(7, Buffer.from([0x41, 0x61, 0]))],
    ["name longer than 255 bytes", rawQuery(7, labels(Array.from({ length: 5 }, () => "x".repeat(63)).join(".")))],
  ];
  for (const [what, message] of formerr) {
    test(`FORMERR for ${what}`, async () => {
      const reply = await udpExchange(port, message);
      assert.ok(reply, "no reply");
      assert.equal(reply.readUInt16BE(0), 7);
      assert.equal(rcodeOf(reply), 1);
    });
  }

  test("stays silent for packets without a header and for responses", async () => {
    assert.equal(await udpExchange(port, Buffer.alloc(0)), undefined);
    assert.equal(await udpExchange(port, Buffer.from([1, 2, 3, 4, 5])), undefined);
    assert.equal(await udpExchange(port, rawQuery(9, labels("uptime-kuma-0"), 1, 0x8100)), undefined);
  });

  test("survives random garbage and still answers", async () => {
    let seed = 0x2545f491;
    const random = (): number => {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) / 0x100000000;
    };
    const client = dgram.createSocket("udp4");
    for (let i = 0; i < 300; i++) {
      const length = Math.floor(random() * 80);
      const packet = Buffer.from(Array.from({ length }, () => Math.floor(random() * 256)));
      if (length >= 3) packet[2] &= 0x7f; // mostly queries, so the parser is exercised
      client.send(packet, port, HOST);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    client.close();
    assert.deepEqual(await resolver(port).resolve4("uptime-kuma-0"), ["127.0.0.2"]);
  });

  test("TCP: handles split frames, FORMERR and a valid query on one connection", async () => {
    const bad = rawQuery(5, Buffer.from([0xc0, 12]));
    const good = rawQuery(6, labels("uptime-kuma-0."));
    const frame = (m: Buffer): Buffer => Buffer.concat([Buffer.from([m.length >> 8, m.length & 0xff]), m]);
    const stream = Buffer.concat([frame(bad), frame(good)]);
    const replies = await new Promise<Buffer[]>((resolve, reject) => {
      const socket = net.connect({ host: HOST, port });
      let received = Buffer.alloc(0);
      const found: Buffer[] = [];
      socket.on("data", (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        while (received.length >= 2 && received.length >= 2 + received.readUInt16BE(0)) {
          found.push(received.subarray(2, 2 + received.readUInt16BE(0)));
          received = received.subarray(2 + received.readUInt16BE(0));
        }
        if (found.length === 2) {
          socket.destroy();
          resolve(found);
        }
      });
      socket.on("error", reject);
      socket.setTimeout(2_000, () => reject(new Error("TCP replies did not arrive")));
      // One byte at a time: framing must not depend on how reads are split.
      socket.on("connect", async () => {
        for (const byte of stream) {
          socket.write(Buffer.from([byte]));
          await new Promise((r) => setImmediate(r));
        }
      });
    });
    assert.equal(replies[0].readUInt16BE(0), 5);
    assert.equal(rcodeOf(replies[0]), 1);
    assert.equal(replies[1].readUInt16BE(0), 6);
    assert.equal(rcodeOf(replies[1]), 0);
    assert.deepEqual([...replies[1].subarray(-4)], [127, 0, 0, 2]);
  });
});

describe("DnsServer lifecycle", { timeout: 10_000 }, () => {
  test("restarts on the same port and keeps its table", async () => {
    const server = new DnsServer({ "a.test": ["127.0.0.2"] });
    const first = await server.start({ host: "127.0.0.3", port: 0 });
    await server.stop();
    const second = await server.start(first);
    try {
      assert.equal(second.port, first.port);
      const r = new dns.Resolver({ timeout: 1_000, tries: 1 });
      r.setServers([`127.0.0.3:${second.port}`]);
      assert.deepEqual(await r.resolve4("a.test"), ["127.0.0.2"]);
    } finally {
      await server.stop();
    }
  });

  test("refuses a non-loopback address without binding", async () => {
    const server = new DnsServer();
    await assert.rejects(server.start({ host: "10.0.0.1", port: 0 }), /non-loopback/);
    await assert.rejects(server.start({ host: "0.0.0.0", port: 0 }), /non-loopback/);
    assert.throws(() => server.address, /not started/);
  });
});
