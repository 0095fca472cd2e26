"""What the exporters and importers share: results, the import error, texts, ids and quiz YAML.

Importers build plain data (dicts, lists, strings) in the shape of ``quizzes/<id>.yml`` and hand it
to :func:`finish_import`, which gives unnamed questions ids, validates the data with the project's own
model (so ``dandelion check`` accepts it) and writes it as YAML.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import yaml
from pydantic import ValidationError

from .. import model
from ..errors import DandelionError

_ID_RE = re.compile(model.ID_PATTERN)
_LANG_RE = re.compile(model.LANG_PATTERN)


@dataclass
class ExportResult:
    """The text of an export (GIFT or Moodle XML) and what the user should know about it."""

    text: str
    warnings: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    """A quiz YAML ready to write to ``quizzes/<quiz_id>.yml``, with the import's warnings."""

    yaml_text: str
    warnings: list[str]
    quiz_id: str
    question_count: int


class QuestionBankError(DandelionError):
    """A question bank could not be imported; ``problems`` lists every bad row or line.

    Each problem reads ``Sheet "questions", row 5, column F (correct): …`` for Excel files and
    ``line 12: …`` for GIFT files, so a trainer can go straight to the cell.
    """

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = list(problems)
        n = len(self.problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{source}: {n} problem{'s' if n != 1 else ''}, nothing was imported:\n{lines}")


def is_id(value: str) -> bool:
    return bool(_ID_RE.match(value))


def is_lang(value: str) -> bool:
    return bool(_LANG_RE.match(value))


# --- texts for export -------------------------------------------------------------------------


class TextPicker:
    """Picks one language of every :class:`~generator.model.Text` and remembers the fallbacks."""

    def __init__(self, lang: str, default_lang: str) -> None:
        self.lang = lang
        self.default_lang = default_lang
        self.fallbacks: dict[str, None] = {}

    def __call__(self, text: model.Text | None, where: str) -> str:
        if text is None:
            return ""
        if not text.has(self.lang):
            self.fallbacks[where] = None
        return text.get(self.lang, self.default_lang)

    def answers(self, q: model.FillBlankQuestion) -> list[str]:
        if isinstance(q.answer, dict) and self.lang not in q.answer:
            self.fallbacks[q.id] = None
        return q.answers_for(self.lang, self.default_lang)

    def warnings(self) -> list[str]:
        if not self.fallbacks:
            return []
        used = self.default_lang
        return [f"no '{self.lang}' text in {', '.join(self.fallbacks)}: the '{used}' text (or the first one given) was exported instead"]


def export_notes(quiz: model.Quiz) -> list[str]:
    """Warnings about quiz settings that neither GIFT nor Moodle XML can carry."""
    notes = []
    if any(q.lesson or q.section for _, q in quiz.all_questions()):
        notes.append("review links (`lesson`, `section`) have no place in a Moodle question and were left out")
    dropped = [name for name, value in (("pass_mark", quiz.pass_mark != 60), ("draw", quiz.draw), ("description", quiz.description)) if value]
    if dropped:
        notes.append(f"quiz settings {', '.join(dropped)} belong to the Moodle quiz, not the question bank: set them there")
    return notes


def category_path(title: str) -> str:
    """A Moodle category path for a quiz title: ``$course$/top/<title>`` with ``/`` doubled, one line."""
    name = " ".join(title.split()).replace("/", "//") or "Dandelion"
    return f"$course$/top/{name}"


# Moodle accepts only these grades (question_bank::fraction_options_full); anything else is refused.
MOODLE_GRADES = (100.0, 90.0, 83.33333, 80.0, 75.0, 70.0, 66.66667, 60.0, 50.0, 40.0, 33.33333, 30.0, 25.0, 20.0,
                 16.66667, 14.28571, 12.5, 11.11111, 10.0, 5.0, 0.0)


def share(n_correct: int) -> tuple[str, bool]:
    """The percentage one right choice earns when ``n_correct`` options are right, as Moodle writes it.

    Returns the number as text and whether Moodle accepts it (it does for 1 to 10 right options).
    """
    exact = 100.0 / n_correct
    for grade in MOODLE_GRADES:
        if abs(grade - exact) < 0.00001:
            return format_grade(grade), True
    below = max(g for g in MOODLE_GRADES if g <= exact)
    return format_grade(below), False


def format_grade(value: float) -> str:
    text = f"{value:.5f}".rstrip("0").rstrip(".")
    return text or "0"


# --- building imported quizzes ----------------------------------------------------------------


def text_value(values: dict[str, str], default_lang: str) -> Any:
    """YAML for a text: a plain string when only the default language is given, else a map."""
    values = {k: v for k, v in values.items() if v.strip()}
    if list(values) == [default_lang]:
        return values[default_lang]
    ordered = {k: values[k] for k in sorted(values, key=lambda k: (k != default_lang,))}
    return ordered


def assign_ids(questions: list[dict[str, Any]], warnings: list[str]) -> None:
    """Give every question (sub-questions included) a unique id: its own when usable, else ``qN``.

    ``N`` counts questions in reading order (or is the question's ``_number``: its place among the
    rows of an Excel sheet), so an untitled bank gets ``q1``, ``q2`` … and a question keeps its
    number even when an earlier one had its own id. A question's ``_where`` (its line or row) names
    it in the warning when its own id cannot be used.
    """
    flat: list[dict[str, Any]] = []
    for q in questions:
        flat.append(q)
        flat.extend(q.get("questions", []))
    taken: set[str] = set()
    for q in flat:
        qid = q.get("id")
        if qid and is_id(qid) and qid not in taken:
            taken.add(qid)
        elif qid:
            place = q.get("_where", "")
            reason = "is used twice" if is_id(qid) else "is not an id (lowercase letters, digits, hyphens)"
            warnings.append(f"{place}{': ' if place else ''}question name '{qid}' {reason}: a new id was given")
            q["id"] = None
        else:
            q["id"] = None
    for n, q in enumerate(flat, 1):
        if q["id"] is None:
            candidate = f"q{q.get('_number', n)}"
            while candidate in taken:
                candidate += "-x"
            q["id"] = candidate
            taken.add(candidate)


def order_question(q: dict[str, Any]) -> dict[str, Any]:
    """The keys of a question in the order the content format documents them."""
    keys = ("id", "type", "prompt", "options", "answer", "questions", "explanation", "lesson", "section")
    out = {k: q[k] for k in keys if q.get(k) is not None}
    if "questions" in out:
        out["questions"] = [order_question(sub) for sub in out["questions"]]
    return out


Locate = Callable[[dict[str, Any] | None, tuple[Any, ...], str], str]


def _describe(rest: tuple[Any, ...]) -> str:
    if not rest:
        return "text"
    if rest[0] == "options" and len(rest) > 1:
        return f"option {rest[1] + 1}"
    if rest[0] == "answer" and len(rest) > 1:
        return f"item {rest[1] + 1}"
    return str(rest[0])


def default_locate(q: dict[str, Any] | None, rest: tuple[Any, ...], lang: str) -> str:
    """``line 12 (option 2)``; ``the quiz title`` for quiz-level texts."""
    if q is None:
        return f"the quiz {_describe(rest)}"
    return f"{q.get('_where') or 'question ' + str(q.get('id'))} ({_describe(rest)})"


def _question_at(questions: list[dict[str, Any]], path: tuple[Any, ...]) -> tuple[dict[str, Any] | None, tuple[Any, ...]]:
    if len(path) < 2 or path[0] != "questions":
        return None, path
    q = questions[path[1]]
    rest = path[2:]
    if len(rest) >= 2 and rest[0] == "questions":
        q, rest = q["questions"][rest[1]], rest[2:]
    return q, rest


def _placed(problems: list[str], raw_questions: list[dict[str, Any]], path: tuple[Any, ...], lang: str, locate: Locate) -> list[str]:
    q, rest = _question_at(raw_questions, path)
    return [f"{locate(q, rest, lang)}: {message}" for message in problems]


def quiz_problems(quiz: model.Quiz, raw_questions: list[dict[str, Any]], locate: Locate, default_lang: str) -> list[str]:
    """What ``dandelion check`` would refuse in the quiz alone, placed at the row or line it came from:
    the model's own rules (one right option in a single-choice question, a ``draw`` the bank can
    satisfy …) and, in every text, raw HTML, script links and phone or ID-card numbers."""
    from ..checks.markup import markup_problems
    from ..checks.privacy import privacy_problems

    problems = []
    for problem in quiz.problems():
        if not problem.warning:
            problems += _placed([problem.message], raw_questions, problem.path, default_lang, locate)
    for path, text in model.iter_texts(quiz):
        for lang, value in text.values.items():
            problems += _placed([*privacy_problems(value), *markup_problems(value)], raw_questions, path, lang, locate)
    return problems


def finish_import(
    source: str, data: dict[str, Any], warnings: list[str], default_lang: str, *, quiz_id: str,
    locate: Locate = default_locate,
) -> ImportResult:
    """Validate imported quiz data with the project's model and rules and return it as YAML.

    The importers check every row themselves; this adds the rules ``dandelion check`` applies to a
    quiz alone (:func:`quiz_problems`, in the same words) and is the last guard that the
    YAML is a quiz the project accepts (bar references to lessons, which need the project).
    Question dicts may carry private keys (``_where`` …) for ``locate``; they are not written.
    """
    raw_questions = data["questions"]
    data = {**data, "questions": [order_question(q) for q in raw_questions]}
    try:
        quiz = model.Quiz.model_validate({"id": quiz_id, **data}, context={"default_lang": default_lang})
    except ValidationError as exc:  # pragma: no cover - the importers check first; this is a guard
        problems = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors(include_url=False)]
        raise QuestionBankError(source, problems) from exc
    problems = quiz_problems(quiz, raw_questions, locate, default_lang)
    if problems:
        raise QuestionBankError(source, problems)
    header = f"# Imported from {source} by `dandelion quiz import`. Check it with `dandelion check`.\n"
    return ImportResult(header + dump_yaml(data), warnings, quiz_id, quiz.scored_count)


