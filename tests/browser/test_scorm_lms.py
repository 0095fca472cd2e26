"""The SCORM 1.2 package of a training module under a real SCORM runtime in Chromium.

The LMS side is scorm-again's Scorm12API (tests/vendor/scorm-again, MIT), the runtime many LMS players
use, put at ``window.API`` of a page that launches one SCO in a frame, as Moodle does; every call the
content makes is recorded. The package is what ``dandelion training export`` writes for the mini
project's module (two units, a five-question final test with a pass mark of 80).
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from quiz_driver import run_quiz

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini"
RUNTIME = ROOT / "tests" / "vendor" / "scorm-again" / "scorm12.min.js"

LMS_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>LMS</title>
<script src="scorm12.min.js"></script>
<script>
var params = new URLSearchParams(location.search);
window.calls = [];
window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
if (params.get("name")) window.API.cmi.core.student_name = params.get("name");
["LMSInitialize", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSFinish"].forEach(function (name) {
  var original = window.API[name].bind(window.API);
  window.API[name] = function () {
    var args = Array.prototype.slice.call(arguments);
    var result = original.apply(null, args);
    window.calls.push([name].concat(args, [String(result)]));
    return result;
  };
});
</script></head>
<body><iframe id="sco" title="SCO" style="width: 100%; height: 90vh"></iframe>
<script>document.getElementById("sco").src = params.get("sco");</script>
</body></html>
"""


