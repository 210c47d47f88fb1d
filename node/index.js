"use strict";
// The package's entry: the compiled API (build-path.js says where it is).
module.exports = require("./build-path")("index.js");
