// The router's settings, read once from the environment in init_by_lua (before the workers
// fork) and validated there: a bad value stops nginx with the variable's name and value.
import { describeEnvironment, loadRouterSettings, RouterSettings } from "../core/settings";

const RESOLV_CONF = "/etc/resolv.conf";

let current: RouterSettings | undefined;

function readFile(path: string): string {
  const [f] = io.open(path, "r");
  if (f === undefined) return "";
  const text = f.read("*a") as string | undefined;
  f.close();
  return text ?? "";
}

const getenv = (name: string): string | undefined => os.getenv(name);

/** Loads and validates; throws a message naming every bad variable. */
export function load(): RouterSettings {
  const loaded = loadRouterSettings(getenv, readFile(RESOLV_CONF));
  if (!loaded.ok) {
    throw `invalid environment: ${loaded.errors.join("; ")}`;
  }
  current = loaded.value;
  return current;
}

/** The settings loaded at startup (loading them on first use in a spec context). */
export function get(): RouterSettings {
  return current ?? load();
}

/** name -> effective value of every variable the router reads, secrets redacted. */
export function effectiveEnvironment(): Record<string, string> {
  return describeEnvironment(getenv, "router", get().environment);
}

/** One startup line per concern, so an operator sees what the router believes. */
export function logEnvironment(): void {
  const s = get();
  const dns = s.dns.servers.map((d) => `${d.host}:${d.port}`).join(",");
  ngx.log(ngx.NOTICE, `environment=${s.environment} db=${s.db.user}@${s.db.host}:${s.db.port}/${s.db.database} (password redacted)`);
  ngx.log(
    ngx.NOTICE,
    `dns=${dns === "" ? "none" : dns} (from ${s.dns.source}) k8s namespace=${s.hostRules.namespace} headless=${s.hostRules.headlessService}`,
  );
  ngx.log(
    ngx.NOTICE,
    `health path=${s.health.path} interval=${s.health.intervalS}s timeout=${s.health.timeoutMs}ms down after ${s.health.failures} up after ${s.health.successes}; sync every ${s.router.syncIntervalS}s`,
  );
}