@pytest.fixture(scope="module")
def lms(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the LMS page, the runtime and the unpacked package (pkg/)."""
    from click.testing import CliRunner

    from generator.cli import main

    folder = tmp_path_factory.mktemp("lms")
    package = folder / "module.zip"
    result = CliRunner().invoke(main, ["training", "export", "basics-module", "--format", "scorm12", "--out",
                                       str(package), "--project", str(MINI)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(package) as archive:
        archive.extractall(folder / "pkg")
    shutil.copy(RUNTIME, folder / "scorm12.min.js")
    (folder / "lms.html").write_text(LMS_PAGE, encoding="utf-8")
    return folder


def launch(page: Any, base: str, sco: str, name: str = "王, 伟") -> Any:
    page.goto(f"{base}lms.html?sco={quote('pkg/' + sco)}&name={quote(name)}")
    page.wait_for_function("window.calls.some(c => c[0] === 'LMSInitialize')")
    frame = page.frame_locator("#sco")
    frame.locator("main.dl-scorm").wait_for()
    return next(f for f in page.frames if f.url.endswith(sco))


def leave(page: Any) -> list[list[str]]:
    """The learner leaves the SCO (the LMS unloads its frame); every call the content made."""
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_function("window.calls.some(c => c[0] === 'LMSFinish')")
    return page.evaluate("window.calls")


def set_values(calls: list[list[str]]) -> list[tuple[str, str]]:
    return [(c[1], c[2]) for c in calls if c[0] == "LMSSetValue"]


def cmi(page: Any, path: str) -> Any:
    return page.evaluate(f"window.API.cmi.{path}")


def assert_session_shape(calls: list[list[str]]) -> None:
    names = [c[0] for c in calls]
    assert calls[0] == ["LMSInitialize", "", "true"]
    assert names.count("LMSInitialize") == 1 and names.count("LMSFinish") == 1
    assert names[-2:] == ["LMSCommit", "LMSFinish"] and calls[-1] == ["LMSFinish", "", "true"]
    assert all(c[-1] == "true" for c in calls if c[0] in ("LMSSetValue", "LMSCommit")), calls
    assert set_values(calls)[0] == ("cmi.core.lesson_status", "incomplete")


def test_units_and_a_passed_final_test_under_scorm_again(make_page, http_serve, lms):
    page = make_page()
    base = http_serve(lms)
    for unit in ("new-drugs", "first-steps"):
        frame = launch(page, base, f"lessons/{unit}.html")
        assert "dl-scorm" in frame.content()
        frame.locator(".dl-unit-read input[type=checkbox]").check()
        calls = leave(page)
        assert_session_shape(calls)
        assert ("cmi.core.lesson_status", "completed") in set_values(calls)
        assert ("cmi.core.exit", "") in set_values(calls)
        assert cmi(page, "core.lesson_status") == "completed"
        stored = json.loads(cmi(page, "suspend_data"))
        assert json.loads(stored["dandelion:v1:training:basics-module"]) == {"read": [unit], "name": "王伟"}

    frame = launch(page, base, "quizzes/basics.html")
    data = frame.evaluate("JSON.parse(document.getElementById('dl-quiz-data-basics').textContent)")
    assert all(q["review"] is None for q in data["questions"]), "no link out of the SCO"
    run_quiz(frame, data, True)
    calls = leave(page)
    assert_session_shape(calls)
    values = set_values(calls)
    for expected in [("cmi.core.score.min", "0"), ("cmi.core.score.max", "100"), ("cmi.core.score.raw", "100"),
                     ("cmi.core.lesson_status", "passed")]:
        assert expected in values
    assert ("cmi.core.student_name",) not in [(n,) for n, _v in values], "the SCO never writes the name"
    assert [cmi(page, p) for p in ("core.score.raw", "core.score.min", "core.score.max", "core.lesson_status")] == [
        "100", "0", "100", "passed"]
    record = json.loads(json.loads(cmi(page, "suspend_data"))["dandelion:v1:quiz:basics"])
    assert (record["best"], record["attempts"], record["name"]) == (100, 1, "王伟"), "the LMS's name, recorded"
    assert [c[1] for c in calls if c[0] == "LMSGetValue"][:3] == ["cmi.core.lesson_status", "cmi.suspend_data",
                                                                 "cmi.core.student_name"]


def test_a_failed_final_test_reports_failed_and_the_score(make_page, http_serve, lms):
    page = make_page(width=360, height=800)
    base = http_serve(lms)
    frame = launch(page, base, "quizzes/basics.html", name="Li, Mei")
    data = frame.evaluate("JSON.parse(document.getElementById('dl-quiz-data-basics').textContent)")
    plan = {q["id"]: i < 2 for i, q in enumerate(data["questions"])}  # 2 of 5 right: 40 %
    run_quiz(frame, data, plan)
    calls = leave(page)
    assert_session_shape(calls)
    values = set_values(calls)
    assert ("cmi.core.score.raw", "40") in values and ("cmi.core.lesson_status", "failed") in values
    assert ("cmi.core.exit", "suspend") in values, "an unfinished SCO can be resumed"
    assert cmi(page, "core.lesson_status") == "failed" and cmi(page, "core.score.raw") == "40"
    record = json.loads(json.loads(cmi(page, "suspend_data"))["dandelion:v1:quiz:basics"])
    assert record["name"] == "Mei Li"


def test_the_package_works_standalone_without_an_lms(make_page, http_serve, lms):
    page = make_page()
    base = http_serve(lms)
    page.goto(base + "pkg/quizzes/basics.html")
    page.wait_for_selector(".dl-quiz__question")
    data = page.evaluate("JSON.parse(document.getElementById('dl-quiz-data-basics').textContent)")
    run_quiz(page, data, True)
    assert json.loads(page.evaluate("localStorage.getItem('dandelion:v1:quiz:basics')"))["best"] == 100
    assert page.evaluate("window.DandelionScorm.session") is None
    assert all(url.startswith(base) for url in page.guard.requests), page.guard.requests


def test_screenshots(make_page, http_serve, lms, tmp_path):
    """What a learner sees in the LMS frame, at desktop and phone widths (kept for looking at)."""
    base = http_serve(lms)
    for width in (1280, 360):
        page = make_page(width=width, height=900)
        launch(page, base, "lessons/new-drugs.html")
        page.screenshot(path=str(tmp_path / f"scorm-unit-{width}.png"), full_page=True)
        frame = launch(page, base, "quizzes/basics.html")
        frame.locator(".dl-quiz__question").wait_for()
        page.screenshot(path=str(tmp_path / f"scorm-quiz-{width}.png"), full_page=True)
    assert len(list(tmp_path.glob("scorm-*.png"))) == 4
