// Whether an nginx worker is still running, for the per-worker share of the WebSocket gauge:
// a worker that crashed took its connections with it, and its share must stop counting.
// /proc is read (Linux: the router's only platform) because LuaJIT's ffi is not among the
// modules TSTL may leave unresolved; without /proc every worker counts as alive.

let procMounted: boolean | undefined;

function readable(path: string): string | undefined {
  const [f] = io.open(path, "r");
  if (f === undefined) return undefined;
  const text = f.read("*l") as string | undefined;
  f.close();
  return text ?? "";
}

/** True unless /proc says the process is gone (absent, or a zombie awaiting its reaper). */
export function isAlive(this: void, pid: number): boolean {
  if (pid === ngx.worker.pid()) return true;
  if (procMounted === undefined) procMounted = readable("/proc/self/stat") !== undefined;
  if (!procMounted) return true;
  const stat = readable(`/proc/${pid}/stat`);
  if (stat === undefined) return false;
  // "<pid> (<comm>) <state> ...": the state follows the last ')'.
  let close = -1;
  for (let i = stat.length - 1; i >= 0 && close < 0; i--) if (stat.charAt(i) === ")") close = i;
  return close < 0 || stat.charAt(close + 2) !== "Z";
}
