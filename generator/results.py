"""Merge learners' exported training results into one roster (CSV or Excel), re-scoring every answer.

A learner's browser exports ``dandelion-<training>-<name>.json`` or ``.csv`` from a training module
page (``theme/assets/javascripts/training.js``, fields in core.js ``records.EXPORT_FIELDS``); the
trainer collects the files and runs ``dandelion results merge FILES... --out roster.csv --project DIR``
(or ``.xlsx``). A version 2 file holds::

    {"format": "dandelion-results", "version": 2, "name": "…", "training": "module-id",
     "title": "…", "credit_hours": 4, "units_read": 3, "units_total": 3, "quiz": "quiz-id",
     "best_score": 85, "passed_at": "2026-06-26", "exported_at": "2026-06-26T10:00:00+08:00",
     "lang": "zh", "module_version": "…", "quiz_version": "…", "attempts": 2, "passed": true,
     "complete": true, "units": ["lesson-a", …], "answers": [{"id": "q1", "given": 2}, …]}

``answers`` are those of the best attempt; in CSV, ``units`` and ``answers`` are JSON text in one cell.
Version 1 files (no answers) are still read, and flagged: they cannot be re-scored.

A static site cannot stop anyone from editing a file; the merge makes it visible. Every record is
checked against the project (:func:`check`): its answers are scored again with the browser's rules
(:mod:`generator.scoring`), and the record is *flagged* when its stored score, pass or completion does
not match, when its quiz or module version differs from the project's, or when it has no answers. A
file that cannot be read at all is skipped with a warning naming it; the merge goes on.

The CSV form has those keys as its header row. Trainers often open a CSV in Excel and save it
again, so the reader accepts what Excel does to it: GB18030 instead of UTF-8, no byte-order mark,
blank lines, ``2026/6/26`` dates, ``4.0`` for ``4`` and the leading apostrophe the browser puts in
front of text a spreadsheet would run as a formula.

When the same learner (the same name, up to character width and the amount of white space between
words) appears more than once for a training, the best record is kept and the others are reported as
folded: complete before incomplete, unflagged before flagged, then the higher score, more units read,
and the later export. Names are never matched more loosely than that: 王伟 and 王 伟 may be two
people, so they stay two rows and :func:`possible_duplicates` names them for the trainer to check.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .i18n import catalogue

FORMAT = "dandelion-results"
VERSION = 2
#: The fields of a version 1 file, which every file has.
FIELDS_V1 = ("format", "version", "name", "training", "title", "credit_hours", "units_read", "units_total", "quiz",
             "best_score", "passed_at", "exported_at")
FIELDS = (*FIELDS_V1, "lang", "module_version", "quiz_version", "attempts", "passed", "complete", "units", "answers")
#: A results file is a few hundred bytes; anything far bigger is not one.
MAX_BYTES = 1_000_000
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ResultsError(ValueError):
    """One or more result files are unreadable or malformed; ``problems`` names each file and fault."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        head = "1 problem in the results files:" if count == 1 else f"{count} problems in the results files:"
        super().__init__("\n".join([head, *(f"  - {p}" for p in self.problems)]))


@dataclass(frozen=True)
class Row:
    """One learner's result for one training module."""

    name: str
    training: str
    title: str
    credit_hours: float
    units_read: int
    units_total: int
    quiz: str | None
    best_score: float | None
    passed_at: dt.date | None
    exported_at: dt.datetime
    source: str
    lang: str | None = None
    module_version: str | None = None
    quiz_version: str | None = None
    attempts: int | None = None
    #: what the file says about pass and completion (version 2); None in a version 1 file
    stored_passed: bool | None = None
    stored_complete: bool | None = None
    units: tuple[str, ...] | None = None
    answers: tuple[dict[str, Any], ...] | None = None

    @property
    def complete(self) -> bool:
        """Every unit read and the quiz passed (the browser sets ``passed_at`` only on a pass)."""
        return self.units_read >= self.units_total and self.passed_at is not None

    @property
    def key(self) -> tuple[str, str]:
        """Identity for de-duplication: the training and the learner's normalised name."""
        return self.training, name_key(self.name)

    def rank(self) -> tuple[bool, float, int, dt.datetime]:
        score = -1.0 if self.best_score is None else self.best_score
        return self.complete, score, self.units_read, _aware(self.exported_at)


