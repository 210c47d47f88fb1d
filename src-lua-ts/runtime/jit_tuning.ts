// LuaJIT limits for the request path. Each phase records as one trace from its hook down to
// the ngx API calls; with the default limits (maxrecord=4000 IR instructions and friends) the
// access phase's trace is "too long", LuaJIT falls back to its interpreter and every ngx API
// call costs several times its compiled price (docs/benchmarks.md).
const OPTIONS = ["maxtrace=4000", "maxrecord=16000", "maxirconst=2000", "maxside=200", "maxsnap=2000", "sizemcode=64", "maxmcode=16384"];

/** Called once in init_by_lua (the master): the workers inherit the settings. */
export function tune(): void {
  jit.opt.start(...OPTIONS);
}
