"""The browser's scoring rules in Python, to re-score the answers a learner's results file carries.

``theme/assets/javascripts/scoring.js`` scores an attempt in the browser; ``dandelion results merge``
scores the same answers again here and flags a record whose stored score, pass or completion does not
match. The two must agree on every case: ``tests/js/test_scoring_agreement.py`` has Node write cases
with scoring.js and checks this module gives the same points.

Rules (one point per question, one per scenario sub-question):

* single, true_false, fill_blank, ordering: 1 or 0;
* multiple: (right options picked − wrong options picked) ÷ right options, at least 0; with whole
  points (quizzes for pupils and villagers) 1 only for every right option and no wrong one;
* score % = floor(points ÷ questions asked × 100); passed when score ≥ pass mark.

Answers are given the way the browser stores them (``scoring.js`` scoreQuestion): an option index in
the quiz data's order (single), option indexes (multiple), a boolean (true_false), typed text
(fill_blank), item indexes in the learner's order (ordering), or None when unanswered.

The quiz's *content version* is a hash of its questions (every language), computed here at build time
and embedded in the quiz data, so a record answered against other questions is visible.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from . import model

DEFAULT_PASS_MARK = 60

_PUNCT_MAP = {
    "\u3002": ".", "\uff61": ".", "\u3001": ",", "\uff64": ",", "\u00b7": ".", "\u30fb": ".",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u300c": '"', "\u300d": '"', "\u300e": '"', "\u300f": '"',
    "\u2018": "'", "\u2019": "'", "\u300a": "<", "\u300b": ">", "\u3008": "<", "\u3009": ">",
    "\u3010": "[", "\u3011": "]", "\u3014": "(", "\u3015": ")", "\u2014": "-", "\u2013": "-", "\u2015": "-",
    "\u2026": "...", "\u301c": "~",
}
_EDGE_PUNCT = re.compile(r"^[.,;:!?'\"`~()\[\]{}<>]+|[.,;:!?'\"`~()\[\]{}<>]+$")
# JavaScript's \s: Unicode white space plus the BOM
_JS_SPACE = re.compile(r"[\s\ufeff\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")


def normalise(text: Any) -> str:
    """A typed answer with width, case, spaces and edge punctuation taken out (scoring.js normalise)."""
    s = "" if text is None else str(text)
    s = unicodedata.normalize("NFKC", s).lower()
    s = "".join(_PUNCT_MAP.get(c, c) for c in s)
    s = _JS_SPACE.sub("", s)
    return _EDGE_PUNCT.sub("", s)


def _index(value: Any) -> int | None:
    """A whole, non-negative number as JavaScript would index an array with it, else None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return int(value) if value == int(value) and value >= 0 else None


def score_question(q: dict[str, Any], given: Any, whole: bool = False) -> float:
    """Points (0…1) for ``given`` on question ``q`` (the quiz data's JSON form of one question)."""
    if given is None:
        return 0.0
    kind = q.get("type")
    options = q.get("options") or []
    if kind == "single":
        i = _index(given)
        return 1.0 if i is not None and i < len(options) and options[i].get("correct") else 0.0
    if kind == "multiple":
        if not isinstance(given, list):
            return 0.0
        correct = sum(1 for o in options if o.get("correct"))
        right = wrong = 0
        for value in given:
            i = _index(value)
            if i is not None and i < len(options) and options[i].get("correct"):
                right += 1
            else:
                wrong += 1
        if whole:
            return 1.0 if correct and right == correct and wrong == 0 else 0.0
        return max(0.0, (right - wrong) / correct) if correct else 0.0
    if kind == "true_false":
        return 1.0 if isinstance(given, bool) and given == bool(q.get("answer")) else 0.0
    if kind == "fill_blank":
        typed = normalise(given)
        return 1.0 if typed and any(normalise(a) == typed for a in q.get("answers") or []) else 0.0
    if kind == "ordering":
        items = q.get("items_html") or []
        if not isinstance(given, list) or len(given) != len(items):
            return 0.0
        for position, value in enumerate(given):
            i = _index(value)
            if i is None or i >= len(items) or items[i] != items[position]:
                return 0.0
        return 1.0
    return 0.0


