"""generator.outreach.stats and ``dandelion stats``: figures checked against numbers counted by hand
from the example events in content/events (2026: 11 talks, 2,495 people)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from generator.loader import load_checked
from generator.outreach.stats import overdue, table_bytes, tally, totals

ROOT = Path(__file__).resolve().parents[2]

#: Counted by hand from content/events/*.yml (status done, date in 2026, report attendance).
REGIONS_2026 = {"haikou": (2, 590), "sanya": (1, 350), "danzhou": (1, 220), "qiongzhong": (1, 180),
                "wuzhishan": (1, 150), "baisha": (1, 160), "wanning": (1, 420), "qionghai": (1, 90),
                "chengmai": (1, 260), "dongfang": (1, 75)}


@pytest.fixture(scope="module")
def project():  # type: ignore[no-untyped-def]
    return load_checked(ROOT).project


def test_year_totals_and_regions_match_the_hand_count(project) -> None:  # type: ignore[no-untyped-def]
    assert totals(project, 2026) == (11, 2495)
    rows = tally(project, 2026, "region", "zh")
    assert [row.key for row in rows] == list(project.config.regions)  # all 19, in site_config order
    assert {row.key: (row.talks, row.people) for row in rows if row.talks} == REGIONS_2026
    assert {row.key for row in rows if not row.talks} == set(project.config.regions) - set(REGIONS_2026)
    assert rows[0].label == "海口市"


def test_settings_months_and_audiences(project) -> None:  # type: ignore[no-untyped-def]
    settings = {row.key: (row.talks, row.people) for row in tally(project, 2026, "setting", "en")}
    assert settings == {"campus": (5, 1490), "community": (3, 515), "village": (3, 490)}
    months = {row.key: (row.talks, row.people) for row in tally(project, 2026, "month", "en") if row.talks}
    assert months == {"2026-03": (1, 310), "2026-04": (1, 180), "2026-05": (1, 150), "2026-06": (5, 1100),
                      "2026-08": (1, 75), "2026-09": (1, 420), "2026-11": (1, 260)}
    audiences = {row.key: (row.talks, row.people) for row in tally(project, 2026, "audience", "en")}
    # a talk for villagers and parents counts under both
    assert audiences["villagers"] == (3, 490) and audiences["parents"] == (4, 765)  # Qiongzhong, Sanya, Baisha, Dongfang
    assert audiences["primary"] == (1, 260) and audiences["social-workers"] == (0, 0)
    assert totals(project, 2027) == (0, 0)  # nothing has taken place in 2027 yet


def test_a_past_planned_event_is_a_reminder(project) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    assert [ev.id for ev in overdue(project, dt.date(2026, 12, 4))] == []
    assert [ev.id for ev in overdue(project, dt.date(2027, 1, 20))] == ["tunchang-middle-2026", "dingan-social-worker-training-2027"]


def test_csv_has_a_bom_the_contract_columns_and_every_region(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "regions.csv"
    result = run_cli("stats", "--project", ROOT, "--year", "2026", "--by", "region", "--format", "csv", "--out", out)
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert list(rows[0])[:3] == ["region", "talks", "people"]
    assert len(rows) == 19
    by_region = {row["region"]: (int(row["talks"]), int(row["people"])) for row in rows}
    assert by_region["haikou"] == (2, 590) and by_region["sansha"] == (0, 0)
    assert sum(t for t, _ in by_region.values()) == 11 and sum(p for _, p in by_region.values()) == 2495


def test_xlsx_json_and_labels_in_english(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    out = tmp_path / "settings.xlsx"
    result = run_cli("stats", "--project", ROOT, "--year", "2026", "--by", "setting", "--lang", "en", "--out", out)
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == ["setting", "talks", "people", "label"]
    assert values[1] == ["campus", 5, 1490, "Campus"]
    assert values[-1] == ["total", 11, 2495, "Total"]
    result = run_cli("stats", "--project", ROOT, "--year", "2026", "--by", "lesson", "--format", "json")
    document = json.loads(result.stdout)
    rows = {row["lesson"]: (row["talks"], row["people"]) for row in document["rows"]}
    assert rows["new-drugs-disguises"] == (1, 280) and rows["village-drug-harms"] == (1, 150)


def test_format_of_a_table_is_refused_when_unknown(project) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError):
        table_bytes(tally(project, 2026, "region", "zh"), by="region", year=2026, fmt="ods", lang="zh")
    with pytest.raises(ValueError):
        tally(project, 2026, "weather", "zh")


def test_stats_reminds_of_past_planned_events_and_check_warns_without_attendance(run_cli, make_project, tmp_path: Path,
                                                                                  monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    base = Path(__file__).resolve().parents[1] / "fixtures" / "mini" / "content" / "events" / "community-talk.yml"
    no_attendance = base.read_text(encoding="utf-8").replace("  attendance: 45\n", "")
    root = make_project(tmp_path / "p", {"content/events/community-talk.yml": no_attendance}, base="mini")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")  # 2027-01-01: the campus talk of 2026-06-26 is past
    result = run_cli("stats", "--project", root, "--year", "2026", "--by", "month")
    assert result.exit_code == 0, result.output
    assert "reminder: 2026-06-26 campus-talk" in result.stderr
    assert "2026-03,1,0," in result.stdout  # counted as a talk, with no people
    check = run_cli("check", "--project", root)
    assert "community-talk.yml" in check.stderr and "no `attendance:`" in check.stderr
    assert "campus-talk" not in check.stderr  # a past planned event is not a check warning
