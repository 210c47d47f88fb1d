// A browser's side of Uptime Kuma's socket.io API, through the router: connect (polling first
// or WebSocket first, pinned by KUMA_FIXED_NODE, with a browser's Origin), then setup, login
// and add as the fork's frontend sends them. The server emits `info` before it registers its
// handlers, so nothing is sent before `info` arrives.
import { io, type Socket } from "socket.io-client";

const ACK_TIMEOUT_MS = 15_000;
const CONNECT_TIMEOUT_MS = 15_000;

export interface Info {
  currentNodeId: string;
}

export interface Heartbeat {
  monitorID: number;
  at: number;
}

export interface KumaClient {
  socket: Socket;
  info: Info;
  heartbeats: Heartbeat[];
  /** The engine's transport now: "polling" or "websocket". */
  transport(): string;
  /** Resolves once polling has upgraded to a WebSocket. */
  upgraded(timeoutMs: number): Promise<void>;
  close(): void;
}

export interface ConnectOptions {
  transports: ("polling" | "websocket")[];
  /** KUMA_FIXED_NODE cookie. */
  pinTo?: string;
  /** The Origin a browser sends with its WebSocket handshake. */
  origin?: string;
}

/** Connects and resolves with the server's `info`; rejects with the connect error. */
export function connect(url: string, options: ConnectOptions): Promise<KumaClient> {
  const headers: Record<string, string> = {};
  if (options.pinTo !== undefined) headers.Cookie = `KUMA_FIXED_NODE=${options.pinTo}`;
  if (options.origin !== undefined) headers.Origin = options.origin;
  const socket = io(url, {
    transports: options.transports,
    extraHeaders: headers,
    forceNew: true,
    reconnection: false,
    timeout: CONNECT_TIMEOUT_MS,
  });
  const heartbeats: Heartbeat[] = [];
  socket.on("heartbeat", (beat: { monitorID?: unknown }) => heartbeats.push({ monitorID: Number(beat?.monitorID), at: Date.now() }));
  let upgradedAlready = false;
  socket.io.on("open", () => socket.io.engine.on("upgrade", () => (upgradedAlready = true)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error(`no info from ${url} within ${CONNECT_TIMEOUT_MS} ms`));
    }, CONNECT_TIMEOUT_MS);
    socket.once("connect_error", (err: Error) => {
      clearTimeout(timer);
      socket.close();
      reject(err);
    });
    socket.once("info", (info: Info) => {
      clearTimeout(timer);
      resolve({
        socket,
        info,
        heartbeats,
        transport: () => socket.io.engine?.transport?.name ?? "",
        upgraded: async (timeoutMs) => {
          const deadline = Date.now() + timeoutMs;
          while (!upgradedAlready && socket.io.engine?.transport?.name !== "websocket") {
            if (Date.now() > deadline) throw new Error(`no upgrade to WebSocket within ${timeoutMs} ms`);
            await new Promise((r) => setTimeout(r, 50));
          }
        },
        close: () => socket.close(),
      });
    });
  });
}

/** Emits with an acknowledgement and resolves with it. */
export function request<T = Record<string, unknown>>(client: KumaClient, event: string, ...args: unknown[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${event}: no answer within ${ACK_TIMEOUT_MS} ms`)), ACK_TIMEOUT_MS);
    client.socket.emit(event, ...args, (answer: T) => {
      clearTimeout(timer);
      resolve(answer);
    });
  });
}

interface Answer {
  ok: boolean;
  msg?: string;
  token?: string;
  monitorID?: number;
}

export async function setup(client: KumaClient, username: string, password: string): Promise<Answer> {
  return request<Answer>(client, "setup", username, password);
}

/** Logs in; resolves with the JWT the REST API accepts. */
export async function login(client: KumaClient, username: string, password: string): Promise<string> {
  const answer = await request<Answer>(client, "login", { username, password, token: "" });
  if (!answer.ok || answer.token === undefined) throw new Error(`login on ${client.info.currentNodeId} failed: ${answer.msg}`);
  return answer.token;
}

/** A push monitor as the fork's frontend adds it: owned by the node the browser is connected to. */
export async function addPushMonitor(client: KumaClient, name: string, pushToken: string): Promise<number> {
  const answer = await request<Answer>(client, "add", {
    type: "push",
    name,
    pushToken,
    interval: 60,
    retryInterval: 60,
    resendInterval: 0,
    maxretries: 0,
    active: true,
    accepted_statuscodes: ["200-299"],
    notificationIDList: {},
    kafkaProducerBrokers: [],
    kafkaProducerSaslOptions: {},
    conditions: [],
    rabbitmqNodes: [],
    node_id: client.info.currentNodeId,
  });
  if (!answer.ok || answer.monitorID === undefined) throw new Error(`add ${name} on ${client.info.currentNodeId} failed: ${answer.msg}`);
  return answer.monitorID;
}
