"""generator.plan: what a build writes, as data, before anything renders; and that renderers read only it.

The kit side (the kits step writes exactly ``plan.kits``) is in ``tests/kits``; keeping the kits on
``build --no-kits`` is in ``tests/test_build.py``.
"""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

from generator import model
from generator.loader import load_project
from generator.plan import NAV, KitFile, make_plan
from generator.site.pages import SiteOptions, render_pages

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "fixtures" / "mini"
TODAY = dt.date(2026, 6, 1)
GENERATOR = ROOT / "generator"


@pytest.fixture(scope="module")
def project() -> model.Project:
    result = load_project(MINI)
    assert result.project is not None and not result.diagnostics.errors
    return result.project


def test_the_plan_lists_every_page_the_site_writes(project: model.Project, mini_site: Path) -> None:
    plan = make_plan(project, edition="public", kits="keep")
    written = {p.relative_to(mini_site).as_posix() for lang in ("zh", "en") for p in (mini_site / lang).rglob("*.html")
               if p.relative_to(mini_site / lang).parts[0] not in ("assets", "vendor", "search") and p.name != "404.html"}
    assert {page.output for page in plan.pages} | {deck.path for deck in plan.slides} == written
    assert {f.path for f in plan.media} == {p.relative_to(mini_site).as_posix() for p in (mini_site / "media").rglob("*")
                                            if p.is_file()}
    assert (mini_site / plan.root_index).is_file()
    assert set(plan.outputs()) <= {p.relative_to(mini_site).as_posix() for p in mini_site.rglob("*") if p.is_file()}


@pytest.mark.parametrize("edition", ["public", "lecturer"])
def test_the_site_renders_the_planned_pages_in_order_with_their_titles(project: model.Project, edition: str) -> None:
    plan = make_plan(project, edition=edition, kits="keep")
    for lang in plan.languages:
        pages = render_pages(project, lang, SiteOptions(today=TODAY, plan=plan))
        assert [(p.path, p.title, p.nav) for p in pages] == [(p.path, p.title, p.nav) for p in plan.pages_in(lang)]
    nav_pages = [page.path for page in plan.pages_in("zh") if page.nav]
    assert nav_pages == [path for key, path in NAV if key != "kits"]  # in the nav's order, no kits page without kits


def test_editions_differ_in_answer_keys_and_plans(project: model.Project) -> None:
    public, lecturer = make_plan(project, edition="public"), make_plan(project, edition="lecturer")
    # basics is the final test of a training module: no public answer key, on the site or on paper
    assert "quizzes/basics-answers.md" not in {p.path for p in public.pages}
    assert "quizzes/basics-answers.md" in {p.path for p in lecturer.pages}
    assert {k.kind for k in public.kits}.isdisjoint({"plan", "answer-key"})
    assert {"plan", "answer-key"} <= {k.kind for k in lecturer.kits}
    assert {k.edition for k in lecturer.kits} == {"lecturer"}
    assert len(lecturer.kits) > len(public.kits)


def test_kit_files_per_lesson_setting_language_and_event(project: model.Project) -> None:
    plan = make_plan(project, edition="lecturer")
    lesson = project.lessons["new-drugs"]
    for setting in lesson.settings:
        for lang in ("zh", "en"):
            files = [k for k in plan.kits_for("lesson:new-drugs", lang) if k.setting == setting]
            assert [k.kind for k in files] == ["plan", "outline", "handout", "worksheet", "answer-key", "sign-in",
                                               "feedback", "kit-zip"]
            assert all(k.path.startswith(f"kits/{lang}/lessons/new-drugs/{setting}/") for k in files)
            assert files[2].title == lesson.title.get(lang)
            whole = files[-1]
            assert whole.path == f"kits/{lang}/lessons/new-drugs/{setting}/new-drugs-{setting}-{lang}-lecturer.zip"
            assert whole.contents == tuple(sorted(k.path for k in files[:-1]))
    events = {k.event for k in plan.kits if k.event}
    assert events == {e.id for e in project.events.values() if e.status != "cancelled"}
    assert len({k.path for k in plan.kits}) == len(plan.kits)  # no two files at one path


def test_every_lesson_has_a_deck_in_both_editions_and_a_presenter_view_in_the_lecturers(project: model.Project) -> None:
    public, lecturer = make_plan(project, edition="public"), make_plan(project, edition="lecturer")
    lessons = sorted(project.lessons)
    assert [d.path for d in public.slides] == [f"{lang}/slides/{x}.html" for lang in ("zh", "en") for x in lessons]
    assert [d.path for d in lecturer.slides] == [f"{lang}/slides/{x}{end}.html" for lang in ("zh", "en") for x in lessons
                                                 for end in ("", "-presenter")]
    assert {d.path for d in public.slides} <= set(public.outputs())
    assert [d.presenter for d in lecturer.decks_for("new-drugs", "en")] == [False, True]


def test_whole_kits_per_event_and_language(project: model.Project) -> None:
    plan = make_plan(project, edition="public")
    for event in (e for e in project.events.values() if e.status != "cancelled"):
        for lang in ("zh", "en"):
            files = plan.kits_for(f"event:{event.id}", lang)
            [whole] = plan.whole_kits_for(f"event:{event.id}", lang)
            assert whole.path == f"kits/{lang}/events/{event.id}/{event.id}-{lang}.zip"
            assert set(whole.contents) == {k.path for k in files if k is not whole}
            assert {"poster-png", "poster-pdf", "share-image", "certificate"} <= {k.kind for k in files}


