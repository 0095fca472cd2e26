"""Pinyin order and the letter index."""

from __future__ import annotations

import random

from generator.zh import Pinyin, group_by_letter, index_letter, sort_key

TERMS = ["冰毒", "K粉", "卡片", "摇头丸", "“奶茶”粉末", "6·26国际禁毒日", "氯胺酮", "HIV", "艾滋病", "阿片",
         "依托咪酯", "大麻", "毒品", "读书", "禁毒", "Ecstasy", "éclair", "吸毒", "戒毒", "鸦片", "10号",
         "2号", "路", "绿", "律"]  # fmt: skip


def test_pinyin_order_is_syllable_by_syllable() -> None:
    ordered = sorted(TERMS, key=sort_key)
    assert ordered == [
        "阿片", "艾滋病", "冰毒", "大麻", "毒品", "读书", "éclair", "Ecstasy", "HIV", "戒毒", "禁毒", "K粉",
        "卡片", "路", "律", "氯胺酮", "绿", "“奶茶”粉末", "吸毒", "鸦片", "摇头丸", "依托咪酯",
        "2号", "6·26国际禁毒日", "10号",
    ]  # fmt: skip


def test_order_does_not_depend_on_input_order() -> None:
    shuffled = TERMS[:]
    random.Random(7).shuffle(shuffled)
    assert sorted(shuffled, key=sort_key) == sorted(TERMS, key=sort_key)


def test_ties_are_broken_by_tone_then_character() -> None:
    # character by character, as in a dictionary: syllable "yi", then tone 1 (一, 医 by code point), 2 (移),
    # 4 (意); only then the second character
    assert sorted(["意见", "移交", "医生", "一生"], key=sort_key) == ["一生", "医生", "移交", "意见"]
    assert sorted(["意", "移", "医", "一"], key=sort_key) == ["一", "医", "移", "意"]


def test_letters() -> None:
    assert index_letter("冰毒") == "B"
    assert index_letter("K粉") == "K"
    assert index_letter("“奶茶”粉末") == "N"
    assert index_letter("éclair") == "E"
    assert index_letter("6·26国际禁毒日") == "#"
    assert index_letter("") == "#"
    assert index_letter("乐东") == "L"
    assert index_letter("乐东", Pinyin({"乐东": "yuè dōng"})) == "Y"


def test_group_by_letter() -> None:
    groups = group_by_letter([{"term": t} for t in TERMS], key=lambda item: item["term"])
    letters = [letter for letter, _ in groups]
    assert letters == ["A", "B", "D", "E", "H", "J", "K", "L", "N", "X", "Y", "#"]
    assert [i["term"] for i in dict(groups)["K"]] == ["K粉", "卡片"]
    assert [i["term"] for i in dict(groups)["#"]] == ["2号", "6·26国际禁毒日", "10号"]


def test_equal_keys_keep_input_order() -> None:
    items = [("冰毒", 1), ("冰毒", 2), ("冰毒", 3)]
    assert [n for _, n in group_by_letter(items, key=lambda i: i[0])[0][1]] == [1, 2, 3]
