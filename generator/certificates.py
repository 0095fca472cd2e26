"""Numbered training certificates issued by the organisation, from a roster, with a register.

``dandelion certificates ROSTER --module ID [--lang] --out DIR`` reads the roster that
``dandelion results merge`` wrote (CSV or Excel, column names in either language), and writes one A4
PDF per learner who earned the module's hours (flagged records only with ``--include-flagged``) into
DIR, and the register of numbers issued: ``DIR/register.csv`` (the source of truth) and a copy as
``DIR/register.xlsx``.

A certificate number is ``PREFIX-YEAR-SEQUENCE-CHECK`` (``HNJD-2026-00017-4``): the prefix from
``certificates: {prefix: …}`` in site_config.yml, the year of issue, a sequence that continues the
register's highest number for that prefix and year, and a Luhn check digit over year and sequence,
which catches a mistyped digit or two swapped neighbours when someone reads a number out on the phone.
Numbers never repeat: the next run reads the register first, and a learner already in it for the
module keeps the number issued before (the PDF is written again only when it is missing). The register
is rewritten (atomically) after every certificate, so a run that stops half-way leaves a register that
lists exactly the certificates it wrote; a lock file keeps two runs on one folder apart.

The register is what answers "is this certificate real?": a number that is not in it, or whose name
and module differ from the paper, was not issued by this organisation.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import fcntl
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .errors import DandelionError, UsageError
from .i18n import languages
from .kits.cache import atomic_write
from .records_strings import CERTIFICATE, ROSTER, text
from .results import ROSTER_COLUMNS, name_key

REGISTER = "register.csv"
REGISTER_XLSX = "register.xlsx"
LOCK = ".register.lock"
_REGISTER_KEYS = ("number", "name", "module", "title", "hours", "completed", "issued", "flags", "file")
_NUMBER = re.compile(r"^([A-Z][A-Z0-9]{0,9})-(\d{4})-(\d{5,})-(\d)$")


class CertificateError(DandelionError):
    """A roster or register that cannot be used; the message names the file and line."""


# ------------------------------------------------------------------------------------------- numbers


def luhn_digit(digits: str) -> int:
    """The Luhn check digit for ``digits`` (the one appended to make the whole number valid)."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 0:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return (10 - total % 10) % 10


def certificate_number(prefix: str, year: int, sequence: int) -> str:
    """``PREFIX-YEAR-SEQUENCE-CHECK``, e.g. ``DL-2026-00001-8``."""
    body = f"{year:04d}{sequence:05d}"
    return f"{prefix}-{year:04d}-{sequence:05d}-{luhn_digit(body)}"


def parse_number(number: str) -> tuple[str, int, int] | None:
    """(prefix, year, sequence) of a well-formed number whose check digit is right, else None."""
    found = _NUMBER.match(number.strip())
    if not found:
        return None
    prefix, year, sequence, check = found.groups()
    if luhn_digit(year + sequence) != int(check):
        return None
    return prefix, int(year), int(sequence)


# ------------------------------------------------------------------------------------------- roster


@dataclass(frozen=True)
class RosterEntry:
    """One learner's line of a roster, as :mod:`generator.results` wrote it."""

    name: str
    module: str
    hours_earned: float
    completed: dt.date | None
    complete: bool
    flags: str
    line: int


def _header_keys() -> dict[str, str]:
    """Column name (in any language with a catalogue) → column key."""
    out: dict[str, str] = {}
    for lang in languages():
        for key in (*ROSTER_COLUMNS, "yes", "no", "sheet"):
            out.setdefault(text(ROSTER, key, lang), key)
    return out


_YES = {text(ROSTER, "yes", lang) for lang in languages()}
_DATE_ZH = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")


