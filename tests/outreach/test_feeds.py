"""Calendar feeds of a build (``<lang>/events/calendar.ics``, ``calendar-<region>.ics``, ``<id>.ics``),
read back with an independent parser (vobject): times, stable UIDs, status, text and escaping."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import vobject

from generator.build import build
from generator.calendar import uid
from generator.loader import load_checked
from generator.model import Text
from generator.outreach.feeds import feed_bytes

TODAY = dt.date(2026, 6, 1)  # the mini_site build date (tests/conftest.py)

SITE = "https://example.org/dandelion/"
HAINAN = dt.timezone(dt.timedelta(hours=8))


def parse(path: Path) -> dict[str, vobject.base.Component]:
    calendar = vobject.readOne(path.read_text(encoding="utf-8"))
    return {item.uid.value: item for item in getattr(calendar, "vevent_list", [])}


def test_every_event_in_each_language_with_times_status_and_page_address(mini_site: Path) -> None:
    zh = parse(mini_site / "zh" / "events" / "calendar.ics")
    assert set(zh) == {uid("campus-talk", SITE), uid("community-talk", SITE)}
    talk = zh[uid("campus-talk", SITE)]
    assert talk.dtstart.value == dt.datetime(2026, 6, 26, 9, 30, tzinfo=HAINAN)
    assert talk.status.value == "TENTATIVE"
    assert zh[uid("community-talk", SITE)].status.value == "CONFIRMED"
    assert zh[uid("community-talk", SITE)].summary.value == "社区禁毒讲座"
    assert talk.description.value.endswith(SITE + "zh/events/campus-talk.html")
    assert talk.dtstamp.value == dt.datetime.combine(TODAY, dt.time(0), HAINAN).astimezone(dt.UTC)
    en = parse(mini_site / "en" / "events" / "calendar.ics")
    assert en[uid("community-talk", SITE)].summary.value == "Community anti-drug talk"
    assert en[uid("community-talk", SITE)].location.value.startswith("Community room")


def test_one_feed_per_region_with_events_and_one_file_per_event(mini_site: Path) -> None:
    folder = mini_site / "zh" / "events"
    assert sorted(p.name for p in folder.glob("calendar-*.ics")) == ["calendar-haikou.ics", "calendar-wenchang.ics"]
    assert set(parse(folder / "calendar-wenchang.ics")) == {uid("community-talk", SITE)}
    assert set(parse(folder / "campus-talk.ics")) == {uid("campus-talk", SITE)}
    page = (folder / "campus-talk.html").read_text(encoding="utf-8")
    assert 'href="campus-talk.ics"' in page  # "add to calendar"
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert 'href="calendar.ics"' in index and 'href="calendar-haikou.ics"' in index


def test_a_second_build_writes_the_same_feeds(mini_project: Path, mini_site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    build(mini_project, out=again, with_kits=False, today=TODAY)
    for lang in ("zh", "en"):
        for name in ("calendar.ics", "calendar-haikou.ics", "campus-talk.ics"):
            assert (again / lang / "events" / name).read_bytes() == (mini_site / lang / "events" / name).read_bytes()


def test_commas_semicolons_backslashes_and_new_lines_round_trip(mini_project: Path, tmp_path: Path) -> None:
    project = load_checked(mini_project).project
    event = project.events["campus-talk"]
    hostile = {"zh": "讲座，逗号; 分号 \\ 反斜杠, comma", "en": "Talk, comma; semicolon \\ backslash"}
    event.title = Text(hostile)
    event.venue = Text({"zh": "礼堂；A, B\\C", "en": "Hall; A, B\\C"})
    event.description = Text({"zh": "第一段；逗号，\n\n第二段", "en": "First; one, two\n\nSecond"})
    for lang in ("zh", "en"):
        path = tmp_path / f"{lang}.ics"
        path.write_bytes(feed_bytes(project, [event], lang, "x", dt.datetime(2026, 6, 1, tzinfo=dt.UTC)))
        parsed = parse(path)[uid("campus-talk", SITE)]
        assert parsed.summary.value == hostile[lang]
        assert parsed.location.value.startswith(event.venue.values[lang])
        assert parsed.description.value.startswith(event.description.values[lang].replace("\n\n", "\n\n"))


def test_build_lists_past_planned_events_as_reminders(mini_project: Path) -> None:
    from generator.build import _reminders

    project = load_checked(mini_project).project
    assert _reminders(project, dt.date(2026, 6, 1)) == []
    assert _reminders(project, dt.date(2026, 7, 1)) == [
        "2026-06-26 campus-talk: the date has passed but the status is still 'planned'"]
