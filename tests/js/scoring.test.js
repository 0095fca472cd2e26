// theme/assets/javascripts/scoring.js: points, scores, drawing questions and training progress.
// Run: node --test tests/js/*.test.js   (also run by tests/js/test_node.py)
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const scoring = require(path.join(__dirname, "..", "..", "theme", "assets", "javascripts", "scoring.js"));

/** A repeatable stand-in for Math.random (a linear congruential generator). */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const SINGLE = { id: "s", type: "single", options: [{ correct: true }, { correct: false }, { correct: false }] };
const MULTIPLE = { id: "m", type: "multiple", options: [{ correct: true }, { correct: true }, { correct: false }, { correct: false }] };
const TRUE_FALSE = { id: "tf", type: "true_false", answer: false };
const FILL = { id: "f", type: "fill_blank", answers: ["Methamphetamine", "冰毒"] };
const ORDERING = { id: "o", type: "ordering", items_html: ["first", "second", "third"] };

test("normalise takes out width, case, spaces and edge punctuation", () => {
  const cases = {
    " 甲基 苯丙胺。": "甲基苯丙胺",
    "“冰毒”": "冰毒",
    "ＭＥＴＨ": "meth",
    "Meth.": "meth",
    "K 粉！": "k粉",
    "冰毒，": "冰毒",
    "6·26": "6.26",
    "a　b": "ab",
    "《禁毒法》": "禁毒法",
    "——": "--",  // dashes are mapped, not stripped
  };
  for (const [typed, expected] of Object.entries(cases)) assert.equal(scoring.normalise(typed), expected, typed);
  assert.equal(scoring.normalise(null), "");
  assert.equal(scoring.normalise(undefined), "");
  assert.equal(scoring.normalise(626), "626");
});

test("single, true/false and fill-in questions score 1 or 0", () => {
  assert.equal(scoring.scoreQuestion(SINGLE, 0), 1);
  assert.equal(scoring.scoreQuestion(SINGLE, 2), 0);
  assert.equal(scoring.scoreQuestion(SINGLE, 9), 0);
  assert.equal(scoring.scoreQuestion(TRUE_FALSE, false), 1);
  assert.equal(scoring.scoreQuestion(TRUE_FALSE, true), 0);
  assert.equal(scoring.scoreQuestion(FILL, "  ＭＥＴＨＡＭＰＨＥＴＡＭＩＮＥ。"), 1);
  assert.equal(scoring.scoreQuestion(FILL, "「冰 毒」"), 1);
  assert.equal(scoring.scoreQuestion(FILL, "海洛因"), 0);
  assert.equal(scoring.scoreQuestion(FILL, "   "), 0);
  assert.equal(scoring.scoreQuestion({ type: "fill_blank" }, "x"), 0, "no accepted answers");
});

test("an unanswered or unknown question scores 0", () => {
  for (const q of [SINGLE, MULTIPLE, TRUE_FALSE, FILL, ORDERING]) {
    assert.equal(scoring.scoreQuestion(q, null), 0, q.type);
    assert.equal(scoring.scoreQuestion(q, undefined), 0, q.type);
  }
  assert.equal(scoring.scoreQuestion({ type: "essay" }, "words"), 0);
});

test("multiple choice: right minus wrong over the number right, never below 0", () => {
  assert.equal(scoring.scoreQuestion(MULTIPLE, [0, 1]), 1);
  assert.equal(scoring.scoreQuestion(MULTIPLE, [0]), 0.5);
  assert.equal(scoring.scoreQuestion(MULTIPLE, [0, 1, 2]), 0.5);
  assert.equal(scoring.scoreQuestion(MULTIPLE, [0, 2]), 0);
  assert.equal(scoring.scoreQuestion(MULTIPLE, [2, 3]), 0);
  assert.equal(scoring.scoreQuestion({ type: "multiple", options: [{ correct: false }] }, [0]), 0, "no right option");
});

test("multiple choice with whole points: all right and none wrong, or nothing", () => {
  assert.equal(scoring.scoreQuestion(MULTIPLE, [0, 1], true), 1);
  assert.equal(scoring.scoreQuestion(MULTIPLE, [0], true), 0);
  assert.equal(scoring.scoreQuestion(MULTIPLE, [0, 1, 2], true), 0);
  assert.equal(scoring.scoreQuestion({ type: "multiple", options: [{ correct: false }] }, [], true), 0);
});

