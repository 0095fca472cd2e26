"""generator.calendar: RFC 5545 feeds, read back with an independent parser (vobject)."""

from __future__ import annotations

import datetime as dt

import vobject

from generator.calendar import CalendarEvent, calendar_ics, uid

STAMP = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC)
HOSTILE = "标题, 逗号; 分号 \\ 反斜杠\n第二行 — commas, semicolons; backslash \\"


def events() -> list[CalendarEvent]:
    return [
        CalendarEvent("campus-talk", HOSTILE, dt.date(2026, 6, 26), dt.time(9, 30), dt.time(11, 0),
                      "海口市某中学礼堂（示例）, Hall; B", "说明：第一行\n第二行；end", "planned",
                      "https://example.gov.cn/dandelion/zh/events/campus-talk.html", ("campus",)),
        CalendarEvent("village-day", "全天活动", dt.date(2027, 4, 9), None, None, "", "", "cancelled"),
        CalendarEvent("done-talk", "Done", dt.date(2026, 3, 1), dt.time(14, 30), None, "Sanya", "", "done"),
    ]


def parse(data: bytes) -> dict[str, vobject.base.Component]:
    calendar = vobject.readOne(data.decode("utf-8"))
    return {item.uid.value: item for item in calendar.vevent_list}


def test_times_are_in_hainan_and_all_day_events_are_dates() -> None:
    parsed = parse(calendar_ics(events(), name="蒲公英", site="https://example.gov.cn/dandelion/", stamp=STAMP, lang="zh"))
    site = "https://example.gov.cn/dandelion/"
    talk = parsed[uid("campus-talk", site)]
    assert talk.dtstart.value == dt.datetime(2026, 6, 26, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    assert talk.dtstart.value.utcoffset() == dt.timedelta(hours=8)
    assert talk.dtend.value - talk.dtstart.value == dt.timedelta(minutes=90)
    day = parsed[uid("village-day", site)]
    assert day.dtstart.value == dt.date(2027, 4, 9) and day.dtend.value == dt.date(2027, 4, 10)
    done = parsed[uid("done-talk", site)]
    assert done.dtend.value - done.dtstart.value == dt.timedelta(hours=1)  # no end given: one hour


def test_status_escaping_and_page_address_round_trip() -> None:
    parsed = parse(calendar_ics(events(), name="Dandelion", site="s", stamp=STAMP, lang="en"))
    talk, day, done = parsed[uid("campus-talk", "s")], parsed[uid("village-day", "s")], parsed[uid("done-talk", "s")]
    assert (talk.status.value, day.status.value, done.status.value) == ("TENTATIVE", "CANCELLED", "CONFIRMED")
    assert talk.summary.value == HOSTILE
    assert talk.location.value == "海口市某中学礼堂（示例）, Hall; B"
    assert talk.description.value.startswith("说明：第一行\n第二行；end")
    assert talk.description.value.endswith("https://example.gov.cn/dandelion/zh/events/campus-talk.html")
    assert talk.url.value == "https://example.gov.cn/dandelion/zh/events/campus-talk.html"
    assert all(item.dtstamp.value == STAMP for item in parsed.values())


def test_uids_are_stable_across_builds_unique_per_event_and_per_site() -> None:
    first = calendar_ics(events(), name="x", site="a", stamp=STAMP, lang="zh")
    second = calendar_ics(list(reversed(events())), name="x", site="a", stamp=STAMP, lang="zh")
    assert first == second  # same input, same bytes, whatever the order
    assert len(set(parse(first))) == 3
    assert uid("campus-talk", "a") != uid("campus-talk", "b")


def test_a_calendar_name_or_category_with_new_lines_stays_one_line() -> None:
    item = CalendarEvent("x", "t", dt.date(2026, 6, 26), None, None, "", "", "planned", None, ("校园\n第二行, a",))
    data = calendar_ics([item], name="名称\n<script>\n", site="s", stamp=STAMP, lang="zh")
    calendar = vobject.readOne(data.decode("utf-8"))
    assert calendar.contents["x-wr-calname"][0].value == "名称 <script>"
    assert calendar.vevent.categories.value == ["校园 第二行, a"]
