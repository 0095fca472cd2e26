"""generator.markup: every content field's one way to HTML, and the sanitiser that guards it."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from hostile import HOSTILE, script_capable

from generator import links, markup
from generator.zh import Pinyin


def _tags(html: str) -> set[str]:
    found: set[str] = set()

    class Tags(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.add(tag)

    Tags().feed(html)
    return found


def _site_link(target: links.Link) -> str:
    return "../" + target.site_path.replace(".md", ".html")


@pytest.fixture(scope="module")
def pinyin() -> Pinyin:
    return Pinyin()


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_renders_to_nothing_that_can_run_a_script(text: str, pinyin: Pinyin) -> None:
    ruby = lambda fragment: pinyin.annotate_html(fragment, form="ruby")  # noqa: E731
    for variant in (markup.render(text), markup.render(text, inline=True), markup.render(text, shift=2, link=_site_link),
                    markup.render(f"说明：{text}", annotate=ruby), markup.render(text, annotate=ruby, inline=True)):
        assert script_capable(variant) == [], (text, variant)
        assert _tags(variant) <= markup.TAGS, variant
        assert not re.search(r'=\s*"[^"]*(javascript|vbscript|data):', variant, re.I), variant


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_as_plain_text_has_no_markup(text: str) -> None:
    plain = markup.plain_text(text)
    assert "\n" not in plain
    assert script_capable(markup.escape_text(plain)) == []


def test_links_keep_only_safe_schemes_at_any_depth() -> None:
    text = ("> - [web](https://example.org/a?b=1)\n>   [mail](mailto:a@example.org) [phone](tel:12345)\n"
            ">   [rel](../help.html#x) [ref][r] [bad][s]\n>\n> [r]: http://example.org\n> [s]: javascript:alert(1)")
    html = markup.render(text)
    assert re.findall(r'href="([^"]*)"', html) == ["https://example.org/a?b=1", "mailto:a@example.org", "tel:12345",
                                                  "../help.html#x", "http://example.org"]
    assert "<a>bad</a>" in html


def test_internal_links_are_rewritten_for_the_medium() -> None:
    text = "See [help](page:help) and [meth](glossary:methamphetamine), [a section](lesson:new-drugs#disguises)."
    site = markup.render(text, link=_site_link)
    assert 'href="../help.html"' in site and 'href="../glossary.html#methamphetamine"' in site
    assert 'href="../lessons/new-drugs.html#disguises"' in site
    paper = markup.render(text)  # no site address: the words only
    assert "<a" not in paper and "help" in paper and "a section" in paper


def test_what_pages_show_still_renders() -> None:
    html = markup.render(
        "**bold** *em* `code` H<sub>2</sub>O\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n"
        '!!! tip "Tip"\n    inside\n\n??? note "More"\n    hidden\n\n- one\n- two\n\n3. three\n4. four\n\n'
        "Term\n:   definition\n\n## Sub heading",
        shift=1,
    )
    for piece in ("<strong>bold</strong>", "<em>em</em>", "<code>code</code>", "<sub>2</sub>",
                  '<th style="text-align:left">a</th>', '<td style="text-align:right">2</td>',
                  '<div class="admonition tip">', '<p class="admonition-title">Tip</p>',
                  '<details class="note">', "<summary>More</summary>", '<ol start="3">', "<dt>Term</dt>",
                  '<h3 id="sub-heading">Sub heading<a class="headerlink" href="#sub-heading" title="Permanent link">#</a></h3>'):
        assert piece in html, piece


def test_chinese_heading_anchor_is_pinyin_and_never_a_page_id() -> None:
    assert 'id="jiao-xue-mu-biao"' in markup.render("## 教学目标")
    html = markup.render("## dl quiz data basics")
    assert 'id="section-dl-quiz-data-basics"' in html and 'href="#section-dl-quiz-data-basics"' in html
    assert 'id="' not in markup.sanitise('<h2 id="dl-quiz-data-basics">x</h2><h2 id="__drawer">y</h2>')


def test_classes_only_for_admonitions_permalinks_and_ruby() -> None:
    html = markup.sanitise('<div class="admonition danger md-button"><p class="admonition-title x">t</p></div>'
                           '<span class="zh-nobr dl-quiz">字</span><a class="md-button">x</a>')
    assert html == ('<div class="admonition danger"><p class="admonition-title">t</p></div>'
                    '<span class="zh-nobr">字</span><a class="">x</a>')


def test_inline_drops_the_paragraph_of_one_paragraph_only() -> None:
    assert markup.render("**yes**", inline=True) == "<strong>yes</strong>"
    assert markup.render("a\n\nb", inline=True) == "<p>a</p>\n<p>b</p>"
    assert markup.render("   ") == ""


def test_ruby_survives_the_sanitiser(pinyin: Pinyin) -> None:
    html = markup.render("毒品", annotate=lambda fragment: pinyin.annotate_html(fragment, form="ruby"))
    assert "<ruby>毒<rt>dú</rt></ruby>" in html


def test_plain_text_shows_what_it_says() -> None:
    assert markup.plain_text("**Beware** of [powders](lesson:x) & <b>tags</b>\n\n- a < b") == "Beware of powders & tags a < b"
    assert markup.escape_text('a < b & "c"') == "a &lt; b &amp; &quot;c&quot;"


def test_embedded_json_cannot_end_its_script() -> None:
    data = {"prompt_html": "</script><script>alert(1)</script>", "line": "\u2028"}
    text = markup.embed_json(data)
    assert "<" not in text and ">" not in text and "\u2028" not in text
    assert json.loads(text) == data


def test_a_level_one_heading_in_content_keeps_its_anchor() -> None:
    """The page owns its h1: a content h1 becomes h2 with its id, so its permalink is not left dangling
    (the post-build link check found #heading-… links to nothing on worksheet pages)."""
    for source in ("# Heading one", "Heading one\n==========="):
        html = markup.render(source)
        assert '<h2 id="heading-one">' in html and 'href="#heading-one"' in html and "<h1" not in html


def test_one_renderer_keeps_nothing_between_texts() -> None:
    """The Markdown instance is reused (making one per field was a fifth of a build): heading anchors,
    stashed HTML and admonitions of one text never leak into the next."""
    from generator.markup import render

    first = render("## 教学目标\n\n!!! note \"提示\"\n    第一段。\n\n```\ncode one\n```")
    second = render("## 教学目标\n\n第二段。")
    assert 'id="jiao-xue-mu-biao"' in first and 'id="jiao-xue-mu-biao"' in second
    assert "jiao-xue-mu-biao_1" not in second
    assert "第一段" not in second and "code one" not in second and "admonition" not in second
