import http from "node:http";
import type { IncomingHttpHeaders } from "node:http";
import type net from "node:net";
import { Server as SocketIoServer } from "socket.io";
import { assertLoopbackHost, formatHostPort, type HostPort } from "./loopback";

/**
 * A stand-in Uptime Kuma node: just enough of the HTTP surface (docs/routing.md#paths) to see which node
 * a request reached, plus a real socket.io 4 server, so long-polling sessions fail with
 * "Session ID unknown" exactly like the real thing when the router splits them across nodes.
 */

export const NODE_HEADER = "X-Kuma-Node";
export const HEALTH_PATH = "/api/v1/health";
// Keep the log bounded: a long e2e run must not grow memory without limit.
const REQUEST_LOG_LIMIT = 1000;

/**
 * - ok: 200 {ok:true,nodeId}
 * - 503: what the fork answers when its DB check fails
 * - hang: never answer (the router's probe must time out)
 * - redirect: 302 to /dashboard (a probe must not take a redirect for health)
 */
export type HealthMode = "ok" | "503" | "hang" | "redirect";
export const HEALTH_MODES: readonly HealthMode[] = ["ok", "503", "hang", "redirect"];

export interface StandInNodeOptions {
  nodeId: string;
  host?: string;
  /** 0 picks a free port on first start; restarts reuse the port first bound. */
  port?: number;
  /** Paths answered by the health mode; default only GET /api/v1/health. */
  healthPaths?: readonly string[];
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string; socket.io traffic is recorded as /socket.io/. */
  path: string;
  /** The request target as received, with the query string. */
  url: string;
  headers: IncomingHttpHeaders;
}

interface Live {
  server: http.Server;
  io: SocketIoServer;
  connections: Set<net.Socket>;
}

/** A closed client connection: the paths it carried, and which side closed it. */
export interface ClosedConnection {
  paths: string[];
  /** "client": its FIN came first; "node": this server closed it (keep-alive timeout, stop()). */
  closedBy: "client" | "node";
}

type RequestListener = (request: http.IncomingMessage, response: http.ServerResponse) => void;
type UpgradeListener = (request: http.IncomingMessage, socket: net.Socket, head: Buffer) => void;

export class StandInNode {
  readonly nodeId: string;
  private readonly host: string;
  private port: number;
  private readonly healthPaths: readonly string[];
  private health: HealthMode = "ok";
  private readonly counts = new Map<string, number>();
  private readonly log: RecordedRequest[] = [];
  private readonly closed: ClosedConnection[] = [];
  private live: Live | undefined;

  constructor(options: StandInNodeOptions) {
    this.nodeId = options.nodeId;
    this.host = options.host ?? "127.0.0.1";
    this.port = options.port ?? 0;
    this.healthPaths = options.healthPaths ?? [HEALTH_PATH];
    assertLoopbackHost(this.host);
  }

  get running(): boolean {
    return this.live !== undefined;
  }

  /** The configured address; after the first start the port is the real one. */
  get address(): HostPort {
    return { host: this.host, port: this.port };
  }

  get url(): string {
    return `http://${formatHostPort(this.address)}`;
  }

  setHealth(mode: HealthMode): void {
    this.health = mode;
  }

  getHealth(): HealthMode {
    return this.health;
  }

  /** Requests seen for one exact path (no query string), or in total; survives restarts. */
  requestCount(path?: string): number {
    if (path !== undefined) return this.counts.get(path) ?? 0;
    let total = 0;
    for (const count of this.counts.values()) total += count;
    return total;
  }

  /** The most recent requests (at most 1000), oldest first. */
  requests(): readonly RecordedRequest[] {
    return [...this.log];
  }

  resetCounts(): void {
    this.counts.clear();
    this.log.length = 0;
  }

  /** Connections closed so far (at most 1000), oldest first. */
  closedConnections(): readonly ClosedConnection[] {
    return [...this.closed];
  }

  /** socket.io clients currently connected to this node. */
  socketCount(): number {
    return this.live?.io.of("/").sockets.size ?? 0;
  }

