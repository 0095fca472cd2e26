"""ASCII slugs from titles."""

from __future__ import annotations

import re

import pytest

from generator.zh import Pinyin, slugify


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("毒品的危害", "du-pin-de-wei-hai"),
        ("K粉的危害", "k-fen-de-wei-hai"),
        ("6·26国际禁毒日", "6-26-guo-ji-jin-du-ri"),
        ("Say No to Drugs!", "say-no-to-drugs"),
        ("乐东黎族自治县", "le-dong-li-zu-zi-zhi-xian"),  # domain reading, not yuè
        ("绿色生活", "lv-se-sheng-huo"),
        ("Ｋ粉（氯胺酮）", "k-fen-lv-an-tong"),
        ("Café 禁毒", "cafe-jin-du"),
        ("", "page"),
        ("？！……", "page"),
    ],
)
def test_slugs(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_slugs_are_ascii_and_url_safe() -> None:
    titles = ["毒品的危害", "“上头电子烟”是什么？", "HIV/艾滋病 & 肝炎", "三月三·黎族苗族", "ÀÉÎ ñ", "😀", "a" * 200]
    for title in titles:
        slug = slugify(title)
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug), (title, slug)
        assert len(slug) <= 60


def test_collisions_get_numbers_deterministically() -> None:
    titles = ["毒品的危害", "毒品的危害", "", "毒品的危害", "!!!", "du pin de wei hai"]
    first, second = set(), set()
    a = [slugify(t, first) for t in titles]
    b = [slugify(t, second) for t in titles]
    assert a == b
    assert a == ["du-pin-de-wei-hai", "du-pin-de-wei-hai-2", "page", "du-pin-de-wei-hai-3", "page-2",
                 "du-pin-de-wei-hai-4"]  # fmt: skip
    assert len(set(a)) == len(a) and first == set(a)


def test_slugs_ignore_project_overrides() -> None:
    custom = Pinyin({"乐东": "yuè dōng"})
    assert custom.line("乐东") == "yuè dōng"
    assert slugify("乐东") == "le-dong"
    assert slugify("乐东", pinyin=custom) == "yue-dong"  # only when asked for


def test_long_titles_cut_at_a_word_boundary() -> None:
    slug = slugify("强制隔离戒毒所的民警为社区戒毒人员和禁毒社工提供专业培训和心理咨询服务")
    assert len(slug) <= 60 and not slug.endswith("-")
    assert slug.startswith("qiang-zhi-ge-li-jie-du-suo")


def test_chinese_numerals_for_article_numbers() -> None:
    import pytest

    from generator.zh import chinese_number

    expected = {1: "一", 2: "二", 10: "十", 12: "十二", 20: "二十", 33: "三十三", 62: "六十二", 100: "一百",
                101: "一百零一", 110: "一百一十", 1010: "一千零一十"}
    assert {n: chinese_number(n) for n in expected} == expected
    with pytest.raises(ValueError):
        chinese_number(0)
