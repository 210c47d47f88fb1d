// What `make bench` measures, as data: the request classes, the router variants of the phase
// profile and of the callgrind counts. A variant is a list of line edits applied to a scratch
// copy of the router's rendered config (never to nginx/ in the repository).

/** A request class: how wrk asks for it. */
export interface RequestClass {
  name: string;
  label: string;
  /** Extra wrk arguments (ROOT/... paths are resolved by the caller). */
  wrkArgs: (root: string) => string[];
}

export const CLASSES: readonly RequestClass[] = [
  { name: "pinned", label: "pinned browser (GET / + cookie)", wrkArgs: () => ["-H", "Cookie: KUMA_FIXED_NODE=node2"] },
  { name: "push", label: "push by token (GET /api/push/<token>)", wrkArgs: (root) => ["-s", `${root}/bench/push.lua`] },
  { name: "new", label: "new session (GET /, router pins)", wrkArgs: () => [] },
];

/** The classes the metrics cost is measured on. */
export const METRICS_CLASSES = ["pinned", "push"];

/** One edit of a config file, line by line: drop matching lines, or replace the first match in each. */
export type LineEdit = { drop: RegExp } | { match: RegExp; replace: string };

export interface ConfigVariant {
  name: string;
  /** Edits of conf/public.conf (the request phases) and conf/http.conf (balancer, upstream). */
  publicConf: LineEdit[];
  httpConf: LineEdit[];
}

export function applyEdits(text: string, edits: readonly LineEdit[]): string {
  return text
    .split("\n")
    .flatMap((line) => {
      let out = line;
      for (const edit of edits) {
        if ("drop" in edit) {
          if (edit.drop.test(out)) return [];
        } else {
          out = out.replace(edit.match, edit.replace);
        }
      }
      return [out];
    })
    .join("\n");
}

/** Addresses and folders the variants need, known once the benchmark has started. */
export interface VariantContext {
  /** The backend that plays node2. */
  backend2: string;
  /** LuaJIT's library folder (for jit.v), if installed. */
  jitDir?: string;
  /** Where the workers (running as nobody) may write the JIT trace log. */
  jitLog: string;
}

const noLog: LineEdit = { drop: /log_by_lua_block/ };
const emptyAccess: LineEdit = { match: /access_by_lua_block .*/, replace: "access_by_lua_block { local _ = 1 }" };
const emptyLog: LineEdit = { match: /log_by_lua_block .*/, replace: "log_by_lua_block { local _ = 1 }" };

function fixedBalancer(context: VariantContext): LineEdit {
  return {
    match: /balancer_by_lua_block .*/,
    replace: `balancer_by_lua_block { require("ngx.balancer").set_current_peer("${context.backend2}", 3001) }`,
  };
}

function staticUpstream(context: VariantContext): LineEdit[] {
  return [{ match: /server 0\.0\.0\.1;.*/, replace: `server ${context.backend2}:3001;` }, { drop: /balancer_by_lua_block/ }];
}

export const NO_LUA = "no Lua: router's proxy.conf, static upstream";

/**
 * The phase profile: the full router, phases removed, the cost of Lua itself (phases that decide
 * nothing: an empty access and log phase, a balancer that always picks node2) against the same
 * config with no Lua in the request path at all, and LuaJIT off or tracing (how much of the Lua
 * runs compiled and what aborts traces).
 */
export function profileVariants(context: VariantContext): ConfigVariant[] {
  const variants: ConfigVariant[] = [
    { name: "full", publicConf: [], httpConf: [] },
    { name: "no log phase", publicConf: [noLog], httpConf: [] },
    { name: "Lua floor: empty access and log, fixed balancer", publicConf: [emptyAccess, emptyLog], httpConf: [fixedBalancer(context)] },
    { name: "Lua floor without a log phase", publicConf: [emptyAccess, noLog], httpConf: [fixedBalancer(context)] },
    { name: NO_LUA, publicConf: [noLog, { drop: /access_by_lua_block/ }], httpConf: staticUpstream(context) },
    {
      name: "JIT off",
      publicConf: [],
      httpConf: [{ match: /init_worker_by_lua_block \{/, replace: "init_worker_by_lua_block { jit.off()" }],
    },
  ];
  if (context.jitDir !== undefined) {
    const start = `package.path = package.path .. ";${context.jitDir}/?.lua" require("jit.v").start("${context.jitLog}")`;
    variants.push({
      name: "JIT trace log on (jit.v)",
      publicConf: [],
      httpConf: [{ match: /init_worker_by_lua_block \{/, replace: `init_worker_by_lua_block { ${start}` }],
    });
  }
  return variants;
}

/** The router setups counted under callgrind (plain nginx is counted beside them). */
export function callgrindVariants(context: VariantContext): ConfigVariant[] {
  return [
    { name: "router", publicConf: [], httpConf: [] },
    { name: "Lua floor", publicConf: [emptyAccess, emptyLog], httpConf: [fixedBalancer(context)] },
    { name: "no Lua", publicConf: [{ drop: /access_by_lua_block/ }, { drop: /log_by_lua_block/ }], httpConf: staticUpstream(context) },
  ];
}
