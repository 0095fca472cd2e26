"""Outreach events as iCalendar (RFC 5545) feeds, written with the ``icalendar`` library.

A lecturer subscribes to ``<lang>/events/calendar.ics`` (or one region's ``calendar-<region>.ics``) in their
phone's calendar; an event page offers its own ``.ics`` to add one talk. Times are Asia/Shanghai with a
VTIMEZONE; an event without a start time is an all-day event. The UID of an event is derived from its id
and the site, so it stays the same from build to build (a calendar updates the event instead of adding a
second one) and differs between sites; DTSTAMP is the build time (``generator.clock``: reproducible with
``SOURCE_DATE_EPOCH``). Text escaping (commas, semicolons, backslashes, new lines) is the library's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from icalendar import Calendar, Event, Timezone, TimezoneStandard

from .clock import ZONE

PRODUCT_ID = "-//Hainan Dandelion anti-drug lecture group//Dandelion//ZH"
_STATUS = {"planned": "TENTATIVE", "done": "CONFIRMED", "cancelled": "CANCELLED"}


@dataclass(frozen=True)
class CalendarEvent:
    """One event, already in the feed's language (the renderer picks texts and makes the page address)."""

    id: str
    title: str
    date: dt.date
    start: dt.time | None
    end: dt.time | None
    location: str
    description: str
    status: str  # planned | done | cancelled
    url: str | None = None
    categories: tuple[str, ...] = ()


def _timezone() -> Timezone:
    """Asia/Shanghai: UTC+8 all year (no daylight saving since 1991)."""
    zone = Timezone()
    zone.add("tzid", "Asia/Shanghai")
    standard = TimezoneStandard()
    standard.add("tzname", "CST")
    standard.add("dtstart", dt.datetime(1970, 1, 1))
    standard.add("tzoffsetfrom", dt.timedelta(hours=8))
    standard.add("tzoffsetto", dt.timedelta(hours=8))
    zone.add_component(standard)
    return zone


def uid(event_id: str, site: str) -> str:
    """Stable across builds, unique per event and per site (``site`` is the site address or name)."""
    import hashlib

    return f"{event_id}-{hashlib.sha256(site.encode('utf-8')).hexdigest()[:12]}@dandelion"


def calendar_ics(events: Iterable[CalendarEvent], *, name: str, site: str, stamp: dt.datetime, lang: str) -> bytes:
    """An RFC 5545 calendar holding ``events``; ``stamp`` is the DTSTAMP of every event (the build time)."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", " ".join(name.split()))  # an X- name is not escaped: one line
    calendar.add("x-wr-timezone", "Asia/Shanghai")
    calendar.add_component(_timezone())
    stamp_utc = stamp.astimezone(dt.UTC)
    for item in sorted(events, key=lambda e: (e.date, e.start or dt.time(0), e.id)):
        entry = Event()
        entry.add("uid", uid(item.id, site))
        entry.add("dtstamp", stamp_utc)
        entry.add("summary", item.title, parameters={"language": lang})
        if item.start is not None:
            begin = dt.datetime.combine(item.date, item.start, ZONE)
            finish = dt.datetime.combine(item.date, item.end, ZONE) if item.end else begin + dt.timedelta(hours=1)
            entry.add("dtstart", begin)
            entry.add("dtend", finish)
        else:
            entry.add("dtstart", item.date)
            entry.add("dtend", item.date + dt.timedelta(days=1))
        if item.location:
            entry.add("location", item.location, parameters={"language": lang})
        description = item.description
        if item.url:
            entry.add("url", item.url)
            description = f"{description}\n\n{item.url}" if description else item.url
        if description:
            entry.add("description", description, parameters={"language": lang})
        entry.add("status", _STATUS[item.status])
        if item.categories:
            entry.add("categories", [" ".join(category.split()) for category in item.categories])
        calendar.add_component(entry)
    return calendar.to_ical()
