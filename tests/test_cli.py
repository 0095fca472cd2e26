"""The ``dandelion`` command: output format, exit codes, and never a traceback for bad content.

Exit codes: 0 clean, 1 content errors, 2 usage errors, 3 internal errors (a bug). Every problem is
one line ``path:line:col: error|warning: message`` on stderr, followed by the count.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from samples import LESSON

ROOT = Path(__file__).resolve().parents[1]
LINE = re.compile(r"^(?P<path>[^\s:][^:]*):(?P<line>[1-9]\d*):(?P<col>[1-9]\d*): (?P<severity>error|warning): \S.*$")
SUMMARY = re.compile(r"^(?P<errors>\d+) errors?, (?P<warnings>\d+) warnings?$")


def _bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]")
    return "\n".join(lines) + "\n"


#: name → (file, content, one line the editor must see). Each file name is unique, so the whole
#: battery also fits in one project for the subprocess tests.
BATTERY: dict[str, tuple[str, str | bytes, str]] = {
    "syntax": ("content/lessons/syntax.yml", "title: x\nsummary: a: b\n",
               "content/lessons/syntax.yml:2:11: error: YAML syntax error: mapping values are not allowed"),
    "tab": ("content/lessons/tab.yml", "title: x\nsections:\n\t- id: a\n", "content/lessons/tab.yml:3:1: error: a tab is used for indentation"),
    "wrong type": ("content/lessons/type.yml", LESSON.replace("duration_minutes: 20", "duration_minutes: forty"),
                   "content/lessons/type.yml:4:19: error: `duration_minutes` must be a whole number, not the text 'forty'"),
    "missing field": ("content/lessons/missing.yml", LESSON.replace("duration_minutes: 20\n", ""),
                      "content/lessons/missing.yml:1:1: error: missing required field `duration_minutes`"),
    "unknown key": ("content/lessons/typo.yml", LESSON.replace("duration_minutes", "duration_minute"),
                    "content/lessons/typo.yml:4:1: error: unknown key `duration_minute` (did you mean `duration_minutes`?)"),
    "duplicate key": ("content/lessons/dupkey.yml", LESSON + "title: again\n",
                      "content/lessons/dupkey.yml:10:1: error: duplicate key 'title' (first given on line 1)"),
    "dangling quiz": ("content/lessons/dangling.yml", LESSON + "quiz: nope\n", "content/lessons/dangling.yml:10:7: error: unknown quiz 'nope'"),
    "non-utf8": ("content/lessons/gbk.yml", "title: 认识毒品\n".encode("gbk"), "content/lessons/gbk.yml:1:1: error: the file is not UTF-8 text"),
    "empty": ("content/lessons/empty.yml", "", "content/lessons/empty.yml:1:1: error: expected a map of keys and values here, but the file is empty"),
    "list": ("content/lessons/list.yml", "- a\n- b\n", "content/lessons/list.yml:1:1: error: expected a map of keys and values here, but the file is a list"),
    "python tag": ("content/lessons/pytag.yml", "title: !!python/object/apply:os.system [echo]\n",
                   "content/lessons/pytag.yml:1:8: error: unsupported YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'"),
    "alias bomb": ("content/lessons/bomb.yml", _bomb(), "content/lessons/bomb.yml:1:1: error: the file expands to more than"),
    "recursive alias": ("content/lessons/loop.yml", "a: &a [1, *a]\n", "content/lessons/loop.yml:1:"),
    "deep nesting": ("content/lessons/deep.yml", "title: " + "[" * 800 + "]" * 800 + "\n", "content/lessons/deep.yml:1:"),
    "control char": ("content/lessons/nul.yml", "title: a\x00b\n", "content/lessons/nul.yml:1:9: error: the file contains the control character U+0000"),
    "bad date": ("content/events/date.yml", "title: 活动\ndate: 2026-02-30\nregion: haikou\nsetting: campus\nvenue: 礼堂\nstatus: planned\n",
                 "content/events/date.yml:2:7: error: `date` must be a real date written YYYY-MM-DD"),
    "script": ("content/lessons/script.yml", LESSON.replace("body: {zh: 正文, en: Body}", 'body: {zh: 正文, en: "<script>alert(1)</script>"}'),
               "content/lessons/script.yml:9:24: error: raw HTML <script> is not allowed"),
    "quiz type": ("quizzes/badtype.yml", "title: Q\nquestions:\n  - {id: a, type: singel, prompt: x}\n", "quizzes/badtype.yml:3:19: error: unknown type 'singel'"),
    "quiz scalar": ("quizzes/scalar.yml", "questions: 3\n", "quizzes/scalar.yml:1:1: error: missing required field `title`"),
}


@pytest.fixture(scope="module")
def battery_project(tmp_path_factory: pytest.TempPathFactory, make_project) -> Path:
    """One project holding every broken file of the battery."""
    return make_project(tmp_path_factory.mktemp("battery") / "p", {rel: text for rel, text, _ in BATTERY.values()})


def diagnostic_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if LINE.match(line)]


def assert_report_format(stderr: str) -> None:
    """Every line is a diagnostic except the closing count, which matches the diagnostics."""
    lines = stderr.splitlines()
    assert lines, "nothing printed"
    summary = SUMMARY.match(lines[-1])
    assert summary, f"no count at the end: {lines[-1]!r}"
    body = lines[:-1]
    assert all(LINE.match(line) for line in body), [line for line in body if not LINE.match(line)]
    assert int(summary["errors"]) == sum(1 for line in body if ": error: " in line)
    assert int(summary["warnings"]) == sum(1 for line in body if ": warning: " in line)


# --- check -------------------------------------------------------------------------------------


def test_clean_project_exits_zero(tmp_path: Path, make_project, run_cli) -> None:
    result = run_cli("check", "--project", make_project(tmp_path / "p"))
    assert result.exit_code == 0, result.output
    assert result.stderr == "0 errors, 0 warnings\n"
    assert result.stdout == ""


def test_warnings_alone_exit_zero_unless_strict(tmp_path: Path, make_project, run_cli) -> None:
    root = make_project(tmp_path / "p", {"content/lessons/x.yml": LESSON.replace("title: {zh: 开场, en: Opening}", "title: 开场")})
    result = run_cli("check", "--project", root)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == ["content/lessons/x.yml:7:12: warning: no 'en' text: the 'zh' text is shown instead",
                                          "0 errors, 1 warning"]
    assert run_cli("check", "--strict", "--project", root).exit_code == 1


@pytest.mark.parametrize("case", list(BATTERY))
def test_broken_content_is_one_line_per_problem_and_no_traceback(tmp_path: Path, make_project, run_cli, case: str) -> None:
    rel, text, expected = BATTERY[case]
    result = run_cli("check", "--project", make_project(tmp_path / "p", {rel: text}))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.exit_code == 1, result.output
    assert_report_format(result.stderr)
    assert any(line.startswith(expected) for line in diagnostic_lines(result.stderr)), result.stderr


def test_every_problem_of_every_file_in_one_run(battery_project: Path, run_cli) -> None:
    result = run_cli("check", "--project", battery_project)
    assert result.exit_code == 1
    assert_report_format(result.stderr)
    lines = diagnostic_lines(result.stderr)
    for _rel, _text, expected in BATTERY.values():
        assert any(line.startswith(expected) for line in lines), expected
    assert lines == sorted(lines, key=lambda line: (line.split(":")[0], int(line.split(":")[1]), int(line.split(":")[2])))


def test_real_process_check_and_build_print_no_traceback(battery_project: Path, run_process, tmp_path: Path) -> None:
    expected = [e for _rel, _text, e in BATTERY.values()]
    check = run_process("check", "--project", battery_project)
    assert check.returncode == 1, check.stderr
    assert "Traceback" not in check.stdout + check.stderr
    assert_report_format(check.stderr)
    for line in expected:
        assert any(d.startswith(line) for d in diagnostic_lines(check.stderr)), line

    out = tmp_path / "out"
    build = run_process("build", "--project", battery_project, "--out", out, "--no-kits")
    assert build.returncode == 1, build.stderr
    assert "Traceback" not in build.stdout + build.stderr
    assert build.stderr.splitlines()[-1].endswith("content errors: nothing was written")
    for line in expected:
        assert any(d.startswith(line) for d in diagnostic_lines(build.stderr)), line
    assert not out.exists()


@pytest.mark.parametrize(
    "setup,code,message",
    [
        ("empty-dir", 2, "is not a Dandelion project: it has no site_config.yml"),
        ("missing", 2, "project folder not found"),
        ("file", 2, "is a file"),
    ],
)
def test_not_a_project_is_a_usage_error(tmp_path: Path, run_cli, run_process, setup: str, code: int, message: str) -> None:
    target = tmp_path / "target"
    if setup == "empty-dir":
        target.mkdir()
    elif setup == "file":
        target.write_text("x")
    for command in ("check", "build"):
        result = run_cli(command, "--project", target)
        assert result.exit_code == code, result.output
        assert message in result.output
        assert "Traceback" not in result.output
    proc = run_process("check", "--project", target)
    assert proc.returncode == code
    assert message in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    "config,expected",
    [
        ("", "site_config.yml:1:1: error: expected a map of keys and values here, but the file is empty"),
        ("- zh\n- en\n", "site_config.yml:1:1: error: expected a map of keys and values here, but the file is a list"),
        ("site_name: [\n", "site_config.yml:2:1: error: YAML syntax error"),
        ("site_name: x\n", "site_config.yml:1:1: error: missing required field `organisation`"),
    ],
)
def test_broken_site_config_is_a_content_error(tmp_path: Path, make_project, run_cli, config: str, expected: str) -> None:
    result = run_cli("check", "--project", make_project(tmp_path / "p", {"site_config.yml": config}))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert_report_format(result.stderr)
    assert any(line.startswith(expected) for line in result.stderr.splitlines()), result.stderr


def test_project_defaults_to_the_current_folder(tmp_path: Path, make_project, run_process) -> None:
    root = make_project(tmp_path / "p", {"content/lessons/x.yml": LESSON + "quiz: nope\n"})
    proc = run_process("check", cwd=root)
    assert proc.returncode == 1
    assert "content/lessons/x.yml:10:7: error: unknown quiz 'nope' (known: first-quiz)" in proc.stderr.splitlines()


def test_paths_are_relative_to_the_project_wherever_it_is_run(tmp_path: Path, make_project, run_process) -> None:
    root = make_project(tmp_path / "p", {"content/lessons/x.yml": LESSON + "quiz: nope\n"})
    proc = run_process("check", "--project", "p", cwd=tmp_path)
    assert "content/lessons/x.yml:10:7: error: unknown quiz 'nope' (known: first-quiz)" in proc.stderr.splitlines()
    assert str(root) not in proc.stderr


def test_a_bug_is_exit_3_with_a_short_message(tmp_path: Path, make_project, run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.loader

    def broken(_root: Path) -> None:
        raise RuntimeError("something inside broke")

    monkeypatch.setattr(generator.loader, "load_project", broken)
    result = run_cli("check", "--project", make_project(tmp_path / "p"))
    assert result.exit_code == 3
    assert "Internal error: RuntimeError: something inside broke" in result.stderr
    assert "--debug" in result.stderr
    assert "Traceback" not in result.output


# --- init ----------------------------------------------------------------------------------------


def test_init_makes_a_project_that_checks_clean(tmp_path: Path, run_cli) -> None:
    target = tmp_path / "new"
    result = run_cli("init", target)
    assert result.exit_code == 0, result.output
    assert (target / "site_config.yml").is_file()
    for folder in ("content/lessons", "content/events", "content/training", "content/lecturers", "content/images", "quizzes"):
        assert (target / folder).is_dir(), folder
    check = run_cli("check", "--project", target)
    assert check.exit_code == 0
    assert check.stderr == "0 errors, 0 warnings\n"


def test_init_refuses_a_folder_with_files(tmp_path: Path, run_cli) -> None:
    target = tmp_path / "busy"
    target.mkdir()
    (target / "notes.txt").write_text("mine")
    result = run_cli("init", target)
    assert result.exit_code == 2
    assert "exists and is not empty" in result.output
    assert [p.name for p in target.iterdir()] == ["notes.txt"]


def test_version_and_help(run_cli) -> None:
    assert run_cli("--version").exit_code == 0
    help_text = run_cli("--help")
    assert help_text.exit_code == 0
    for command in ("check", "build", "init", "schema"):
        assert command in help_text.stdout


# --- schema --------------------------------------------------------------------------------------


def _json_ready(value: Any) -> Any:
    """YAML data as JSON would carry it (dates as text, keys as strings)."""
    if isinstance(value, dict):
        return {str(k): _json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_ready(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


@pytest.fixture(scope="module")
def schemas(tmp_path_factory: pytest.TempPathFactory, run_cli) -> dict[str, Any]:
    pytest.importorskip("generator.schema", reason="generator/schema.py (dandelion schema) is not there yet")
    out = tmp_path_factory.mktemp("schema")
    result = run_cli("schema", "--out", out)
    assert result.exit_code == 0, result.output
    from generator.schema import KINDS

    files = sorted(out.glob("*.schema.json"))
    assert sorted(Path(line).name for line in result.stdout.split()) == [f.name for f in files] == sorted(KINDS)
    return {f.name: json.loads(f.read_text(encoding="utf-8")) for f in files}


def _content_files(project: Path, pattern: str) -> list[Path]:
    return sorted(p for p in project.glob(pattern) if p.is_file())


@pytest.mark.parametrize("project", [ROOT, ROOT / "tests" / "fixtures" / "mini", ROOT / "generator" / "scaffold_template"],
                         ids=["example", "mini", "scaffold"])
def test_schemas_accept_the_example_content(schemas: dict[str, Any], project: Path) -> None:
    import jsonschema

    from generator.schema import KINDS

    checked = 0
    for name, (_model, _shape, pattern) in KINDS.items():
        validator = jsonschema.Draft202012Validator(schemas[name])
        for path in _content_files(project, pattern):
            data = _json_ready(yaml.safe_load(path.read_text(encoding="utf-8")))
            errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
            assert errors == [], f"{path.relative_to(project)}: {errors}"
            checked += 1
    assert checked >= 4


def test_schemas_refuse_what_check_refuses(schemas: dict[str, Any]) -> None:
    import jsonschema

    lesson = jsonschema.Draft202012Validator(schemas["lesson.schema.json"])
    good = _json_ready(yaml.safe_load(LESSON))
    assert list(lesson.iter_errors(good)) == []
    typo = dict(good, duration_minute=20)
    del typo["duration_minutes"]
    messages = [e.message for e in lesson.iter_errors(typo)]
    assert any("duration_minutes" in m for m in messages)
    assert any("duration_minute" in m for m in messages)
    assert list(lesson.iter_errors(dict(good, audiences=["Middle School"])))
