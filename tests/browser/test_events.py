"""The events index and month calendar in Chromium from file://: "upcoming" by the reader's date, the
filters, a phone's 360 px width and the keyboard (mini project: a planned talk on 2026-06-26 in Haikou,
a done one on 2026-03-01 in Wenchang; built with --today 2026-06-01)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _open(make_page: Callable[..., Any], url: str, *, width: int, reader_date: dt.datetime) -> Any:
    page = make_page(width=width)
    page.clock.set_fixed_time(reader_date)
    page.goto(url)
    return page


def _ids(page: Any, which: str) -> list[str]:
    return page.eval_on_selector_all(
        f'ul[data-list="{which}"] > li:not([hidden]) > a', "links => links.map(a => a.getAttribute('href'))")


def test_upcoming_follows_the_readers_date_not_the_build_date(make_page: Callable[..., Any], mini_site: Path) -> None:
    url = (mini_site / "zh" / "events" / "index.html").as_uri()
    before = _open(make_page, url, width=1280, reader_date=dt.datetime(2026, 6, 10, 12, 0))
    assert _ids(before, "upcoming") == ["campus-talk.html"]
    assert _ids(before, "past") == ["community-talk.html"]
    later = _open(make_page, url, width=1280, reader_date=dt.datetime(2026, 7, 1, 12, 0))
    assert _ids(later, "upcoming") == []
    assert _ids(later, "past") == ["campus-talk.html", "community-talk.html"]  # newest first
    assert later.is_visible('[data-empty-for="upcoming"]')


def test_filters_work_on_a_phone_from_file(make_page: Callable[..., Any], mini_site: Path) -> None:
    url = (mini_site / "en" / "events" / "index.html").as_uri()
    page = _open(make_page, url, width=360, reader_date=dt.datetime(2026, 6, 10, 12, 0))
    assert page.is_visible("form.dl-event-filters")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.inner_text(".dl-event-count") == "2 events shown"
    page.select_option('select[name="region"]', "wenchang")
    assert _ids(page, "upcoming") == [] and _ids(page, "past") == ["community-talk.html"]
    assert page.inner_text(".dl-event-count") == "1 event shown"
    page.select_option('select[name="status"]', "planned")
    assert page.inner_text(".dl-event-count") == "No event matches these filters."
    page.select_option('select[name="region"]', "")
    page.select_option('select[name="audience"]', "middle")
    assert _ids(page, "upcoming") == ["campus-talk.html"]
    box = page.locator('select[name="audience"]').bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360 and box["height"] >= 30  # reachable with a thumb


def test_month_calendar_fits_a_phone_and_is_keyboard_usable(make_page: Callable[..., Any], mini_site: Path) -> None:
    url = (mini_site / "zh" / "events" / "calendar.html").as_uri()
    page = _open(make_page, url, width=360, reader_date=dt.datetime(2026, 6, 26, 10, 0))
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    today = page.locator('td[data-date="2026-06-26"]')
    assert today.get_attribute("aria-current") == "date"
    link = today.locator("a.dl-cal-event")
    assert link.bounding_box()["width"] > 20
    link.focus()
    assert page.evaluate("document.activeElement.getAttribute('href')") == "campus-talk.html"
    page.keyboard.press("Enter")
    page.wait_for_url("**/events/campus-talk.html")
    assert page.locator('a.dl-ics[href="campus-talk.ics"]').is_visible()
