"""The site engine's kept work folder: an edit lays out only the pages it changed, and the result is
byte-for-byte what a build from scratch gives (generator/site/mkdocs_engine.build_language)."""

from __future__ import annotations

import datetime as dt
import filecmp
import shutil
from pathlib import Path

import pytest

from generator import incremental
from generator.build import build
from generator.site import mkdocs_engine

TODAY = dt.date(2026, 6, 1)

SECOND_LESSON = """title: {zh: 拒绝毒品, en: Saying no to drugs}
summary: {zh: 第二节示例课程。, en: A second example lesson.}
audiences: [middle]
settings: [campus]
duration_minutes: 20
sections:
  - id: saying-no
    title: {zh: 学会拒绝, en: Learning to say no}
    minutes: 20
    body:
      zh: 有人递来不明饮料时，可以直接说“不”，然后离开。
      en: When someone offers you an unknown drink, you can simply say no and leave.
"""


def raw_times(project: Path, out: Path, lang: str = "zh") -> dict[str, int]:
    """Modification times of the engine's own output (before Dandelion's post-build step), per page."""
    raw = incremental.engine_folder(project, out, lang) / "site"
    return {p.relative_to(raw).as_posix(): p.stat().st_mtime_ns for p in raw.rglob("*.html")}


def replace_in(path: Path, old: str, new: str, count: int = -1) -> None:
    """Edit a project file: ``old`` (which must be there) becomes ``new``, ``count`` times (-1: everywhere)."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def differences(one: Path, other: Path) -> list[str]:
    """Files that differ between two built sites (the build's own marker aside)."""
    found: list[str] = []

    def walk(comparison: filecmp.dircmp, prefix: str) -> None:
        found.extend(prefix + name for name in comparison.left_only + comparison.right_only + comparison.diff_files)
        for name, sub in comparison.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    comparison = filecmp.dircmp(one, other, ignore=[".dandelion-build", ".dandelion-build.lock"])
    walk(comparison, "")
    # dircmp compares by size and time first: check the bytes of every common file too
    for path in one.rglob("*"):
        rel = path.relative_to(one).as_posix()
        twin = other / rel
        if path.is_file() and twin.is_file() and path.read_bytes() != twin.read_bytes() and rel not in found:
            found.append(rel)
    return sorted(set(found) - {".dandelion-build"})


def from_scratch(project: Path, tmp_path: Path, name: str) -> Path:
    """The same content built into a fresh folder (the engine keeps work per output folder: none for this one)."""
    out = tmp_path / name
    assert not incremental.engine_folder(project, out, "zh").exists()
    build(project, out=out, with_kits=False, today=TODAY)
    return out


@pytest.fixture()
def project(tmp_path: Path, make_project) -> Path:
    return make_project(tmp_path / "p", {"content/lessons/second-lesson.yml": SECOND_LESSON})


def test_an_edit_lays_out_only_its_pages_and_equals_a_full_build(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(project, out=out, with_kits=False, today=TODAY)
    before = raw_times(project, out)
    lesson = project / "content" / "lessons" / "first-lesson.yml"
    replace_in(lesson, "大麻、可卡因等", "大麻、可卡因、氯胺酮等")

    build(project, out=out, with_kits=False, today=TODAY)
    after = raw_times(project, out)
    assert after["lessons/first-lesson.html"] != before["lessons/first-lesson.html"]
    assert after["lessons/second-lesson.html"] == before["lessons/second-lesson.html"]  # not laid out again
    assert after["glossary.html"] == before["glossary.html"]
    assert "氯胺酮" in (out / "zh" / "lessons" / "first-lesson.html").read_text(encoding="utf-8")

    assert differences(out, from_scratch(project, tmp_path, "scratch")) == []


def test_the_search_index_stays_whole_after_a_partial_layout(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(project, out=out, with_kits=False, today=TODAY)
    lesson = project / "content" / "lessons" / "first-lesson.yml"
    replace_in(lesson, "鸦片、", "鸦片、杜冷丁、")
    build(project, out=out, with_kits=False, today=TODAY)
    index = "".join(p.read_text(encoding="utf-8") for p in (out / "zh" / "search").glob("*.js"))
    assert "杜冷" in index  # the edited page's new words
    assert "递来" in index  # a page MkDocs did not lay out again is still searchable
    assert differences(out / "zh" / "search", from_scratch(project, tmp_path, "scratch") / "zh" / "search") == []


def test_a_title_shown_on_other_pages_updates_them(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(project, out=out, with_kits=False, today=TODAY)
    lesson = project / "content" / "lessons" / "second-lesson.yml"
    replace_in(lesson, "拒绝毒品", "勇敢说不")
    build(project, out=out, with_kits=False, today=TODAY)
    assert "勇敢说不" in (out / "zh" / "lessons" / "index.html").read_text(encoding="utf-8")
    assert differences(out, from_scratch(project, tmp_path, "scratch")) == []


def test_config_theme_and_removed_pages_lay_out_everything_again(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build(project, out=out, with_kits=False, today=TODAY)
    config = project / "site_config.yml"
    replace_in(config, "禁毒宣讲资料站", "禁毒宣讲资料网", 1)
    build(project, out=out, with_kits=False, today=TODAY)
    assert "禁毒宣讲资料网" in (out / "zh" / "lessons" / "second-lesson.html").read_text(encoding="utf-8")
    assert differences(out, from_scratch(project, tmp_path, "scratch-config")) == []

    before = raw_times(project, out)
    theme = project / "theme"
    shutil.copytree(mkdocs_engine.PACKAGE_THEME, theme)
    css = theme / "assets" / "stylesheets" / "dandelion.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* project colours */\n", encoding="utf-8")
    build(project, out=out, with_kits=False, today=TODAY)
    assert "project colours" in (out / "zh" / "assets" / "stylesheets" / "dandelion.css").read_text(encoding="utf-8")
    assert raw_times(project, out)["lessons/second-lesson.html"] != before["lessons/second-lesson.html"]

    (project / "content" / "lessons" / "second-lesson.yml").unlink()
    build(project, out=out, with_kits=False, today=TODAY)
    assert not (out / "zh" / "lessons" / "second-lesson.html").exists()
    assert "lessons/second-lesson.html" not in raw_times(project, out)
    assert differences(out, from_scratch(project, tmp_path, "scratch-removed")) == []


def test_an_interrupted_layout_leaves_no_clean_state(project: Path, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "site"
    build(project, out=out, with_kits=False, today=TODAY)
    lesson = project / "content" / "lessons" / "first-lesson.yml"
    replace_in(lesson, "鸦片、", "鸦片、杜冷丁、")
    calls: list[bool] = []

    def broken(config_file: Path, *, dirty: bool = False, **_options: object) -> tuple[list[str], list[dict[str, str]]]:
        calls.append(dirty)
        raise RuntimeError("interrupted")

    with monkeypatch.context() as patch:
        patch.setattr(mkdocs_engine, "_run_mkdocs", broken)
        with pytest.raises(RuntimeError):
            build(project, out=out, with_kits=False, today=TODAY)
    assert calls == [True]
    assert not (incremental.engine_folder(project, out, "zh") / "state.json").exists()

    seen: list[bool] = []
    original = mkdocs_engine._run_mkdocs

    def watched(config_file: Path, *, dirty: bool = False, **options: object) -> tuple[list[str], list[dict[str, str]]]:
        seen.append(dirty)
        return original(config_file, dirty=dirty, **options)

    monkeypatch.setattr(mkdocs_engine, "_run_mkdocs", watched)
    build(project, out=out, with_kits=False, today=TODAY)
    assert seen[0] is False  # the next build lays everything out again
    assert "杜冷丁" in (out / "zh" / "lessons" / "first-lesson.html").read_text(encoding="utf-8")
    assert differences(out, from_scratch(project, tmp_path, "scratch")) == []