def name_key(name: str) -> str:
    """The learner's identity: ``ＬＩ　Ｍｅｉ`` (full width) and ``LI  Mei `` are one name; ``王伟`` and ``王 伟``
    are not (a space inside a Chinese name may be a different person's name), nor ``Li Mei`` and ``li mei``."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", name)).strip()


def _loose_name(name: str) -> str:
    """Spacing and case removed: names equal this way *may* be one person typed twice."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", name)).casefold()


def possible_duplicates(rows: Iterable[Row]) -> list[tuple[str, list[str]]]:
    """``(training, [names…])`` for learners kept apart whose names differ only in spacing or case."""
    groups: dict[tuple[str, str], set[str]] = {}
    for row in rows:
        groups.setdefault((row.training, _loose_name(row.name)), set()).add(name_key(row.name))
    return sorted((training, sorted(names)) for (training, _loose), names in groups.items() if len(names) > 1)


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone(dt.timedelta(hours=8)))


# ---------------------------------------------------------------------------------------- reading


class _Bad(Exception):
    """A fault in one record; the message says which field and why."""


def _text(value: Any, field: str, *, required: bool = True, limit: int = 200) -> str | None:
    if value is None or value == "":
        if required:
            raise _Bad(f"{field} is missing")
        return None
    if not isinstance(value, str):
        raise _Bad(f"{field} must be text, got {value!r}")
    if len(value) >= 2 and value[0] == "'" and value[1] in _FORMULA_START:
        value = value[1:]  # the browser's guard against spreadsheet formulas
    value = value.strip()
    if required and not value:
        raise _Bad(f"{field} is empty")
    if len(value) > limit:
        raise _Bad(f"{field} is longer than {limit} characters")
    return value or None


def _number(value: Any, field: str, *, required: bool = True, low: float = 0, high: float | None = None) -> float | None:
    if value is None or value == "":
        if required:
            raise _Bad(f"{field} is missing")
        return None
    if isinstance(value, bool):
        raise _Bad(f"{field} must be a number, got {value!r}")
    if isinstance(value, str):
        try:
            value = float(value.strip())
        except ValueError:
            raise _Bad(f"{field} must be a number, got {_short(value)}") from None
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**15:
        raise _Bad(f"{field} must be a number of sensible size, got one with {len(str(abs(value)))} digits")
    if not isinstance(value, (int, float)) or not math.isfinite(value):
        raise _Bad(f"{field} must be a number, got {_short(value)}")
    if value < low or (high is not None and value > high):
        span = f"from {low:g} to {high:g}" if high is not None else f"at least {low:g}"
        raise _Bad(f"{field} must be {span}, got {value:g}")
    return float(value)


