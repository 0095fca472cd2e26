"""Speed of pinyin conversion: plain pypinyin vs generator.zh, cold and on repeated text.

The corpus is the evaluation sentences (tests/zh/data), about 6,400 Han characters. Each measurement is
repeated and the median reported, with ratios; nothing is asserted (speed is only ever measured here).

* plain pypinyin  — ``pypinyin.pinyin`` over the corpus;
* ours, cold      — a new reader with every cache emptied (jieba's dictionary already loaded);
* ours, repeated  — the same reader reading the same corpus again: titles, slogans, glossary terms and
                    whole pages read again during one build hit the per-run cache;
* search keys     — ``search_keys`` over the corpus, cold and repeated;
* sort keys+slugs — ``sort_key`` and ``slugify`` of every distinct word of two or more characters (a
                    build computes them for every glossary term, title and page, again and again), and
                    ``toneless`` over every syllable of the corpus: the pure per-syllable functions that
                    issue 12 found called 205,527 times uncached in one build.

The same script runs on an older checkout (``PYTHONPATH=old/`` before it) for before/after numbers.

Run: ``.venv/bin/python bench/pinyin_speed.py``
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pypinyin import Style, pinyin  # noqa: E402

import generator.zh  # noqa: E402
from generator.zh import Pinyin, slugify, sort_key, toneless  # noqa: E402
from generator.zh import pinyin as zh_pinyin  # noqa: E402
from generator.zh import search as zh_search  # noqa: E402
from generator.zh.pinyin import HAN_RUN  # noqa: E402

REPEATS = 7


def corpus() -> str:
    lines = []
    for name in ["pinyin_eval.tsv", "pinyin_holdout.tsv"]:
        for line in (ROOT / "tests" / "zh" / "data" / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                lines.append(line.partition("\t")[0])
    return "\n".join(lines)


def clear_caches() -> None:
    zh_pinyin._cut.cache_clear()
    zh_pinyin._pypinyin_segment.cache_clear()
    zh_pinyin.default_pinyin.cache_clear()  # the shared reader of sort keys and slugs, with its caches
    for name in ("toneless", "tone_number", "strip_tones"):  # cached since the leaf module (generator.zh.core)
        cached = getattr(getattr(generator.zh, "core", None), name, None)
        if hasattr(cached, "cache_clear"):
            cached.cache_clear()


def median_seconds(run: Callable[[], object], setup: Callable[[], object] | None = None) -> float:
    times = []
    for _ in range(REPEATS):
        if setup:
            setup()
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    text = corpus()
    han = sum(len(run) for run in HAN_RUN.findall(text))

    start = time.perf_counter()
    zh_pinyin.jieba_tokenizer()
    print(f"one-off: loading jieba's dictionary {time.perf_counter() - start:.2f} s")
    print(f"corpus: {han} Han characters, {len(text)} characters, {REPEATS} runs each, medians\n")

    results: dict[str, float] = {}
    results["plain pypinyin"] = median_seconds(lambda: pinyin(text, style=Style.TONE))

    state: dict[str, Pinyin] = {}

    def fresh() -> None:
        clear_caches()
        state["reader"] = Pinyin()

    results["ours, cold"] = median_seconds(lambda: state["reader"].line(text), setup=fresh)

    warm = Pinyin()
    warm.line(text)
    results["ours, repeated text"] = median_seconds(lambda: warm.line(text))

    results["search keys, cold"] = median_seconds(lambda: zh_search.search_keys(text, state["reader"]), fresh)
    results["search keys, repeated"] = median_seconds(lambda: zh_search.search_keys(text, warm))

    words = sorted({word for run in HAN_RUN.findall(text) for word, _ in warm.words(run) if len(word) >= 2})
    syllables = warm.line(text).split()

    def keys_and_slugs() -> None:
        for word in words:
            sort_key(word)
            slugify(word)
        for syllable in syllables:
            toneless(syllable)

    results["sort keys+slugs, cold"] = median_seconds(keys_and_slugs, clear_caches)
    results["sort keys+slugs, repeated"] = median_seconds(keys_and_slugs)

    base = results["plain pypinyin"]
    print(f"{'':<24}{'median ms':>10}{'Han chars/s':>14}{'vs plain':>10}")
    for label, seconds in results.items():
        print(f"{label:<24}{seconds * 1000:>10.1f}{han / seconds:>14,.0f}{base / seconds:>9.2f}x")
    cold, repeated = results["ours, cold"], results["ours, repeated text"]
    print(f"\ncache speed-up on repeated text: {cold / repeated:.0f}x (ours cold / ours repeated)")
    info = warm.cache_info()
    print(f"per-run cache after the runs: {info}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
