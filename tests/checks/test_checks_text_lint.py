"""generator.checks.markup and .privacy: the pure string checks that ``dandelion check`` and
``dandelion quiz import`` share."""

from __future__ import annotations

import pytest

from generator.checks.markup import markup_problems
from generator.checks.privacy import privacy_problems


@pytest.mark.parametrize("text,expected", [
    ("plain **Markdown** with <br> and `<script>`", []),
    ("<script>alert(1)</script>", ["raw HTML <script> is not allowed in Markdown text: write Markdown "
                                   "(only plain abbr, br, kbd, mark, small, sub, sup tags pass)"]),
    ("[x](java&#x09;script:alert(1))", ["a link with a javascript: address is not allowed: link with http(s) "
                                         "addresses or to pages of this site"]),
    ("[课](lesson:new-drugs) <https://example.org/>", []),
    ("![a](https://example.org/a.png)", ["image from another host (https://example.org/a.png): the site must work "
                                         "offline; copy it into content/images/ and use a section `image:`"]),
])
def test_markup_problems(text: str, expected: list[str]) -> None:
    assert markup_problems(text) == expected


def test_privacy_problems_name_one_kind_of_number() -> None:
    assert privacy_problems("热线 0898-12345678") == []
    assert privacy_problems("电话 139 1234 5678") == [
        "this text contains what looks like a mobile phone number: published material must never carry personal data"]
    assert privacy_problems("身份证 110101199003074512，电话 13912345678") == [
        "this text contains what looks like an ID-card number: published material must never carry personal data"]
