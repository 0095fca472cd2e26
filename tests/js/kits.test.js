/* Unit tests of the kits page filter (theme/assets/javascripts/kits.js). */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const kits = require("../../theme/assets/javascripts/kits.js");

const sets = [
  { setting: "campus", language: "zh" }, { setting: "campus", language: "en" },
  { setting: "village", language: "zh" }, { setting: "village", language: "en" },
];
const kit = { audiences: "primary villagers" };

test("no filter shows every set", () => {
  assert.equal(kits.visibleSets(kit, sets, { audience: "", setting: "", language: "" }).length, 4);
});

test("setting and language narrow the sets", () => {
  assert.deepEqual(kits.visibleSets(kit, sets, { audience: "", setting: "village", language: "zh" }), [sets[2]]);
  assert.deepEqual(kits.visibleSets(kit, sets, { audience: "villagers", setting: "", language: "en" }), [sets[1], sets[3]]);
});

test("a kit for other audiences shows nothing", () => {
  assert.deepEqual(kits.visibleSets(kit, sets, { audience: "parents", setting: "", language: "" }), []);
  assert.deepEqual(kits.visibleSets({ audiences: "" }, sets, { audience: "parents", setting: "", language: "" }), []);
});
