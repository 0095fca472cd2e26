"""Events as calendar entries in one language, and the feeds a build writes (see ``plan.CalendarFile``).

``<lang>/events/calendar.ics`` holds every event; ``<lang>/events/calendar-<region>.ics`` the events of
one region (only regions that have events); ``<lang>/events/<id>.ics`` one event, for "add to calendar".
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable

import nh3

from .. import model
from ..calendar import CalendarEvent, calendar_ics
from ..markup import render as render_markdown


def event_url(config: model.SiteConfig, lang: str, event_id: str) -> str | None:
    """The event page's full address, or None when ``site_url`` is not set."""
    return f"{config.site_url}{lang}/events/{event_id}.html" if config.site_url else None


def plain_text(markdown: str) -> str:
    """Markdown → plain text with its paragraphs kept (calendar apps show DESCRIPTION as plain text)."""
    return html.unescape(nh3.clean(render_markdown(markdown).replace("</p>", "</p>\n"), tags=set())).strip()


def calendar_event(project: model.Project, event: model.Event, lang: str) -> CalendarEvent:
    """One event in ``lang``: title, place (venue, region), what, who and for whom, as plain text."""
    cfg = project.config
    default = cfg.default_language

    def localise(text: model.Text | None) -> str:
        return model.text_in(text, lang, default)

    region = localise(cfg.regions.get(event.region))
    location = "，".join(x for x in (localise(event.venue), region) if x) if lang.startswith("zh") else \
        ", ".join(x for x in (localise(event.venue), region) if x)
    lines = []
    if event.status == "cancelled" and event.cancel_reason:
        lines.append(plain_text(localise(event.cancel_reason)))
    if event.description:
        lines.append(plain_text(localise(event.description)))
    if event.lecturers:
        lines.append(", ".join(localise(project.lecturers[x].name) for x in event.lecturers if x in project.lecturers))
    if event.partners:
        lines.append(", ".join(localise(p) for p in event.partners))
    return CalendarEvent(
        id=event.id, title=localise(event.title), date=event.date, start=_time(event.start), end=_time(event.end),
        location=location, description="\n\n".join(line for line in lines if line), status=event.status,
        url=event_url(cfg, lang, event.id),
        categories=tuple(x for x in (localise(cfg.settings.get(event.setting)), region) if x),
    )


def _time(value: object) -> dt.time | None:
    if value is None or isinstance(value, dt.time):
        return value
    hours, minutes = str(value).split(":")
    return dt.time(int(hours), int(minutes))


def feed_bytes(project: model.Project, events: Iterable[model.Event], lang: str, name: str, stamp: dt.datetime) -> bytes:
    """An ICS file of ``events`` in ``lang`` (UIDs from the site address, so they are stable and per site)."""
    cfg = project.config
    site = cfg.site_url or cfg.site_name.get(cfg.default_language)
    return calendar_ics([calendar_event(project, ev, lang) for ev in events], name=name, site=site, stamp=stamp, lang=lang)
