"""Merge learners' exported training results into one roster (CSV or Excel).

A learner's browser exports ``dandelion-<training>-<name>.json`` or ``.csv`` from a training module
page (``theme/assets/javascripts/training.js``); the trainer collects the files and runs
``dandelion results merge FILES... --out roster.csv`` (or ``.xlsx``). Each file holds::

    {"format": "dandelion-results", "version": 1, "name": "…", "training": "module-id",
     "title": "…", "credit_hours": 4, "units_read": 3, "units_total": 3, "quiz": "quiz-id",
     "best_score": 85, "passed_at": "2026-06-26", "exported_at": "2026-06-26T10:00:00+08:00"}

The CSV form has those keys as its header row. Trainers often open a CSV in Excel and save it
again, so the reader accepts what Excel does to it: GB18030 instead of UTF-8, no byte-order mark,
blank lines, ``2026/6/26`` dates, ``4.0`` for ``4`` and the leading apostrophe the browser puts in
front of text a spreadsheet would run as a formula.

Every bad file is reported, not just the first: :class:`ResultsError` lists them all. When the same
learner (the same name, up to character width and the amount of white space between words) appears
more than once for a training, the best record is kept: complete before incomplete, then the higher
score, more units read, and the later export. Names are never matched more loosely than that: 王伟 and
王 伟 may be two people, so they stay two rows and :func:`possible_duplicates` names them for the
trainer to check.
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .i18n import catalogue

FORMAT = "dandelion-results"
VERSION = 1
FIELDS = ("format", "version", "name", "training", "title", "credit_hours", "units_read", "units_total", "quiz",
          "best_score", "passed_at", "exported_at")
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
        m = re.fullmatch(r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*", value)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
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
    if version != VERSION or isinstance(version, bool):
        raise _Bad(f"unsupported version {raw.get('version')!r} (this Dandelion reads version {VERSION})")

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
    if faults:
        raise _Bad("; ".join(faults))
    return Row(name=name, training=training, title=title, credit_hours=credit_hours, units_read=units_read,
               units_total=units_total, quiz=quiz, best_score=best, passed_at=passed_at,
               exported_at=exported_at, source=source)


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
    missing = [f for f in FIELDS if f not in header]
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


def merge_results(paths: Iterable[str | Path]) -> list[Row]:
    """Read every file, keep each learner's best record per training, sorted by training and name.

    Raises :class:`ResultsError` listing every bad file (nothing is merged then, so a trainer never
    gets a roster that silently lacks someone).
    """
    problems: list[str] = []
    best: dict[tuple[str, str], Row] = {}
    for path in paths:
        try:
            rows = read_results(path)
        except ResultsError as exc:
            problems.extend(exc.problems)
            continue
        for row in rows:
            kept = best.get(row.key)
            if kept is None or row.rank() > kept.rank():
                best[row.key] = row
    if problems:
        raise ResultsError(problems)
    return sorted(best.values(), key=lambda r: (r.training, name_key(r.name), r.name))


# ---------------------------------------------------------------------------------------- writing

#: The roster's columns; each header is the catalogue's ``roster.<column>``.
_COLUMNS = ("name", "training", "title", "credit_hours", "units_read", "units_total", "quiz", "best_score", "passed_on",
            "complete", "exported_at", "source_file")


def _headers(lang: str) -> list[str]:
    strings = catalogue(lang)
    return [strings.gettext(f"roster.{column}") for column in _COLUMNS]


def _cells(row: Row, lang: str) -> list[Any]:
    yes, no = catalogue(lang).gettext("roster.yes"), catalogue(lang).gettext("roster.no")
    return [row.name, row.training, row.title, _plain_number(row.credit_hours), row.units_read, row.units_total,
            row.quiz or "", "" if row.best_score is None else _plain_number(row.best_score), row.passed_at or "",
            yes if row.complete else no, row.exported_at.isoformat(), Path(row.source).name]


def _plain_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _safe_text(value: Any) -> Any:
    """Text a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_roster_csv(rows: Iterable[Row], path: str | Path, *, lang: str = "zh") -> Path:
    """Write the roster as UTF-8 CSV with a byte-order mark, so Excel shows Chinese names correctly."""
    path = Path(path)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(_headers(lang))
        for row in rows:
            writer.writerow([_safe_text(c) if isinstance(c, str) else c for c in _cells(row, lang)])
    return path


def write_roster_xlsx(rows: Iterable[Row], path: str | Path, *, lang: str = "zh") -> Path:
    """Write the roster as an Excel workbook: frozen bold header, filters, real dates and numbers."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    path = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = catalogue(lang).gettext("roster.sheet")
    headers = _headers(lang)
    ws.append(list(headers))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    widths = [len(h) * 2 + 2 for h in headers]
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(_cells(row, lang), start=1):
            cell = ws.cell(row=r, column=c, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
            elif isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
            widths[c - 1] = max(widths[c - 1], min(60, len(str(value)) + 2))
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    wb.save(path)
    return path
