// Shared by the deployment checks: where the repository is, YAML and .env reading, kustomize
// rendering in a scratch copy of k8s/, and a password-shaped-value finder.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { parseAllDocuments } from "yaml";

/** The repository root: the nearest folder above this file with the project's package.json. */
export const ROOT: string = findRoot(__dirname);

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, "utf8")).name === "kuma-cluster-router") return dir;
    const up = resolve(dir, "..");
    if (up === dir) throw new Error(`no kuma-cluster-router package.json above ${start}`);
    dir = up;
  }
}

// Loose shapes of the rendered objects: the schema check has already vouched for their types.
export type Json = any;
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: Json;
}

/** Every document of a multi-document YAML text, as plain values. YAML errors throw. */
export function parseYamlDocuments(text: string, source: string): Json[] {
  const out: Json[] = [];
  for (const doc of parseAllDocuments(text, { merge: true })) {
    if (doc.errors.length > 0) throw new Error(`${source}: ${doc.errors.map((e) => e.message).join("; ")}`);
    const value = doc.toJS({ maxAliasCount: 1000 });
    if (value !== null && value !== undefined) out.push(value);
  }
  return out;
}

/** KEY=VALUE lines of an env file (kustomize's `envs:` format); comments and blanks skipped. */
export function parseEnvFile(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const eq = line.indexOf("=");
    if (eq <= 0) throw new Error(`not KEY=VALUE: ${line}`);
    out.set(line.slice(0, eq), line.slice(eq + 1));
  }
  return out;
}

/** `kubectl kustomize DIR`, parsed. Fails with kustomize's own message. */
export function kustomize(dir: string): K8sObject[] {
  const r = spawnSync("kubectl", ["kustomize", dir], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`cannot run kubectl (needed for kustomize): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`kubectl kustomize ${dir} failed:\n${r.stderr}`);
  return parseYamlDocuments(r.stdout, `kustomize ${dir}`) as K8sObject[];
}

/** Credentials for the scratch copies only; never used against a server. */
export const TEST_SECRET_ENV = [
  "MYSQL_USER=kuma_test",
  "MYSQL_DATABASE=kuma_test",
  "MYSQL_PASSWORD=test-only-password",
  "MYSQL_ROOT_PASSWORD=test-only-root-password",
  "",
].join("\n");

/**
 * A scratch copy of k8s/ in which each overlay has its (git-ignored) db-secret.env, so the
 * overlays render on a fresh clone, and in which a check may break files on purpose.
 */
export class K8sWorkspace {
  readonly dir: string;
  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), "kuma-k8s-"));
    cpSync(join(ROOT, "k8s"), this.dir, { recursive: true });
    for (const overlay of this.overlays()) {
      const file = join(this.dir, "overlays", overlay, "db-secret.env");
      writeFileSync(file, TEST_SECRET_ENV);
    }
  }

  overlays(): string[] {
    return listDirs(join(this.dir, "overlays"));
  }

  components(): string[] {
    return listDirs(join(this.dir, "components"));
  }

  /** A throwaway overlay on top of BASE (an overlay name) with the given components. */
  overlayWith(name: string, base: string, components: string[]): string {
    const dir = join(this.dir, "overlays", name);
    cpSync(join(this.dir, "overlays", base, "db-secret.env"), join(dir, "db-secret.env"));
    const lines = [
      "apiVersion: kustomize.config.k8s.io/v1beta1",
      "kind: Kustomization",
      "resources:",
      `  - ../${base}`,
      "components:",
      ...components.map((c) => `  - ../../components/${c}`),
      "",
    ];
    writeFileSync(join(dir, "kustomization.yaml"), lines.join("\n"));
    return dir;
  }

  path(...parts: string[]): string {
    return join(this.dir, ...parts);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function listDirs(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort();
}

/** Files under DIR (relative paths), recursively. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}

// ---------------------------------------------------------------------------------------------
// Passwords: names that say "this is a credential", and literal values given to them.

/** A variable or key name that holds a credential. */
export function isCredentialName(name: string): boolean {
  return /pass(word|wd)?($|[^a-z])|pwd|secret|token|api_?key|private_?key/i.test(name) && !/^secretName$/i.test(name);
}

/**
 * Places in a parsed YAML value where a credential-named field holds a literal: a mapping key
 * (`password: x`), an env entry (`{name: DB_PASSWORD, value: x}`) or a KEY=VALUE string
 * (kustomize `literals:`). References (`valueFrom`, `{name, key}` selectors) are not literals.
 */
export function literalCredentials(value: Json, where: string, allowed: (v: string) => boolean = () => false): string[] {
  const found: string[] = [];
  const visit = (v: Json, path: string): void => {
    if (typeof v === "string") {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/.exec(v);
      if (m && isCredentialName(m[1]) && !allowed(m[2])) found.push(`${where}${path}: ${m[1]}=<literal>`);
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((item, i) => visit(item, `${path}[${i}]`));
      return;
    }
    if (v === null || typeof v !== "object") return;
    if (typeof v.name === "string" && "value" in v && isCredentialName(v.name)) {
      const literal = v.value;
      if (literal !== undefined && literal !== null && String(literal) !== "" && !allowed(String(literal))) {
        found.push(`${where}${path}: ${v.name} has a literal value`);
      }
    }
    for (const [k, child] of Object.entries(v)) {
      if (
        isCredentialName(k) &&
        (typeof child === "string" || typeof child === "number") &&
        String(child) !== "" &&
        !allowed(String(child))
      ) {
        found.push(`${where}${path}.${k}: literal value`);
      }
      visit(child, `${path}.${k}`);
    }
  };
  visit(value, "");
  return found;
}

/**
 * Literal credentials in the files of a folder: YAML files (parsed) and env files (KEY=VALUE).
 * `skip` names files kept out of git (the real secrets); `allowedIn` gives, per file, the literal
 * values that are known placeholders (the template's `change-me`).
 */
export function credentialProblemsInTree(
  dir: string,
  skip: (rel: string) => boolean,
  allowedIn: (rel: string) => (v: string) => boolean,
): string[] {
  const problems: string[] = [];
  for (const rel of listFiles(dir)) {
    if (skip(rel)) continue;
    const text = readFileSync(join(dir, rel), "utf8");
    const allowed = allowedIn(rel);
    if (/\.ya?ml$/.test(rel)) {
      for (const doc of parseYamlDocuments(text, rel)) problems.push(...literalCredentials(doc, rel, allowed));
    } else if (/\.env(\.example)?$/.test(rel)) {
      for (const [k, v] of parseEnvFile(text)) if (isCredentialName(k) && v !== "" && !allowed(v)) problems.push(`${rel}: ${k}=<literal>`);
    }
  }
  return problems;
}
