"""Everything Dandelion does with Chinese text: pinyin, ruby, slugs, ordering, search keys, editor warnings.

API
===

``Pinyin(overrides=None)``
    A reader for one project. ``overrides`` is ``site_config.yml``'s ``pinyin_overrides``
    (``{词: "cí"}``: space-separated tone-marked syllables, one per Han character of the key); a bad entry
    raises ``ValueError`` listing every problem (``validate_overrides`` returns them as a list instead,
    for ``dandelion check``). Create one per build and reuse it: it caches per text run.

    * ``syllables(text) -> list[(char, syllable | None)]`` — None for non-Han characters;
    * ``line(text) -> str`` — **the ``dandelion pinyin TEXT`` contract**: the tone-marked syllable of each
      Han character, in order, separated by single spaces; every other character is dropped
      (``line("K粉，3年") == "fěn nián"``; no Han character → ``""``; a Han character without any known
      reading, a rare extension character, is dropped too);
    * ``ruby_html(text)`` — HTML-escaped text, each Han character as ``<ruby>字<rt>zì</rt></ruby>``
      (CSS: ``RUBY_CSS``); ``print_ruby_html(text)`` — the same for WeasyPrint, which cannot lay out
      ruby (CSS: ``PRINT_RUBY_CSS``); ``annotate_html(fragment, form="ruby"|"print")`` — annotate the text
      nodes of rendered HTML, leaving tags, code and existing ruby alone;
    * ``search_keys(text, terms=()) -> list[str]`` — see "Search" below;
    * ``words(run)`` — the segmentation behind the readings, ``((word, syllables), …)`` for a Han run.

``slugify(text, taken=None) -> str``
    ASCII slug (毒品的危害 → ``du-pin-de-wei-hai``); unique within ``taken``, which it updates (``-2``,
    ``-3`` …); "page" for a title with nothing usable. Independent of project overrides, so fixing a reading
    never moves a page.

``sort_key(text, pinyin=None)``, ``index_letter(text, pinyin=None)``, ``group_by_letter(items, key)``
    Pinyin order for glossaries and indexes; letters A–Z, '#' (digits, symbols) last. See ``collate``.

``lint_zh(text) -> list[(offset, message)]``, ``line_col(text, offset)``
    Punctuation-width and spacing warnings for Chinese Markdown; code spans and URLs are ignored.

Conventions
===========

一 and 不: always the citation tones **yī** and **bù**, in every context (一样 yī yàng, 一定 yī dìng,
不要 bù yào, 对不起 duì bù qǐ, 睡不着 shuì bù zháo). Why:

* the national rules for pinyin orthography (GB/T 16159-2012) write the original tone, not the tone that
  changes in speech; sandhi marks are an option for teaching pronunciation;
* sandhi of 一 depends on meaning, not only on the next syllable: it stays yī as an ordinal or in counting
  (第一, 一楼, 十一, 统一, 一一), which a converter cannot decide reliably, and a wrong "taught" tone is
  worse than a predictable citation tone;
* the same character always gives the same syllable, which scripts using ``dandelion pinyin``, sorting and
  search rely on; readers (and pupils, who learn the sandhi rules) apply them when reading aloud;
* pypinyin's own data is inconsistent here (一样 yī yàng but 一般 yì bān; 不要 bú yào), so a rule had to
  be imposed anyway.

谁: always **shéi**, the reading 《现代汉语词典》 gives first (shuí is its variant) and the one primary
school books teach; pypinyin gives shuí.

Neutral tone: a syllable is written without a tone mark when the neutral tone belongs to the *word*
(lexical): particles and suffixes (的 了 着 们 子 么) and words that 《现代汉语词典》 gives with an
obligatory neutral syllable (朋友 péng you, 时候 shí hou, 晚上 wǎn shang); a word it gives as "usually
light, sometimes stressed" keeps its tone (知道 zhī dào). Where the neutral tone comes from the
*position* — locatives after a noun (黑板上 hēi bǎn shàng, 村里 cūn lǐ), directional complements (听进去
tīng jìn qù), and 一/不 above — the citation tone is written, for the same reasons as for 一 and 不: it is
predictable by rule, and the character keeps one reading. pypinyin writes many lexical neutral tones with a
full tone; the domain dictionary corrects the common ones. Erhua 儿 is written ``er`` as its own syllable
(one syllable per character).

Readings come from, in order: the project's overrides (matched as substrings, longest first), the domain
dictionary ``phrases.txt`` (drug, legal, social-work vocabulary, Hainan place names, 为/着/处 phrases,
neutral tones), then pypinyin. ``tests/zh/data/pinyin_eval.tsv`` holds the checked evaluation sentences;
``bench/pinyin_accuracy.py`` compares plain pypinyin with this module on them.

Search
======

``Pinyin.search_keys(text, terms=glossary_terms)`` gives, for each distinct Chinese content word of two or
more characters (nouns, places, set phrases, domain phrases and the given terms; jieba's segmentation plus
the domain phrases), its toneless pinyin joined and its initials: 冰毒 → ``bingdu``, ``bd``. Compute them
once per page and add them, space-separated, to the text the page's search entry indexes; on the query
side also search the squeezed form of a spaced ASCII query (``query_variants``: ``bing du`` → ``bingdu``).
On the evaluation corpus cut into ~400-character pages the keys add about 20 % to the indexed text (tested
< 25 %). Details: ``generator.zh.search``.

Editor warnings
===============

House style: no space between Chinese and Latin letters or digits (吸毒3年, K粉, 6·26国际禁毒日), the way
the content editors already write; full-width punctuation in Chinese, half-width in English. See
``generator.zh.lint``.
"""

from generator.zh.collate import group_by_letter, index_letter, sort_key
from generator.zh.lint import HOUSE_STYLE, line_col, lint_zh
from generator.zh.numerals import chinese_number
from generator.zh.pinyin import (
    Pinyin,
    default_pinyin,
    is_han,
    load_domain_phrases,
    plain_pypinyin_line,
    tone_number,
    toneless,
    validate_overrides,
)
from generator.zh.ruby import PRINT_RUBY_CSS, RUBY_CSS
from generator.zh.search import query_variants
from generator.zh.slug import slugify

__all__ = [
    "HOUSE_STYLE",
    "PRINT_RUBY_CSS",
    "RUBY_CSS",
    "Pinyin",
    "chinese_number",
    "default_pinyin",
    "group_by_letter",
    "index_letter",
    "is_han",
    "line_col",
    "lint_zh",
    "load_domain_phrases",
    "plain_pypinyin_line",
    "query_variants",
    "slugify",
    "sort_key",
    "tone_number",
    "toneless",
    "validate_overrides",
]
