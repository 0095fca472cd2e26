"""Every word this feature shows, in one table ``{key: {"zh": …, "en": …}}`` (to move into the catalogue).

English plurals are ``{"one": …, "other": …}``; values are ``str.format`` templates.
"""

from __future__ import annotations

from typing import Any

STRINGS: dict[str, dict[str, Any]] = {
    "talks": {"zh": "场次", "en": "Talks"},
    "people": {"zh": "人数", "en": "People"},
    "total": {"zh": "合计", "en": "Total"},
    "region": {"zh": "市县", "en": "Region"},
    "setting": {"zh": "场所", "en": "Setting"},
    "audience": {"zh": "对象", "en": "Audience"},
    "month": {"zh": "月份", "en": "Month"},
    "lesson": {"zh": "课程", "en": "Lesson"},
    "status": {"zh": "状态", "en": "Status"},
    "all": {"zh": "全部", "en": "All"},
    "filter": {"zh": "筛选活动", "en": "Filter events"},
    "shown": {"zh": "显示 {n} 场活动", "en": {"one": "{n} event shown", "other": "{n} events shown"}},
    "none_shown": {"zh": "没有符合条件的活动。", "en": "No event matches these filters."},
    "subscribe": {"zh": "订阅活动日历", "en": "Subscribe to the calendar"},
    "subscribe_help": {
        "zh": "把下面的链接添加到手机或电脑的日历（“添加订阅日历”或“从 URL 添加”），新的活动会自动出现；"
              "也可以只订阅一个市县的活动。下载文件再打开，则只导入一次，不会自动更新。",
        "en": "Add one of these links to your phone's or computer's calendar (\"add subscribed calendar\" or "
              "\"from URL\") and new events appear by themselves; you can also subscribe to one region only. "
              "Downloading the file and opening it imports the events once, without updates.",
    },
    "all_events_feed": {"zh": "全部活动", "en": "All events"},
    "add_to_calendar": {"zh": "添加到日历", "en": "Add to calendar"},
    "add_to_calendar_help": {"zh": "（.ics 文件，手机和电脑的日历都能打开）",
                             "en": "(an .ics file that phone and computer calendars open)"},
    "calendar_view": {"zh": "月历", "en": "Month calendar"},
    "calendar_title": {"zh": "活动月历", "en": "Events calendar"},
    "list_view": {"zh": "活动列表", "en": "Events list"},
    "month_name": {"zh": "{year}年{month}月", "en": "{month_name} {year}"},
    "weekdays": {"zh": ["一", "二", "三", "四", "五", "六", "日"], "en": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]},
    "weekdays_long": {"zh": ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"],
                      "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]},
    "weekday": {"zh": "星期", "en": "Weekday"},
    "occasions": {"zh": "宣传节点", "en": "Occasions"},
    "occasion_mark": {"zh": "节点", "en": "Occasion"},
    "statistics": {"zh": "宣讲统计", "en": "Outreach statistics"},
    "statistics_year": {"zh": "{year}年宣讲统计", "en": "Outreach statistics {year}"},
    "statistics_intro": {
        "zh": "一场宣讲指 {year} 年内已完成的一场活动；人数是活动报告中的到场人数之和。一场面向多类对象的宣讲，"
              "在“对象”表中每类各计一次，所以该表各行之和可能大于合计。",
        "en": "A talk is an event of {year} that took place; people is the sum of the attendance in the events' "
              "reports. A talk for several audiences counts once under each of them, so the audience table "
              "may add up to more than the total.",
    },
    "by_month": {"zh": "按月份", "en": "By month"},
    "by_region": {"zh": "按市县", "en": "By region"},
    "by_setting": {"zh": "按场所", "en": "By setting"},
    "by_audience": {"zh": "按对象", "en": "By audience"},
    "by_lesson": {"zh": "按课程", "en": "By lesson"},
    "chart_desc": {"zh": "条形图：{what}的{measure}。最多的是{top}（{value}）。数据见旁边的表格。",
                   "en": "Bar chart of {measure} {what}. Highest: {top} ({value}). The same figures are in the table beside it."},
    "chart_desc_empty": {"zh": "条形图：{what}的{measure}，均为零。", "en": "Bar chart of {measure} {what}: all zero."},
    "totals_line": {"zh": "{year} 年共宣讲 {talks} 场，覆盖 {people} 人。",
                    "en": "In {year}: {talks} talks reaching {people} people."},
    "overdue": {"zh": "日期已过但仍为“计划中”的活动（请更新状态并补充报告）：",
                "en": "Events whose date has passed but are still planned (update their status and add a report):"},
    "report_title": {"zh": "{year}年度禁毒宣讲工作报告", "en": "Anti-drug outreach report {year}"},
    "report_for": {"zh": "报送：省禁毒主管部门", "en": "For the provincial office"},
    "events_by_region": {"zh": "各市县活动", "en": "Events by region"},
    "photos": {"zh": "活动照片（已获同意发布）", "en": "Photos (published with consent)"},
    "date": {"zh": "日期", "en": "Date"},
    "event": {"zh": "活动", "en": "Event"},
    "partners": {"zh": "合作单位", "en": "Partners"},
    "attendance": {"zh": "到场人数", "en": "Attendance"},
    "cancelled_events": {"zh": "取消的活动", "en": "Cancelled events"},
    "generated": {"zh": "生成日期：{date}", "en": "Produced on {date}"},
    "upcoming_talks": {"zh": "即将进行的宣讲", "en": "Upcoming talks"},
    "no_stats": {"zh": "这一年还没有已完成的宣讲。", "en": "No talks took place in this year yet."},
    "stats_years": {"zh": "各年统计", "en": "Statistics by year"},
}

MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]


def word(key: str, lang: str, **values: Any) -> Any:
    """A word or template in ``lang`` (Chinese for any ``zh-…``, else English), filled with ``values``.

    With ``n=`` an English ``{"one", "other"}`` entry picks its plural; lists (weekday names) come back as lists.
    """
    entry = STRINGS[key]
    text = entry["zh"] if lang.startswith("zh") else entry["en"]
    if isinstance(text, dict):
        text = text["one"] if values.get("n") == 1 else text["other"]
    if isinstance(text, list):
        return text
    return text.format(**values) if values else text


def month_label(year: int, month: int, lang: str) -> str:
    return word("month_name", lang, year=year, month=month, month_name=MONTHS_EN[month - 1])


def short_month(month: int, lang: str) -> str:
    return f"{month}月" if lang.startswith("zh") else MONTHS_EN[month - 1][:3]
