import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { promises as dns } from "node:dns";
import net from "node:net";
import readline from "node:readline";
import { setProcessHealth, startDnsServerProcess, startStandInNodeProcess } from "../../harness/cli-processes";
import { parseRecordFlag, runCommand } from "../../harness/dns-server-cli";
import { DnsServer } from "../../harness/dns-server";
import { parseHostPort } from "../../harness/loopback";
import { startProcess } from "../../harness/processes";

test("dns-server-cli serves its --record flags and exits cleanly on SIGTERM", { timeout: 10_000 }, async () => {
  const fqdn = "uptime-kuma-1.uptime-kuma-headless.kuma.svc.cluster.local";
  const { process: child, address } = await startDnsServerProcess({ host: "127.0.0.1", port: 0 }, [
    { name: `${fqdn}.`, addresses: ["127.0.0.3"], ttl: 60 },
    { name: "uptime-kuma-node1", addresses: ["127.0.0.2"] },
    { name: "uptime-kuma-node1", addresses: ["127.0.0.4"] },
  ]);
  assert.match(child.readyLine, /^dns-server listening on 127\.0\.0\.1:\d+ \(udp\+tcp\)$/);
  const resolver = new dns.Resolver({ timeout: 1_000, tries: 1 });
  resolver.setServers([`${address.host}:${address.port}`]);
  assert.deepEqual(await resolver.resolve4(fqdn, { ttl: true }), [{ address: "127.0.0.3", ttl: 60 }]);
  assert.deepEqual(await resolver.resolve4("uptime-kuma-node1", { ttl: true }), [
    { address: "127.0.0.2", ttl: 30 },
    { address: "127.0.0.4", ttl: 30 },
  ]);
  assert.deepEqual(await child.stop(), { code: 0, signal: null });
});

test("--record parsing", () => {
  assert.deepEqual(parseRecordFlag("a.test=127.0.0.2"), { name: "a.test", addresses: ["127.0.0.2"], ttl: undefined });
  assert.deepEqual(parseRecordFlag("a.test.=127.0.0.2,::1,5"), { name: "a.test.", addresses: ["127.0.0.2", "::1"], ttl: 5 });
  assert.throws(() => parseRecordFlag("=127.0.0.2"));
  assert.throws(() => parseRecordFlag("a.test=30"));
});

test("dns-server-cli commands: counts, modes, records", () => {
  const server = new DnsServer({ "a.test": ["127.0.0.2"] });
  assert.equal(runCommand(server, "count"), "ok 0");
  assert.equal(runCommand(server, "mode drop"), "ok");
  assert.equal(server.getMode(), "drop");
  assert.equal(runCommand(server, "record b.test=127.0.0.3,127.0.0.4,5"), "ok");
  assert.deepEqual(server.getRecord("b.test"), { addresses: ["127.0.0.3", "127.0.0.4"], ttl: 5 });
  assert.equal(runCommand(server, "delete a.test"), "ok 1");
  assert.equal(runCommand(server, "delete a.test"), "ok 0");
  assert.equal(runCommand(server, "reset"), "ok");
  assert.match(runCommand(server, "mode sometimes"), /^error mode must be one of answer, drop, servfail$/);
  assert.match(runCommand(server, "record b.test"), /^error /);
  assert.match(runCommand(server, "launch"), /^error unknown command/);
});

test("dns-server-cli takes commands on its --control port and on stdin", { timeout: 10_000 }, async () => {
  const cli = path.join(__dirname, "..", "..", "harness", "dns-server-cli.js");
  const child = await startProcess(process.execPath, {
    args: [cli, "--listen", "127.0.0.1:0", "--control", "127.0.0.1:0", "--record", "a.test=127.0.0.2"],
    readyLine: "dns-server listening on",
    name: "dns-server",
  });
  const ready = /listening on (\S+) \(udp\+tcp\) control on (\S+)$/.exec(child.readyLine);
  assert.ok(ready, child.readyLine);
  const resolver = new dns.Resolver({ timeout: 1_000, tries: 1 });
  resolver.setServers([ready[1]]);
  await resolver.resolve4("a.test");
  const socket = net.connect(parseHostPort(ready[2]));
  const replies = readline.createInterface({ input: socket })[Symbol.asyncIterator]();
  const ask = async (command: string): Promise<string | undefined> => {
    socket.write(`${command}\n`);
    return (await replies.next()).value;
  };
  assert.equal(await ask("count a.test"), "ok 1");
  assert.equal(await ask("mode servfail"), "ok");
  await assert.rejects(resolver.resolve4("a.test"), { code: "ESERVFAIL" });
  socket.end();
  const acknowledged = child.waitForLine(/^dns-server ok 2$/, 5_000);
  child.write("count\n");
  await acknowledged;
  assert.deepEqual(await child.stop(), { code: 0, signal: null });
});

test("stand-in-node-cli answers as its node, takes health commands, exits cleanly on SIGTERM", { timeout: 10_000 }, async () => {
  const started = await startStandInNodeProcess("node7", { host: "127.0.0.4", port: 0 });
  const url = `http://127.0.0.4:${started.address.port}`;
  const health = await fetch(`${url}/api/v1/health`);
  assert.equal(health.headers.get("x-kuma-node"), "node7");
  assert.deepEqual(await health.json(), { ok: true, nodeId: "node7" });
  await setProcessHealth(started, "503");
  assert.equal((await fetch(`${url}/api/v1/health`)).status, 503);
  assert.deepEqual(await started.process.stop(), { code: 0, signal: null });
});

test("a CLI given bad flags exits with its usage on stderr", { timeout: 10_000 }, async () => {
  const cli = path.join(__dirname, "..", "..", "harness", "stand-in-node-cli.js");
  await assert.rejects(
    startProcess(process.execPath, { args: [cli, "--listen", "127.0.0.2:3001"], readyLine: "listening", timeoutMs: 3_000 }),
    (error: Error) => {
      assert.match(error.message, /"code":2/);
      assert.match(error.message, /--node-id is required/);
      assert.match(error.message, /usage: stand-in-node-cli/);
      return true;
    },
  );
});
