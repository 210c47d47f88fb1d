import { test } from "node:test";
import assert from "node:assert/strict";
import { nodeIndex } from "../../src-lua-ts/core/node_id";
test("smoke", () => assert.equal(nodeIndex("node1"), 0));
