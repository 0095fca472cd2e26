/* Unit tests of the slide engine's pure parts (theme/assets/javascripts/slides.js): paging with
   reveal steps, keys and swipes, hashes, clocks and the presenter's timers. */
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const slides = require("../../theme/assets/javascripts/slides.js");

const steps = [0, 0, 1, 0]; // slide 3 is a quiz question: one press reveals its answer

test("next walks every slide and reveal step, then stays on the last", () => {
  let pos = { index: 0, step: 0 };
  const seen = [];
  for (let i = 0; i < 7; i++) {
    seen.push(`${pos.index}.${pos.step}`);
    pos = slides.next(pos, steps);
  }
  assert.deepEqual(seen, ["0.0", "1.0", "2.0", "2.1", "3.0", "3.0", "3.0"]);
});

test("prev goes back a reveal step, else to the previous slide fully revealed, and stops at the first", () => {
  assert.deepEqual(slides.prev({ index: 3, step: 0 }, steps), { index: 2, step: 1 });
  assert.deepEqual(slides.prev({ index: 2, step: 1 }, steps), { index: 2, step: 0 });
  assert.deepEqual(slides.prev({ index: 2, step: 0 }, steps), { index: 1, step: 0 });
  assert.deepEqual(slides.prev({ index: 0, step: 0 }, steps), { index: 0, step: 0 });
});

test("valid clamps positions from hashes and messages into the deck", () => {
  assert.deepEqual(slides.valid({ index: 99, step: 5 }, steps), { index: 3, step: 0 });
  assert.deepEqual(slides.valid({ index: 2, step: 9 }, steps), { index: 2, step: 1 });
  assert.deepEqual(slides.valid({ index: -4, step: -1 }, steps), { index: 0, step: 0 });
  assert.deepEqual(slides.valid({ index: "x" }, steps), { index: 0, step: 0 });
  assert.deepEqual(slides.valid(null, []), { index: 0, step: 0 });
});

test("keys: arrows, Space, PageUp/PageDown (clickers), F, B, S", () => {
  for (const key of ["ArrowRight", " ", "PageDown", "ArrowDown"]) assert.equal(slides.keyAction(key), "next", key);
  for (const key of ["ArrowLeft", "PageUp", "ArrowUp"]) assert.equal(slides.keyAction(key), "prev", key);
  assert.equal(slides.keyAction("f"), "fullscreen");
  assert.equal(slides.keyAction("B"), "blank");
  assert.equal(slides.keyAction("."), "blank");
  assert.equal(slides.keyAction("s"), "presenter");
  assert.equal(slides.keyAction("Home"), "first");
  assert.equal(slides.keyAction("End"), "last");
  assert.equal(slides.keyAction("q"), null);
});

test("swipes: a clear horizontal move pages, a scroll or a tap does not", () => {
  assert.equal(slides.swipeAction(-120, 10), "next");
  assert.equal(slides.swipeAction(90, -20), "prev");
  assert.equal(slides.swipeAction(30, 0), null);
  assert.equal(slides.swipeAction(-80, 70), null);
});

test("hashes name slides from 1 and reveal steps after a dot", () => {
  assert.deepEqual(slides.parseHash("#7"), { index: 6, step: 0 });
  assert.deepEqual(slides.parseHash("#3.1"), { index: 2, step: 1 });
  assert.equal(slides.parseHash("#intro"), null);
  assert.equal(slides.hashOf({ index: 2, step: 1 }), "#3.1");
  assert.equal(slides.hashOf({ index: 0, step: 0 }), "#1");
});

test("clock shows minutes and seconds, with a minus sign once over time", () => {
  assert.equal(slides.clock(0), "00:00");
  assert.equal(slides.clock(425), "07:05");
  assert.equal(slides.clock(3600), "60:00");
  assert.equal(slides.clock(-90), "-01:30");
});

test("timers count down each section's minutes and up the total", () => {
  const timers = slides.createTimers([5, 10]);
  assert.equal(timers.left(0), 300);
  timers.tick(0, 60);
  timers.tick(1, 30);
  timers.tick(0, 250);
  assert.equal(timers.left(0), -10);
  assert.equal(timers.left(1), 570);
  assert.equal(timers.total(), 340);
  timers.restart();
  assert.equal(timers.left(0), 300);
  assert.equal(timers.total(), 0);
});

test("the stage scale fits 16:9 into any window", () => {
  assert.equal(slides.fit(1280, 720, 1280, 720), 1);
  assert.equal(slides.fit(1920, 1080, 1280, 720), 1.5);
  assert.equal(slides.fit(1280, 1024, 1280, 720), 1);
  assert.equal(slides.fit(360, 640, 1280, 720), 360 / 1280);
});

test("messages between deck and presenter carry the deck id, and others are ignored", () => {
  const m = slides.message("new-drugs", "go", { index: 3, step: 1 });
  assert.deepEqual(m, { dandelion: "slides", deck: "new-drugs", type: "go", index: 3, step: 1 });
  assert.ok(slides.isOurMessage(m, "new-drugs"));
  assert.ok(!slides.isOurMessage(m, "other-lesson"));
  assert.ok(!slides.isOurMessage("go", "new-drugs"));
  assert.ok(!slides.isOurMessage(null, "new-drugs"));
});
