// ROUTER_METRICS, read once when the modules load in init_by_lua (before the workers fork): a
// malformed value stops nginx with the variable named, like every other variable.
import { Reader } from "../core/settings";

function read(): boolean {
  const r = new Reader((name) => os.getenv(name), false);
  const on = r.bool("ROUTER_METRICS");
  if (r.errors.length > 0) throw `invalid environment: ${r.errors.join("; ")}`;
  return on ?? true;
}

/** False: no per-request counting, /metrics answers 404 (the bench's baseline). */
export const ENABLED = read();
