"""Pinyin search keys and their size."""

from __future__ import annotations

from generator.zh import Pinyin, query_variants
from generator.zh.search import key_overhead, search_keys


def test_bingdu(reader: Pinyin) -> None:
    keys = reader.search_keys("冰毒是一种合成毒品。")
    assert "bingdu" in keys and "bd" in keys
    for query in ["bingdu", "bing du", "BingDu", "bd"]:
        assert any(v.lower() in keys for v in query_variants(query)), query


def test_keys_are_per_distinct_word_not_per_character(reader: Pinyin) -> None:
    keys = reader.search_keys("冰毒冰毒冰毒，毒品毒品。")
    assert keys == ["bingdu", "bd", "dupin", "dp"]
    assert "bing" not in keys and "du" not in keys


def test_keys_use_domain_readings_and_words(reader: Pinyin) -> None:
    keys = reader.search_keys("禁毒社工依法处罚吸毒行为，前往乐东。")
    assert "jindushegong" in keys and "jdsg" in keys
    assert "chufa" in keys and "xingwei" in keys and "ledong" in keys
    assert "lvantong" in reader.search_keys("氯胺酮")


def test_function_words_and_latin_get_no_keys(reader: Pinyin) -> None:
    assert reader.search_keys("我们因为可以，所以已经 HIV 2026") == []


def test_terms_always_get_keys(reader: Pinyin) -> None:
    assert search_keys("远离", reader) == []  # a plain verb gets no keys by itself
    assert search_keys("远离", reader, terms=["远离"]) == ["yuanli", "yl"]
    assert search_keys("我们远离了", reader, terms=["冰毒"]) == []  # a term only counts where it occurs


def test_query_variants() -> None:
    assert query_variants("bing du") == ["bing du", "bingdu"]
    assert query_variants("  bingdu ") == ["bingdu"]
    assert query_variants("冰毒") == ["冰毒"]
    assert query_variants("") == []


def test_index_grows_less_than_a_quarter(reader: Pinyin, tsv) -> None:
    sentences = [s for s, _ in tsv("pinyin_eval.tsv")]
    pages = ["".join(sentences[i : i + 10]) for i in range(0, len(sentences), 10)]  # ~400 characters each
    ratios = [key_overhead(page, reader) for page in pages]
    assert sum(ratios) / len(ratios) < 0.25
