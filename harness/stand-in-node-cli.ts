import readline from "node:readline";
import { parseFlags, runCli, singleFlag } from "./cli-args";
import { parseHostPort } from "./loopback";
import { HEALTH_MODES, StandInNode, type HealthMode } from "./stand-in-node";

/**
 * Runs one stand-in node as a process. While running, a line `health <mode>` on stdin switches
 * the health mode, so a suite or a person can fail a node without restarting it.
 */
const USAGE =
  "usage: stand-in-node-cli --node-id node1 --listen 127.0.0.2:3001 [--health ok|503|hang|redirect] [--health-path /api/v1/health ...]";

function parseHealth(text: string): HealthMode {
  const mode = HEALTH_MODES.find((m) => m === text);
  if (!mode) throw new Error(`health mode must be one of ${HEALTH_MODES.join(", ")}, got ${JSON.stringify(text)}`);
  return mode;
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2), ["node-id", "listen", "health", "health-path"]);
  const nodeId = singleFlag(flags, "node-id");
  const { host, port } = parseHostPort(singleFlag(flags, "listen"));
  const node = new StandInNode({ nodeId, host, port, healthPaths: flags.get("health-path") });
  node.setHealth(parseHealth(singleFlag(flags, "health", "ok")));
  await node.start();
  process.stdout.write(`stand-in-node ${nodeId} listening on ${node.url}\n`);

  const input = readline.createInterface({ input: process.stdin });
  input.on("line", (line) => {
    const [command, argument] = line.trim().split(/\s+/);
    try {
      if (command !== "health" || argument === undefined) throw new Error(`unknown command ${JSON.stringify(line)}`);
      node.setHealth(parseHealth(argument));
      process.stdout.write(`stand-in-node ${nodeId} health ${argument}\n`);
    } catch (error) {
      process.stderr.write(`${(error as Error).message}\n`);
    }
  });
  const shutdown = (): void => {
    input.close();
    void node.stop().then(() => process.exit(0));
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

if (require.main === module) runCli(USAGE, main);
