"""generator.results: merging learners' exported training results into a roster."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from generator.results import (
    FIELDS_V1,
    ResultsError,
    merge_results,
    possible_duplicates,
    read_results,
)


def record(**overrides: Any) -> dict[str, Any]:
    base = {
        "format": "dandelion-results",
        "version": 1,
        "name": "张三",
        "training": "community-rehab-basics",
        "title": "社区戒毒康复基础",
        "credit_hours": 4,
        "units_read": 2,
        "units_total": 2,
        "quiz": "module-quiz",
        "best_score": 85,
        "passed_at": "2026-06-26",
        "exported_at": "2026-06-26T10:00:00+08:00",
    }
    base = {"version": 1, **base}
    base.update(overrides)
    return base


def write_json(folder: Path, filename: str, /, **overrides: Any) -> Path:
    path = folder / filename
    path.write_text(json.dumps(record(**overrides), ensure_ascii=False), encoding="utf-8")
    return path


def write_csv(folder: Path, name: str, records: list[dict[str, Any]], *, encoding: str = "utf-8-sig") -> Path:
    path = folder / name
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS_V1)
        writer.writeheader()
        for rec in records:
            writer.writerow({k: ("" if v is None else v) for k, v in rec.items()})
    return path


def test_reads_json_and_csv(tmp_path):
    a = write_json(tmp_path, "a.json")
    b = write_csv(tmp_path, "b.csv", [record(name="李四", best_score=None, passed_at=None, units_read=1)])
    rows = merge_results([a, b])
    assert [(r.name, r.units_read, r.best_score, r.passed_at, r.complete) for r in rows] == [
        ("张三", 2, 85.0, dt.date(2026, 6, 26), True),
        ("李四", 1, None, None, False),
    ]
    assert rows[0].exported_at == dt.datetime(2026, 6, 26, 10, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    assert rows[0].source == str(a)


def test_reads_the_browser_csv_export_byte_for_byte(tmp_path):
    # exactly what core.js records.resultsCSV() writes: BOM, CRLF, apostrophe before a formula-like name
    text = "\ufeff" + ",".join(FIELDS_V1) + "\r\n" + (
        "dandelion-results,1,'=HYPERLINK(\"x\"),community-rehab-basics,\"社区戒毒, 基础\",4,2,2,module-quiz,"
        "100,2026-06-26,2026-06-26T10:00:00+08:00\r\n"
    )
    path = tmp_path / "export.csv"
    path.write_bytes(text.encode("utf-8"))
    (row,) = read_results(path)
    assert row.name == '=HYPERLINK("x")'
    assert row.title == "社区戒毒, 基础"
    assert row.best_score == 100


def test_accepts_what_excel_does_to_a_csv(tmp_path):
    # re-saved by Excel on a Chinese Windows: GB18030, no BOM, slashes in dates, 4.0, a blank line
    path = tmp_path / "excel.csv"
    lines = [",".join(FIELDS_V1),
             "dandelion-results,1,王五,community-rehab-basics,社区戒毒康复基础,4.0,2,2,module-quiz,90,2026/6/26,2026/6/26 10:00",
             ",,,,,,,,,,,"]
    path.write_bytes("\r\n".join(lines).encode("gb18030"))
    (row,) = read_results(path)
    assert (row.name, row.credit_hours, row.passed_at) == ("王五", 4.0, dt.date(2026, 6, 26))
    assert row.exported_at == dt.datetime(2026, 6, 26, 10, 0)


def test_duplicates_keep_the_best(tmp_path):
    early_fail = write_json(tmp_path, "1.json", best_score=60, passed_at=None, exported_at="2026-06-01T09:00:00+08:00")
    passed = write_json(tmp_path, "2.json", best_score=85, exported_at="2026-06-10T09:00:00+08:00")
    # a later export with a lower score (cleared browser, retook once): still keep 85
    later_lower = write_json(tmp_path, "3.json", best_score=80, exported_at="2026-06-20T09:00:00+08:00")
    # the same name typed in full-width letters and with doubled spaces: the same learner
    wide = write_json(tmp_path, "4.json", name="　张三 ", best_score=70, passed_at=None)
    other_module = write_json(tmp_path, "5.json", training="family-support", best_score=50, passed_at=None)
    rows = merge_results([early_fail, passed, later_lower, wide, other_module])
    assert [(r.training, r.name, r.best_score) for r in rows] == [
        ("community-rehab-basics", "张三", 85.0),
        ("family-support", "张三", 50.0),
    ]
    assert rows[0].source.endswith("2.json")


def test_names_that_differ_by_a_space_are_two_learners_and_reported(tmp_path):
    """王伟 and 王 伟 may be two people: never folded into one row (a person would vanish), but named."""
    one = write_json(tmp_path, "1.json", name="王伟", best_score=90)
    two = write_json(tmp_path, "2.json", name="王 伟", best_score=60, passed_at=None)
    latin = write_json(tmp_path, "3.json", name="Li Mei")
    latin_lower = write_json(tmp_path, "4.json", name="li mei")
    rows = merge_results([one, two, latin, latin_lower])
    assert sorted((r.name, r.best_score) for r in rows) == [
        ("Li Mei", 85.0), ("li mei", 85.0), ("王 伟", 60.0), ("王伟", 90.0)]
    assert possible_duplicates(rows) == [
        ("community-rehab-basics", ["Li Mei", "li mei"]), ("community-rehab-basics", ["王 伟", "王伟"])]


def test_width_and_spacing_only_are_the_same_learner(tmp_path):
    wide = write_json(tmp_path, "a.json", name="ＬＩ　Ｍｅｉ", best_score=70)
    spaced = write_json(tmp_path, "b.json", name=" LI   Mei", best_score=80)
    (row,) = merge_results([wide, spaced])
    assert row.best_score == 80 and possible_duplicates([row]) == []


@pytest.mark.parametrize(("name", "content", "fault"), [
    ("digits.json", '"best_score": ' + "9" * 400, "best_score must be a number of sensible size, got one with 400 digits"),
    ("deep.json", None, "its JSON is nested far too deeply"),
    ("long.csv", "x" * 140_000, "not a readable CSV line (field larger than field limit"),
])
def test_hostile_files_are_reported_not_crashed_on(tmp_path, name, content, fault):
    path = tmp_path / name
    if name == "deep.json":
        path.write_text("[" * 100_000 + "]" * 100_000)
    elif name.endswith(".json"):
        path.write_text(json.dumps(record()).replace('"best_score": 85', content))
    else:
        values = {**record(), "title": content}
        path.write_text(",".join(FIELDS_V1) + "\n" + ",".join(str(values[f]) for f in FIELDS_V1) + "\n", encoding="utf-8")
    with pytest.raises(ResultsError) as caught:
        merge_results([path])
    assert fault in str(caught.value)


def test_complete_beats_a_higher_score_without_all_units(tmp_path):
    incomplete = write_json(tmp_path, "a.json", name="Li Mei", best_score=100, units_read=1)
    complete = write_json(tmp_path, "b.json", name="Li  Mei", best_score=82)
    (row,) = merge_results([incomplete, complete])
    assert row.complete and row.best_score == 82


def test_equal_records_keep_the_later_export(tmp_path):
    a = write_json(tmp_path, "a.json", exported_at="2026-06-01T09:00:00+08:00")
    b = write_json(tmp_path, "b.json", exported_at="2026-06-02T09:00:00+08:00")
    assert merge_results([b, a])[0].source.endswith("b.json")
    assert merge_results([a, b])[0].source.endswith("b.json")


def test_every_bad_file_is_reported_by_name(tmp_path):
    good = write_json(tmp_path, "good.json")
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "dandelion-results",', encoding="utf-8")
    other = tmp_path / "other.json"
    other.write_text('{"format": "something-else"}', encoding="utf-8")
    future = write_json(tmp_path, "future.json", version=3)
    fields = write_json(tmp_path, "fields.json", name="", best_score=130, units_read=3, passed_at="26/06/2026")
    array = tmp_path / "array.json"
    array.write_text("[1, 2]", encoding="utf-8")
    header = tmp_path / "header.csv"
    header.write_text("name,score\n张三,80\n", encoding="utf-8")
    bad_line = write_csv(tmp_path, "lines.csv", [record(), record(name="赵六", units_total="two")])
    missing = tmp_path / "missing.json"

    with pytest.raises(ResultsError) as info:
        merge_results([good, broken, other, future, fields, array, header, bad_line, missing])
    problems = info.value.problems
    assert len(problems) == 8
    text = str(info.value)
    assert text.startswith("8 problems in the results files:")
    by_file = {Path(p.split(": ", 1)[0]).name: p for p in problems}
    assert set(by_file) == {"broken.json", "other.json", "future.json", "fields.json", "array.json", "header.csv",
                            "lines.csv", "missing.json"}
    assert "not valid JSON (line 1" in by_file["broken.json"]
    assert "not a Dandelion results file" in by_file["other.json"]
    assert "unsupported version 3" in by_file["future.json"]
    assert "name is missing" in by_file["fields.json"]
    assert "best_score must be from 0 to 100, got 130" in by_file["fields.json"]
    assert "units_read (3) is more than units_total (2)" in by_file["fields.json"]
    assert "passed_at must be a date like 2026-06-26" in by_file["fields.json"]
    assert "expected a JSON object, found list" in by_file["array.json"]
    assert "the CSV header lacks format, version" in by_file["header.csv"]
    assert "line 3: units_total must be a number, got 'two'" in by_file["lines.csv"]
    assert "cannot read it" in by_file["missing.json"]
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"version": True}, "unsupported version True"),
        ({"credit_hours": "四"}, "credit_hours must be a number"),
        ({"units_read": 1.5}, "units_read must be a whole number"),
        ({"training": "Bad Id"}, "training must be a module id"),
        ({"exported_at": "yesterday"}, "exported_at must be a date and time"),
        ({"best_score": None}, "passed_at is set but best_score is empty"),
        ({"name": 42}, "name must be text"),
    ],
)
def test_field_checks(tmp_path, overrides, message):
    path = write_json(tmp_path, "r.json", **overrides)
    with pytest.raises(ResultsError, match=message):
        read_results(path)


def test_empty_input_gives_empty_roster():
    assert merge_results([]) == []


def test_merge_command_never_writes_into_the_project(tmp_path, run_cli, make_project):
    project = make_project(tmp_path / "p")
    one = write_json(tmp_path, "1.json")
    config = (project / "site_config.yml").read_bytes()
    result = run_cli("results", "merge", one, "--out", project / "quizzes" / "roster.csv", "--project", project)
    assert result.exit_code == 2 and "part of the project's content" in result.stderr
    assert (project / "site_config.yml").read_bytes() == config
