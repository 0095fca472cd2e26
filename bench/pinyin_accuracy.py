"""Accuracy of plain pypinyin vs generator.zh on the checked evaluation sentences.

Reports, for ``tests/zh/data/pinyin_eval.tsv`` (the domain set the dictionary was tuned on),
``tests/zh/data/pinyin_everyday.tsv`` (everyday sentences the grammar rules were tuned on) and
``tests/zh/data/pinyin_holdout.tsv`` (written afterwards and never used for tuning):

* sentence accuracy: the whole ``dandelion pinyin`` line is right;
* syllable accuracy: syllables right, position by position;

for three readers: plain pypinyin; plain pypinyin with only our 一/不 convention applied (so that the
convention alone is not counted as the dictionary's merit); and generator.zh. Then the characters plain
pypinyin gets wrong most often.

Run: ``.venv/bin/python bench/pinyin_accuracy.py``
"""

from __future__ import annotations

import collections
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.zh import Pinyin, plain_pypinyin_line  # noqa: E402
from generator.zh.pinyin import HAN_RUN  # noqa: E402

DATA = ROOT / "tests" / "zh" / "data"


def load(name: str) -> list[tuple[str, str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            sentence, _, expected = line.partition("\t")
            rows.append((sentence, expected))
    return rows


def plain_with_convention(text: str) -> str:
    """Plain pypinyin, with 一 → yī and 不 → bù."""
    han = [ch for run in HAN_RUN.findall(text) for ch in run]
    syllables = plain_pypinyin_line(text).split()
    if len(han) != len(syllables):
        return " ".join(syllables)
    return " ".join({"一": "yī", "不": "bù"}.get(ch, syl) for ch, syl in zip(han, syllables, strict=True))


def score(rows: list[tuple[str, str]], read: Callable[[str], str]) -> tuple[float, float, int, int]:
    sentences_ok = syllables_ok = syllables = 0
    for sentence, expected in rows:
        got, want = read(sentence).split(), expected.split()
        sentences_ok += got == want
        syllables += len(want)
        syllables_ok += sum(g == w for g, w in zip(got, want, strict=False))
    return sentences_ok / len(rows), syllables_ok / syllables, len(rows), syllables


def main() -> int:
    ours = Pinyin()
    readers = [
        ("plain pypinyin", plain_pypinyin_line),
        ("plain + 一/不 rule", plain_with_convention),
        ("generator.zh", ours.line),
    ]
    for name in ["pinyin_eval.tsv", "pinyin_everyday.tsv", "pinyin_holdout.tsv"]:
        rows = load(name)
        print(f"\n{name}")
        print(f"  {'reader':<22}{'sentences':>12}{'syllables':>12}")
        for label, read in readers:
            sent, syl, n, m = score(rows, read)
            print(f"  {label:<22}{sent:>11.1%} {syl:>11.2%}   ({n} sentences, {m} syllables)")

    errors: collections.Counter[str] = collections.Counter()
    for sentence, expected in load("pinyin_eval.tsv") + load("pinyin_everyday.tsv") + load("pinyin_holdout.tsv"):
        han = [ch for run in HAN_RUN.findall(sentence) for ch in run]
        for ch, got, want in zip(han, plain_pypinyin_line(sentence).split(), expected.split(), strict=False):
            if got != want:
                errors[f"{ch} {got}→{want}"] += 1
    print("\nplain pypinyin's most frequent errors (character got→expected: count)")
    print("  " + ", ".join(f"{k}: {v}" for k, v in errors.most_common(20)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