def test_keep_plans_only_the_kit_files_that_exist(project: model.Project) -> None:
    full = make_plan(project, edition="public")
    kept = full.kits[:3] + full.kits[-1:]
    plan = make_plan(project, edition="public", kits="keep", existing_kits=[k.path for k in kept] + ["kits/zh/gone.pdf"])
    assert plan.kits == kept and plan.kits_source == "keep"
    assert "kits.md" in {p.path for p in plan.pages}
    none = make_plan(project, edition="public", kits="keep")
    assert none.kits == [] and "kits.md" not in {p.path for p in none.pages}


def test_an_unknown_edition_is_refused(project: model.Project) -> None:
    with pytest.raises(ValueError, match="edition"):
        make_plan(project, edition="teachers")


def test_pages_link_to_the_planned_kits_with_the_recorded_sizes(project: model.Project) -> None:
    """The site's download links come from the plan; only the size and page count from the manifest entries."""
    full = make_plan(project, edition="public")
    handout = next(k for k in full.kits_for("lesson:new-drugs", "zh") if k.kind == "handout")
    poster = next(k for k in full.kits_for("event:campus-talk", "en") if k.kind == "poster-png")
    plan = make_plan(project, edition="public", kits="keep", existing_kits=[handout.path, poster.path])
    entries = {handout.path: {"path": handout.path, "pages": 2, "bytes": 180_000},
               poster.path: {"path": poster.path, "width": 3508, "height": 4961, "bytes": 3 * 1024 * 1024}}
    options = SiteOptions(today=TODAY, plan=plan, kit_entries=entries)
    zh = {p.path: p.markdown for p in render_pages(project, "zh", options)}
    assert '<a href="../../kits/zh/lessons/new-drugs/campus/handout.pdf">听众讲义 · 校园</a>' in zh["lessons/new-drugs.md"]
    assert "<small>PDF · 2页 · 176 KB</small>" in zh["lessons/new-drugs.md"]
    assert "kits/" not in zh["events/campus-talk.md"]  # its poster is planned in English only
    en = {p.path: p.markdown for p in render_pages(project, "en", options)}
    assert '<a href="../../kits/en/events/campus-talk/poster.png">Poster (image)</a> <small>PNG · 3508×4961 · 3.0 MB</small>' \
        in en["events/campus-talk.md"]
    assert "kits/" not in en["lessons/new-drugs.md"]
    # the kits page lists every language's kits (filtered to the page's language in the browser)
    assert "campus-talk" in en["kits.md"] and 'data-setting="campus" data-language="zh"' in en["kits.md"]
    assert en["kits.md"].index("lesson-new-drugs") < en["kits.md"].index("event-campus-talk")  # lessons, then events


def test_a_planned_kit_without_a_record_is_a_bug_not_a_silent_gap(project: model.Project) -> None:
    plan = make_plan(project, edition="public", kits="keep", existing_kits=[make_plan(project).kits[0].path])
    with pytest.raises(KeyError):
        render_pages(project, "zh", SiteOptions(today=TODAY, plan=plan))


def test_manifest_fields_keep_the_manifest_order() -> None:
    kit = KitFile("kits/zh/events/x/poster.png", "poster-png", "zh", "campus", "public", "T", event="x")
    assert list(kit.manifest_fields()) == ["kind", "event", "setting", "language", "edition", "title"]
    assert kit.item == "event:x"


# --- renderers read the model and the plan, never each other --------------------------------------


def _imports(path: Path) -> set[str]:
    """Absolute names of the generator modules a file imports."""
    package = "generator." + ".".join(path.relative_to(GENERATOR).with_suffix("").parts[:-1])
    package = package.rstrip(".")
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {name for name in names if name.split(".")[0] in ("generator", "mkdocs", "material")}


def _modules(folder: str = "") -> list[Path]:
    return sorted((GENERATOR / folder).rglob("*.py"))


def test_the_site_reads_no_kits_module_but_their_words() -> None:
    for path in _modules("site"):
        kits = {n for n in _imports(path) if n.startswith("generator.kits")} - {"generator.kits", "generator.kits.strings"}
        assert not kits, (path, kits)


def test_the_kits_read_neither_the_site_nor_the_build() -> None:
    for path in _modules("kits"):
        wrong = {n for n in _imports(path) if n.startswith(("generator.site", "generator.build", "generator.cli"))}
        assert not wrong, (path, wrong)


def test_nothing_imports_the_build_recipe_or_the_cli() -> None:
    for path in _modules():
        if path.name in ("cli.py", "build.py"):
            continue
        wrong = {n for n in _imports(path) if n.startswith(("generator.build", "generator.cli"))}
        assert not wrong, (path, wrong)


def test_only_the_engine_module_knows_mkdocs_and_materials_keys() -> None:
    engine = GENERATOR / "site" / "mkdocs_engine.py"
    material_keys = {"hide", "exclude", "not_in_nav", "mkdocs.yml", "custom_dir"}
    for path in _modules():
        if path == engine:
            continue
        assert not {n for n in _imports(path) if n.split(".")[0] in ("mkdocs", "material")}, path
        strings = {node.value for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                   if isinstance(node, ast.Constant) and isinstance(node.value, str)}
        assert not strings & material_keys, (path, strings & material_keys)
