// How the deployments bring the node package to an unmodified fork image: Dockerfile.node puts
// it in one folder; Kubernetes (an init container) and Compose (a one-shot service) copy that
// folder into a volume; the node's container runs the fork's command under
// `kuma-cluster-node exec` from the mounted copy. These checks keep the three in agreement.
import { parseDockerfile } from "./image-checks";

export const BIN = "node/bin/kuma-cluster-node";

/** The folder the image keeps the package in: its last WORKDIR. */
export function packageRoot(dockerfile: string): string {
  return (
    parseDockerfile(dockerfile)
      .filter((i) => i.op === "WORKDIR")
      .pop()?.args ?? ""
  );
}

/** Problems of a copy step: `cp -a <root>/. <mount>/` into the volume mounted at `mount`. */
export function copyStepProblems(where: string, argv: readonly string[] | undefined, root: string, mount: string | undefined): string[] {
  if (mount === undefined) return [`${where}: does not mount the package volume`];
  const expected = ["cp", "-a", `${root}/.`, `${mount}/`];
  return JSON.stringify(argv) === JSON.stringify(expected)
    ? []
    : [`${where}: runs ${JSON.stringify(argv)}, expected ${JSON.stringify(expected)}`];
}

/** Problems of the node's command: `node <mount>/node/bin/kuma-cluster-node exec -- <command...>`. */
export function supervisedProblems(where: string, argv: readonly string[] | undefined, mount: string | undefined): string[] {
  if (mount === undefined) return [`${where}: does not mount the package volume`];
  const head = ["node", `${mount}/${BIN}`, "exec", "--"];
  if (argv === undefined || argv.length <= head.length || head.some((x, i) => argv[i] !== x)) {
    return [`${where}: runs ${JSON.stringify(argv)}, expected ${JSON.stringify([...head, "node", "server/server.js"])}`];
  }
  return [];
}

/** The node's preStop: the package's shutdown drain (hand-over before the stop), from the same mount. */
export function preStopProblems(where: string, argv: readonly string[] | undefined, mount: string | undefined): string[] {
  const expected = ["node", `${mount}/${BIN}`, "drain", "--shutdown", "--wait", "40"];
  return JSON.stringify(argv) === JSON.stringify(expected)
    ? []
    : [`${where}: preStop is ${JSON.stringify(argv)}, expected ${JSON.stringify(expected)}`];
}

/** The fork's command line inside a supervised one (what follows `exec --`). */
export function forkCommand(argv: readonly string[]): string[] {
  return argv.slice(argv.indexOf("--") + 1);
}

/** What the packed package must hold: the bin, the compiled CLI and API with their core rules. */
export const PACKED_REQUIRED = [
  "package.json",
  "bin/kuma-cluster-node",
  "build-path.js",
  "index.js",
  "index.d.cts",
  "dist/node/src/cli.js",
  "dist/node/src/index.d.ts",
  "dist/src-lua-ts/core/settings.js",
];

/** Problems of a packed file list (`npm pack --json`): something required missing, or sources and tests shipped. */
export function packedFilesProblems(files: readonly string[]): string[] {
  const problems = PACKED_REQUIRED.filter((f) => !files.includes(f)).map((f) => `${f} is not in the tarball`);
  for (const f of files) {
    if (/\.ts$/.test(f) && !/\.d\.ts$/.test(f)) problems.push(`${f}: TypeScript source in the tarball`);
    if (/^dist\/(test|tools|bench)\/|^node_modules\//.test(f)) problems.push(`${f}: not part of the package`);
  }
  return problems;
}

/** npm's failure is the network's, not the package's: the install test is skipped, saying so. */
export function isNetworkFailure(npmOutput: string): boolean {
  return /\b(ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNREFUSED|ECONNRESET|ENETUNREACH)\b/.test(npmOutput);
}
