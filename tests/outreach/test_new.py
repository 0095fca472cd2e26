"""``dandelion new event`` / ``new lesson``: a valid file from flags or answers, refused when check finds an error."""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.loader import load_project


def test_new_event_from_flags_is_a_valid_dated_file(run_cli, make_project, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = make_project(tmp_path / "p", base="mini")
    result = run_cli("new", "event", "--project", root, "--title-zh", "校园讲座，第二场；示例", "--title-en", "Campus talk, part 2",
                     "--date", "2027-03-05", "--start", "09:30", "--end", "11:00", "--region", "haikou", "--setting", "campus",
                     "--venue-zh", "某中学礼堂（示例）", "--venue-en", "A school hall (example)", "--audiences", "middle",
                     "--lessons", "new-drugs", "--partner", "团委（示例）|Youth League (example)")
    assert result.exit_code == 0, result.output
    path = root / "content" / "events" / "2027-03-05-campus-talk-part-2.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["start"] == "09:30" and data["title"]["zh"] == "校园讲座，第二场；示例"
    loaded = load_project(root)
    assert loaded.diagnostics.errors == []
    event = loaded.project.events["2027-03-05-campus-talk-part-2"]
    assert event.partners[0].get("en") == "Youth League (example)" and event.status == "planned"


def test_new_event_asks_for_what_is_missing_and_refuses_an_unknown_region(run_cli, make_project, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from generator.cli import main

    root = make_project(tmp_path / "p", base="mini")
    answers = "村寨宣讲\nVillage talk\n2027-04-09\n\nhaikuo\ncampus\n村文化室（示例）\n\n\n\n\n"  # empty: all day, no en venue …
    result = CliRunner().invoke(main, ["new", "event", "--project", str(root)], input=answers)
    assert result.exit_code == 1
    assert "content/events/2027-04-09-village-talk.yml:" in result.stderr and "haikou" in result.stderr  # did you mean
    assert not (root / "content" / "events" / "2027-04-09-village-talk.yml").exists()
    result = CliRunner().invoke(main, ["new", "event", "--project", str(root)], input=answers.replace("haikuo", "haikou"))
    assert result.exit_code == 0, result.output
    event = load_project(root).project.events["2027-04-09-village-talk"]
    assert event.start is None and event.region == "haikou"  # an all-day event


def test_new_lesson(run_cli, make_project, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = make_project(tmp_path / "p", base="mini")
    result = run_cli("new", "lesson", "--project", root, "--title-zh", "认识毒品", "--title-en", "What drugs are",
                     "--audiences", "middle", "--settings", "campus", "--duration", "40", "--section-zh", "开场",
                     "--section-en", "Opening", "--body-zh", "毒品是……", "--body-en", "Drugs are …", "--slug", "what-drugs-are")
    assert result.exit_code == 0, result.output
    loaded = load_project(root)
    assert loaded.diagnostics.errors == [] and loaded.project.lessons["what-drugs-are"].duration_minutes == 40
    again = run_cli("new", "lesson", "--project", root, "--title-zh", "认识毒品", "--audiences", "middle", "--settings",
                    "campus", "--duration", "40", "--section-zh", "开场", "--body-zh", "x", "--slug", "what-drugs-are",
                    "--title-en", "", "--section-en", "", "--body-en", "")
    assert again.exit_code == 2 and "exists already" in again.output
