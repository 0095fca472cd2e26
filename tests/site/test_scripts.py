"""Which of the site's own scripts each page loads (``generator/site/scripts.py``, ``Page.scripts``).

Only pages with a quiz or training widget load the quiz or training code; every page loads the core.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import model
from generator.loader import load_project
from generator.site import scripts
from generator.site.pages import SiteOptions, render_pages

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini"
JAVASCRIPTS = Path(__file__).resolve().parents[2] / "theme" / "assets" / "javascripts"
QUIZ = ["assets/javascripts/scoring.js", "assets/javascripts/quiz.js"]
TRAINING = ["assets/javascripts/scoring.js", "assets/javascripts/training.js"]
#: The widgets' elements in a page's Markdown, by the script that draws them.
WIDGET = re.compile(r'<div class="(dl-quiz|dl-training|dl-certificate|dl-unit-read)[" ]|<ul class="dl-events" (data-list)|<table class="(dl-cal)"')


@pytest.fixture(scope="module")
def project() -> model.Project:
    result = load_project(MINI)
    assert result.project is not None
    return result.project


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_only_widget_pages_load_quiz_or_training_code(project: model.Project, lang: str) -> None:
    pages = {page.path: page.scripts for page in render_pages(project, lang, SiteOptions())}
    assert pages.pop("quizzes/basics.md") == QUIZ
    assert pages.pop("training/basics-module.md") == TRAINING
    assert pages.pop("training/basics-module-certificate.md") == TRAINING
    # both lessons are units of the module: their "I have read this lesson" box
    assert pages.pop("lessons/new-drugs.md") == TRAINING
    assert pages.pop("lessons/first-steps.md") == TRAINING
    # the events index and month calendar: "upcoming" by the reader's date, filters, today marked
    assert pages.pop("events/index.md") == pages.pop("events/calendar.md") == ["assets/javascripts/events.js"]
    assert "quizzes/basics-worksheet.md" in pages and "index.md" in pages
    assert {path: extra for path, extra in pages.items() if extra} == {}


def test_a_page_loads_the_scripts_of_exactly_the_widgets_it_shows(project: model.Project) -> None:
    for lang in ("zh", "en"):
        for page in render_pages(project, lang, SiteOptions(edition="lecturer")):
            kinds = {"events" if found[1] or found[2] else "quiz" if found[0] == "dl-quiz" else "training"
                     for found in WIDGET.findall(page.markdown)}
            assert page.scripts == scripts.for_widgets(sorted(kinds)), page.path


def test_widget_scripts_come_after_what_they_need_and_each_once() -> None:
    assert scripts.for_widgets([]) == []
    assert scripts.for_widgets(["training", "quiz", "training"]) == [
        "assets/javascripts/scoring.js", "assets/javascripts/training.js", "assets/javascripts/quiz.js"]
    assert scripts.every_page() == ["assets/javascripts/core.js", "assets/javascripts/dandelion.js"]
    for name in {*scripts.EVERY_PAGE, *(n for names in scripts.WIDGETS.values() for n in names)}:
        assert (JAVASCRIPTS / name).is_file(), name
    # every widget script says which scripts it needs before it; the lists must name them first
    for names in scripts.WIDGETS.values():
        for position, name in enumerate(names):
            source = (JAVASCRIPTS / name).read_text(encoding="utf-8")
            if "needs nothing loaded before it" in source:
                continue
            needed = re.search(r"needs ((?:[\w.]+\.js(?:, | and )?)+) loaded before it", source)
            assert needed, name
            for dependency in re.findall(r"[\w.]+\.js", needed.group(1)):
                assert dependency in scripts.EVERY_PAGE or dependency in names[:position], (name, dependency)


def _script_names(html: str) -> list[str]:
    return re.findall(r'<script src="[^"]*assets/javascripts/([\w.]+\.js)"', html)


def test_built_pages_carry_their_script_tags_in_order(mini_site: Path) -> None:
    for lang in ("zh", "en"):
        site = mini_site / lang
        every = ["bundle", "core.js", "dandelion.js"]
        named = {
            "index.html": [],
            "quizzes/basics.html": ["scoring.js", "quiz.js"],
            "quizzes/basics-worksheet.html": [],
            "training/basics-module.html": ["scoring.js", "training.js"],
            "lessons/new-drugs.html": ["scoring.js", "training.js"],
        }
        for path, extra in named.items():
            found = ["bundle" if name.startswith("bundle.") else name for name in _script_names((site / path).read_text("utf-8"))]
            assert found == every + extra, f"{lang}/{path}"
        for name in ("core.js", "scoring.js", "dandelion.js", "quiz.js", "training.js"):
            assert (site / "assets" / "javascripts" / name).is_file()
