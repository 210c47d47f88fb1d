// Starts the health checks in a worker: the prober loop and the registry writer loop. Every
// worker runs both; the lease picks the one worker that probes and writes.
import * as checker from "./checker";
import * as writer from "./writer";

export function start(): void {
  checker.start();
  writer.start();
}
