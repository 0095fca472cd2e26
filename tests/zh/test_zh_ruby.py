"""Ruby markup for the site and the WeasyPrint-safe print form."""

from __future__ import annotations

import html
import re

from generator.zh import PRINT_RUBY_CSS, RUBY_CSS, Pinyin


def _strip_tags(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_ruby_wraps_each_han_character(reader: Pinyin) -> None:
    out = reader.ruby_html("冰毒")
    assert out == "<ruby>冰<rt>bīng</rt></ruby><ruby>毒<rt>dú</rt></ruby>"


def test_ruby_escapes_html(reader: Pinyin) -> None:
    out = reader.ruby_html('毒品<script>alert("x")</script>&危害')
    assert "<script>" not in out and "</script>" not in out
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;" in out
    assert re.findall(r"<(\w+)", out) == ["ruby", "rt", "ruby", "rt", "ruby", "rt", "ruby", "rt"]


def test_ruby_keeps_punctuation_with_its_character(reader: Pinyin) -> None:
    out = reader.ruby_html("“冰毒”，危害大！")
    # the opening quote, 冰 … and 毒, the closing quote and the comma are glued: no line starts with ” or ，
    assert '<span class="zh-nobr">“<ruby>冰<rt>bīng</rt></ruby></span>' in out
    assert '<span class="zh-nobr"><ruby>毒<rt>dú</rt></ruby>”，</span>' in out
    assert '<span class="zh-nobr"><ruby>大<rt>dà</rt></ruby>！</span>' in out
    assert "white-space: nowrap" in RUBY_CSS


def test_text_survives_both_forms(reader: Pinyin) -> None:
    text = "“K粉”是氯胺酮，<b>危害</b>大！HIV & 6·26"
    for out in (reader.ruby_html(text), reader.print_ruby_html(text)):
        without_readings = re.sub(r"<rt>.*?</rt>|<span class=\"py-t\">.*?</span>", "", out)
        assert _strip_tags(without_readings) == text


def test_print_form_uses_no_ruby_and_puts_syllable_first(reader: Pinyin) -> None:
    out = reader.print_ruby_html("禁毒。")
    assert "<ruby" not in out
    assert out == (
        '<span class="py-g"><span class="py-c"><span class="py-t">jìn</span>禁</span></span>'
        '<span class="py-g"><span class="py-c"><span class="py-t">dú</span>毒</span>。</span>'
    )
    assert "display: inline-block" in PRINT_RUBY_CSS and ".py-t" in PRINT_RUBY_CSS


def test_print_form_escapes(reader: Pinyin) -> None:
    out = reader.print_ruby_html("<img src=x onerror=alert(1)>毒")
    assert "<img" not in out and "&lt;img src=x onerror=alert(1)&gt;" in out


def test_annotate_html_fragment_skips_code_and_keeps_tags(reader: Pinyin) -> None:
    fragment = (
        '<p class="a">冰毒 &amp; <a href="/x?a=1&amp;b=2" title="毒品">K粉</a></p><pre><code>毒品 = 1</code></pre>'
    )
    out = reader.annotate_html(fragment)
    assert out.startswith('<p class="a"><ruby>冰<rt>bīng</rt></ruby>')
    assert '<a href="/x?a=1&amp;b=2" title="毒品">' in out  # attributes untouched
    assert "<pre><code>毒品 = 1</code></pre>" in out  # code untouched
    assert "&amp;" in out
    printed = reader.annotate_html(fragment, form="print")
    assert "<ruby" not in printed and '<span class="py-t">fěn</span>粉' in printed
