"""The events pages of the shipped example content (rendered to Markdown, no site engine): index order,
occasions, the month calendar, statistics charts and tables, lecturers' upcoming talks."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator.loader import load_checked
from generator.site.pages import SiteOptions, render_pages

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 12, 4)


@pytest.fixture(scope="module")
def pages() -> dict[tuple[str, str], str]:
    project = load_checked(ROOT).project
    return {(lang, page.path): page.markdown for lang in ("zh", "en")
            for page in render_pages(project, lang, SiteOptions(today=TODAY))}


def _rows(markdown: str, which: str) -> list[str]:
    block = markdown.split(f'data-list="{which}"', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'<li class="dl-event[^"]*" data-date="([\d-]+)"', block)


def test_index_lists_upcoming_soonest_first_and_past_newest_first_with_cancelled_shown(pages) -> None:  # type: ignore[no-untyped-def]
    index = pages["zh", "events/index.md"]
    upcoming, past = _rows(index, "upcoming"), _rows(index, "past")
    assert upcoming == sorted(upcoming) and upcoming[0] == "2026-12-17" and all(d >= "2026-12-04" for d in upcoming)
    assert past == sorted(past, reverse=True) and len(upcoming) + len(past) == 17
    assert 'data-status="cancelled"' in index and "已取消" in index  # shown, marked, not hidden
    for kind in ("region", "setting", "audience", "status"):
        assert f'<select name="{kind}">' in index
    assert "calendar-haikou.ics" in index and "calendar.ics" in index


def test_occasions_are_marked_on_rows_and_calendar_days(pages) -> None:  # type: ignore[no-untyped-def]
    index = pages["zh", "events/index.md"]
    row = index.split('data-date="2026-04-19"', 1)[1].split("</li>", 1)[0]
    assert '<span class="dl-occasion">三月三</span>' in row
    calendar = pages["en", "events/calendar.md"]
    day = calendar.split('<td data-date="2026-06-26"', 1)[1].split("</td>", 1)[0]
    assert 'class="dl-cal-occasion"' in day and "International Day against Drug Abuse" in day
    assert day.count('class="dl-cal-event') == 2
    assert "National anti-drug publicity month" in calendar.split('id="m-2026-06"', 1)[1].split("</caption>", 1)[0]
    assert len(re.findall(r'<section class="dl-cal-month" id="m-(\d{4}-\d\d)"', calendar)) == 14  # 2026-03 … 2027-04


def test_statistics_charts_are_small_accessible_svg_with_the_same_numbers_in_tables(pages) -> None:  # type: ignore[no-untyped-def]
    for lang in ("zh", "en"):
        page = pages[lang, "events/statistics-2026.md"]
        charts = re.findall(r"<svg .*?</svg>", page)
        assert len(charts) == 8
        for chart in charts:
            assert len(chart.encode("utf-8")) <= 30_000
            assert 'role="img"' in chart and "<title id=" in chart and "<desc id=" in chart
        region = page.split('{: #region }', 1)[1].split("## ", 1)[0]
        assert re.search(r"<th scope=\"row\">(海口市|Haikou)</th><td>2</td><td>590</td>", region)
        assert len(re.findall(r'<th scope="row">', region)) == 19
        assert "<text" in charts[2] and (">海口市<" in charts[2] or ">Haikou<" in charts[2])  # labels are text
    assert "2026 年共宣讲 11 场，覆盖 2495 人。" in pages["zh", "events/statistics-2026.md"]


def test_event_page_and_lecturers_upcoming_talks(pages) -> None:  # type: ignore[no-untyped-def]
    event = pages["zh", "events/tunchang-middle-2026.md"]
    assert "2026年12月17日 星期四" in event and 'href="tunchang-middle-2026.ics"' in event
    assert 'href="../lecturers.html#counsellor"' in event and "(../lessons/middle-peer-pressure-refusal.html)" in event
    lecturers = pages["en", "lecturers.md"]
    counsellor = lecturers.split("{: #counsellor }", 1)[1].split("\n## ", 1)[0]
    assert "Upcoming talks" in counsellor and "events/tunchang-middle-2026.html" in counsellor
    assert "events/qionghai-community-2026.html" not in counsellor  # done: not upcoming
