"""Rebuilds skip unchanged work (generator/incremental.py), and never serve stale output."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from generator import incremental
from generator.build import build

TODAY = dt.date(2026, 6, 1)


def files(site: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(site).as_posix(): (p.stat().st_mtime_ns, p.stat().st_size) for p in site.rglob("*") if p.is_file()}


def test_a_build_with_nothing_changed_writes_nothing_and_an_edit_rebuilds(tmp_path: Path, make_project) -> None:
    project = make_project(tmp_path / "p")
    out = tmp_path / "site"
    first = build(project, out=out, with_kits=False, today=TODAY)
    assert not first.unchanged and first.pages
    before = files(out)

    again = build(project, out=out, with_kits=False, today=TODAY)
    assert again.unchanged and again.pages == first.pages
    assert files(out) == before

    lesson = project / "content" / "lessons" / "first-lesson.yml"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")  # any byte counts
    assert not build(project, out=out, with_kits=False, today=TODAY).unchanged
    assert build(project, out=out, with_kits=False, today=TODAY).unchanged

    config = project / "site_config.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert not build(project, out=out, with_kits=False, today=TODAY).unchanged

    assert not build(project, out=out, with_kits=False, today=TODAY + dt.timedelta(days=1)).unchanged
    assert not build(project, out=out, with_kits=False, edition="lecturer", today=TODAY).unchanged


def test_the_output_changes_with_the_content_and_config(tmp_path: Path, make_project) -> None:
    project = make_project(tmp_path / "p")
    out = tmp_path / "site"
    build(project, out=out, with_kits=False, today=TODAY)
    lesson = project / "content" / "lessons" / "first-lesson.yml"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("认识毒品", "认识新型毒品", 1), encoding="utf-8")
    assert not build(project, out=out, with_kits=False, today=TODAY).unchanged
    assert "认识新型毒品" in (out / "zh" / "lessons" / "first-lesson.html").read_text(encoding="utf-8")

    config = project / "site_config.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("禁毒宣讲资料站", "禁毒宣讲资料网", 1), encoding="utf-8")
    assert not build(project, out=out, with_kits=False, today=TODAY).unchanged
    assert "禁毒宣讲资料网" in (out / "zh" / "index.html").read_text(encoding="utf-8")


def test_a_touched_output_folder_is_rebuilt(tmp_path: Path, make_project) -> None:
    project = make_project(tmp_path / "p")
    out = tmp_path / "site"
    build(project, out=out, with_kits=False, today=TODAY)
    shutil.rmtree(out)
    assert not build(project, out=out, with_kits=False, today=TODAY).unchanged
    assert (out / "zh" / "index.html").is_file()


def test_the_fingerprint_covers_theme_templates_code_and_version(tmp_path: Path, make_project, monkeypatch) -> None:
    project = make_project(tmp_path / "p")
    options = {"edition": "public"}
    base = incremental.fingerprint(project, options)
    assert incremental.fingerprint(project, options) == base

    (project / "theme" / "partials").mkdir(parents=True)
    (project / "theme" / "partials" / "footer.html").write_text("<footer></footer>", encoding="utf-8")
    with_theme = incremental.fingerprint(project, options)
    assert with_theme != base

    code = tmp_path / "generator"
    shutil.copytree(incremental.PACKAGE / "site" / "templates", code / "site" / "templates")
    monkeypatch.setattr(incremental, "PACKAGE", code)
    monkeypatch.setattr(incremental, "PACKAGE_THEME", tmp_path / "no-theme")
    incremental.code_fingerprint.cache_clear()
    try:
        copied = incremental.fingerprint(project, options)
        template = code / "site" / "templates" / "lesson.md.j2"
        template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        incremental.code_fingerprint.cache_clear()
        assert incremental.fingerprint(project, options) != copied
        edited = incremental.fingerprint(project, options)
        monkeypatch.setattr(incremental, "__version__", "99.0")
        incremental.code_fingerprint.cache_clear()
        assert incremental.fingerprint(project, options) != edited
    finally:
        incremental.code_fingerprint.cache_clear()
    assert incremental.fingerprint(project, {"edition": "lecturer"}) != incremental.fingerprint(project, options)


@pytest.mark.parametrize("edit", ["theme", "version"])
def test_a_changed_theme_or_generator_rebuilds(tmp_path: Path, make_project, monkeypatch, edit: str) -> None:
    project = make_project(tmp_path / "p")
    out = tmp_path / "site"
    build(project, out=out, with_kits=False, today=TODAY)
    if edit == "theme":
        monkeypatch.setattr(incremental, "PROJECT_INPUTS", (*incremental.PROJECT_INPUTS, "extra-theme"))
        (project / "extra-theme").mkdir()
        (project / "extra-theme" / "x.css").write_text("a{}", encoding="utf-8")
    else:
        monkeypatch.setattr(incremental, "__version__", "99.0")
        incremental.code_fingerprint.cache_clear()
    try:
        assert not build(project, out=out, with_kits=False, today=TODAY).unchanged
    finally:
        incremental.code_fingerprint.cache_clear()


def test_engine_folders_of_deleted_outputs_are_removed_once_unused(tmp_path: Path, make_project) -> None:
    import os

    project = make_project(tmp_path / "p")
    kept, deleted, recent = tmp_path / "site", tmp_path / "old-site", tmp_path / "other-site"
    for out in (deleted, recent, kept):
        build(project, out=out, with_kits=False, today=TODAY)
    folder_of = {out: incremental.engine_folder(project, out, "zh").parent for out in (kept, deleted, recent)}
    assert all(folder.is_dir() for folder in folder_of.values())
    assert (folder_of[kept] / "output.txt").read_text(encoding="utf-8") == str(kept.resolve())

    shutil.rmtree(deleted)
    shutil.rmtree(recent)
    long_ago = (dt.datetime.now() - incremental.ENGINE_FOLDER_GRACE - dt.timedelta(hours=1)).timestamp()
    for entry in [folder_of[deleted], *folder_of[deleted].iterdir()]:
        os.utime(entry, (long_ago, long_ago))
    lesson = project / "content" / "lessons" / "first-lesson.yml"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    build(project, out=kept, with_kits=False, today=TODAY)

    assert not folder_of[deleted].exists()  # its output is gone and nobody used it for a day
    assert folder_of[recent].is_dir()  # used a moment ago: a build into it may still be running
    assert folder_of[kept].is_dir()
