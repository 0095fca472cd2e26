"""Search sections cut from the engine's HTML with block tokens (generator/site/page_sections.py) are what
Material's own parser cuts from the finished page, once both are read as plain text the way the index
reads them — for every page of the example project (both editions and languages) and of the hostile
project; a page of another shape is handed back (None) for Material to parse."""

from __future__ import annotations

import contextlib
import html
import sys
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from material.plugins.search import plugin as search_plugin

from generator.loader import load_project
from generator.site import page_sections
from generator.site.html_blocks import restore_html, stash_blocks
from generator.site.search_index import plain_text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hostile import hostile_project

from tests.site.test_html_blocks import ROOT, convert, pages_of


@contextlib.contextmanager
def no_jieba() -> Iterator[None]:
    saved = getattr(search_plugin, "jieba", None)
    search_plugin.jieba = None
    try:
        yield
    finally:
        search_plugin.jieba = saved


def material(finished: str, url: str, title: str) -> list[tuple[str, str, str]]:
    """Material's entries for the finished page (its own parser), as the index reads them."""
    index = search_plugin.SearchIndex()
    with no_jieba():
        index.add_entry_from_context(SimpleNamespace(content=finished, toc=[], url=url, meta={"title": title}, title=title))
    return [(e["location"], plain_text(e["title"]), plain_text(e["text"])) for e in index.entries]


def ours(converted: str, blocks: dict[str, str], url: str, title: str) -> list[tuple[str, str, str]] | None:
    found = page_sections.entries(converted, blocks, url, title)
    return None if found is None else [(e["location"], plain_text(e["title"]), plain_text(e["text"])) for e in found]


def compare(pages: list[tuple[str, str]]) -> tuple[list[str], int]:
    """(pages whose sections differ from Material's, pages handed back)."""
    different, handed_back = [], 0
    for name, text in pages:
        blocks: dict[str, str] = {}
        converted = convert(stash_blocks(text, blocks))
        url, title = name.split("/", 2)[2].replace(".md", ".html"), html.escape(name, quote=True)
        mine = ours(converted, blocks, url, title)
        if mine is None:
            handed_back += 1
        elif mine != material(restore_html(converted, blocks), url, title):
            different.append(name)
    return different, handed_back


def test_example_pages_get_materials_sections() -> None:
    result = load_project(ROOT)
    assert result.project is not None
    pages = pages_of(result.project)
    different, handed_back = compare(pages)
    assert different == []
    assert handed_back < len(pages) * 0.05  # nearly every page takes the quick way


def test_hostile_pages_get_materials_sections(tmp_path: Path, make_project: Any) -> None:
    result = load_project(hostile_project(tmp_path / "project", make_project))
    assert result.project is not None
    different, _ = compare(pages_of(result.project))
    assert different == []


@pytest.mark.parametrize("text", [
    "# Title\n\nIntro *text*.\n\n## Part {: #part }\n\n<div class=\"x\">\n<p>Block <strong>text</strong></p>\n</div>\n",
    "## Starts with h2 {: #h2 }\n\nText",  # a preface section comes first, as Material makes one
    "Text before any heading\n\n# Title\n\nmore",
    "# T\n\n<table>\n<tr><td>a</td><td>b</td></tr>\n</table>\n\n<div>\n<script type=\"application/json\">{\"a\": 1}</script>\n<p>shown</p>\n</div>",
    "# T\n\n## Same {: #same }\n\n## Same again {: #same-again }\n\n<p>x &amp; y &lt;z&gt;</p>",
    "No heading at all\n\n<div><p>just text</p></div>",
])
def test_small_pages(text: str) -> None:
    blocks: dict[str, str] = {}
    converted = convert(stash_blocks(text, blocks))
    mine = ours(converted, blocks, "p.html", "Page")
    assert mine is not None
    assert mine == material(restore_html(converted, blocks), "p.html", "Page")


@pytest.mark.parametrize("text", [
    "# T\n\n> ## Quoted heading {: #q }\n>\n> text\n\nafter",  # a heading inside a quotation
    '# T\n\n<div>\n<h2 id="inside">In a block</h2>\n<p>x</p>\n</div>',  # a block holding a heading with an id
    '# T\n\n<div data-search-exclude>\n<p>x</p>\n</div>',
    "# T\n\n<!-- a comment -->\n\ntext",
])
def test_other_shapes_are_handed_back(text: str) -> None:
    blocks: dict[str, str] = {}
    assert ours(convert(stash_blocks(text, blocks)), blocks, "p.html", "Page") is None
