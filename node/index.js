"use strict";
// The package's entry: the compiled API in the repository's build (npx tsc -p tsconfig.node.json).
module.exports = require("../build/js/node/src/index.js");