test("ordering: right only in the right order; equal items may swap", () => {
  assert.equal(scoring.scoreQuestion(ORDERING, [0, 1, 2]), 1);
  assert.equal(scoring.scoreQuestion(ORDERING, [1, 0, 2]), 0);
  assert.equal(scoring.scoreQuestion(ORDERING, [0, 1]), 0);
  const twins = { type: "ordering", items_html: ["same", "same", "last"] };
  assert.equal(scoring.scoreQuestion(twins, [1, 0, 2]), 1);
});

test("verdicts, percentages and points as shown", () => {
  assert.deepEqual([1, 0.5, 0.01, 0].map(scoring.verdictOf), ["correct", "partial", "partial", "incorrect"]);
  assert.equal(scoring.percentOf(4, 7), 57);
  assert.equal(scoring.percentOf(2, 3), 66, "rounded down");
  assert.equal(scoring.percentOf(0.29 * 100, 100), 29, "no floating-point loss below a whole percent");
  assert.equal(scoring.percentOf(7, 7), 100);
  assert.equal(scoring.percentOf(0, 0), 0);
  assert.equal(scoring.formatPoints(0.5), "0.5");
  assert.equal(scoring.formatPoints(1 / 3), "0.33");
  assert.equal(scoring.formatPoints(5.5), "5.5");
  assert.equal(scoring.formatPoints(3), "3");
});

test("a final quiz passes at its training module's pass mark", () => {
  assert.equal(scoring.passMarkOf({ pass_mark: 70 }), 70);
  assert.equal(scoring.passMarkOf({ pass_mark: 70, training: { pass_mark: 85 } }), 85);
  assert.equal(scoring.passMarkOf({ training: {} }), 60);
  assert.equal(scoring.passMarkOf({}), scoring.DEFAULT_PASS_MARK);
});

test("an attempt's score, verdict and the questions to review", () => {
  const answers = [{ points: 1 }, { points: 0.5 }, undefined, { points: 0 }, { points: 1 }];
  assert.deepEqual(scoring.attemptResult(answers, 5, 50), { points: 2.5, score: 50, passed: true, missed: [1, 2, 3] });
  assert.equal(scoring.attemptResult(answers, 5, 51).passed, false);
  assert.deepEqual(scoring.attemptResult([], 3, 60), { points: 0, score: 0, passed: false, missed: [0, 1, 2] });
});

test("shuffled and derangedStart keep every item; an ordering never starts solved", () => {
  const list = ["a", "b", "c", "d", "e"];
  const copy = scoring.shuffled(list, seeded(1));
  assert.deepEqual([...copy].sort(), list);
  assert.deepEqual(list, ["a", "b", "c", "d", "e"], "the input is not changed");
  for (let seed = 0; seed < 200; seed += 1) {
    for (const n of [2, 3, 4]) {
      const order = scoring.derangedStart(n, seeded(seed));
      assert.deepEqual([...order].sort(), scoring.range(n));
      assert.notDeepEqual(order, scoring.range(n), `seed ${seed}, ${n} items`);
    }
  }
  assert.deepEqual(scoring.derangedStart(1), [0]);
  assert.deepEqual(scoring.derangedStart(0), []);
  // a random source that never moves anything still gives a changed order
  assert.deepEqual(scoring.derangedStart(3, () => 0.999999), [1, 2, 0]);
});

const CASE = { id: "case", type: "scenario", questions: [{ id: "case-a" }, { id: "case-b" }] };
const BANK = [{ id: "q1" }, CASE, { id: "q3" }, null, { id: "q4" }];
const ids = (steps) => steps.map((step) => step.q.id);

test("drawSteps: in order, a scenario's questions in a row after their case", () => {
  const steps = scoring.drawSteps({ questions: BANK });
  assert.deepEqual(ids(steps), ["q1", "case-a", "case-b", "q3", "q4"]);
  assert.equal(steps[1].scenario, CASE);
  assert.equal(steps[0].scenario, null);
  assert.deepEqual(scoring.drawSteps({}), []);
});