def percent_of(points: float, total: int) -> int:
    """floor(points ÷ total × 100), with the same tolerance as scoring.js percentOf."""
    return math.floor(points / total * 100 + 1e-9) if total else 0


def steps_by_id(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every scored step of the quiz data by its answer id: ``q1`` or ``case1/q2`` for a sub-question."""
    steps: dict[str, dict[str, Any]] = {}
    for q in data.get("questions") or []:
        if q.get("type") == "scenario":
            for sub in q.get("questions") or []:
                steps[f"{q['id']}/{sub['id']}"] = sub
        else:
            steps[q["id"]] = q
    return steps


@dataclass(frozen=True)
class Rescored:
    """An attempt scored again: its score %, whether it passed, and answer ids the quiz does not have."""

    points: float
    score: int
    passed: bool
    unknown: tuple[str, ...]


def coverage_problem(data: dict[str, Any], answers: Sequence[dict[str, Any]]) -> str | None:
    """Why ``answers`` cannot be one attempt at quiz ``data``, or None.

    An attempt answers every question it asks exactly once (None when skipped): all of the bank, or
    ``draw`` questions of it, a scenario with all its sub-questions. Without this check, leaving the
    wrong answers out of a file would raise its score and still agree with it.
    """
    ids = [str(answer.get("id")) for answer in answers]
    if len(set(ids)) != len(ids):
        return "a question is answered twice"
    bank = {q["id"]: q for q in data.get("questions") or []}
    asked: dict[str, set[str]] = {}
    for answer_id in ids:
        top, _, sub = answer_id.partition("/")
        asked.setdefault(top, set()).add(sub)
    draw = data.get("draw")
    wanted = draw if isinstance(draw, int) and 0 < draw < len(bank) else len(bank)
    if len(asked) != wanted:
        return f"{len(asked)} question{'s' if len(asked) != 1 else ''} answered, the quiz asks {wanted}"
    for top, subs in asked.items():
        q = bank.get(top)
        if q is None:
            continue  # an unknown id is reported by rescore
        expected = {sub["id"] for sub in q.get("questions") or []} if q.get("type") == "scenario" else {""}
        if subs != expected:
            return f"question {top} is not answered as the quiz asks it"
    return None


def rescore(data: dict[str, Any], answers: Sequence[dict[str, Any]], pass_mark: int) -> Rescored:
    """Score an attempt's ``answers`` ([{"id", "given"}], one per question asked) against quiz ``data``."""
    steps = steps_by_id(data)
    whole = bool(data.get("whole_points"))
    points = 0.0
    unknown: list[str] = []
    for answer in answers:
        q = steps.get(str(answer.get("id")))
        if q is None:
            unknown.append(str(answer.get("id")))
            continue
        points += score_question(q, answer.get("given"), whole)
    score = percent_of(points, len(answers))
    return Rescored(points, score, score >= pass_mark, tuple(unknown))


# ------------------------------------------------------------------------------------- versions


def _plain(value: Any) -> Any:
    """A model value as JSON-able data (Text as its {lang: text} map)."""
    if isinstance(value, model.Text):
        return dict(sorted(value.values.items()))
    if hasattr(value, "model_dump"):
        return _plain(value.model_dump(mode="python"))
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _digest(value: Any) -> str:
    text = json.dumps(_plain(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def quiz_version(quiz: model.Quiz) -> str:
    """The quiz's content version: a hash of its questions in every language and its pass mark, draw
    and whole-point settings' inputs (what decides a score)."""
    return _digest({"questions": quiz.questions, "pass_mark": quiz.pass_mark, "draw": quiz.draw})


def module_version(project: model.Project, module: model.Training) -> str:
    """The module's content version: its units, credit hours, pass mark and its quiz's version."""
    quiz = project.quizzes.get(module.quiz) if module.quiz else None
    return _digest({"units": module.units, "credit_hours": module.credit_hours, "pass_mark": module.pass_mark,
                    "quiz": module.quiz, "quiz_version": quiz_version(quiz) if quiz else None})


def module_pass_mark(project: model.Project, module: model.Training) -> int:
    """The pass mark of a module's final test: the module's own, else its quiz's."""
    if module.pass_mark is not None:
        return module.pass_mark
    quiz = project.quizzes.get(module.quiz) if module.quiz else None
    return quiz.pass_mark if quiz else DEFAULT_PASS_MARK
