"""generator.slides: what a lesson's deck shows, how sections are split, what each edition writes.

That no slide overflows is measured in Chromium (tests/browser/test_slides.py); here the budgets and
the deck's structure.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import model
from generator.loader import load_project
from generator.slides import build_deck, render_deck
from generator.slides.deck import (
    NORMAL,
    PLAIN,
    block_lines,
    is_real_site_url,
    markdown_blocks,
    pack,
    sentences,
    text_units,
)
from generator.zh import Pinyin

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini"


@pytest.fixture(scope="module")
def project() -> model.Project:
    result = load_project(MINI)
    assert result.project is not None
    return result.project


@pytest.fixture(scope="module")
def pinyin() -> Pinyin:
    return Pinyin({})


def kinds(deck) -> list[str]:  # type: ignore[no-untyped-def]
    return [slide.kind for slide in deck.slides]


def test_deck_follows_the_lesson(project: model.Project, pinyin: Pinyin) -> None:
    deck = build_deck(project, project.lessons["new-drugs"], "zh", edition="lecturer", pinyin=pinyin)
    assert kinds(deck)[:5] == ["title", "objectives", "section", "image", "section"]
    assert kinds(deck)[-1] == "closing"
    assert {"key-points", "slogans", "quiz-intro", "question"} <= set(kinds(deck))
    title = deck.slides[0]
    assert title.title == "认识新型毒品"
    for fact in ("初中生", "校园", "30分钟"):
        assert fact in title.body
    image = deck.slides[3]
    assert 'alt="一杯奶茶和一包糖果"' in image.body and "<figcaption>一杯奶茶和一包糖果</figcaption>" in image.body
    assert 'src="../../media/images/snack.svg"' in image.body
    # internal links are made relative to the deck (slides/…)
    assert 'href="../lessons/first-steps.html#what-is-a-drug"' in "".join(s.body for s in deck.slides)
    # each section keeps its minutes and (lecturer edition) its notes
    assert [(s.title, s.minutes) for s in deck.sections] == [("常见伪装", 20), ("学会拒绝", 10)]
    assert "先请学生说说见过哪些零食" in deck.sections[0].notes


def test_quiz_round_reveals_answers_one_press_later_without_a_score(project: model.Project, pinyin: Pinyin) -> None:
    deck = build_deck(project, project.lessons["new-drugs"], "en", edition="lecturer", pinyin=pinyin)
    questions = [s for s in deck.slides if s.kind == "question"]
    assert len(questions) == project.quizzes["basics"].scored_count
    for slide in questions:
        assert slide.steps == 1
        assert re.search(r'<div class="dl-q__reveal" data-step="1"><p class="dl-q__answer"><strong>Answer: </strong>.+</p>',
                         slide.body)
        assert "score" not in slide.body.lower()
    true_false = next(s for s in questions if "True" in s.body and "dl-q__options" not in s.body)
    assert "<strong>Answer: </strong>True" in true_false.body or "<strong>Answer: </strong>False" in true_false.body


def test_public_deck_has_no_notes_and_no_answers_to_a_graded_test(project: model.Project, pinyin: Pinyin) -> None:
    # basics is a training module's final test: the public edition publishes no answers to it
    deck = build_deck(project, project.lessons["new-drugs"], "zh", edition="public", pinyin=pinyin)
    assert "question" not in kinds(deck)
    assert all(not s.notes for s in deck.sections)
    html = render_deck(project, deck, edition="public", presenter=False)
    assert "先请学生说说" not in html and "讲师版" not in html and "data-presenter" not in html


def test_lecturer_deck_and_presenter_view(project: model.Project, pinyin: Pinyin) -> None:
    deck = build_deck(project, project.lessons["new-drugs"], "zh", edition="lecturer", pinyin=pinyin)
    audience = render_deck(project, deck, edition="lecturer", presenter=False)
    presenter = render_deck(project, deck, edition="lecturer", presenter=True)
    assert 'data-presenter="new-drugs-presenter.html"' in audience
    assert '<p class="dl-edition-mark">讲师版</p>' in audience and "先请学生说说" not in audience  # notes stay with the lecturer
    assert "先请学生说说见过哪些零食" in presenter and 'data-audience="new-drugs.html"' in presenter
    assert '"duration":30' in presenter and '"minutes":20' in presenter
    for page in (audience, presenter):
        assert '<script src="../assets/javascripts/core.js"></script>\n<script src="../assets/javascripts/slides.js"></script>' in page
        assert not re.search(r'(src|href)="(https?:)?//', page)  # nothing from another host


def test_closing_slide_has_the_site_qr_code_only_for_a_real_address(project: model.Project, pinyin: Pinyin) -> None:
    lesson = project.lessons["first-steps"]
    closing = build_deck(project, lesson, "zh", edition="public", pinyin=pinyin).slides[-1]
    assert closing.kind == "closing" and "110" in closing.body and "120" in closing.body
    assert 'href="../help.html"' in closing.body
    assert project.config.site_url == "https://example.org/dandelion/" and "dl-slide__qr" not in closing.body
    real = model.Project(project.root, project.config.model_copy(update={"site_url": "https://jd.hainan.example.cn/site/"}))
    real.lessons, real.quizzes = project.lessons, project.quizzes
    closing = build_deck(real, lesson, "zh", edition="public", pinyin=pinyin).slides[-1]
    assert 'data-url="https://jd.hainan.example.cn/site/zh/help.html"' in closing.body and "<svg" in closing.body


@pytest.mark.parametrize(("url", "real"), [
    ("https://example.org/dandelion/", False), ("https://www.example.com/", False), ("http://localhost:8000/", False),
    ("https://site.test/", False), ("https://x.invalid/", False), (None, False), ("", False),
    ("https://jd.hainan.gov.cn/dandelion/", True), ("https://example.org.cn/", True),
])
def test_placeholder_site_addresses_are_not_real(url: str | None, real: bool) -> None:
    assert is_real_site_url(url) is real


def test_primary_and_village_decks_have_pinyin_and_larger_type(project: model.Project, pinyin: Pinyin) -> None:
    primary = build_deck(project, project.lessons["first-steps"], "zh", edition="public", pinyin=pinyin)
    assert primary.plain and primary.pinyin
    assert "<ruby>" in primary.slides[0].heading and "<rt>" in "".join(s.body for s in primary.slides)
    assert 'class="dl-deck-page dl-deck--plain dl-deck--pinyin dl-show-pinyin"' in render_deck(
        project, primary, edition="public", presenter=False)
    english = build_deck(project, project.lessons["first-steps"], "en", edition="public", pinyin=pinyin)
    assert english.plain and not english.pinyin
    middle = build_deck(project, project.lessons["new-drugs"], "zh", edition="public", pinyin=pinyin)
    assert not middle.plain and not middle.pinyin


def test_text_budgets() -> None:
    assert text_units("毒品") == 2 and text_units("ab") == pytest.approx(1.24)
    assert block_lines("字" * 30, NORMAL) == pytest.approx(1.4)
    assert block_lines("字" * 31, NORMAL) == pytest.approx(2.4)
    assert PLAIN.line_units < NORMAL.line_units and PLAIN.lines < NORMAL.lines
    assert pack([3, 3, 3, 1], 7) == [[0, 1], [2, 3]]
    assert pack([9, 1], 7) == [[0], [1]]  # a block bigger than a slide gets one of its own
    assert pack([], 7) == []


def test_markdown_blocks_split_lists_into_items_and_sentences() -> None:
    text = "第一段。\n\n- 一\n- 二\n  续行\n- 三\n\n## 小标题\n\n末段。"
    assert markdown_blocks(text) == ["第一段。", "- 一", "- 二\n  续行", "- 三", "## 小标题", "末段。"]
    assert sentences("一句。二句！Three. Four?") == ["一句。", "二句！", "Three.", "Four?"]


def test_every_example_deck_splits_long_sections(pinyin: Pinyin) -> None:
    root = Path(__file__).resolve().parents[2]
    result = load_project(root)
    assert result.project is not None
    project = result.project
    for lesson in project.lessons.values():
        for lang in project.config.languages:
            deck = build_deck(project, lesson, lang, edition="lecturer", pinyin=pinyin)
            sections = [s.section for s in deck.slides if s.kind == "section"]
            assert sorted(set(sections)) == list(range(len(lesson.sections)))  # every section is shown
            assert len(deck.slides) >= len(lesson.sections) + 2
