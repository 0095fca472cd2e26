"""What the site's event pages need beyond the model: the index's lists and filters, the month
calendar, occasions, each lecturer's upcoming talks and the statistics page (``site.pages`` renders them)."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Any

from .. import model
from ..plan import Plan
from .figures import figures
from .stats import totals
from .strings import month_label, word


def _sorted(project: model.Project) -> list[model.Event]:
    return sorted(project.events.values(), key=lambda ev: (ev.date, ev.start or "", ev.id))


def occasions_on(project: model.Project, day: dt.date, lang: str, *, months: bool = True) -> list[str]:
    """The names of the occasions declared in site_config.yml that fall on ``day`` (``months=False``:
    only those of a single day, not a whole month such as the June publicity month)."""
    default = project.config.default_language
    return [occasion.name.get(lang, default) for occasion in project.config.occasions.values()
            if occasion.falls_on(day) and (months or occasion.month is None)]


def is_upcoming(event: model.Event, today: dt.date) -> bool:
    """Upcoming: not yet taken place (a cancelled future event stays listed, marked cancelled)."""
    return event.status != "done" and event.date >= today


def index_context(project: model.Project, plan: Plan, lang: str, today: dt.date) -> dict[str, Any]:
    """Upcoming (soonest first), past (newest first), the filters' choices and the calendar feeds."""
    events = _sorted(project)
    upcoming = [ev for ev in events if is_upcoming(ev, today)]
    past = [ev for ev in reversed(events) if not is_upcoming(ev, today)]
    cfg = project.config
    used = {
        "region": [r for r in cfg.regions if any(ev.region == r for ev in events)],
        "setting": [s for s in cfg.settings if any(ev.setting == s for ev in events)],
        "audience": [a for a in cfg.audiences if any(a in ev.audiences for ev in events)],
        "status": [s for s in ("planned", "done", "cancelled") if any(ev.status == s for ev in events)],
    }
    address = cfg.site_url or ""
    feeds = [(feed.region, feed.path.removeprefix(f"{lang}/"), address and address + feed.path)
             for feed in plan.calendars_in(lang) if feed.event is None]
    years = sorted({ev.date.year for ev in events}, reverse=True)
    return {"upcoming": upcoming, "past": past, "filters": used, "feeds": feeds, "years": years,
            "today": today.isoformat()}


@dataclass(frozen=True)
class Day:
    date: dt.date | None  # None: a blank cell before the 1st or after the last day
    events: list[model.Event]
    occasions: list[str]


@dataclass(frozen=True)
class Month:
    key: str  # "2026-06"
    label: str
    weeks: list[list[Day]]
    events: list[model.Event]
    occasions: list[str]


def months(project: model.Project, lang: str) -> list[Month]:
    """Every month from the first event's to the last event's, as weeks of days (Monday first)."""
    events = _sorted(project)
    if not events:
        return []
    first, last = events[0].date, events[-1].date
    out = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        weeks = []
        in_month = [ev for ev in events if (ev.date.year, ev.date.month) == (year, month)]
        names = [o.name.get(lang, project.config.default_language) for o in project.config.occasions.values() if o.month == month]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
            row = []
            for day in week:
                if day.month != month:
                    row.append(Day(None, [], []))
                    continue
                here = occasions_on(project, day, lang, months=False)  # a whole month is named in the caption
                names += [name for name in here if name not in names]
                row.append(Day(day, [ev for ev in in_month if ev.date == day], here))
            weeks.append(row)
        out.append(Month(f"{year}-{month:02d}", month_label(year, month, lang), weeks, in_month, names))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def upcoming_by_lecturer(project: model.Project, today: dt.date) -> dict[str, list[model.Event]]:
    """Each lecturer's talks still to come (planned, from ``today``), soonest first."""
    talks: dict[str, list[model.Event]] = {}
    for event in _sorted(project):
        if event.status == "planned" and event.date >= today:
            for lecturer in event.lecturers:
                talks.setdefault(lecturer, []).append(event)
    return talks


def statistics_context(project: model.Project, year: int, lang: str) -> dict[str, Any]:
    talks, people = totals(project, year)
    return {"year": year, "talks": talks, "people": people, "figures": figures(project, year, lang),
            "totals_line": word("totals_line", lang, year=year, talks=talks, people=people),
            "other_years": sorted({ev.date.year for ev in project.events.values()} - {year})}