def _short(value: Any, limit: int = 40) -> str:
    """``repr`` of a value cut to ``limit`` characters, for messages about hostile or broken files."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _count(value: Any, field: str) -> int:
    number = _number(value, field)
    assert number is not None
    if number != int(number):
        raise _Bad(f"{field} must be a whole number, got {number:g}")
    return int(number)


def _date(value: Any, field: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*", value)
        if match:
            try:
                return dt.date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                pass
    raise _Bad(f"{field} must be a date like 2026-06-26, got {value!r}")


def _datetime(value: Any, field: str) -> dt.datetime:
    if isinstance(value, str) and value.strip():
        text = value.strip()
        try:
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            pass
        for pattern in ("%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y-%m-%d %H:%M"):
            try:
                return dt.datetime.strptime(text, pattern)
            except ValueError:
                continue
    if value is None or value == "":
        raise _Bad(f"{field} is missing")
    raise _Bad(f"{field} must be a date and time like 2026-06-26T10:00:00+08:00, got {value!r}")


def _record(raw: dict[str, Any], source: str) -> Row:
    """Validate one record (from JSON or one CSV line); raise _Bad listing every fault in it."""
    faults: list[str] = []

    def check(fn: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except _Bad as exc:
            faults.append(str(exc))
            return None

    fmt = raw.get("format")
    if fmt != FORMAT:
        raise _Bad(f'not a Dandelion results file (format is {fmt!r}, expected "{FORMAT}")')
    version = raw.get("version")
    if isinstance(version, str) and version.strip().isdigit():
        version = int(version.strip())
    elif isinstance(version, float) and version.is_integer():
        version = int(version)
    if version not in (1, VERSION) or isinstance(version, bool):
        raise _Bad(f"unsupported version {raw.get('version')!r} (this Dandelion reads versions 1 and {VERSION})")

    name = check(_text, raw.get("name"), "name", limit=100)
    training = check(_text, raw.get("training"), "training")
    if training and not re.fullmatch(r"[a-z0-9][a-z0-9-]*", training):
        faults.append(f"training must be a module id (lowercase letters, digits and hyphens), got {training!r}")
    title = check(_text, raw.get("title"), "title", required=False) or ""
    credit_hours = check(_number, raw.get("credit_hours"), "credit_hours", high=1000)
    units_read = check(_count, raw.get("units_read"), "units_read")
    units_total = check(_count, raw.get("units_total"), "units_total")
    if units_read is not None and units_total is not None and units_read > units_total:
        faults.append(f"units_read ({units_read}) is more than units_total ({units_total})")
    quiz = check(_text, raw.get("quiz"), "quiz", required=False)
    best = check(_number, raw.get("best_score"), "best_score", required=False, high=100)
    passed_at = check(_date, raw.get("passed_at"), "passed_at")
    exported_at = check(_datetime, raw.get("exported_at"), "exported_at")
    if passed_at is not None and best is None:
        faults.append("passed_at is set but best_score is empty")
    extra: dict[str, Any] = {}
    if version == VERSION:
        extra = {
            "lang": check(_text, raw.get("lang"), "lang", required=False, limit=20),
            "module_version": check(_text, raw.get("module_version"), "module_version", required=False, limit=64),
            "quiz_version": check(_text, raw.get("quiz_version"), "quiz_version", required=False, limit=64),
            "attempts": check(_count, raw.get("attempts"), "attempts"),
            "stored_passed": check(_flag, raw.get("passed"), "passed"),
            "stored_complete": check(_flag, raw.get("complete"), "complete"),
            "units": check(_units, raw.get("units")),
            "answers": check(_answers, raw.get("answers")),
        }
    if faults:
        raise _Bad("; ".join(faults))
    return Row(name=name, training=training, title=title, credit_hours=credit_hours, units_read=units_read,
               units_total=units_total, quiz=quiz, best_score=best, passed_at=passed_at,
               exported_at=exported_at, source=source, **extra)


def _json_cell(value: Any, field: str) -> Any:
    """A list as JSON holds it, or as the JSON text a CSV cell holds."""
    if isinstance(value, str):
        try:
            return json.loads(value) if value.strip() else None
        except (ValueError, RecursionError):
            raise _Bad(f"{field} must be a JSON list, got {_short(value)}") from None
    return value


def _flag(value: Any, field: str) -> bool:
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    if not isinstance(value, bool):
        raise _Bad(f"{field} must be true or false, got {_short(value)}")
    return value


def _units(value: Any) -> tuple[str, ...]:
    units = _json_cell(value, "units")
    if units is None:
        return ()
    if not isinstance(units, list) or not all(isinstance(u, str) and len(u) <= 100 for u in units) or len(units) > 500:
        raise _Bad(f"units must be a list of unit ids, got {_short(units)}")
    return tuple(units)


def _answers(value: Any) -> tuple[dict[str, Any], ...] | None:
    answers = _json_cell(value, "answers")
    if answers is None:
        return None
    if not isinstance(answers, list) or len(answers) > 1000:
        raise _Bad(f"answers must be a list of {{id, given}}, got {_short(answers)}")
    out = []
    for answer in answers:
        if not isinstance(answer, dict) or not isinstance(answer.get("id"), str):
            raise _Bad(f"each answer must be {{id, given}}, got {_short(answer)}")
        given = answer.get("given")
        if not _plain_answer(given):
            raise _Bad(f"answer {answer['id']!r} must be a number, text, true/false or a list of numbers")
        out.append({"id": answer["id"], "given": given})
    return tuple(out)


def _plain_answer(given: Any) -> bool:
    if given is None or isinstance(given, (bool, int, float)):
        return True
    if isinstance(given, str):
        return len(given) <= 1000
    return isinstance(given, list) and len(given) <= 100 and all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in given)


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else GB18030: what Excel on a Chinese Windows saves."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def _read_json(text: str, source: str) -> list[Row]:
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _Bad(f"not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise _Bad("not a results file: its JSON is nested far too deeply") from None
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        raise _Bad(f"not a results file: {exc}") from None
    if not isinstance(raw, dict):
        raise _Bad(f"expected a JSON object, found {type(raw).__name__}")
    return [_record(raw, source)]


def _read_csv(text: str, source: str) -> list[Row]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in (reader.fieldnames or [])]
    except csv.Error as exc:
        raise _Bad(f"line 1: not a readable CSV header ({exc})") from None
    if not header:
        raise _Bad("the CSV file is empty")
    reader.fieldnames = header
    missing = [f for f in FIELDS_V1 if f not in header]
    if missing:
        raise _Bad(f"the CSV header lacks {', '.join(missing)} (is this a Dandelion results file?)")
    rows: list[Row] = []
    faults: list[str] = []
    for record in _records(reader):
        values = {k: (v.strip() if isinstance(v, str) else v) for k, v in record.items() if k is not None}
        if not any(values.values()):
            continue  # blank line (Excel likes to add them)
        try:
            rows.append(_record(values, source))
        except _Bad as exc:
            faults.append(f"line {reader.line_num}: {exc}")
    if faults:
        raise _Bad("; ".join(faults))
    if not rows:
        raise _Bad("the CSV file has a header but no results")
    return rows


def _records(reader: csv.DictReader) -> Iterable[dict[str, Any]]:  # type: ignore[type-arg]
    """The reader's records; a malformed CSV (a field over the csv module's limit, a NUL byte) is a fault."""
    try:
        yield from reader
    except csv.Error as exc:
        raise _Bad(f"line {reader.line_num + 1}: not a readable CSV line ({exc})") from None


def read_results(path: str | Path) -> list[Row]:
    """Read one results file; raise :class:`ResultsError` naming the file when it is bad."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ResultsError([f"{path}: too large to be a results file ({path.stat().st_size} bytes)"])
        text = _decode(path.read_bytes())
    except OSError as exc:
        raise ResultsError([f"{path}: cannot read it ({exc.strerror or exc})"]) from None
    except UnicodeDecodeError:
        raise ResultsError([f"{path}: not a text file"]) from None
    suffix = path.suffix.lower()
    as_json = suffix == ".json" or (suffix != ".csv" and text.lstrip().startswith("{"))
    try:
        return _read_json(text, str(path)) if as_json else _read_csv(text, str(path))
    except _Bad as exc:
        raise ResultsError([f"{path}: {exc}"]) from None


