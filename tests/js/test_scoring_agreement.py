"""scoring.js (the browser) and generator/scoring.py (the trainer's merge) score every answer alike.

Node scores a few hundred answers with scoring.js (every option, subset and order, typed answers in
full width and with Chinese punctuation, unanswered, out-of-range and wrongly typed answers) and writes
the cases; Python scores the same answers and must give the same points, per cent and pass.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from generator import scoring
from generator.loader import load_checked
from generator.quizdata import quiz_data
from tests.js.test_node import ROOT, node

SCORING = ROOT / "theme" / "assets" / "javascripts" / "scoring.js"
MINI = ROOT / "tests" / "fixtures" / "mini"

EXTRA_QUESTIONS = [
    {"id": "m3", "type": "multiple", "options": [{"correct": True}, {"correct": False}, {"correct": True},
                                                  {"correct": True}]},
    {"id": "f2", "type": "fill_blank", "answers": ["《禁毒法》", "Anti-Drug Law", "第 62 条"]},
    {"id": "o4", "type": "ordering", "items_html": ["a", "b", "b", "c"]},
    {"id": "case", "type": "scenario", "questions": [
        {"id": "s1", "type": "single", "options": [{"correct": False}, {"correct": True}]},
        {"id": "s2", "type": "true_false", "answer": False},
    ]},
]

CASES_JS = r"""
const fs = require("fs");
const core = require(process.argv[1]);
const scoring = require(process.argv[2]);
const data = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
const subsets = (n) => { const out = []; for (let m = 0; m < (1 << n); m++) { const s = []; for (let i = 0; i < n; i++) if (m & (1 << i)) s.push(i); out.push(s); } return out; };
const perms = (n) => { if (n <= 1) return [[...Array(n).keys()]]; const out = []; for (const p of perms(n - 1)) for (let i = 0; i <= p.length; i++) out.push([...p.slice(0, i), n - 1, ...p.slice(i)]); return out; };
const typed = (answers) => [...answers, ...answers.map((a) => a.toUpperCase()), ...answers.map((a) => " " + a.normalize("NFKC").replace(/[A-Za-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) + "。"), "", "  ", "错", "禁毒法", "anti drug law", "第62条"];
const cases = [];
const steps = [];
for (const q of data.questions) {
  if (q.type === "scenario") q.questions.forEach((sub) => steps.push({ q: sub, scenario: q })); else steps.push({ q, scenario: null });
}
for (const step of steps) {
  const q = step.q;
  let givens = [null, "x", 99, -1, 1.5, true, [], [0, 0]];
  if (q.type === "single") givens = givens.concat(q.options.map((_, i) => i));
  if (q.type === "multiple") givens = givens.concat(subsets(q.options.length), [[0, 9]]);
  if (q.type === "true_false") givens = givens.concat([true, false, 0, 1, "true"]);
  if (q.type === "fill_blank") givens = givens.concat(typed(q.answers || []));
  if (q.type === "ordering") givens = givens.concat(perms((q.items_html || []).length), [[0, 1], [9, 0, 1, 2]]);
  for (const given of givens) for (const whole of [false, true]) {
    cases.push({ id: scoring.answerId(step), q, given, whole, points: scoring.scoreQuestion(q, given, whole) });
  }
}
// whole attempts: their per cent and pass
const attempts = [];
for (let k = 0; k < 40; k++) {
  const answers = steps.map((step, i) => { const c = cases.filter((x) => x.id === scoring.answerId(step) && !x.whole); const pick = (k % 2) && (k + i) % 3 ? c.reduce((a, b) => (b.points > a.points ? b : a)) : c[(k * 7 + i * 3) % c.length]; return { given: pick.given, points: pick.points }; });
  const result = scoring.attemptResult(answers, steps.length, 60);
  attempts.push({ answers: scoring.attemptAnswers(steps, answers), score: result.score, passed: result.passed });
}
fs.writeFileSync(process.argv[4], JSON.stringify({ cases, attempts }));
"""


@pytest.fixture(scope="module")
def quiz() -> dict:
    project = load_checked(MINI).project
    data = quiz_data(project, project.quizzes["basics"], "zh", lambda path: path)
    data["questions"] = data["questions"] + EXTRA_QUESTIONS
    data["whole_points"] = False
    return data


def test_python_scores_every_answer_as_scoring_js_does(quiz: dict, tmp_path: Path) -> None:
    source = tmp_path / "quiz.json"
    source.write_text(json.dumps(quiz, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "cases.json"
    run = subprocess.run([node(), "-e", CASES_JS, str(ROOT / "theme/assets/javascripts/core.js"), str(SCORING),
                          str(source), str(out)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    written = json.loads(out.read_text(encoding="utf-8"))
    cases = written["cases"]
    assert len(cases) > 300
    assert {c["q"]["type"] for c in cases} == {"single", "multiple", "true_false", "fill_blank", "ordering"}
    assert any(0 < c["points"] < 1 for c in cases) and any(c["points"] == 1 for c in cases)
    differ = [c for c in cases if abs(scoring.score_question(c["q"], c["given"], c["whole"]) - c["points"]) > 1e-12]
    assert differ == [], differ[:5]
    for attempt in written["attempts"]:
        again = scoring.rescore(quiz, attempt["answers"], 60)
        assert (again.score, again.passed, again.unknown) == (attempt["score"], attempt["passed"], ())
    assert {a["passed"] for a in written["attempts"]} == {True, False}


def test_normalise_matches_the_documented_rules() -> None:
    assert scoring.normalise(" 《禁毒法》。") == "禁毒法"
    assert scoring.normalise("ＡＮＴＩ－Drug  Law") == "anti-druglaw"
    assert scoring.normalise(None) == ""


def test_an_attempt_must_answer_each_question_it_asks_once(quiz: dict) -> None:
    whole = [{"id": q["id"], "given": None} for q in quiz["questions"] if q["type"] != "scenario"]
    whole += [{"id": "case/s1", "given": 1}, {"id": "case/s2", "given": False}]
    assert scoring.coverage_problem(quiz, whole) is None
    assert scoring.coverage_problem(quiz, whole[1:]) == f"{len(whole) - 2} questions answered, the quiz asks {len(whole) - 1}"
    assert scoring.coverage_problem(quiz, [*whole[:-1]]) == "question case is not answered as the quiz asks it"
    assert scoring.coverage_problem(quiz, [*whole, whole[0]]) == "a question is answered twice"
    drawn = {**quiz, "draw": 2}
    assert scoring.coverage_problem(drawn, whole[:2]) is None
    assert scoring.coverage_problem(drawn, whole[-2:]) == "1 question answered, the quiz asks 2"
