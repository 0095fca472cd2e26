"""`dandelion kits` (kits_only): the starter project, writing into a built site, refusals, the cache."""

from __future__ import annotations

from pathlib import Path

import pytest
from kitutil import pdftotext, require_poppler

from generator.errors import ContentError, UsageError
from generator.kits import manifest as mf
from generator.kits.cli_support import kits_only
from generator.scaffold import init_project
from generator.writer import MARKER


@pytest.fixture(scope="module")
def starter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`dandelion init` output, untouched: zh and en, one campus lesson with a quiz, no site_url, no events."""
    root = tmp_path_factory.mktemp("starter") / "project"
    init_project(root)
    return root


@pytest.fixture(scope="module")
def starter_run(starter: Path, tmp_path_factory: pytest.TempPathFactory):
    import generator.kits as kits

    out = tmp_path_factory.mktemp("starter-out") / "site"
    original = kits.harfbuzz_subset_missing
    kits.harfbuzz_subset_missing = lambda: True  # as on a machine without libharfbuzz-subset0
    try:
        log: list[str] = []
        report = kits_only(starter, out=out, edition="public", log=log.append)
    finally:
        kits.harfbuzz_subset_missing = original
    return report, log


def test_starter_kits_in_both_languages(starter_run) -> None:
    require_poppler()
    report, _log = starter_run
    files = mf.read_manifest(report.out)["files"]
    assert {(e["language"], e["kind"]) for e in files} == {
        (lang, kind) for lang in ("zh", "en")
        for kind in ("outline", "handout", "worksheet", "answer-key", "sign-in", "feedback", "kit-zip")}
    en = next(e for e in files if e["language"] == "en" and e["kind"] == "handout")
    text = pdftotext(report.out / en["path"])
    assert "Audience handout" in text and "What drugs are" in text and "Page 1 of" in text
    assert "(also called meth)" in text  # half-width brackets in English
    zh = next(e for e in files if e["language"] == "zh" and e["kind"] == "handout")
    zh_text = pdftotext(report.out / zh["path"])
    assert "第1页" in zh_text and "（又称甲基苯丙胺）" in zh_text


def test_english_sheets_embed_a_few_kb_of_font(starter_run) -> None:
    """A one-page English sign-in sheet uses only low glyph ids of the pre-subset font (it was ~150 KB,
    nearly all empty glyphs up to a high glyph id of the 65,000-glyph system font)."""
    report, _log = starter_run
    files = mf.read_manifest(report.out)["files"]
    sign_in = next(e for e in files if e["language"] == "en" and e["kind"] == "sign-in")
    assert sign_in["pages"] == 1 and (report.out / sign_in["path"]).stat().st_size < 60_000
    for entry in files:
        if entry["language"] == "en" and entry["path"].endswith(".pdf"):
            assert (report.out / entry["path"]).stat().st_size < 100_000, entry["path"]


def test_warnings_for_missing_site_url_and_harfbuzz(starter_run) -> None:
    report, log = starter_run
    assert any("site_url is not set" in w for w in report.warnings)
    assert any("libharfbuzz-subset0" in w and "apt install" in w for w in report.warnings)
    assert any("libharfbuzz-subset0" in line for line in log)


def test_no_site_url_means_no_qr_code(starter_run, tmp_path: Path) -> None:
    import subprocess

    from PIL import Image
    from pyzbar.pyzbar import decode

    report, _log = starter_run
    handout = next(e for e in mf.read_manifest(report.out)["files"] if e["kind"] == "handout")
    subprocess.run(["pdftoppm", "-r", "100", "-png", str(report.out / handout["path"]), str(tmp_path / "p")], check=True)
    for png in tmp_path.glob("p*.png"):
        with Image.open(png) as im:
            assert decode(im.convert("L")) == []
    assert "https://" not in pdftotext(report.out / handout["path"])


def test_writes_only_kits_into_a_built_site(starter: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    (out / "zh").mkdir(parents=True)
    (out / MARKER).write_text("built\n")
    (out / "zh" / "index.html").write_text("<p>the site</p>")
    (out / "kits").mkdir()
    (out / "kits" / "stale.pdf").write_bytes(b"old")
    report = kits_only(starter, out=out, edition="public")
    assert (out / "zh" / "index.html").read_text() == "<p>the site</p>"
    assert not (out / "kits" / "stale.pdf").exists()
    assert (out / "kits" / "manifest.json").is_file()
    # the module's first run filled the cache (whole-kit zips are not rendered: they are packed every run)
    assert report.cached == len([e for e in report.entries if e["kind"] != "kit-zip"]) and report.rendered == 0
    assert not list(tmp_path.glob(".site.*"))  # no staging or old folder left behind


def test_refuses_a_folder_of_other_files(starter: Path, tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_bytes(b"x")
    with pytest.raises(UsageError, match="did not write"):
        kits_only(starter, out=out)
    assert (out / "thesis.docx").exists() and not (out / "kits").exists()


def test_refuses_the_other_editions_site(starter: Path, tmp_path: Path) -> None:
    out = tmp_path / "site-lecturer"
    (out / "zh").mkdir(parents=True)
    (out / MARKER).write_text("built\n")
    (out / "kits").mkdir()
    (out / "kits" / "manifest.json").write_text('{"schema": 1, "edition": "lecturer", "files": []}')
    with pytest.raises(UsageError, match="lecturer edition"):
        kits_only(starter, out=out, edition="public")
    assert (out / "kits" / "manifest.json").read_text().startswith('{"schema": 1, "edition": "lecturer"')


def test_content_errors_write_nothing(tmp_path: Path) -> None:
    root = tmp_path / "broken"
    init_project(root)
    lesson = root / "content" / "lessons" / "first-lesson.yml"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("duration_minutes: 20", "duration_minutes: soon"),
                      encoding="utf-8")
    out = tmp_path / "site"
    with pytest.raises(ContentError):
        kits_only(root, out=out)
    assert not out.exists()


def test_only_changed_kits_are_rendered_again(starter: Path, starter_run, tmp_path: Path) -> None:
    import shutil

    assert starter_run[0].rendered == 12  # per language: outline, handout, worksheet, answer key, sign-in, feedback
    root = tmp_path / "p"
    shutil.copytree(starter, root)  # with its .dandelion-cache, filled by the first run
    again = kits_only(root, out=tmp_path / "a", workers=1)
    assert again.rendered == 0 and again.cached == 12
    lesson = root / "content" / "lessons" / "first-lesson.yml"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("认识毒品, en:", "认识新型毒品, en:", 1), encoding="utf-8")
    changed = kits_only(root, out=tmp_path / "a", workers=1)
    # the Chinese title is on the six Chinese documents only (the quiz's own title did not change, but the
    # worksheet names the lesson)
    assert changed.rendered == 6 and changed.cached == 6
    assert {e["language"] for e in changed.entries if "认识新型毒品" in e["title"]} == {"zh"}


def test_kits_only_writes_the_plan_a_build_links_to(starter: Path, starter_run) -> None:
    from generator.loader import load_project
    from generator.plan import make_plan

    report, _log = starter_run
    project = load_project(starter).project
    assert project is not None
    planned = [kit.path for kit in make_plan(project, edition="public").kits]
    assert [e["path"] for e in report.entries] == planned
    assert [e["path"] for e in mf.read_manifest(report.out)["files"]] == planned