def _parse_date(value: Any, where: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    textual = str(value).strip()
    found = _DATE_ZH.match(textual)
    if found:
        return dt.date(int(found[1]), int(found[2]), int(found[3]))
    for pattern in ("%Y-%m-%d", "%d %B %Y", "%Y/%m/%d"):
        try:
            return dt.datetime.strptime(textual, pattern).date()
        except ValueError:
            continue
    raise CertificateError(f"{where}: not a date: {textual!r}")


def _rows(path: Path) -> Iterator[list[Any]]:
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(path, read_only=True, data_only=True).active
        except Exception as exc:  # openpyxl raises many kinds for a damaged file
            raise CertificateError(f"{path}: not a readable Excel file ({exc})") from None
        for row in sheet.iter_rows(values_only=True):
            yield list(row)
        return
    try:
        data = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        data = path.read_bytes().decode("gb18030")
    yield from csv.reader(io.StringIO(data, newline=""))


def read_roster(path: Path) -> list[RosterEntry]:
    """The roster's learners; a roster without the columns a certificate needs is refused by name."""
    if path.suffix.lower() not in (".csv", ".xlsx"):
        raise UsageError(f"the roster must be a .csv or .xlsx file from `dandelion results merge`, not {path.name}")
    rows = _rows(path)
    header = next(rows, None) or []
    known = _header_keys()
    columns = {known[str(h).strip()]: i for i, h in enumerate(header) if h is not None and str(h).strip() in known}
    needed = ("name", "training", "hours_earned", "first_passed", "complete", "flags")
    missing = [key for key in needed if key not in columns]
    if missing:
        names = ", ".join(f"{text(ROSTER, key, 'zh')}/{text(ROSTER, key, 'en')}" for key in missing)
        raise CertificateError(f"{path}: line 1: the roster lacks the columns {names} "
                               "(write it with `dandelion results merge`)")
    entries = []
    for number, row in enumerate(rows, start=2):
        if not any(v not in (None, "") for v in row):
            continue
        values = {key: row[i] if i < len(row) else None for key, i in columns.items()}
        cell = values.get
        where = f"{path}: line {number}"
        name = str(cell("name") or "").strip()
        if name.startswith("'") and name[1:2] in ("=", "+", "-", "@"):
            name = name[1:]  # the roster's guard against spreadsheet formulas
        try:
            hours = float(cell("hours_earned") or 0)
        except (TypeError, ValueError):
            raise CertificateError(f"{where}: hours earned must be a number, got {cell('hours_earned')!r}") from None
        entries.append(RosterEntry(name=name, module=str(cell("training") or "").strip(), hours_earned=hours,
                                   completed=_parse_date(cell("first_passed"), where),
                                   complete=str(cell("complete") or "").strip() in _YES,
                                   flags=str(cell("flags") or "").strip(), line=number))
    return entries


# ------------------------------------------------------------------------------------------- register


@dataclass(frozen=True)
class Issue:
    """One certificate: a line of the register."""

    number: str
    name: str
    module: str
    title: str
    hours: float
    completed: dt.date
    issued: dt.date
    flags: str
    file: str


def read_register(path: Path) -> list[Issue]:
    """The certificates issued so far; a damaged register stops the run (numbers must never repeat)."""
    if not path.exists():
        return []
    issues: list[Issue] = []
    seen: set[str] = set()
    rows = _rows(path)
    next(rows, None)  # header, in either language
    for line, row in enumerate(rows, start=2):
        if not any(row):
            continue
        where = f"{path}: line {line}"
        if len(row) < len(_REGISTER_KEYS):
            raise CertificateError(f"{where}: expected {len(_REGISTER_KEYS)} columns, found {len(row)}")
        values = dict(zip(_REGISTER_KEYS, row, strict=False))
        number = str(values["number"]).strip()
        if parse_number(number) is None:
            raise CertificateError(f"{where}: {number!r} is not a certificate number with a right check digit")
        if number in seen:
            raise CertificateError(f"{where}: certificate number {number} is listed twice")
        seen.add(number)
        try:
            hours = float(values["hours"])
        except ValueError:
            raise CertificateError(f"{where}: hours must be a number, got {values['hours']!r}") from None
        completed = _parse_date(values["completed"], where)
        issued = _parse_date(values["issued"], where)
        if completed is None or issued is None:
            raise CertificateError(f"{where}: the completion and issue dates are required")
        issues.append(Issue(number, str(values["name"]), str(values["module"]), str(values["title"]), hours,
                            completed, issued, str(values["flags"]), str(values["file"])))
    return issues


def _register_headers(lang: str) -> list[str]:
    return [text(CERTIFICATE, f"register_{key}", lang) for key in _REGISTER_KEYS]


def _register_cells(issue: Issue) -> list[Any]:
    hours = int(issue.hours) if issue.hours.is_integer() else issue.hours
    return [issue.number, issue.name, issue.module, issue.title, hours, issue.completed.isoformat(),
            issue.issued.isoformat(), issue.flags, issue.file]


def write_register(folder: Path, issues: list[Issue], lang: str) -> None:
    """register.csv (UTF-8 with BOM, ISO dates so it reads back exactly) and register.xlsx."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(_register_headers(lang))
    for issue in issues:
        cells = _register_cells(issue)
        writer.writerow(["'" + c if isinstance(c, str) and c[:1] in ("=", "+", "-", "@") else c for c in cells])
    atomic_write(folder / REGISTER, ("\ufeff" + buffer.getvalue()).encode("utf-8"))

    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = text(CERTIFICATE, "register_sheet", lang)
    sheet.append(_register_headers(lang))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row, issue in enumerate(issues, start=2):
        for column, value in enumerate(_register_cells(issue), start=1):
            cell = sheet.cell(row=row, column=column, value=value)
            if isinstance(value, str):
                cell.data_type = "s"
    sheet.freeze_panes = "A2"
    stream = io.BytesIO()
    book.save(stream)
    atomic_write(folder / REGISTER_XLSX, stream.getvalue())


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    with (folder / LOCK).open("w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise UsageError(f"another `dandelion certificates` run is using {folder}: wait for it to finish") from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


# ------------------------------------------------------------------------------------------- issuing


@dataclass
class IssueReport:
    issued: list[Issue]
    kept: list[Issue]  # already in the register: same number, not issued again
    skipped: list[str]  # learners left out, and why


def _file_name(issue: Issue) -> str:
    who = re.sub(r'[\\/:*?"<>|\s]+', "_", issue.name).strip("_")[:40]
    return f"{issue.number}-{who}.pdf" if who else f"{issue.number}.pdf"


def issue_certificates(project: Any, roster: Path, module_id: str, out: Path, *, lang: str, today: dt.date,
                       include_flagged: bool = False, log: Any = None) -> IssueReport:
    """Issue certificates for ``module_id`` to the roster's learners who earned its hours."""
    from .kits.documents import Documents
    from .kits.fonts import find_fonts
    from .kits.pdf import PdfRenderer
    from .zh import Pinyin

    module = project.training.get(module_id)
    if module is None:
        from .validate import did_you_mean

        raise UsageError(f"no training module '{module_id}' in the project{did_you_mean(module_id, project.training.keys())}")
    entries = read_roster(roster)
    out.mkdir(parents=True, exist_ok=True)
    prefix = project.config.certificates.prefix
    report = IssueReport([], [], [])
    module_title = module.title.get(lang, project.config.default_language)
    with _locked(out):
        register = read_register(out / REGISTER)
        by_learner = {(i.module, name_key(i.name)): i for i in register}
        sequence = max((parsed[2] for i in register if (parsed := parse_number(i.number)) and parsed[:2] == (prefix, today.year)),
                       default=0)
        documents: Documents | None = None
        renderer: PdfRenderer | None = None
        for entry in entries:
            if entry.module != module_id:
                continue
            who = f"{roster.name}: line {entry.line}: {entry.name or '(no name)'}"
            if not entry.name:
                report.skipped.append(f"{who}: no name")
                continue
            if entry.hours_earned <= 0 or not entry.complete or entry.completed is None:
                report.skipped.append(f"{who}: has not earned the hours")
                continue
            if entry.flags and not include_flagged:
                report.skipped.append(f"{who}: flagged ({entry.flags}); check it, or use --include-flagged")
                continue
            earlier = by_learner.get((module_id, name_key(entry.name)))
            if earlier is not None:
                report.kept.append(earlier)
                if (out / earlier.file).exists():
                    continue
                issue = earlier
            else:
                sequence += 1
                number = certificate_number(prefix, today.year, sequence)
                issue = Issue(number, entry.name, module_id, module_title, float(module.credit_hours), entry.completed,
                              today, entry.flags, "")
                issue = replace(issue, file=_file_name(issue))
            if documents is None:
                documents = Documents(project, find_fonts(project.config, project.root), Pinyin(project.config.pinyin_overrides))
                renderer = PdfRenderer([project.content_dir, Path(__file__).parent / "kits"])
            assert renderer is not None
            html = documents.training_certificate(issue, lang)
            pdf = renderer.render(html, base_url=project.content_dir.resolve().as_uri() + "/")
            atomic_write(out / issue.file, pdf.data)
            if earlier is None:
                register.append(issue)
                by_learner[(module_id, name_key(issue.name))] = issue
                write_register(out, register, lang)
                report.issued.append(issue)
            if log:
                log(f"{issue.number}  {issue.name}  → {out / issue.file}")
        if not (out / REGISTER).exists():
            write_register(out, register, lang)
    return report
