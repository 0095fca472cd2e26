"""Tone changes of 一 and 不 for readers' ruby (generator.zh.sandhi), and the citation default."""

from __future__ import annotations

import pytest

from generator.zh import Pinyin

SANDHI = [
    # 一: yí before a fourth tone (also before a neutral syllable whose own tone is fourth), yì before 1–3
    ("一个", "yí gè"),
    ("一样", "yí yàng"),
    ("一下", "yí xià"),
    ("一起", "yì qǐ"),
    ("一天", "yì tiān"),
    ("一年", "yì nián"),
    ("一模一样", "yì mú yí yàng"),
    ("我一个人", "wǒ yí gè rén"),
    # 一 stays yī: alone, at the end, ordinals, numbers, dates
    ("一", "yī"),
    ("第一", "dì yī"),
    ("十一", "shí yī"),
    ("十一个人", "shí yī gè rén"),
    ("统一", "tǒng yī"),
    ("星期一", "xīng qī yī"),
    ("一年级", "yī nián jí"),
    ("六月一日", "liù yuè yī rì"),
    ("二〇〇一年", "èr líng líng yī nián"),
    ("每个月一次", "měi gè yuè yí cì"),
    # neutral yi inside a reduplicated verb
    ("看一看", "kàn yi kàn"),
    ("数一数", "shǔ yi shǔ"),
    # 不: bú before a fourth tone, bù elsewhere
    ("不要", "bú yào"),
    ("不是", "bú shì"),
    ("不好", "bù hǎo"),
    ("不来", "bù lái"),
    ("不一定", "bù yí dìng"),
    ("决不会", "jué bú huì"),
    # neutral bu: A不A, potential complements (the dictionary's light 不)
    ("对不起", "duì bu qǐ"),
    ("差不多", "chà bu duō"),
    ("来不及", "lái bu jí"),
    ("是不是", "shì bu shì"),
    ("喜不喜欢", "xǐ bu xǐ huan"),
]


@pytest.mark.parametrize(("text", "expected"), SANDHI)
def test_sandhi_as_school_books_mark_it(reader: Pinyin, text: str, expected: str) -> None:
    assert reader.line(text, sandhi=True) == expected


def test_citation_tones_stay_the_default(reader: Pinyin) -> None:
    assert reader.line("一个不要一起对不起") == "yī gè bù yào yī qǐ duì bù qǐ"
    assert reader.syllables("一个") == [("一", "yī"), ("个", "gè")]
    assert reader.syllables("一个", sandhi=True) == [("一", "yí"), ("个", "gè")]


def test_sandhi_stops_at_punctuation_and_keeps_overrides() -> None:
    reader = Pinyin({"一号": "yī hào"})
    assert reader.line("一，不。", sandhi=True) == "yī bù"
    assert reader.line("一号楼不是", sandhi=True) == "yī hào lóu bú shì"
    # an editor's reading of 一/不 is kept exactly as written, with or without sandhi
    assert Pinyin({"一样": "yī yàng"}).line("一样", sandhi=True) == "yī yàng"


def test_readers_ruby_marks_sandhi_unless_told_not_to(reader: Pinyin) -> None:
    assert "<ruby>一<rt>yí</rt></ruby><ruby>个<rt>gè</rt></ruby>" in reader.ruby_html("一个")
    assert "<ruby>一<rt>yī</rt></ruby>" in reader.ruby_html("一个", sandhi=False)
    assert '<span class="py-t">bú</span>不' in reader.print_ruby_html("不要")
    assert '<span class="py-t">bù</span>不' in reader.print_ruby_html("不要", sandhi=False)
    assert "<rt>yì</rt>" in reader.annotate_html("<p>一起</p>")
    assert "<rt>yī</rt>" in reader.annotate_html("<p>一起</p>", sandhi=False)
