"use strict";
// Where the compiled package is: dist/ inside a packed package (`npm pack` compiles it there),
// else the checkout's build (make js) when run from the repository.
const fs = require("node:fs");
const path = require("node:path");

const packed = path.join(__dirname, "dist", "node", "src");
const checkout = path.join(__dirname, "..", "build", "js", "node", "src");

/** The compiled module `name` (e.g. "cli.js"), exiting with a hint when neither build exists. */
module.exports = function compiled(name) {
  for (const dir of [packed, checkout]) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) return require(file);
  }
  process.stderr.write(`kuma-cluster-node: ${name} is not compiled; in the repository run make js, or install the packed package (npm pack)\n`);
  process.exit(1);
};
