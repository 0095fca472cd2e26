"""generator.zh.readability: short sentences and common characters for primary pupils."""

from __future__ import annotations

import pytest

from generator.zh.readability import MAX_SENTENCE, is_common, readability


@pytest.mark.parametrize("ch", ["毒", "品", "说", "不", "海", "洛", "因", "冰", "拒", "绝"])
def test_everyday_characters_are_common(ch: str) -> None:
    assert is_common(ch)


@pytest.mark.parametrize("ch", ["瘾", "啶", "酯", "罂", "羟", "哌", "咔", "A", "，"])
def test_rare_characters_and_non_han_are_not_common(ch: str) -> None:
    assert not is_common(ch)


def test_short_sentences_pass() -> None:
    assert readability("毒品会伤害身体。我们不碰毒品！有人给你，你就说“不”。") == []


def test_a_long_sentence_is_reported_at_its_start_with_its_length() -> None:
    long = "放学路上如果有不认识的叔叔阿姨拿着好看的糖果饮料要送给你吃一定不要接受"
    text = "短句。" + long + "。"
    assert readability(text) == [(3, f"a sentence of {len(long)} characters; for primary pupils keep sentences to {MAX_SENTENCE} or fewer")]


def test_commas_do_not_end_a_sentence_but_list_items_do() -> None:
    clause = "我们一起来学习认识毒品"  # 11 characters
    assert readability("，".join([clause] * 3) + "。") != []
    assert readability("\n".join("- " + clause for _ in range(3))) == []


def test_latin_letters_and_markup_do_not_count() -> None:
    assert readability("**K粉**和**冰毒**都是毒品，" + "A" * 60 + "。") == []


def test_an_uncommon_character_is_named_once() -> None:
    messages = [m for _, m in readability("上瘾很难戒。上瘾伤身体。")]
    assert len(messages) == 1 and "“瘾”" in messages[0]


def test_taught_words_are_allowed() -> None:
    assert readability("身体戒了，心里还想。这叫“心瘾”。", allowed=["心瘾"]) == []
    assert readability("这叫“上瘾”。", allowed=["心瘾"]) != []  # only the taught word, not the character


def test_code_and_links_are_ignored() -> None:
    assert readability("看[这里](https://example.org/瘾)。") == []
