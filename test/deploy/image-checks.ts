// Static checks of Dockerfile.openresty and its build context (.dockerignore): what the image
// is built from, what it contains, and how it runs. The dockerized suite (test/docker) builds
// and runs it where a Docker engine exists; these run everywhere.
import ignore from "@balena/dockerignore";

export interface Instruction {
  op: string;
  args: string;
}

/** Instructions of a Dockerfile: continuation lines joined, comments dropped. */
export function parseDockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  let pending = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (pending === "" && (line === "" || line.startsWith("#"))) continue;
    if (line.startsWith("#")) continue;
    pending += (pending === "" ? "" : " ") + line.replace(/\\$/, "").trim();
    if (line.endsWith("\\")) continue;
    const m = /^(\S+)\s*(.*)$/.exec(pending) as RegExpExecArray;
    out.push({ op: m[1].toUpperCase(), args: m[2] });
    pending = "";
  }
  return out;
}

/** ENV instructions as a map (KEY=VALUE forms, quotes removed). */
export function dockerEnv(instructions: Instruction[]): Map<string, string> {
  const env = new Map<string, string>();
  for (const i of instructions.filter((x) => x.op === "ENV")) {
    for (const m of i.args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("([^"]*)"|(\S*))/g)) env.set(m[1], m[3] ?? m[4]);
  }
  return env;
}

/** The base image, with an `ARG NAME=default` used by FROM resolved. */
export function baseImage(instructions: Instruction[]): string {
  const args = new Map<string, string>();
  for (const i of instructions) {
    if (i.op === "ARG") {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=(\S+)$/.exec(i.args);
      if (m) args.set(m[1], m[2]);
    }
    if (i.op === "FROM") return i.args.split(/\s+/)[0].replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, n) => args.get(n) ?? "");
  }
  return "";
}

/** The files of FILES that the build context would contain under DOCKERIGNORE. */
export function buildContext(files: string[], dockerignore: string): string[] {
  const ig = ignore({ ignorecase: false }).add(dockerignore.split("\n"));
  return files.filter((f) => !ig.ignores(f));
}

export function dockerfileProblems(text: string, context: string[]): string[] {
  const p: string[] = [];
  const ins = parseDockerfile(text);
  const from = ins.filter((i) => i.op === "FROM");
  if (from.length !== 1) p.push(`${from.length} FROM lines: the router image is one stage`);
  const image = baseImage(ins);
  if (!/^openresty\/openresty:\d+\.\d+\.\d+\.\d+-\d+-[a-z0-9-]+$/.test(image))
    p.push(`base image ${image} is not a pinned openresty/openresty version tag`);

  const user = ins.filter((i) => i.op === "USER").pop()?.args ?? "";
  if (!/^[1-9]\d*(:[1-9]\d*)?$/.test(user))
    p.push(`USER is ${user || "unset"}: the router must run as a numeric non-root uid (runAsNonRoot can verify it)`);

  const env = dockerEnv(ins);
  const want: Record<string, string> = { ROUTER_LISTEN: "0.0.0.0:8084", ROUTER_STATUS_LISTEN: "0.0.0.0:9145", LOAD_MODULES: "" };
  for (const [k, v] of Object.entries(want))
    if (env.get(k) !== v) p.push(`ENV ${k} is ${JSON.stringify(env.get(k))}, expected ${JSON.stringify(v)}`);
  const luaPath = (env.get("LUA_PATH") ?? "").split(";");
  for (const entry of ["/opt/kuma-router/generated-lua/?.lua", "/usr/local/openresty/lualib/?.lua"])
    if (!luaPath.includes(entry)) p.push(`LUA_PATH lacks ${entry}`);
  if (luaPath.some((e) => /test-runtime|test-lua/.test(e))) p.push("LUA_PATH includes the test runtime's Lua");

  const hc = ins.find((i) => i.op === "HEALTHCHECK")?.args ?? "";
  if (!/entrypoint\.sh"?,?\s*"?healthcheck|\/lb\/health/.test(hc)) p.push("no HEALTHCHECK on /lb/health");
  const entry = ins.find((i) => i.op === "ENTRYPOINT")?.args ?? "";
  if (!entry.includes("docker/entrypoint.sh")) p.push(`ENTRYPOINT is ${entry || "unset"}, expected docker/entrypoint.sh`);

  for (const run of ins.filter((i) => i.op === "RUN")) {
    if (/\b(npm|npx|nodejs|node|yarn|tstl|typescript)\b/.test(run.args))
      p.push(`RUN installs or runs Node tooling: ${run.args.slice(0, 80)}`);
  }
  for (const copy of ins.filter((i) => i.op === "COPY" || i.op === "ADD")) {
    const parts = copy.args.split(/\s+/).filter((x) => !x.startsWith("--"));
    for (const src of parts.slice(0, -1)) {
      if (/^(test|build|node_modules)/.test(src)) p.push(`${copy.op} ${src}: test or build material in the image`);
      const clean = src.replace(/\/$/, "");
      if (!context.some((f) => f === clean || f.startsWith(`${clean}/`)))
        p.push(`${copy.op} ${src}: not in the build context (.dockerignore)`);
    }
  }
  for (const f of context) {
    if (f.startsWith("generated-lua/resty/")) p.push(`${f}: a stand-in under generated-lua/ would shadow OpenResty's own library`);
    if (/^(node_modules|build|src-lua-ts|test|test-runtime|\.git)\//.test(f)) p.push(`${f} is in the build context`);
  }
  return p;
}

/** The entrypoint reuses scripts/router-conf.sh instead of rendering the config itself. */
export function entrypointProblems(text: string): string[] {
  const p: string[] = [];
  if (!/^\s*\.\s+"\$ROOT\/scripts\/router-conf\.sh"/m.test(text)) p.push("entrypoint does not source scripts/router-conf.sh");
  if (!/^\s*prepare_router_prefix\b/m.test(text)) p.push("entrypoint does not call prepare_router_prefix");
  if (/render-nginx\.sh|router\.conf\.template/.test(text))
    p.push("entrypoint renders the config itself: leave that to prepare_router_prefix");
  if (!text.includes("/lb/health")) p.push("entrypoint healthcheck does not request /lb/health");
  return p;
}
