"""Speed of pinyin conversion: plain pypinyin vs generator.zh, cold and on repeated text.

The corpus is the evaluation sentences (tests/zh/data), about 6,400 Han characters. Each measurement is
repeated and the median reported, with ratios; nothing is asserted (speed is only ever measured here).

* plain pypinyin  — ``pypinyin.pinyin`` over the corpus;
* ours, cold      — a new reader with every cache emptied (jieba's dictionary already loaded);
* ours, repeated  — the same reader reading the same corpus again: titles, slogans, glossary terms and
                    whole pages read again during one build hit the per-run cache;
* search keys     — ``search_keys`` over the corpus, cold and repeated.

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

from generator.zh import Pinyin  # noqa: E402
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