def _read_all(paths: Iterable[str | Path]) -> tuple[list[Row], list[str]]:
    """Every readable record, and one problem per unreadable file (naming it)."""
    rows: list[Row] = []
    problems: list[str] = []
    for path in paths:
        try:
            rows.extend(read_results(path))
        except ResultsError as exc:
            problems.extend(exc.problems)
    return rows, problems


def _fold(items: Iterable[Any], key: Any, rank: Any) -> tuple[list[Any], list[tuple[Any, Any]]]:
    """The best item per key by ``rank``, and (kept, dropped) for every item folded into another."""
    best: dict[Any, Any] = {}
    dropped: list[Any] = []
    for item in items:
        kept = best.get(key(item))
        if kept is None or rank(item) > rank(kept):
            best[key(item)] = item
            if kept is not None:
                dropped.append(kept)
        else:
            dropped.append(item)
    return list(best.values()), [(best[key(item)], item) for item in dropped]


def merge_results(paths: Iterable[str | Path]) -> list[Row]:
    """Read every file, keep each learner's best record per training, sorted by training and name.

    Raises :class:`ResultsError` listing every bad file. This is the strict reader (tests, tools);
    ``dandelion results merge`` uses :func:`merge`, which skips bad files and re-scores.
    """
    rows, problems = _read_all(paths)
    if problems:
        raise ResultsError(problems)
    kept, _folded = _fold(rows, lambda r: r.key, lambda r: r.rank())
    return sorted(kept, key=lambda r: (r.training, name_key(r.name), r.name))


# ---------------------------------------------------------------------------------------- checking


