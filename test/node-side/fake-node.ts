// A stand-in for the node process that `kuma-cluster-node exec` supervises, for the exec
// suite: as much of Uptime Kuma's start-up log, health endpoint, reconcile trigger and signal
// handling as the supervisor relies on, with switches for the cases under test. The real fork
// behind the same supervisor is tested in test/fork/. Settings (environment):
//   UPTIME_KUMA_HOST, UPTIME_KUMA_PORT   where to listen
//   FAKE_SECRET, FAKE_USER               the token it accepts (HS256, username); unset: any Bearer
//   FAKE_TRIGGER=404                     no reconcile trigger, as a fork that predates it
//   FAKE_RECONCILE_MS                    how long a reconcile takes (default 0)
//   FAKE_STOP_MS                         delay between SIGTERM and exit (default 300)
//   DB_*                                 on SIGTERM, it reports its registry status
// stdin: `say <text>` writes <text> to stdout as is (\n and \e escapes), `exit N` exits with N.
import { createHmac } from "node:crypto";
import http from "node:http";
import { createConnection, type RowDataPacket } from "mysql2/promise";

const env = process.env;
let reconciles = 0;
let running = 0;
let maxRunning = 0;

function log(text: string): void {
  process.stdout.write(`${new Date().toISOString()} [SERVER] INFO: ${text}\n`);
}

/** The username of a valid token, or why it is not valid. */
function verify(header: string | undefined): { username?: string; why?: string } {
  if (header === undefined || !header.startsWith("Bearer ")) return { why: "not a Bearer token" };
  const [head, payload, signature] = header.slice(7).split(".");
  if (env.FAKE_SECRET === undefined) return { username: "?" };
  const expected = createHmac("sha256", env.FAKE_SECRET).update(`${head}.${payload}`).digest("base64url");
  if (signature !== expected) return { why: "bad signature" };
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { username?: string; exp?: number };
  if (typeof claims.exp !== "number" || claims.exp * 1000 < Date.now()) return { why: "expired" };
  if (claims.username !== env.FAKE_USER) return { why: `unknown user ${claims.username}` };
  return { username: claims.username };
}

const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    if (req.method === "GET" && req.url === "/api/v1/health") return send(res, 200, { ok: true });
    if (req.method === "POST" && req.url === "/api/v1/reconcile-monitors" && env.FAKE_TRIGGER !== "404") {
      const token = verify(req.headers.authorization);
      if (token.username === undefined) return send(res, 401, { ok: false, msg: token.why });
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      reconciles += 1;
      const n = reconciles;
      log(`fake reconcile ${n} begins (running ${running}, at most ${maxRunning}, from ${req.socket.remoteAddress})`);
      setTimeout(
        () => {
          running -= 1;
          log(`fake reconcile ${n} ends`);
          send(res, 200, { ok: true, msg: "Reconcile triggered" });
        },
        Number(env.FAKE_RECONCILE_MS ?? 0),
      );
      return;
    }
    send(res, 404, { ok: false });
  });
});

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}

async function registryStatus(): Promise<string> {
  const conn = await createConnection({
    host: env.DB_HOST,
    port: Number(env.DB_PORT),
    user: env.DB_USER,
    password: env.DB_PASSWORD,
    database: env.DB_NAME,
  });
  try {
    const [rows] = await conn.execute<RowDataPacket[]>("SELECT status FROM node WHERE node_id = ?", [env.UPTIME_KUMA_NODE_ID ?? ""]);
    return String(rows[0]?.status ?? "missing");
  } finally {
    await conn.end();
  }
}

process.on("SIGTERM", () => {
  void registryStatus().then(
    (status) => log(`fake got SIGTERM; registry says ${status}`),
    (err: Error) => log(`fake got SIGTERM; registry unreadable: ${err.message}`),
  );
  setTimeout(() => process.exit(0), Number(env.FAKE_STOP_MS ?? 300));
});
process.on("SIGHUP", () => log("fake got SIGHUP"));

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk: string) => {
  input += chunk;
  let newline: number;
  while ((newline = input.indexOf("\n")) >= 0) {
    const line = input.slice(0, newline);
    input = input.slice(newline + 1);
    if (line.startsWith("say ")) process.stdout.write(line.slice(4).replace(/\\n/g, "\n").replace(/\\e/g, "\x1b"));
    else if (line.startsWith("exit ")) process.exit(Number(line.slice(5)));
  }
});

log(
  `fake env UPTIME_KUMA_NODE_ID=${env.UPTIME_KUMA_NODE_ID} UPTIME_KUMA_NODE_HOST=${env.UPTIME_KUMA_NODE_HOST} UPTIME_KUMA_PRIMARY=${env.UPTIME_KUMA_PRIMARY}`,
);
server.listen(Number(env.UPTIME_KUMA_PORT), env.UPTIME_KUMA_HOST, () => {
  log(`Listening on ${env.UPTIME_KUMA_HOST}:${env.UPTIME_KUMA_PORT}`);
  log("Found 0 monitors to start");
});
