/*
 * Dandelion (蒲公英) scoring and progress: pure functions, no page, no storage (tests/js runs them in Node).
 * Needs core.js first; sets Dandelion.scoring (module.exports in Node).
 *
 * Scoring: every question (every sub-question of a scenario) is worth 1 point.
 *   single, true_false, fill_blank, ordering: 1 or 0.
 *   multiple: (correct options picked − wrong options picked) ÷ number of correct options, at least 0;
 *   with whole points (quizzes for pupils and villagers) 1 only when every right option and no wrong
 *   one is picked.
 *   score % = floor(points ÷ questions asked × 100); passed when score ≥ pass mark (the training's
 *   pass mark when the quiz is a training module's final quiz).
 * fill_blank answers are compared after normalise(): NFKC (full-width → half-width), lower case,
 * Chinese punctuation mapped to its ASCII twin, all white space removed, punctuation stripped at
 * both ends.
 * A training module is complete when every unit is marked read and the quiz's best score reaches the
 * module's pass mark.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./core.js"));
  } else {
    if (!root.Dandelion || !root.Dandelion.records) throw new Error("scoring.js needs core.js loaded before it");
    root.Dandelion.scoring = factory(root.Dandelion);
  }
})(typeof window !== "undefined" ? window : this, function (core) {
  "use strict";

  var DEFAULT_PASS_MARK = 60;

  /* ------------------------------------------------------------------ typed answers */

  var PUNCT_MAP = {
    "\u3002": ".", "\uff61": ".", "\u3001": ",", "\uff64": ",", "\u00b7": ".", "\u30fb": ".",
    "\u201c": "\"", "\u201d": "\"", "\u201e": "\"", "\u300c": "\"", "\u300d": "\"", "\u300e": "\"", "\u300f": "\"",
    "\u2018": "'", "\u2019": "'", "\u300a": "<", "\u300b": ">", "\u3008": "<", "\u3009": ">",
    "\u3010": "[", "\u3011": "]", "\u3014": "(", "\u3015": ")", "\u2014": "-", "\u2013": "-", "\u2015": "-",
    "\u2026": "...", "\u301c": "~"
  };
  var PUNCT_MAP_RE = new RegExp("[" + Object.keys(PUNCT_MAP).join("") + "]", "g");
  var EDGE_PUNCT_RE = /^[.,;:!?'"`~()[\]{}<>]+|[.,;:!?'"`~()[\]{}<>]+$/g;

  /** A typed answer with the trivial differences (width, case, spaces, punctuation) taken out. */
  function normalise(text) {
    var s = String(text === undefined || text === null ? "" : text);
    if (s.normalize) s = s.normalize("NFKC");
    s = s.toLowerCase();
    s = s.replace(PUNCT_MAP_RE, function (c) { return PUNCT_MAP[c]; });
    s = s.replace(/\s+/g, "");
    s = s.replace(EDGE_PUNCT_RE, "");
    return s;
  }

  /* ------------------------------------------------------------------ points */

  /** Points (0…1) for `given` on question `q`; `given` is null when unanswered: an option index
   *  (single), sorted option indexes (multiple), a boolean (true_false), text (fill_blank) or the
   *  item indexes in the learner's order (ordering). */
  function scoreQuestion(q, given, whole) {
    if (given === null || given === undefined) return 0;
    var i;
    switch (q.type) {
      case "single":
        return q.options[given] && q.options[given].correct ? 1 : 0;
      case "multiple": {
        var correct = 0, right = 0, wrong = 0;
        for (i = 0; i < q.options.length; i++) if (q.options[i].correct) correct += 1;
        for (i = 0; i < given.length; i++) {
          if (q.options[given[i]] && q.options[given[i]].correct) right += 1;
          else wrong += 1;
        }
        if (whole) return correct && right === correct && wrong === 0 ? 1 : 0;
        return correct ? Math.max(0, (right - wrong) / correct) : 0;
      }
      case "true_false":
        return given === Boolean(q.answer) ? 1 : 0;
      case "fill_blank": {
        var typed = normalise(given);
        if (!typed) return 0;
        var answers = q.answers || [];
        for (i = 0; i < answers.length; i++) if (normalise(answers[i]) === typed) return 1;
        return 0;
      }
      case "ordering": {
        var items = q.items_html || [];
        if (given.length !== items.length) return 0;
        for (i = 0; i < given.length; i++) if (items[given[i]] !== items[i]) return 0;
        return 1;
      }
      default:
        return 0;
    }
  }

  /** "correct", "partial" or "incorrect" for a question's points. */
  function verdictOf(points) {
    return points >= 1 ? "correct" : points > 0 ? "partial" : "incorrect";
  }

  function percentOf(points, total) {
    return total ? Math.floor((points / total) * 100 + 1e-9) : 0;
  }

  /** Points as shown: at most two decimals, no trailing zeros (0.5, 0.33, 1). */
  function formatPoints(points) {
    return String(Math.round(points * 100) / 100);
  }

  /** The pass mark of quiz `data`: its training module's when it is a final quiz, else its own. */
  function passMarkOf(data) {
    if (data.training && typeof data.training.pass_mark === "number") return data.training.pass_mark;
    return typeof data.pass_mark === "number" ? data.pass_mark : DEFAULT_PASS_MARK;
  }

  /** The end of an attempt: `answers[i]` is {points} or missing (unanswered) for each of `total` steps. */
  function attemptResult(answers, total, passMark) {
    var points = 0;
    answers.forEach(function (a) { if (a) points += a.points; });
    var score = percentOf(points, total);
    var missed = [];
    for (var i = 0; i < total; i++) if (!answers[i] || answers[i].points < 1) missed.push(i);
    return { points: points, score: score, passed: score >= passMark, missed: missed };
  }

  /** The answer id of a step: the question id, or "scenario-id/sub-id" for a scenario's sub-question
   *  (generator/scoring.py steps_by_id). */
  function answerId(step) {
    return step.scenario ? step.scenario.id + "/" + step.q.id : String(step.q.id);
  }

  /** What an attempt stores and the results file carries: [{id, given}] for every step asked, in the
   *  order asked; `answers[i]` is {given, points} or missing (unanswered). */
  function attemptAnswers(steps, answers) {
    return steps.map(function (step, i) {
      var a = answers[i];
      return { id: answerId(step), given: a && a.given !== undefined ? a.given : null };
    });
  }

  /* ------------------------------------------------------------------ drawing questions */

  function range(n) {
    var out = [];
    for (var i = 0; i < n; i++) out.push(i);
    return out;
  }

  /** A shuffled copy of `list`; `random` returns [0, 1) (Math.random unless a test gives its own). */
  function shuffled(list, random) {
    var next = random || Math.random;
    var a = list.slice();
    for (var i = a.length - 1; i > 0; i--) {
      var j = Math.floor(next() * (i + 1));
      var swap = a[i];
      a[i] = a[j];
      a[j] = swap;
    }
    return a;
  }

  /** A random order of 0..n-1 that is never the identity when n ≥ 2 (ordering questions). */
  function derangedStart(n, random) {
    var order = shuffled(range(n), random);
    var identity = true;
    for (var i = 0; i < n; i++) if (order[i] !== i) identity = false;
    if (identity && n >= 2) order.push(order.shift());
    return order;
  }

  /** The steps of one attempt at quiz `data`, drawn and shuffled per its settings: [{q, scenario}],
   *  a scenario's sub-questions in a row (a scenario counts as one question when drawing). */
  function drawSteps(data, random) {
    var bank = (data.questions || []).filter(function (q) { return q && typeof q === "object"; });
    var picked = range(bank.length);
    if (typeof data.draw === "number" && data.draw > 0 && data.draw < bank.length) {
      picked = shuffled(picked, random).slice(0, data.draw);
      if (!data.shuffle) picked.sort(function (a, b) { return a - b; });
    } else if (data.shuffle) {
      picked = shuffled(picked, random);
    }
    var steps = [];
    picked.forEach(function (i) {
      var q = bank[i];
      if (q.type === "scenario") {
        (q.questions || []).forEach(function (sub) { steps.push({ q: sub, scenario: q }); });
      } else {
        steps.push({ q: q, scenario: null });
      }
    });
    return steps;
  }

  /* ------------------------------------------------------------------ training progress */

  /** Everything a page shows about one learner's progress in training module `data`, from the
   *  stored training record and the stored record of the module's quiz. */
  function progressOf(data, trainingRecord, quizRecord) {
    var rec = core.records.training(trainingRecord);
    var quiz = data.quiz && data.quiz.id ? core.records.quiz(quizRecord) : core.records.quiz(null);
    var units = Array.isArray(data.units) ? data.units : [];
    var unread = units.filter(function (u) { return rec.read.indexOf(u.id) < 0; });
    var passMark = typeof data.pass_mark === "number" ? data.pass_mark : DEFAULT_PASS_MARK;
    var passed = quiz.best !== null && quiz.best >= passMark;
    return {
      name: rec.name,
      total: units.length,
      readCount: units.length - unread.length,
      readIds: units.filter(function (u) { return rec.read.indexOf(u.id) >= 0; }).map(function (u) { return u.id; }),
      unread: unread,
      best: quiz.best,
      passMark: passMark,
      passed: passed,
      passedAt: passed ? quiz.passed_at : null,
      complete: unread.length === 0 && passed
    };
  }

  return {
    DEFAULT_PASS_MARK: DEFAULT_PASS_MARK,
    normalise: normalise,
    scoreQuestion: scoreQuestion,
    verdictOf: verdictOf,
    percentOf: percentOf,
    formatPoints: formatPoints,
    passMarkOf: passMarkOf,
    attemptResult: attemptResult,
    answerId: answerId,
    attemptAnswers: attemptAnswers,
    range: range,
    shuffled: shuffled,
    derangedStart: derangedStart,
    drawSteps: drawSteps,
    progressOf: progressOf
  };
});
