// One active probe: HTTP/1.1 GET of the health path over a cosocket, within one time budget
// for DNS, connect, send and the status line. Only the status line is read; the connection is
// closed (never pooled), so a node that answers slowly costs nothing after the deadline.
import { HostPort, formatHostPort } from "../core/host";
import { ProbeResult, parseStatusLine } from "../core/health";
import { forget, resolve } from "../dns/resolve";

const USER_AGENT = "kuma-cluster-router/health";

export interface ProbeAnswer {
  result: ProbeResult;
  /** Wall time of the probe, milliseconds. */
  ms: number;
}

function request(path: string, address: HostPort): string {
  // Host is the registry's host:port: what the node would see through its own Service.
  return `GET ${path} HTTP/1.1\r\nHost: ${formatHostPort(address)}\r\nUser-Agent: ${USER_AGENT}\r\nAccept: */*\r\nConnection: close\r\n\r\n`;
}

/** Milliseconds left before the deadline (at least 1: settimeout(0) would mean "no timeout"). */
function remaining(deadline: number): number {
  ngx.update_time();
  return Math.max(1, Math.floor((deadline - ngx.now()) * 1000));
}

function exchange(address: HostPort, path: string, timeoutMs: number, started: number): ProbeResult {
  const deadline = started + timeoutMs / 1000;
  const [ip, dnsErr] = resolve(address.host);
  if (ip === undefined) return { kind: "error", error: `dns: ${dnsErr ?? "no address"}` };
  const sock = ngx.socket.tcp();
  sock.settimeout(remaining(deadline));
  const [connected, connErr] = sock.connect(ip, address.port);
  if (connected === undefined) {
    forget(address.host);
    return { kind: "error", error: `connect: ${connErr}` };
  }
  sock.settimeout(remaining(deadline));
  const [sent, sendErr] = sock.send(request(path, address));
  if (sent === undefined) {
    sock.close();
    return { kind: "error", error: `send: ${sendErr}` };
  }
  sock.settimeout(remaining(deadline));
  const [line, readErr] = sock.receive("*l");
  sock.close();
  if (line === undefined) return { kind: "error", error: `read: ${readErr}` };
  const status = parseStatusLine(line);
  return status === undefined ? { kind: "error", error: "not an HTTP/1.x status line" } : { kind: "status", status };
}

/** Probes `address` (a registry host, resolved here) at `path`. Never throws. */
export function probe(address: HostPort, path: string, timeoutMs: number): ProbeAnswer {
  ngx.update_time();
  const started = ngx.now();
  const result = exchange(address, path, timeoutMs, started);
  ngx.update_time();
  return { result, ms: Math.floor((ngx.now() - started) * 1000) };
}
