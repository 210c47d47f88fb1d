// Types of the entry: the declarations tsc emits for node/src/index.ts into dist/ when the
// package is packed. A .d.cts, so the project's own type check (node/**/*.ts) does not need it.
export * from "./dist/node/src/index";
