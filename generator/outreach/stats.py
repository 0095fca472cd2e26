"""The year's figures: a talk is a ``done`` event of that year, people the sum of its report's attendance.

Rows follow the lists in ``site_config.yml`` (every region, setting and audience declared there, zeros
included: a region without a talk is information), months run 1–12, lessons are every lesson by id.
A talk for several audiences (or lessons) counts once under each, so those rows may add up to more than
the year's total; regions, settings and months partition the talks.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import asdict, dataclass

from .. import model
from .strings import month_label, word

DIMENSIONS = ("region", "setting", "audience", "month", "lesson")
FORMATS = ("csv", "xlsx", "json")


@dataclass(frozen=True)
class Row:
    key: str  # region / setting / audience / lesson id, or the month as YYYY-MM
    label: str
    talks: int
    people: int


def talks(project: model.Project, year: int) -> list[model.Event]:
    """The year's talks: events that took place (``done``), by date."""
    return sorted((ev for ev in project.events.values() if ev.status == "done" and ev.date.year == year),
                  key=lambda ev: (ev.date, ev.start or dt.time(0), ev.id))


def people(event: model.Event) -> int:
    """The attendance in the event's report (0 when it has none: ``check`` warns about that)."""
    return (event.report.attendance or 0) if event.report else 0


def totals(project: model.Project, year: int) -> tuple[int, int]:
    done = talks(project, year)
    return len(done), sum(people(ev) for ev in done)


def tally(project: model.Project, year: int, by: str, lang: str) -> list[Row]:
    """One row per declared region/setting/audience, month or lesson, with the year's talks and people."""
    if by not in DIMENSIONS:
        raise ValueError(f"statistics by {by!r}: choose one of {', '.join(DIMENSIONS)}")
    cfg = project.config
    default = cfg.default_language
    keys: list[tuple[str, str]]
    if by == "month":
        keys = [(f"{year}-{month:02d}", month_label(year, month, lang)) for month in range(1, 13)]
    elif by == "lesson":
        keys = [(lesson.id, lesson.title.get(lang, default)) for lesson in sorted(project.lessons.values(), key=lambda x: x.id)]
    else:
        table = {"region": cfg.regions, "setting": cfg.settings, "audience": cfg.audiences}[by]
        keys = [(key, text.get(lang, default)) for key, text in table.items()]
    counts = {key: [0, 0] for key, _ in keys}
    for event in talks(project, year):
        for key in _keys_of(event, by):
            if key in counts:
                counts[key][0] += 1
                counts[key][1] += people(event)
    return [Row(key, label, *counts[key]) for key, label in keys]


def _keys_of(event: model.Event, by: str) -> list[str]:
    if by == "month":
        return [f"{event.date.year}-{event.date.month:02d}"]
    if by == "audience":
        return list(dict.fromkeys(event.audiences))
    if by == "lesson":
        return list(dict.fromkeys(event.lessons))
    return [getattr(event, by)]


def overdue(project: model.Project, today: dt.date) -> list[model.Event]:
    """Events whose date has passed but whose status is still ``planned``: a reminder to update them.

    Not a ``check`` warning: shipped example content must not fail ``check --strict`` as time moves on.
    """
    return sorted((ev for ev in project.events.values() if ev.status == "planned" and ev.date < today),
                  key=lambda ev: (ev.date, ev.id))


def years(project: model.Project) -> list[int]:
    """Every year that has an event, oldest first."""
    return sorted({ev.date.year for ev in project.events.values()})


# --- tables ----------------------------------------------------------------------------------------


def table_bytes(rows: list[Row], *, by: str, year: int, fmt: str, lang: str) -> bytes:
    """The rows as a file: CSV (UTF-8 with BOM, so Excel reads the Chinese), XLSX or JSON.

    Columns: ``<by>,talks,people,label`` (the first three are a contract: scripts read them by name).
    """
    header = [by, "talks", "people", "label"]
    data = [[row.key, row.talks, row.people, row.label] for row in rows]
    total = ["total", sum(r.talks for r in rows), sum(r.people for r in rows), word("total", lang)]
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(data)
        return ("\ufeff" + buffer.getvalue()).encode("utf-8")
    if fmt == "json":
        document = {"year": year, "by": by, "language": lang,
                    "rows": [{by: row.key, **{k: v for k, v in asdict(row).items() if k != "key"}} for row in rows]}
        return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if fmt == "xlsx":
        return _xlsx([header, *data, total], title=f"{year} {by}")
    raise ValueError(f"format {fmt!r}: choose one of {', '.join(FORMATS)}")


def _xlsx(rows: list[list[object]], *, title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    for row in rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["D"].width = 28
    buffer = io.BytesIO()
    book.properties.creator = "Dandelion"
    book.properties.created = book.properties.modified = dt.datetime(2000, 1, 1)  # same bytes for the same figures
    book.save(buffer)
    return buffer.getvalue()
