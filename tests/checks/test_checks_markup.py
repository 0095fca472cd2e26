"""generator.checks.markup: plain text with <, & and quotes is text, not raw HTML."""

from __future__ import annotations

import pytest
from samples import LESSON

from generator.checks.markup import markup_problems
from generator.markup import render


@pytest.mark.parametrize("text", ["A & B < C > D", "x < y and y > z", "1 <2 >", "“引号” & 'quotes' < > \"", "a <- b"])
def test_a_less_than_sign_followed_by_no_tag_name_is_text(text: str) -> None:
    assert markup_problems(text) == []


@pytest.mark.parametrize("text,tag", [("<c>", "c"), ("A <img src=x onerror=alert(1)>", "img"), ("</script>", "script")])
def test_tags_are_still_found(text: str, tag: str) -> None:
    assert markup_problems(text)[0].startswith(f"raw HTML <{tag}> is not allowed")


def test_plain_text_with_signs_passes_check_and_renders_as_text(lines) -> None:
    lesson = LESSON.replace("body: {zh: 正文, en: Body}", "body: {zh: 正文, en: 'A & B < C > D'}")
    assert lines({"content/lessons/x.yml": lesson}) == []
    assert render("A & B < C > D") == "<p>A &amp; B &lt; C &gt; D</p>"
