"""Everything Dandelion does with Chinese text: pinyin, ruby, slugs, ordering, search keys, editor warnings.

API
===

``Pinyin(overrides=None)``
    A reader for one project. ``overrides`` is ``site_config.yml``'s ``pinyin_overrides``
    (``{词: "cí"}``: space-separated tone-marked syllables, one per Han character of the key); a bad entry
    raises ``ValueError`` listing every problem (``validate_overrides`` returns them as a list instead,
    for ``dandelion check``). Create one per build and reuse it: it caches per text run.

    * ``syllables(text, sandhi=False) -> list[(char, syllable | None)]`` — None for non-Han characters;
    * ``line(text) -> str`` — **the ``dandelion pinyin TEXT`` contract**: the tone-marked syllable of each
      Han character, in order, separated by single spaces; every other character is dropped
      (``line("K粉，3年") == "fěn nián"``; no Han character → ``""``; a Han character without any known
      reading, a rare extension character, is dropped too);
    * ``line(text, sandhi=True)`` — the same with the tone changes of 一 and 不 marked (``--sandhi``);
    * ``ruby_html(text)`` — HTML-escaped text, each Han character as ``<ruby>字<rt>zì</rt></ruby>``
      (CSS: ``RUBY_CSS``); ``print_ruby_html(text)`` — the same for WeasyPrint, which cannot lay out
      ruby (CSS: ``PRINT_RUBY_CSS``); ``annotate_html(fragment, form="ruby"|"print")`` — annotate the text
      nodes of rendered HTML, leaving tags, code and existing ruby alone. These are readers' ruby: they
      mark the tone changes of 一 and 不 (``sandhi=False`` for citation tones);
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

一 and 不: the citation tones **yī** and **bù** by default, in every context (一样 yī yàng, 一定 yī dìng,
不要 bù yào, 对不起 duì bù qǐ, 睡不着 shuì bù zháo): ``syllables``, ``line`` (``dandelion pinyin``), sort
keys, slugs and search. Why:

* the national rules for pinyin orthography (GB/T 16159-2012) write the original tone, not the tone that
  changes in speech; sandhi marks are an option for teaching pronunciation;
* the same character always gives the same syllable, which scripts using ``dandelion pinyin``, sorting and
  search rely on;
* pypinyin's own data is inconsistent here (一样 yī yàng but 一般 yì bān; 不要 bú yào), so a rule had to
  be imposed anyway.

Readers' ruby (``ruby_html``, ``print_ruby_html``, ``annotate_html``: the site, kits and decks for pupils
and villagers) marks the tone changes as primary-school textbooks do (一个 yí gè, 不要 bú yào, 一起 yì qǐ,
看一看 kàn yi kàn, 对不起 duì bu qǐ; 一 stays yī alone, at the end, as an ordinal and in numbers: 第一, 十一,
星期一, 一年级); pass ``sandhi=False`` for citation tones there, or ``sandhi=True`` to ``syllables``/``line``
(``dandelion pinyin --sandhi``) for the marked tones. The rules are in ``generator.zh.sandhi``.

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
neutral tones), then pypinyin, corrected by the grammar rules of ``generator.zh.grammar`` (得 de/děi, 地 de,
split verb–object forms, measure words, 教 jiāo, 长 zhǎng, 背 bēi, 冲 chòng, 种 zhòng … by their
neighbours and jieba's parts of speech). ``tests/zh/data/pinyin_eval.tsv`` (domain) and
``pinyin_everyday.tsv`` (everyday sentences) hold the checked evaluation sentences;
``bench/pinyin_accuracy.py`` compares plain pypinyin with this module on them.

Modules are layered (``generator.zh.core`` is the leaf; see its docstring); none imports from outside
``generator.zh`` or from a layer above it.

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
