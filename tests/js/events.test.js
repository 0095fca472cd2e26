// theme/assets/javascripts/events.js: "upcoming" by the reader's date and the events filters.
// Run: node --test tests/js/*.test.js   (also run by tests/js/test_node.py)
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const events = require(path.join(__dirname, "..", "..", "theme", "assets", "javascripts", "events.js"));

const items = [
  { id: "a", date: "2026-06-26", time: "09:30", status: "done" },
  { id: "b", date: "2026-12-20", time: "", status: "planned" },
  { id: "c", date: "2027-01-10", time: "14:00", status: "cancelled" },
  { id: "d", date: "2026-12-20", time: "08:00", status: "planned" },
  { id: "e", date: "2026-11-02", time: "", status: "planned" },
];

test("upcoming is not done and not before the reader's date, soonest first; past newest first", () => {
  const lists = events.arrange(items, "2026-12-04");
  assert.deepEqual(lists.upcoming.map((x) => x.id), ["b", "d", "c"]); // an all-day event before the timed one that day
  assert.deepEqual(lists.past.map((x) => x.id), ["e", "a"]);
});

test("a reader a month later sees the December talks as past", () => {
  const lists = events.arrange(items, "2027-01-05");
  assert.deepEqual(lists.upcoming.map((x) => x.id), ["c"]);
  assert.deepEqual(lists.past.map((x) => x.id), ["d", "b", "e", "a"]);
});

test("filters match one of several audiences and ignore empty choices", () => {
  const row = { region: "haikou", setting: "campus", audience: "middle parents", status: "planned" };
  assert.equal(events.matches(row, { region: "haikou", audience: "parents", setting: "", status: "" }), true);
  assert.equal(events.matches(row, { audience: "primary" }), false);
  assert.equal(events.matches(row, { status: "cancelled" }), false);
});

test("the reader's date is the local calendar date", () => {
  assert.equal(events.localToday(new Date(2027, 0, 5, 23, 59)), "2027-01-05");
});