  /** Starts (or restarts) listening; rejects on EADDRINUSE and the like. */
  async start(): Promise<HostPort> {
    if (this.live) throw new Error(`${this.nodeId} already running`);
    const server = http.createServer();
    const connections = new Set<net.Socket>();
    const paths = new WeakMap<net.Socket, string[]>();
    server.on("connection", (socket) => {
      connections.add(socket);
      paths.set(socket, []);
      let clientEnded = false;
      socket.on("end", () => (clientEnded = true));
      socket.on("close", () => {
        connections.delete(socket);
        if (this.closed.length >= 1000) this.closed.shift();
        this.closed.push({ paths: paths.get(socket) ?? [], closedBy: clientEnded ? "client" : "node" });
      });
    });
    server.on("request", (request, response) => {
      paths.get(request.socket)?.push(pathOf(request.url ?? "/"));
      this.serve(request, response);
    });
    const io = this.attachSocketIo(server);
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen({ host: this.host, port: this.port }, () => {
        server.off("error", reject);
        resolve();
      });
    });
    const bound = server.address();
    if (bound === null || typeof bound === "string") throw new Error("unexpected server address");
    this.port = bound.port;
    this.live = { server, io, connections };
    return this.address;
  }

  /** Stops abruptly, like a node that went down: open connections (hanging ones too) are cut. */
  async stop(): Promise<void> {
    const live = this.live;
    if (!live) return;
    this.live = undefined;
    const closed = new Promise<void>((resolve) => live.server.close(() => resolve()));
    for (const socket of live.connections) socket.destroy();
    await live.io.close();
    await closed;
  }

  private attachSocketIo(server: http.Server): SocketIoServer {
    const io = new SocketIoServer(server, { allowRequest: (request, callback) => callback(null, originAllowed(request)) });
    io.on("connection", (socket) => {
      socket.emit("node", { nodeId: this.nodeId });
      socket.on("echo", (data: unknown, ack?: unknown) => {
        if (typeof ack === "function") ack({ nodeId: this.nodeId, data });
      });
    });
    // The WebSocket handshake response is written by the ws library, not through ServerResponse.
    io.engine.on("headers", (headers: Record<string, string>) => {
      headers[NODE_HEADER] = this.nodeId;
    });
    // socket.io routes its own requests before ours, so wrap its listeners to count and label
    // everything, including its error answers (400 "Session ID unknown").
    const requestListeners = server.listeners("request") as RequestListener[];
    server.removeAllListeners("request");
    server.on("request", (request: http.IncomingMessage, response: http.ServerResponse) => {
      this.record(request);
      response.setHeader(NODE_HEADER, this.nodeId);
      for (const listener of requestListeners) listener.call(server, request, response);
    });
    const upgradeListeners = server.listeners("upgrade") as UpgradeListener[];
    server.removeAllListeners("upgrade");
    server.on("upgrade", (request: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
      this.record(request);
      for (const listener of upgradeListeners) listener.call(server, request, socket, head);
    });
    return io;
  }

  private record(request: http.IncomingMessage): void {
    const url = request.url ?? "/";
    const path = pathOf(url);
    this.counts.set(path, (this.counts.get(path) ?? 0) + 1);
    this.log.push({ method: request.method ?? "GET", path, url, headers: request.headers });
    if (this.log.length > REQUEST_LOG_LIMIT) this.log.shift();
  }

  private serve(request: http.IncomingMessage, response: http.ServerResponse): void {
    const url = request.url ?? "/";
    if (url.startsWith("/socket.io/")) return; // answered by socket.io
    const method = request.method ?? "GET";
    const path = pathOf(url);
    const nodeId = this.nodeId;
    if (method === "GET" && this.healthPaths.includes(path) && this.health === "hang") {
      request.resume();
      return; // cut only by the client's timeout or stop()
    }
    // Answer after the body is read, so a POST with a body behaves like a real server's.
    request.resume();
    request.on("end", () => {
      if (method === "GET" && this.healthPaths.includes(path)) {
        this.answerHealth(response);
        return;
      }
      const push = /^\/api\/push\/([^/]+)$/.exec(path);
      if (push) return sendJson(response, 200, { ok: true, nodeId, token: decodeURIComponent(push[1]) });
      const badge = /^\/api\/badge\/([^/]+)\/(.+)$/.exec(path);
      if (badge && method === "GET") {
        return sendJson(response, 200, { ok: true, nodeId, monitorId: decodeURIComponent(badge[1]), badge: badge[2] });
      }
      const monitor = /^\/api\/v1\/monitors\/([^/]+)$/.exec(path);
      if (monitor) return sendJson(response, 200, { ok: true, nodeId, monitorId: decodeURIComponent(monitor[1]), method });
      sendJson(response, 200, { nodeId, method, path });
    });
  }

  private answerHealth(response: http.ServerResponse): void {
    switch (this.health) {
      case "ok":
        return sendJson(response, 200, { ok: true, nodeId: this.nodeId });
      case "503":
        return sendJson(response, 503, { ok: false, nodeId: this.nodeId, msg: "database check failed" });
      case "redirect":
        response.writeHead(302, { Location: "/dashboard", "Content-Length": "0" });
        response.end();
        return;
      case "hang":
        return; // handled before the body is read
    }
  }
}

/**
 * Uptime Kuma's WebSocket origin check (its socket.io allowRequest): polling is left to CORS; a
 * WebSocket without Origin passes (not a browser); otherwise the Origin's host:port must equal
 * the Host header the node received, port included. Refused requests get socket.io's 403.
 */
export function originAllowed(request: http.IncomingMessage): boolean {
  const transport = new URL(request.url ?? "/", "http://node").searchParams.get("transport");
  const origin = request.headers.origin;
  if (transport !== "websocket" || origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** Creates and starts a stand-in node. */
export async function startStandInNode(options: StandInNodeOptions): Promise<StandInNode> {
  const node = new StandInNode(options);
  await node.start();
  return node;
}

function pathOf(url: string): string {
  const query = url.indexOf("?");
  return query < 0 ? url : url.slice(0, query);
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text) });
  response.end(text);
}