# --- YAML ---------------------------------------------------------------------------------------


class _Flow(dict):  # type: ignore[type-arg]
    """A short map written on one line, ``{zh: …, en: …}``, as editors write them."""


class _FlowList(list):  # type: ignore[type-arg]
    """A short list of words written on one line, ``[甲基苯丙胺, 冰毒]``."""


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Indent list items under their key, as the shipped quizzes do.
        return super().increase_indent(flow, False)


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Multi-line text as a literal block; PyYAML falls back to quotes when a block cannot hold it.
    style = "|" if "\n" in value.strip("\n") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _flow(dumper: yaml.SafeDumper, value: _Flow) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", value.items(), flow_style=True)


def _flow_list(dumper: yaml.SafeDumper, value: _FlowList) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


def _block_dict(dumper: yaml.SafeDumper, value: dict[str, Any]) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", value.items(), flow_style=False)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(_Flow, _flow)
_Dumper.add_representer(_FlowList, _flow_list)
_Dumper.add_representer(dict, _block_dict)


def _short(value: Any, limit: int) -> bool:
    if isinstance(value, str):
        return "\n" not in value and len(value) <= limit
    if isinstance(value, list):
        return all(isinstance(v, str) and "\n" not in v for v in value) and sum(len(v) + 2 for v in value) <= limit
    return False


def _flowify(value: Any) -> Any:
    if isinstance(value, dict):
        if value and all(isinstance(k, str) and is_lang(k) for k in value) and all(_short(v, 90) for v in value.values()) \
                and sum(len(str(v)) for v in value.values()) <= 90:
            return _Flow({k: _flowify(v) for k, v in value.items()})
        return {k: _flowify(v) for k, v in value.items()}
    if isinstance(value, list):
        if value and _short(value, 60):
            return _FlowList(value)
        return [_flowify(v) for v in value]
    return value


def dump_yaml(data: dict[str, Any]) -> str:
    """Quiz data as YAML in the house style (block maps, one-line language maps, literal blocks,
    a blank line between questions)."""
    text = yaml.dump(_flowify(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000, indent=2)
    lines = text.split("\n")
    out: list[str] = []
    first = True
    for line in lines:
        if line.startswith("  - id: "):
            if not first:
                out.append("")
            first = False
        out.append(line)
    return "\n".join(out)
