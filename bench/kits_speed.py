"""Kits: cold vs warm (cached) render time, and the HarfBuzz subsetter's effect on one PDF.

Copies the example project to a temporary folder, then per run: renders every kit of the lecturer edition
with an empty cache (cold) and again with the cache the cold run filled (warm). Prints the medians, the
warm/cold ratio, and how many files each run rendered or copied. Also times one Chinese handout's PDF with
and without HarfBuzz's subsetter (WeasyPrint falls back to fontTools when libharfbuzz-subset0 is absent).

    .venv/bin/python bench/kits_speed.py [--runs 3] [--workers N] [--project DIR]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.kits import read_manifest  # noqa: E402
from generator.kits.cli_support import kits_only  # noqa: E402


def _copy_project(source: Path, target: Path) -> Path:
    ignore = shutil.ignore_patterns(".dandelion-cache", "site", "site-lecturer", ".venv", ".git", "generator", "tests",
                                    "bench", "theme", "node_modules", "*.egg-info", ".pytest_cache", ".ruff_cache")
    shutil.copytree(source, target, ignore=ignore)
    return target


def _subset_timing(project: Path, runs: int) -> tuple[float, float] | None:
    """Median seconds for one handout PDF with HarfBuzz subsetting and with the fontTools fallback."""
    import weasyprint.pdf.fonts as wfonts

    from generator.kits.documents import Documents
    from generator.kits.fonts import find_fonts
    from generator.kits.pdf import PdfRenderer
    from generator.loader import load_project
    from generator.zh import Pinyin

    result = load_project(project)
    if result.project is None or not result.project.lessons:
        return None
    p = result.project
    lesson = next(iter(sorted(p.lessons.values(), key=lambda x: x.id)))
    html = Documents(p, find_fonts(p.config, project), Pinyin()).handout(lesson, lesson.settings[0], p.config.default_language)
    renderer = PdfRenderer([p.content_dir])
    base = p.content_dir.as_uri() + "/"

    def median(n: int) -> float:
        times = []
        for _ in range(n):
            t = time.perf_counter()
            renderer.render(html, base_url=base)
            times.append(time.perf_counter() - t)
        return statistics.median(times)

    with_hb = median(runs)
    saved = wfonts.harfbuzz_subset
    wfonts.harfbuzz_subset = None  # what WeasyPrint does when the library is missing
    try:
        without = median(max(1, runs // 2))
    finally:
        wfonts.harfbuzz_subset = saved
    return with_hb, without


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=None, help="rendering processes (default: CPU count, max 4)")
    parser.add_argument("--project", type=Path, default=ROOT)
    args = parser.parse_args()

    cold, warm = [], []
    counts: dict[str, tuple[int, int]] = {}
    with tempfile.TemporaryDirectory(prefix="dandelion-kits-bench-") as tmp:
        for run in range(args.runs):
            project = _copy_project(args.project, Path(tmp) / f"project-{run}")
            out = Path(tmp) / f"out-{run}"
            t = time.perf_counter()
            first = kits_only(project, out=out, edition="lecturer", workers=args.workers)
            cold.append(time.perf_counter() - t)
            t = time.perf_counter()
            second = kits_only(project, out=out, edition="lecturer", workers=args.workers)
            warm.append(time.perf_counter() - t)
            counts["cold"] = (first.rendered, first.cached)
            counts["warm"] = (second.rendered, second.cached)
            files = len(read_manifest(out)["files"])
            print(f"run {run + 1}: cold {cold[-1]:.1f} s, warm {warm[-1]:.1f} s ({files} files)", flush=True)
        subset = _subset_timing(_copy_project(args.project, Path(tmp) / "subset"), args.runs)

    mc, mw = statistics.median(cold), statistics.median(warm)
    print(f"\nkits, lecturer edition, {args.runs} runs (medians)")
    print(f"  cold (empty cache): {mc:6.2f} s   rendered {counts['cold'][0]}, copied {counts['cold'][1]}")
    print(f"  warm (cached):      {mw:6.2f} s   rendered {counts['warm'][0]}, copied {counts['warm'][1]}")
    print(f"  warm / cold:        {mw / mc:6.3f}")
    if subset:
        print(f"\none handout PDF: {subset[0]:.2f} s with libharfbuzz-subset, {subset[1]:.2f} s with the fontTools "
              f"fallback ({subset[1] / subset[0]:.0f}×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
