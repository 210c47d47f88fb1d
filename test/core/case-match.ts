// Comparison used by the shared case tables (spec/cases/*.json); spec/support/case_match.lua
// is its Lua twin. Objects in `expected` are subsets of `actual`; arrays and scalars are equal;
// null means "no value".
export function matches(actual: unknown, expected: unknown, path = "result"): string | undefined {
  if (expected === null)
    return actual === undefined || actual === null ? undefined : `${path}: expected no value, got ${JSON.stringify(actual)}`;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length)
      return `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
    for (let i = 0; i < expected.length; i++) {
      const m = matches(actual[i], expected[i], `${path}[${i}]`);
      if (m) return m;
    }
    return undefined;
  }
  if (typeof expected === "object") {
    if (typeof actual !== "object" || actual === null) return `${path}: expected an object, got ${JSON.stringify(actual)}`;
    for (const [k, v] of Object.entries(expected)) {
      const m = matches((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
      if (m) return m;
    }
    return undefined;
  }
  return actual === expected ? undefined : `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

/** JSON null -> undefined, recursively: what a case's null argument means (Lua's denull twin). */
export function denull(v: unknown): unknown {
  if (v === null) return undefined;
  if (Array.isArray(v)) return v.map(denull);
  if (typeof v === "object") return Object.fromEntries(Object.entries(v as object).map(([k, x]) => [k, denull(x)]));
  return v;
}

export const CASES_DIR = `${__dirname}/../../../../spec/cases`;