@dataclass(frozen=True)
class Checked:
    """One record checked against the project: what the roster shows about it."""

    row: Row
    #: (code, parameters) per mismatch; codes are the keys of records_strings.FLAGS
    flags: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...]
    #: the re-scored best score (the stored one when the answers cannot be re-scored)
    score: float | None
    passed: bool
    complete: bool
    hours_earned: float
    #: the module's title (model.Text) from the project, None for an unknown module
    module_title: Any = None
    default_lang: str = "zh"

    def title(self, lang: str) -> str:
        """The module's title in ``lang`` from the project; the file's title for an unknown module."""
        return self.row.title if self.module_title is None else self.module_title.get(lang, self.default_lang)

    @property
    def flagged(self) -> bool:
        return bool(self.flags)

    def rank(self) -> tuple[bool, bool, float, int, dt.datetime]:
        score = -1.0 if self.score is None else self.score
        return self.complete, not self.flagged, score, self.row.units_read, _aware(self.row.exported_at)

    def flag_text(self, lang: str) -> str:
        from .records_strings import FLAGS, text

        return ("；" if lang == "zh" else "; ").join(text(FLAGS, code, lang, **dict(params)) for code, params in self.flags)


class Checker:
    """Checks records against one project (its modules, quizzes and their versions)."""

    def __init__(self, project: Any) -> None:
        self.project = project
        self._quiz_data: dict[tuple[str, str], dict[str, Any]] = {}

    def quiz_data(self, quiz_id: str, lang: str) -> dict[str, Any]:
        from .quizdata import quiz_data

        if (quiz_id, lang) not in self._quiz_data:
            self._quiz_data[quiz_id, lang] = quiz_data(self.project, self.project.quizzes[quiz_id], lang, lambda path: path)
        return self._quiz_data[quiz_id, lang]

    def check(self, row: Row) -> Checked:
        from .scoring import coverage_problem, module_pass_mark, module_version, quiz_version, rescore

        flags: list[tuple[str, tuple[tuple[str, Any], ...]]] = []

        def flag(code: str, **params: Any) -> None:
            flags.append((code, tuple(params.items())))

        module = self.project.training.get(row.training)
        if module is None:
            flag("unknown-module")
            return Checked(row, tuple(flags), row.best_score, False, False, 0.0)
        quiz = self.project.quizzes.get(module.quiz) if module.quiz else None
        pass_mark = module_pass_mark(self.project, module)
        units = list(module.units)
        details = []
        if row.units_total != len(units):
            details.append(f"units_total {row.units_total} ≠ {len(units)}")
        if row.credit_hours != module.credit_hours:
            details.append(f"credit_hours {row.credit_hours:g} ≠ {module.credit_hours:g}")
        if (row.quiz or None) != (module.quiz or None):
            details.append(f"quiz {row.quiz} ≠ {module.quiz}")
        if row.units is not None:
            if set(row.units) - set(units):
                details.append("units " + ", ".join(sorted(set(row.units) - set(units))))
            if len(set(row.units) & set(units)) != row.units_read:
                details.append(f"units_read {row.units_read} ≠ {len(set(row.units) & set(units))}")
        if details:
            flag("details", what=", ".join(details))
        if row.module_version is not None and row.module_version != module_version(self.project, module):
            flag("module-version")

        score = row.best_score
        stored_passed = row.stored_passed if row.stored_passed is not None else row.passed_at is not None
        passed = stored_passed
        if quiz is not None:
            if row.answers is None:
                if row.best_score is not None:
                    flag("no-answers")
            else:
                if row.quiz_version != quiz_version(quiz):
                    flag("quiz-version")
                lang = row.lang if row.lang in self.project.languages else self.project.config.default_language
                data = self.quiz_data(quiz.id, lang)
                problem = coverage_problem(data, row.answers)
                if problem:
                    flag("answers", what=problem)
                again = rescore(data, row.answers, pass_mark)
                if problem:  # a partial attempt earns nothing, whatever its answers score
                    again = replace(again, score=0, passed=False)
                if not row.answers or again.score != row.best_score:
                    flag("score", stored="—" if row.best_score is None else f"{row.best_score:g}", rescored=again.score)
                score = float(again.score) if row.answers else None
                passed = again.passed and bool(row.answers)
            if passed != stored_passed or stored_passed != (row.passed_at is not None):
                flag("pass")
        read_all = row.units_read >= len(units) and (row.units is None or set(units) <= set(row.units))
        complete = read_all and (passed or quiz is None)
        stored_complete = row.stored_complete if row.stored_complete is not None else row.complete
        if complete != stored_complete:
            flag("completion")
        hours = float(module.credit_hours) if complete else 0.0
        return Checked(row, tuple(flags), score, passed, complete, hours, module.title,
                       self.project.config.default_language)


