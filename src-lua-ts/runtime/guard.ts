// Runs a phase handler under xpcall so a Lua error is logged with a traceback mapped back to
// the TypeScript sources (nginx's own traceback is not source-mapped, and it prints a thrown
// Error object as "unknown reason").

function describe(err: unknown): string {
  if (typeof err === "object" && err !== null && (err as Error).message !== undefined) {
    const e = err as Error;
    return `${e.name}: ${e.message}\n${e.stack ?? ""}`;
  }
  return debug.traceback(tostring(err), 2);
}

/** Calls fn; on error logs "<phase> failed: <message + mapped traceback>" and returns false. */
export function guard(phase: string, fn: () => void): boolean {
  const [ok, trace] = xpcall(fn, describe);
  if (!ok) ngx.log(ngx.ERR, `${phase} failed: ${trace}`);
  return ok;
}
