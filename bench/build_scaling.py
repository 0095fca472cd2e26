"""How the site build scales with the number of lessons.

Material renders the whole nav into every page; with a flat nav of 2,000 pages that was measured at
205 s and 1.35 GB. Dandelion keeps detail pages out of the nav, so the size of one lesson page must not
grow with the number of lessons. This script builds generated projects of N lessons (N = 20 and 200 by
default, or given on the command line) and prints, per N, the median build time, the mean lesson page
size, the size of the primary nav in a lesson page, and the ratios between the largest and smallest N.

    .venv/bin/python bench/build_scaling.py [N ...] [--runs 3]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.build import build  # noqa: E402
from generator.scaffold import init_project  # noqa: E402

LESSON = """title: {{zh: 第{n}课 认识毒品的危害, en: Lesson {n} on the harms of drugs}}
summary: {{zh: 生成的测试课程。, en: A generated lesson.}}
audiences: [middle]
settings: [campus]
duration_minutes: 20
sections:
  - id: part-one
    title: {{zh: 第一部分, en: Part one}}
    minutes: 20
    body:
      zh: 冰毒、海洛因等毒品会损害大脑和心脏。远离毒品，珍爱生命。
      en: Drugs such as methamphetamine and heroin damage the brain and the heart.
"""


def make_project(folder: Path, n: int) -> Path:
    init_project(folder)
    for i in range(n):
        (folder / "content" / "lessons" / f"generated-{i:04d}.yml").write_text(LESSON.format(n=i + 1), encoding="utf-8")
    return folder


def measure(n: int, runs: int) -> dict[str, float]:
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        project = make_project(Path(tmp) / "p", n)
        for _ in range(runs):
            start = time.perf_counter()
            build(project, with_kits=False)
            times.append(time.perf_counter() - start)
        site = project / "site"
        pages = sorted((site / "zh" / "lessons").glob("generated-*.html"))
        sizes = [p.stat().st_size for p in pages]
        html = pages[len(pages) // 2].read_text(encoding="utf-8")
        nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', html, re.S)
        total = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
    return {
        "lessons": n,
        "build_s": statistics.median(times),
        "page_kb": statistics.mean(sizes) / 1024,
        "nav_kb": (len(nav.group(0).encode()) if nav else 0) / 1024,
        "site_mb": total / 1024 / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[20, 200])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    measure(min(args.sizes), 1)  # warm-up: imports, jieba's dictionary, Material's templates
    rows = [measure(n, args.runs) for n in sorted(args.sizes)]
    print(f"{'lessons':>8} {'build s':>9} {'page KB':>9} {'nav KB':>8} {'site MB':>8}")
    for r in rows:
        print(f"{r['lessons']:>8} {r['build_s']:>9.2f} {r['page_kb']:>9.1f} {r['nav_kb']:>8.2f} {r['site_mb']:>8.1f}")
    small, large = rows[0], rows[-1]
    print(f"\nratios {large['lessons']}/{small['lessons']} lessons (x{large['lessons'] / small['lessons']:.0f}):")
    print(f"  build time x{large['build_s'] / small['build_s']:.2f}, page size x{large['page_kb'] / small['page_kb']:.3f}, "
          f"nav size x{(large['nav_kb'] / small['nav_kb']) if small['nav_kb'] else float('nan'):.3f}, site size x{large['site_mb'] / small['site_mb']:.2f}")


if __name__ == "__main__":
    main()
