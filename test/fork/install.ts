// The cluster fork of Uptime Kuma for the real-node suite: its server side comes as tarballs
// (one per commit) in KUMA_FORK_DIR, else in a `shared/fork` folder beside the checkout. Each
// is installed once (npm, from the registry) into a cache outside the repository, keyed by the
// tarball's SHA-256, so a new tarball installs afresh and an unchanged one costs nothing.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/** The repository root, from build/js/test/fork. */
export const ROOT = join(__dirname, "..", "..", "..", "..");
/** The fork's folder inside each tarball. */
const TOP = "uptime-kuma-cluster";
// uptime-kuma-cluster-<branch>-<commit>.tar.gz
const TARBALL = /^uptime-kuma-cluster-(.+)-([0-9a-f]{7,40})\.tar\.gz$/;
const INSTALL_LOCK_STALE_MS = 15 * 60_000;

export interface ForkCommit {
  /** The branch the tarball was taken from, e.g. "main" or "k8s-autoscale-up". */
  branch: string;
  commit: string;
  tarball: string;
  sha256: string;
}

/** The folder holding the tarballs, or undefined when there is none. */
export function forkSource(): string | undefined {
  const dir = process.env.KUMA_FORK_DIR ?? join(ROOT, "..", "shared", "fork");
  return existsSync(dir) && forkCommits(dir).length > 0 ? dir : undefined;
}

export function forkCommits(dir: string): ForkCommit[] {
  return readdirSync(dir)
    .map((name) => ({ name, m: TARBALL.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null)
    .map(({ name, m }) => {
      const tarball = join(dir, name);
      return { branch: m[1], commit: m[2], tarball, sha256: createHash("sha256").update(readFileSync(tarball)).digest("hex") };
    })
    .sort((a, b) => (a.branch === "main" ? -1 : b.branch === "main" ? 1 : a.branch.localeCompare(b.branch)));
}

export function cacheRoot(): string {
  return process.env.KUMA_FORK_CACHE ?? join(homedir(), ".cache", "kuma-cluster-router", "fork");
}

/** Waits for (or takes) an install lock: a directory, so that two test runs install once. */
async function withLock<T>(lock: string, work: () => T): Promise<T> {
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > INSTALL_LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The installed fork's folder (with server/server.js): from the cache, or extracted and
 * installed now (about 20 s with a warm npm cache). The server needs a dist/index.html to start;
 * the API and socket.io need no real frontend, so one line is enough.
 */
export async function installFork(fork: ForkCommit): Promise<string> {
  const dest = join(cacheRoot(), fork.sha256);
  const server = join(dest, TOP);
  const ready = join(dest, ".installed");
  if (existsSync(ready)) return server;
  mkdirSync(cacheRoot(), { recursive: true });
  return withLock(`${dest}.lock`, () => {
    if (existsSync(ready)) return server;
    const work = `${dest}.tmp-${process.pid}`;
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work);
    execFileSync("tar", ["xzf", fork.tarball, "-C", work]);
    // --ignore-scripts: one install script downloads from GitHub; nothing else needs them.
    execFileSync("npm", ["install", "--omit=dev", "--legacy-peer-deps", "--no-audit", "--no-fund", "--ignore-scripts"], {
      cwd: join(work, TOP),
      stdio: ["ignore", "ignore", "pipe"],
      timeout: 10 * 60_000,
    });
    mkdirSync(join(work, TOP, "dist"), { recursive: true });
    writeFileSync(join(work, TOP, "dist", "index.html"), "<!DOCTYPE html><title>Uptime Kuma (API only)</title>\n");
    writeFileSync(join(work, ".installed"), `${fork.branch} ${fork.commit} ${fork.sha256}\n`);
    rmSync(dest, { recursive: true, force: true });
    renameSync(work, dest);
    return server;
  });
}
