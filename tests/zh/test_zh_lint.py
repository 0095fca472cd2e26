"""Editor warnings: punctuation width and Chinese–Latin spacing."""

from __future__ import annotations

import pytest

from generator.zh import line_col, lint_zh


def messages(text: str) -> list[str]:
    return [m for _, m in lint_zh(text)]


@pytest.mark.parametrize(
    ("text", "offset", "fragment"),
    [
        ("毒品,危害大", 2, 'half-width ","'),
        ("危害大吗?", 4, 'half-width "?"'),
        ("真的!", 2, 'half-width "!"'),
        ("吸毒是违法行为.", 7, 'use "。"'),
        ("注意:不要", 2, 'half-width ":"'),
        ("K粉(氯胺酮)危害大", 2, 'use "（）"'),
        ('他说"不"。', 2, "use “ or ”"),
        ("吸毒...危害", 2, 'use "……"'),
        ("全角ＡＢＣ", 2, 'full-width letters/digits "ＡＢＣ"'),
        ("Stay away from drugs，cherish life", 20, 'full-width "，" inside English'),
        ("使用 K粉", 2, "space between Chinese and Latin"),
        ("吸毒3 年", 3, "space between Chinese and Latin"),
        ("拨打 110", 2, "space between Chinese and Latin"),
        ("**冰毒**,危害", 6, 'half-width ","'),
    ],
)
def test_warnings(text: str, offset: int, fragment: str) -> None:
    found = lint_zh(text)
    assert any(o == offset and fragment in m for o, m in found), found


CLEAN = [
    "6·26国际禁毒日，K粉和冰毒都是毒品。",
    "吸毒3年后，他下定决心戒毒，拨打110报警。",
    "“上头电子烟”中可能含有依托咪酯（烟粉）！",
    "讲座在09:30开始，3.5小时。",
    "Stay away from drugs, cherish life.",
    "HIV（艾滋病病毒）",
    "珍爱生命 远离毒品",
    "## 1 引言\n\n1. 冰毒\n2. K粉\n- A 组：学生",
    "见`a, b 毒品`和[链接](https://example.org/a,b?c=d)以及 https://example.org/x?y=1,2 网站。",
    "```\n代码,在这里 K 粉\n```\n正文。",
    '<span class="x">冰毒</span>，毒品。',
    "吸毒……危害大。",
    "**K粉**是氯胺酮。",
]


@pytest.mark.parametrize("text", CLEAN)
def test_no_false_positives_on_clean_text(text: str) -> None:
    assert lint_zh(text) == []


def test_offsets_map_to_lines() -> None:
    text = "第一行。\n第二行,有问题。"
    [(offset, _)] = lint_zh(text)
    assert text[offset] == ","
    assert line_col(text, offset) == (2, 4)


def test_no_warnings_on_the_evaluation_sentences(tsv) -> None:
    noisy = [(s, lint_zh(s)) for s, _ in tsv("pinyin_eval.tsv") if lint_zh(s)]
    assert noisy == []


# Shapes that made the lint quadratic or worse (an e-mail pattern over a long word, code spans over a line
# of backticks, unclosed comments, a fence of tildes, a long line of full-width commas between letters).
# At the size cap of one text they must finish at once; how fast is measured in bench/lint_speed.py.
HOSTILE_SHAPES = {
    "letters": "a" * 20_000, "han": "毒" * 20_000, "digits": "1" * 20_000, "dotted": "a.b" * 6_000,
    "link openers": "](" * 10_000, "backticks": "`" * 20_000, "backtick pairs": "`a" * 10_000,
    "comment openers": "<!--" * 5_000, "tildes": "~" * 20_000, "stars": "*" * 20_000,
    "commas in English": "a，" * 10_000, "spaced": "毒 a " * 5_000,
}


@pytest.mark.parametrize("shape", sorted(HOSTILE_SHAPES))
def test_hostile_shapes_at_the_size_cap_are_linted(shape: str) -> None:
    from generator.yamlload import MAX_TEXT_CHARS

    text = HOSTILE_SHAPES[shape]
    assert len(text) <= MAX_TEXT_CHARS
    warnings = lint_zh(text)
    assert all(0 <= offset < len(text) for offset, _message in warnings)


def test_masking_still_finds_code_spans_comments_and_e_mail_after_the_linear_rewrite() -> None:
    assert lint_zh("用`a, b`表示") == []
    assert lint_zh("注释<!-- 毒, a -->之后") == []
    assert lint_zh("写信给help.desk@example.org,谢谢") == [(24, 'half-width "," in Chinese text; use "，"')]
