/** Minimal `--flag value` / `--flag=value` parsing for the support CLIs; flags may repeat. */
export function parseFlags(argv: readonly string[], known: readonly string[]): Map<string, string[]> {
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(argv[i]);
    if (!match) throw new Error(`unexpected argument ${JSON.stringify(argv[i])}`);
    const [, name, inline] = match;
    if (!known.includes(name)) throw new Error(`unknown flag --${name}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    flags.set(name, [...(flags.get(name) ?? []), value]);
  }
  return flags;
}

/** The single value of a flag, or the fallback; repeating a single-valued flag is an error. */
export function singleFlag(flags: Map<string, string[]>, name: string, fallback?: string): string {
  const values = flags.get(name) ?? [];
  if (values.length > 1) throw new Error(`--${name} given more than once`);
  const value = values[0] ?? fallback;
  if (value === undefined) throw new Error(`--${name} is required`);
  return value;
}

/** Runs a CLI's main, printing a failure as one line on stderr with exit code 2. */
export function runCli(usage: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
    process.exit(2);
  });
}
