// Types of the entry: the declarations tsc emits for node/src/index.ts (declaration: true).
// A .d.cts, so the project's own type check (node/**/*.ts) does not need the build to exist.
export * from "../build/js/node/src/index";
