"""`dandelion pinyin TEXT`: the output contract scripts rely on, and project overrides."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli import main
from generator.scaffold import init_project


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_prints_one_syllable_per_han_character(tmp_path: Path) -> None:
    code, out = run("pinyin", "--project", str(tmp_path), "K粉，3年")
    assert code == 0
    assert out == "fěn nián\n"


def test_polyphones_in_domain_words(tmp_path: Path) -> None:
    code, out = run("pinyin", "--project", str(tmp_path), "强制隔离戒毒期限为二年")
    assert code == 0
    assert out.strip() == "qiáng zhì gé lí jiè dú qī xiàn wéi èr nián"


def test_project_overrides_change_the_reading(tmp_path: Path) -> None:
    project = tmp_path / "p"
    init_project(project)
    config = project / "site_config.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("pinyin_overrides: {}", "pinyin_overrides: {蒲公英: \"pú gōng yīng\", 行: \"háng\"}"), encoding="utf-8")
    code, out = run("pinyin", "--project", str(project), "蒲公英", "银行")
    assert code == 0
    assert out.strip() == "pú gōng yīng yín háng"


def test_bad_override_is_a_clean_error(tmp_path: Path) -> None:
    project = tmp_path / "p"
    init_project(project)
    config = project / "site_config.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("pinyin_overrides: {}", "pinyin_overrides: {毒品: \"du\"}"), encoding="utf-8")
    code, out = run("pinyin", "--project", str(project), "毒品")
    assert code != 0
    assert "Traceback" not in out
    assert "pinyin_overrides" in out


def test_citation_tones_by_default_and_sandhi_on_request(tmp_path: Path) -> None:
    code, out = run("pinyin", "--project", str(tmp_path), "一个人不要怕，第一")
    assert code == 0
    assert out.strip() == "yī gè rén bù yào pà dì yī"
    code, out = run("pinyin", "--project", str(tmp_path), "--sandhi", "一个人不要怕，第一")
    assert code == 0
    assert out.strip() == "yí gè rén bú yào pà dì yī"
