import { isIP } from "node:net";

/**
 * Test infrastructure may only ever talk to loopback addresses: each stand-in node gets its own
 * 127.0.0.x, and nothing here should be able to reach a real network by a typo.
 */
export function isLoopbackHost(host: string): boolean {
  if (host === "localhost") return true;
  const bare = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  switch (isIP(bare)) {
    case 4:
      return bare.split(".")[0] === "127";
    case 6:
      return isIPv6Loopback(bare);
    default:
      return false;
  }
}

function isIPv6Loopback(address: string): boolean {
  const lower = address.toLowerCase();
  if (lower === "::1") return true;
  // IPv4-mapped loopback, e.g. ::ffff:127.0.0.2
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  return mapped !== null && mapped[1].split(".")[0] === "127";
}

export function assertLoopbackHost(host: string): void {
  if (!isLoopbackHost(host)) {
    throw new Error(`refusing non-loopback address ${JSON.stringify(host)}: tests stay on 127.0.0.0/8 and ::1`);
  }
}

export interface HostPort {
  host: string;
  port: number;
}

/** Parses `host:port` or `[v6]:port`; the port must be 0..65535. */
export function parseHostPort(text: string): HostPort {
  const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:\[\]]+)):(\d{1,5})$/.exec(text);
  const port = match === null ? NaN : Number(match[3]);
  if (match === null || port > 65535) {
    throw new Error(`expected host:port or [v6]:port, got ${JSON.stringify(text)}`);
  }
  return { host: match[1] ?? match[2], port };
}

/** Formats a host and port for a URL or a log line, bracketing IPv6 literals. */
export function formatHostPort({ host, port }: HostPort): string {
  return isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}