@dataclass
class Merged:
    """What ``dandelion results merge`` found: the roster, the files skipped, the records folded."""

    records: list[Checked]
    skipped: list[str]
    folded: list[tuple[Checked, Checked]]

    @property
    def flagged(self) -> int:
        return sum(1 for r in self.records if r.flagged)

    def flag_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for record in self.records:
            for code, _params in record.flags:
                counts[code] = counts.get(code, 0) + 1
        return counts


def merge(paths: Iterable[str | Path], project: Any) -> Merged:
    """Read every file (skipping, with a problem naming it, each one that is malformed), check every
    record against ``project`` and keep each learner's best record per training."""
    rows, problems = _read_all(paths)
    checker = Checker(project)
    checked = [checker.check(row) for row in rows]
    kept, folded = _fold(checked, lambda c: c.row.key, lambda c: c.rank())
    kept.sort(key=lambda c: (c.row.training, name_key(c.row.name), c.row.name))
    return Merged(kept, problems, folded)


# ---------------------------------------------------------------------------------------- writing

ROSTER_COLUMNS = ("name", "training", "title", "hours_earned", "units_read", "units_total", "attempts", "best_score",
                  "first_passed", "complete", "flags", "exported_at", "source")


def roster_headers(lang: str) -> list[str]:
    from .records_strings import ROSTER, text

    return [text(ROSTER, key, lang) for key in ROSTER_COLUMNS]


def human_date(day: dt.date, lang: str) -> str:
    """2026年6月26日 / 26 June 2026."""
    return catalogue(lang).format_date(day, weekday=False)


def _cells(record: Checked, lang: str, *, dates_as_text: bool) -> list[Any]:
    from .records_strings import ROSTER, text

    row = record.row
    passed_at = row.passed_at if record.passed else None
    exported = row.exported_at.strftime("%Y-%m-%d %H:%M")
    return [row.name, row.training, record.title(lang), _plain_number(record.hours_earned), row.units_read, row.units_total,
            "" if row.attempts is None else row.attempts,
            "" if record.score is None else _plain_number(record.score),
            (human_date(passed_at, lang) if dates_as_text else passed_at) if passed_at else "",
            text(ROSTER, "yes" if record.complete else "no", lang), record.flag_text(lang), exported,
            Path(row.source).name]


def _plain_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _safe_text(value: Any) -> Any:
    """Text a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_roster_csv(records: Iterable[Checked], path: str | Path, *, lang: str = "zh") -> Path:
    """Write the roster as UTF-8 CSV with a byte-order mark, so Excel shows Chinese names correctly."""
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(roster_headers(lang))
        for record in records:
            writer.writerow([_safe_text(c) for c in _cells(record, lang, dates_as_text=True)])
    return path


def write_roster_xlsx(records: Iterable[Checked], path: str | Path, *, lang: str = "zh") -> Path:
    """Write the roster as an Excel workbook: frozen bold header, filters, real dates and numbers;
    flagged rows have their flag cell filled yellow."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    from .records_strings import ROSTER, text

    path = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = text(ROSTER, "sheet", lang)
    headers = roster_headers(lang)
    ws.append(headers)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    widths = [len(h) * 2 + 2 for h in headers]
    flag_column = ROSTER_COLUMNS.index("flags") + 1
    for r, record in enumerate(records, start=2):
        for c, value in enumerate(_cells(record, lang, dates_as_text=False), start=1):
            cell = ws.cell(row=r, column=c, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
            elif isinstance(value, dt.date):
                cell.number_format = catalogue(lang).gettext("roster.excel_date_format")  # how Excel shows the date
            widths[c - 1] = max(widths[c - 1], min(60, len(str(value)) + 2))
        if record.flagged:
            ws.cell(row=r, column=flag_column).fill = PatternFill("solid", fgColor="FFE082")
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    wb.save(path)
    return path
