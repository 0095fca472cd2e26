"""Content checks end to end through the CLI: every problem, with its line, no traceback.

Each case starts from the `dandelion init` starter project, overlays one broken file and asserts the
exact ``path:line:col`` and message an editor sees.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from samples import LESSON as LESSON_OK

from generator.cli import main
from generator.scaffold import init_project


def project(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    root = tmp_path / "p"
    init_project(root)
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return root


def check(root: Path) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["check", "--project", str(root)])
    assert "Traceback" not in result.output
    return result.exit_code, result.output.splitlines()


@pytest.mark.parametrize(
    "rel,text,expected",
    [
        ("content/lessons/x.yml", LESSON_OK.replace("duration_minutes", "duraton_minutes"),
         "content/lessons/x.yml:4:1: error: unknown key `duraton_minutes` (did you mean `duration_minutes`?)"),
        ("content/lessons/x.yml", LESSON_OK.replace("duration_minutes: 20", "duration_minutes: forty"),
         "content/lessons/x.yml:4:19: error: `duration_minutes` must be a whole number, not the text 'forty'"),
        ("content/lessons/x.yml", "title: [unclosed\n", "content/lessons/x.yml:2:1: error: YAML syntax error"),
        ("content/lessons/x.yml", LESSON_OK.replace("audiences: [middle]", "audiences: [middel]"),
         "content/lessons/x.yml:2:13: error: unknown audience 'middel' (did you mean `middle`?)"),
        ("content/lessons/x.yml", LESSON_OK + "quiz: nope\n", "content/lessons/x.yml:10:7: error: unknown quiz 'nope'"),
        ("content/lessons/x.yml", LESSON_OK + "references: [{law: anti-drug-law, article: 99}]\n",
         "content/lessons/x.yml:10:44: error: article 99 of 'anti-drug-law' is not in content/laws.yml"),
        ("content/lessons/x.yml", LESSON_OK + "    image: {src: ../../etc/passwd, alt: x}\n",
         "content/lessons/x.yml:10:18: error: image path '../../etc/passwd' must be relative to content/"),
        ("content/lessons/x.yml", LESSON_OK + "    image: {src: images/missing.png}\n",
         "content/lessons/x.yml:10:12: error: image 'images/missing.png' has no alt text"),
        ("content/lessons/x.yml", LESSON_OK.replace("body: {zh: 正文, en: Body}", "body: {zh: 正文, en: \"<script>alert(1)</script>\"}"),
         "content/lessons/x.yml:9:24: error: raw HTML <script> is not allowed"),
        ("content/lessons/x.yml", LESSON_OK.replace("正文", "请拨打13812345678"),
         "content/lessons/x.yml:9:11: error: this text contains what looks like a mobile phone number"),
        ("content/lessons/x.yml", LESSON_OK.replace("title: {zh: 开场, en: Opening}", "title: {zh: 开场}"),
         "content/lessons/x.yml:7:12: warning: no 'en' text: the 'zh' text is shown instead"),
        ("content/lessons/x.yml", "title: a\ntitle: b\n" + LESSON_OK.split("\n", 1)[1],
         "content/lessons/x.yml:2:1: error: duplicate key 'title'"),
        ("content/events/e.yml", "title: 活动\ndate: 2026-02-30\nregion: haikou\nsetting: campus\nvenue: 学校\nstatus: planned\n",
         "content/events/e.yml:2:7: error: `date` must be a real date written YYYY-MM-DD"),
        ("content/events/e.yml", "title: 活动\ndate: 2026-06-26\nstart: 14:30\nend: 9:00\nregion: haikou\nsetting: campus\nvenue: 学校\nstatus: planned\n",
         "content/events/e.yml:4:6: error: the event ends (09:00) before it starts (14:30)"),
        ("content/events/e.yml", "title: 活动\ndate: 2026-06-26\nregion: sanya\nsetting: campus\nvenue: 学校\nstatus: done\nreport:\n  photos: [{src: images/p.png, alt: x}]\n",
         "content/events/e.yml:3:9: error: unknown region 'sanya'"),
        ("quizzes/q.yml", "title: Q\nquestions:\n  - {id: a, type: single, prompt: x, options: [{text: a, correct: true}, {text: b, correct: true}]}\n",
         "quizzes/q.yml:3:47: error: a single-choice question needs exactly one option with `correct: true` (found 2)"),
        ("quizzes/q.yml", "title: Q\nquestions:\n  - {id: a, type: singel, prompt: x}\n",
         "quizzes/q.yml:3:19: error: unknown type 'singel'"),
        ("content/lessons/x.yml", b"title: \xff\xfe\n", "content/lessons/x.yml:1:1: error: the file is not UTF-8 text"),
        ("content/lessons/x.yml", "- a\n- b\n", "content/lessons/x.yml:1:1: error: expected a map of keys and values here"),
        ("content/lessons/x.yml", "title: !!python/object:os.system x\n", "content/lessons/x.yml:1:8: error: unsupported YAML tag"),
    ],
)
def test_broken_content_is_reported_with_file_and_line(tmp_path: Path, rel: str, text: str, expected: str) -> None:
    code, lines = check(project(tmp_path, {rel: text}))
    assert any(line.startswith(expected) for line in lines), "\n".join(lines)
    if ": error:" in expected:
        assert code == 1
    assert "error" in lines[-1]  # the count closes the report


def test_every_error_in_every_file_is_collected(tmp_path: Path) -> None:
    root = project(tmp_path, {
        "content/lessons/a.yml": LESSON_OK.replace("audiences: [middle]", "audiences: [nobody]"),
        "content/lessons/b.yml": "title: [\n",
        "quizzes/q.yml": "title: Q\nquestions: []\n",
    })
    code, lines = check(root)
    assert code == 1
    assert {line.split(":", 1)[0] for line in lines if ": error:" in line} == {
        "content/lessons/a.yml", "content/lessons/b.yml", "quizzes/q.yml"}
    assert lines[-1].startswith("3 errors")


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8))
    code, lines = check(project(tmp_path, {"content/lessons/x.yml": bomb}))
    assert code == 1
    assert any("expands to more than" in line for line in lines)


def test_symlink_out_of_the_project_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "secret.yml"
    outside.write_text(LESSON_OK, encoding="utf-8")
    root = project(tmp_path, {})
    (root / "content" / "lessons" / "x.yml").symlink_to(outside)
    code, lines = check(root)
    assert code == 1
    assert any("outside the project folder" in line for line in lines)


def test_clean_starter_project_exits_zero(tmp_path: Path) -> None:
    code, lines = check(project(tmp_path, {}))
    assert code == 0
    assert lines[-1] == "0 errors, 0 warnings"


def test_not_a_project_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--project", str(tmp_path)])
    assert result.exit_code == 2
    assert "site_config.yml" in result.output


def test_real_process_prints_no_traceback(tmp_path: Path) -> None:
    root = project(tmp_path, {"content/lessons/x.yml": "title: [\n", "quizzes/q.yml": "questions: 3\n"})
    exe = Path(sys.executable).with_name("dandelion")
    for args in (["check"], ["build"]):
        proc = subprocess.run([str(exe), *args, "--project", str(root)], capture_output=True, text=True,
                              env={**os.environ, "NO_COLOR": "1"}, timeout=120)
        assert proc.returncode == 1, proc.stderr
        assert "Traceback" not in proc.stdout + proc.stderr
        assert "content/lessons/x.yml:2:1: error" in proc.stderr


def test_failed_build_keeps_the_previous_site(tmp_path: Path) -> None:
    from generator.build import build

    root = project(tmp_path, {})
    out = tmp_path / "out"
    build(root, out=out, with_kits=False)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert (out / "zh" / "lessons" / "first-lesson.html").exists()
    (root / "content" / "lessons" / "first-lesson.yml").write_text("title: [\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--project", str(root), "--out", str(out), "--no-kits"])
    assert result.exit_code == 1
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before


def test_out_folder_that_is_not_ours_is_refused(tmp_path: Path) -> None:
    root = project(tmp_path, {})
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.docx").write_text("years of work")
    for out in (precious, root):
        result = CliRunner().invoke(main, ["build", "--project", str(root), "--out", str(out), "--no-kits"])
        assert result.exit_code == 2, result.output
    assert (precious / "thesis.docx").read_text() == "years of work"
    assert (root / "site_config.yml").exists()
