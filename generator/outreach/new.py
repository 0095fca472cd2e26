"""``dandelion new event`` / ``new lesson``: a new content file from answers or flags, checked as
``dandelion check`` checks it, written only when it has no error.

The file is written, the whole project is loaded and checked with it, and if any error points into the
new file the file is removed again and the errors (``path:line:col``) are returned: the editor fixes the
answer and runs the command again. Events are named ``content/events/YYYY-MM-DD-<slug>.yml`` (the file
name is the event id), lessons ``content/lessons/<slug>.yml``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import Diagnostics, UsageError
from ..loader import find_project, load_project
from ..zh import slugify


@dataclass
class Written:
    path: Path | None  # None: refused, nothing was written
    diagnostics: Diagnostics = field(default_factory=Diagnostics)


def text(zh: str | None, en: str | None) -> dict[str, str] | None:
    """A ``{zh: …, en: …}`` text from the answers given (None when neither was)."""
    values = {lang: value.strip() for lang, value in (("zh", zh), ("en", en)) if value and value.strip()}
    return values or None


def event_file_name(date: dt.date, slug: str) -> str:
    return f"{date.isoformat()}-{slug}.yml"


def make_slug(*candidates: str | None) -> str:
    """An id-safe slug from the first non-empty candidate (English title, else pinyin of the Chinese)."""
    for candidate in candidates:
        if candidate and candidate.strip():
            slug = slugify(candidate, max_length=40, fallback="")
            if slug:
                return slug
    raise UsageError("cannot make a file name from the title: give --slug (lowercase letters, digits and hyphens)")


def event_document(*, title: dict[str, str], date: dt.date, start: str | None, end: str | None, region: str,
                   setting: str, venue: dict[str, str], audiences: list[str], lessons: list[str],
                   lecturers: list[str], partners: list[dict[str, str]], status: str,
                   expected_attendance: int | None, description: dict[str, str] | None) -> dict[str, Any]:
    """The event as the YAML mapping an editor would write (keys in the documented order)."""
    document: dict[str, Any] = {"title": title, "date": date}
    if start:
        document["start"] = Quoted(start)
    if end:
        document["end"] = Quoted(end)
    document |= {"region": region, "setting": setting, "venue": venue}
    if description:
        document["description"] = description
    document |= {"audiences": audiences, "lessons": lessons, "lecturers": lecturers}
    if partners:
        document["partners"] = partners
    if expected_attendance is not None:
        document["expected_attendance"] = expected_attendance
    document["status"] = status
    return document


def lesson_document(*, title: dict[str, str], summary: dict[str, str] | None, audiences: list[str],
                    settings: list[str], duration_minutes: int, section_title: dict[str, str],
                    section_body: dict[str, str]) -> dict[str, Any]:
    document: dict[str, Any] = {"title": title}
    if summary:
        document["summary"] = summary
    document |= {"audiences": audiences, "settings": settings, "duration_minutes": duration_minutes,
                 "sections": [{"title": section_title, "body": section_body}]}
    return document


class Quoted(str):
    """A string written in double quotes: times such as "09:30" (YAML 1.1 would read 09:30 as a number)."""


class _Dumper(yaml.SafeDumper):
    pass


def _string(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if "\n" in value:  # Markdown with paragraphs: a literal block, as editors write it
        return dumper.represent_scalar("tag:yaml.org,2002:str", value.rstrip("\n") + "\n", style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _string)
_Dumper.add_representer(Quoted, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style='"'))


def to_yaml(document: dict[str, Any]) -> str:
    body = yaml.dump(document, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return "# Written by `dandelion new`; format: docs/content-format.md\n" + body


def write_checked(root: Path, relative: str, document: dict[str, Any]) -> Written:
    """Write ``document`` at ``root/relative`` if it passes ``check`` (errors in the new file: nothing stays)."""
    root = find_project(root)
    target = root / relative
    if target.exists():
        raise UsageError(f"{relative} exists already: choose another --slug or date")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(to_yaml(document), encoding="utf-8")
    result = load_project(root)
    mine = Diagnostics()
    for diagnostic in result.diagnostics.sorted():
        if str(diagnostic.location.path) == relative:
            mine.items.append(diagnostic)
    if mine.errors:
        target.unlink()
        return Written(None, mine)
    return Written(target, mine)
