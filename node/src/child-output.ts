// The supervised node's output: passed through byte for byte, and read line by line for the
// few lines the supervisor acts on. The supervisor's own lines go to stderr between the
// child's lines, never inside one.
import type { Readable, Writable } from "node:stream";

/** A line of the node's log the supervisor acts on, from Uptime Kuma's own messages. */
export type NodeEvent =
  | { kind: "listening" }
  /** startMonitors at start: it starts this many monitors, one every 0.3-1 s. */
  | { kind: "starting-monitors"; count: number }
  /** The reconciler started or stopped a monitor. */
  | { kind: "reconciling"; monitorId: number; action: "starting" | "stopping" }
  /** Add, edit or resume started a monitor here, whoever owns it. */
  | { kind: "started"; monitorId: number }
  /** Pause or delete stopped a monitor here. */
  | { kind: "stopped"; monitorId: number };

// Uptime Kuma colours its log even into a pipe.
const ANSI = /\x1b\[[0-9;]*m/g;

const PATTERNS: [RegExp, (m: RegExpExecArray) => NodeEvent][] = [
  [
    /\bReconciling: (starting|stopping) monitor .*\(ID: (\d+)\)\s*$/,
    (m) => ({ kind: "reconciling", monitorId: Number(m[2]), action: m[1] as "starting" | "stopping" }),
  ],
  [/\bResume Monitor: (\d+)\b/, (m) => ({ kind: "started", monitorId: Number(m[1]) })],
  [/\b(?:Pause|Delete) Monitor: (\d+) User ID/, (m) => ({ kind: "stopped", monitorId: Number(m[1]) })],
  [/\bFound (\d+) monitors to start\b/, (m) => ({ kind: "starting-monitors", count: Number(m[1]) })],
  [/\bINFO:.*\bListening on\b/, () => ({ kind: "listening" })],
];

export function parseNodeLine(line: string): NodeEvent | undefined {
  const plain = line.replace(ANSI, "");
  for (const [pattern, make] of PATTERNS) {
    const m = pattern.exec(plain);
    if (m) return make(m);
  }
  return undefined;
}

/** Copies `from` to `to` unchanged and hands each complete line to `onLine`. */
export class Relay {
  private partial = "";
  private atLineStart = true;
  private readonly waiting: string[] = [];
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(
    from: Readable,
    private readonly to: Writable,
    onLine: (line: string) => void,
  ) {
    from.on("data", (chunk: Buffer) => {
      to.write(chunk);
      const text = chunk.toString("utf8");
      this.atLineStart = text.endsWith("\n");
      if (this.atLineStart) this.flush();
      const parts = (this.partial + text).split("\n");
      this.partial = parts.pop() ?? "";
      // A line without an end for this long is not a log line: stop holding it.
      if (this.partial.length > 64 * 1024) this.partial = "";
      for (const line of parts) onLine(line);
    });
    from.on("end", () => {
      if (this.partial !== "") onLine(this.partial);
      this.partial = "";
      this.atLineStart = true;
      this.flush();
    });
  }

  /** Writes a line of the supervisor's own between the child's lines (at most 0.5 s late). */
  say(line: string): void {
    this.waiting.push(`${line}\n`);
    if (this.atLineStart) return this.flush();
    this.flushTimer ??= setTimeout(() => this.flush(), 500);
  }

  private flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    for (const line of this.waiting.splice(0)) this.to.write(line);
  }
}
