// Node gives byte-identical answers to the native engine on the shared vectors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as ordergate from "ordergate";
import { replay } from "./vectors.mjs";

const vectors = JSON.parse(readFileSync(new URL("../test-data/vectors.json", import.meta.url), "utf8"));
const sources = { "sample-marketplace": readFileSync(new URL("../examples/policies/sample-marketplace.json", import.meta.url), "utf8") };

test(`Node answers the ${vectors.length} shared vectors byte for byte as native Rust`, async () => {
  const result = await replay(ordergate, vectors, sources);
  assert.equal(result.count, vectors.length);
  assert.deepEqual(result.mismatches, []);
});