test("drawSteps: draw picks whole items, kept in order unless shuffled", () => {
  for (let seed = 0; seed < 50; seed += 1) {
    const steps = ids(scoring.drawSteps({ questions: BANK, draw: 2 }, seeded(seed)));
    const items = steps.filter((id) => id !== "case-b").map((id) => (id === "case-a" ? "case" : id));
    assert.equal(items.length, 2);
    const order = ["q1", "case", "q3", "q4"];
    assert.deepEqual(items, [...items].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    if (steps.includes("case-a")) assert.equal(steps[steps.indexOf("case-a") + 1], "case-b");
  }
  assert.equal(ids(scoring.drawSteps({ questions: BANK, draw: 9 })).length, 5, "drawing more than the bank: all");
  assert.equal(ids(scoring.drawSteps({ questions: BANK, draw: 0 })).length, 5);
  const shuffledOnce = ids(scoring.drawSteps({ questions: BANK, shuffle: true }, seeded(3)));
  assert.deepEqual([...shuffledOnce].sort(), ["case-a", "case-b", "q1", "q3", "q4"]);
  assert.equal(shuffledOnce[shuffledOnce.indexOf("case-a") + 1], "case-b");
  const seen = new Set();
  for (let seed = 0; seed < 30; seed += 1) seen.add(ids(scoring.drawSteps({ questions: BANK, shuffle: true }, seeded(seed))).join());
  assert.ok(seen.size > 3, "shuffling changes the order");
});

const MODULE = { id: "m", pass_mark: 80, quiz: { id: "module-quiz" }, units: [{ id: "lesson-a" }, { id: "lesson-b" }] };

test("progress: a module is complete when every unit is read and the quiz passed", () => {
  const fresh = scoring.progressOf(MODULE, null, null);
  assert.deepEqual({ ...fresh, unread: fresh.unread.map((u) => u.id) }, {
    name: "", total: 2, readCount: 0, readIds: [], unread: ["lesson-a", "lesson-b"], best: null, passMark: 80,
    passed: false, passedAt: null, complete: false,
  });
  const readAll = { read: ["lesson-b", "lesson-a", "elsewhere"], name: "王小明" };
  const low = scoring.progressOf(MODULE, readAll, { best: 79, passed_at: "2026-06-20" });
  assert.equal(low.readCount, 2);
  assert.deepEqual(low.readIds, ["lesson-a", "lesson-b"], "the module's units, in its order, nothing else");
  assert.equal(low.passed, false);
  assert.equal(low.passedAt, null, "a date the module's pass mark does not back is not shown");
  assert.equal(low.complete, false);
  const done = scoring.progressOf(MODULE, readAll, { best: 80, passed_at: "2026-06-26" });
  assert.equal(done.complete, true);
  assert.equal(done.passedAt, "2026-06-26");
  assert.equal(done.name, "王小明");
  const oneUnread = scoring.progressOf(MODULE, { read: ["lesson-a"] }, { best: 100, passed_at: "2026-06-26" });
  assert.deepEqual(oneUnread.unread.map((u) => u.id), ["lesson-b"]);
  assert.equal(oneUnread.complete, false);
});

test("progress: damaged records count as nothing done; the default pass mark is 60", () => {
  const damaged = scoring.progressOf({ id: "m", quiz: { id: "q" }, units: [{ id: "a" }] }, { read: "a" }, { best: "lots", passed_at: 5 });
  assert.equal(damaged.readCount, 0);
  assert.equal(damaged.best, null);
  assert.equal(damaged.passMark, 60);
  const noQuiz = scoring.progressOf({ id: "m", units: [] }, null, { best: 100 });
  assert.equal(noQuiz.best, null, "a module without a quiz ignores any quiz record");
  assert.equal(noQuiz.complete, false);
});

test("an attempt's answers are stored by question id, scenario sub-questions as case/sub, unanswered as null", () => {
  const scenario = { id: "case", type: "scenario", questions: [{ id: "s1" }, { id: "s2" }] };
  const steps = [{ q: { id: "q1" }, scenario: null }, { q: scenario.questions[0], scenario }, { q: scenario.questions[1], scenario }];
  assert.deepEqual(scoring.attemptAnswers(steps, [{ given: [0, 2], points: 0.5 }, undefined, { given: false, points: 1 }]),
    [{ id: "q1", given: [0, 2] }, { id: "case/s1", given: null }, { id: "case/s2", given: false }]);
});
