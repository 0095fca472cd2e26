"""Finished HTML blocks kept out of the engine's Markdown parser (generator/site/html_blocks.py).

The property that matters: converting a page's stashed source and putting the blocks back gives exactly
the HTML that converting the page's own Markdown gives, with the extensions and heading ids the site
engine uses, for every page of the example project (both editions, both languages) and of the hostile
project; and most of a lesson page's HTML does skip the parser (else the stash is pointless).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import markdown
import pytest

from generator import model
from generator.loader import load_project
from generator.markup import heading_slug
from generator.site.html_blocks import restore_html, restore_markdown, stash_blocks
from generator.site.mkdocs_engine import MARKDOWN_EXTENSIONS
from generator.site.pages import SiteOptions, render_pages

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hostile import hostile_project

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 6, 1)


def convert(text: str) -> str:
    """The page's HTML as the site engine's Markdown step writes it."""
    extensions = [e for e in MARKDOWN_EXTENSIONS if not isinstance(e, dict)]
    configs = {name: dict(value) for e in MARKDOWN_EXTENSIONS if isinstance(e, dict) for name, value in e.items()}
    configs["toc"]["slugify"] = heading_slug
    return markdown.Markdown(extensions=[*extensions, *configs], extension_configs=configs).convert(text)


def through_stash(text: str) -> tuple[str, str, dict[str, str]]:
    blocks: dict[str, str] = {}
    stashed = stash_blocks(text, blocks)
    return restore_html(convert(stashed), blocks), stashed, blocks


def pages_of(project: model.Project) -> list[tuple[str, str]]:
    out = []
    for lang in ("zh", "en"):
        for edition in ("public", "lecturer"):
            for page in render_pages(project, lang, SiteOptions(edition=edition, today=TODAY)):
                out.append((f"{edition}/{lang}/{page.path}", page.markdown))
    return out


@pytest.fixture(scope="module")
def example_pages() -> list[tuple[str, str]]:
    result = load_project(ROOT)
    assert result.project is not None
    return pages_of(result.project)


def test_every_example_page_converts_to_the_same_html(example_pages: list[tuple[str, str]]) -> None:
    different = [name for name, text in example_pages if through_stash(text)[0] != convert(text)]
    assert different == []
    assert len(example_pages) > 400


def test_most_of_a_lesson_page_skips_the_parser(example_pages: list[tuple[str, str]]) -> None:
    lessons = [text for name, text in example_pages if "/lessons/" in name and not name.endswith("index.md")]
    stashed_share = []
    for text in lessons:
        _, stashed, _ = through_stash(text)
        stashed_share.append(1 - len(stashed) / len(text))
    assert min(stashed_share) > 0.3
    assert sum(stashed_share) / len(stashed_share) > 0.5  # the rest: Markdown lists and headings


def test_hostile_pages_convert_to_the_same_html(tmp_path: Path, make_project: Any) -> None:
    result = load_project(hostile_project(tmp_path / "project", make_project))
    assert result.project is not None
    pages = pages_of(result.project)
    assert pages
    assert [name for name, text in pages if through_stash(text)[0] != convert(text)] == []


@pytest.mark.parametrize("text", [
    '<div class="a">\n<p>one</p>\n</div>\n\n## Heading {: #h }\n\n<p class="b">two</p>\n',
    "<div>\n<pre><code>first\n\nsecond</code></pre>\n</div>\n\nafter",  # a blank line inside an element
    '<div>\n<script type="application/json">{"x": "</div>"}</script>\n</div>',  # "</div>" inside a script
    '<div title="a > b">x</div>',  # ">" inside an attribute value
    "<div>\n<img src=a.png alt=x>\n<br/>\n</div>",  # void elements
])
def test_clean_blocks_are_stashed_and_come_back(text: str) -> None:
    restored, stashed, blocks = through_stash(text)
    assert blocks, "nothing was stashed"
    assert restored == convert(text)
    assert restore_markdown(stashed, blocks) == text


@pytest.mark.parametrize("text", [
    "<span>inline</span> start",  # an inline tag starts a paragraph
    "<div>x</div>\nthen *Markdown*",  # text after the element is Markdown
    "<div>\n<p>never closed</p>\n\n## Heading",  # open to the end: the rest is left alone too
    "<div>a</div></p>",  # a stray closing tag
    "<!-- note -->\n<div>x</div>",  # a comment
    '<div markdown="1">\n*Markdown inside*\n</div>\n\n<div>x</div>',  # md_in_html: the page stays whole
    "<div markdown>\n*inside*\n</div>",
    "  <div>indented</div>",
])
def test_anything_else_is_left_to_the_parser(text: str) -> None:
    restored, stashed, blocks = through_stash(text)
    assert restored == convert(text)
    if not blocks:
        assert stashed == text


def test_an_unclosed_block_stops_stashing_for_the_rest_of_the_page() -> None:
    text = "<div>\nopen\n\n<div>closed</div>\n\n## H"
    restored, stashed, blocks = through_stash(text)
    assert blocks == {} and stashed == text
    assert restored == convert(text)


def test_tokens_are_stable_and_a_page_that_contains_one_is_left_alone() -> None:
    text = "<div>same</div>\n\n# T\n\n<div>same</div>"
    first: dict[str, str] = {}
    stashed = stash_blocks(text, first)
    assert len(first) == 1  # one block, one token, used twice
    again: dict[str, str] = {}
    assert stash_blocks(text, again) == stashed and again == first
    token = next(iter(first))
    other: dict[str, str] = {}
    assert stash_blocks(f"<div>{token}</div>\n\n{token}", other) == f"<div>{token}</div>\n\n{token}"
    assert other == {}


def test_a_token_without_its_block_is_an_error() -> None:
    blocks: dict[str, str] = {}
    html = convert(stash_blocks("<div>x</div>", blocks))
    with pytest.raises(KeyError):
        restore_html(html, {})


def test_a_text_that_spells_a_token_is_printed_as_it_is(tmp_path: Path, make_project: Any) -> None:
    """A page whose text holds a token's shape is left whole, and the token-like words stay words (no block
    of another page is put in, and the build does not stop)."""
    from generator.build import build

    lookalike = "dlhtmlblock" + "abcdef" * 5 + "ab"  # letters only: digits would read as a phone number
    lesson = (ROOT / "tests" / "fixtures" / "mini" / "content" / "lessons" / "first-steps.yml").read_text(encoding="utf-8")
    project = make_project(tmp_path / "project", {
        "content/lessons/first-steps.yml": lesson.replace("毒品会伤害身体。", lookalike).replace("Drugs harm the body.", lookalike),
    }, base="mini")
    out = build(project, out=tmp_path / "site", with_kits=False, today=TODAY).out
    page = (out / "zh" / "lessons" / "first-steps.html").read_text(encoding="utf-8")
    assert f"<p>{lookalike}</p>" in page
