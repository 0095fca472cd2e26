"""Is the Chinese style lint linear? Time per character on hostile shapes at two sizes, and their ratio.

A linear check gives a ratio near 2 when the text doubles; a quadratic one near 4. Medians of five runs;
nothing is asserted (tests/zh/test_zh_lint.py runs the same shapes at the size cap of one text).

Run: ``.venv/bin/python bench/lint_speed.py``
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "zh"))

from test_zh_lint import HOSTILE_SHAPES  # noqa: E402

from generator.zh import lint_zh  # noqa: E402


def seconds(text: str) -> float:
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        lint_zh(text)
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def main() -> None:
    print(f"{'shape':<20} {'n':>7} {'s(n)':>8} {'s(2n)':>8} {'ratio':>6}")
    for name, text in sorted(HOSTILE_SHAPES.items()):
        small, large = seconds(text), seconds(text * 2)
        print(f"{name:<20} {len(text):>7} {small:>8.3f} {large:>8.3f} {large / max(small, 1e-9):>6.2f}")


if __name__ == "__main__":
    main()
