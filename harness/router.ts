// Starts the real router (scripts/router.sh: Debian nginx + the generated Lua) for e2e tests,
// each instance in its own scratch prefix with its error.log kept for assertions.
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findFreePort, startProcess, waitForPort, type ManagedProcess } from "./processes";

export const ROOT = join(__dirname, "..", "..", "..");

export interface Router {
  process: ManagedProcess;
  publicUrl: string;
  statusUrl: string;
  prefix: string;
  errorLog(): string;
  stop(): Promise<void>;
}

/** Environment for a router that must not see this machine's real cluster variables. */
export function routerEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    WORKER_PROCESSES: "2",
    ERROR_LOG_LEVEL: "info",
    ...extra,
  };
}

export async function startRouter(env: Record<string, string>): Promise<Router> {
  // Free loopback ports unless the caller fixed the listeners (as `make up` does).
  const publicListen = env.ROUTER_LISTEN ?? `127.0.0.1:${await findFreePort("127.0.0.1")}`;
  const statusListen = env.ROUTER_STATUS_LISTEN ?? `127.0.0.1:${await findFreePort("127.0.0.1")}`;
  const prefix = mkdtempSync(join(tmpdir(), "kuma-router-test-"));
  const errorLogPath = join(prefix, "logs", "error.log");
  const child = await startProcess(join(ROOT, "scripts", "router.sh"), {
    name: "router",
    readyLine: "router: public",
    env: routerEnv({
      ROUTER_PREFIX: prefix,
      ERROR_LOG: errorLogPath,
      ...env,
      ROUTER_LISTEN: publicListen,
      ROUTER_STATUS_LISTEN: statusListen,
    }),
  });
  const [host, port] = splitListen(publicListen);
  await waitForPort(host, port, { timeoutMs: 10_000 });
  return {
    process: child,
    publicUrl: `http://${publicListen}`,
    statusUrl: `http://${statusListen}`,
    prefix,
    errorLog: () => (existsSync(errorLogPath) ? readFileSync(errorLogPath, "utf8") : ""),
    stop: async () => {
      await child.stop({ signal: "SIGQUIT" });
    },
  };
}

function splitListen(listen: string): [string, number] {
  const colon = listen.lastIndexOf(":");
  return [listen.slice(0, colon), Number(listen.slice(colon + 1))];
}

/**
 * Lines of error.log that a healthy router never writes: Lua errors and anything critical.
 * nginx's own "connect() failed ... while connecting to upstream" is expected when a node dies.
 */
export function luaErrors(log: string): string[] {
  return log.split("\n").filter((l) => /\[(crit|alert|emerg)\]/.test(l) || /runtime error|stack traceback|\[error\].*\[lua\]/.test(l));
}
