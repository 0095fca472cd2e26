"""`dandelion quiz export` / `quiz import` wired to the interop package."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.loader import load_project
from generator.scaffold import init_project

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_export_to_stdout_and_import_into_a_project(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["quiz", "export", "new-drugs-basics", "--project", str(ROOT), "--format", "gift"])
    assert result.exit_code == 0
    gift = result.stdout  # warnings go to stderr, the export alone to stdout
    assert "::q-meth-name::" in gift and "warning:" not in gift
    source = tmp_path / "bank.gift"
    source.write_text(gift, encoding="utf-8")
    project = tmp_path / "p"
    init_project(project)
    code, out = run("quiz", "import", str(source), "--project", str(project))
    assert code == 0, out
    written = project / "quizzes" / "bank.yml"
    assert written.exists()
    result = load_project(project)
    assert not result.diagnostics.errors
    assert result.project is not None and "bank" in result.project.quizzes
    code, out = run("quiz", "import", str(source), "--project", str(project))
    assert code == 2 and "exists already" in out


def test_moodle_xml_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "q.xml"
    code, _ = run("quiz", "export", "new-drugs-basics", "--project", str(ROOT), "--format", "moodle-xml",
                  "--lang", "en", "--out", str(target))
    assert code == 0
    text = target.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<quiz>" in text


def test_unknown_quiz_and_bad_file_are_clean_errors(tmp_path: Path) -> None:
    code, out = run("quiz", "export", "new-drugs-basic", "--project", str(ROOT), "--format", "gift")
    assert code == 2 and "did you mean `new-drugs-basics`" in out
    bad = tmp_path / "bank.xlsx"
    bad.write_text("not a spreadsheet", encoding="utf-8")
    code, out = run("quiz", "import", str(bad), "--project", str(tmp_path))
    assert code == 1 and "bank.xlsx" in out


def test_export_never_overwrites_project_content_and_asks_before_replacing_a_file(tmp_path: Path) -> None:
    project = tmp_path / "p"
    init_project(project)
    config = (project / "site_config.yml").read_bytes()
    for target in (project / "site_config.yml", project / "quizzes" / "first-quiz.yml", project / "content" / "x.gift"):
        code, out = run("quiz", "export", "first-quiz", "--project", str(project), "--format", "gift",
                        "--out", str(target), "--force")
        assert code == 2 and "part of the project's content" in out, out
    assert (project / "site_config.yml").read_bytes() == config
    assert not (project / "content" / "x.gift").exists()
    existing = tmp_path / "bank.gift"
    existing.write_text("mine", encoding="utf-8")
    code, out = run("quiz", "export", "first-quiz", "--project", str(project), "--format", "gift", "--out", str(existing))
    assert code == 2 and "exists already" in out and "--force" in out
    assert existing.read_text(encoding="utf-8") == "mine"
    code, out = run("quiz", "export", "first-quiz", "--project", str(project), "--format", "gift", "--out", str(existing),
                    "--force")
    assert code == 0 and "::" in existing.read_text(encoding="utf-8")
