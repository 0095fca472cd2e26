"""Size of the Chinese search index with and without the pinyin search keys (target: at most +25%).

Builds the example project (no kits) into a temporary folder and prints both sizes and the ratio.

    .venv/bin/python bench/search_index_size.py [PROJECT]
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.build import build  # noqa: E402


def main() -> None:
    project = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        build(project, out=out, with_kits=False)
        index = json.loads((out / "zh" / "search" / "search_index.json").read_text(encoding="utf-8"))
    pack = lambda data: len(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())  # noqa: E731
    with_keys = pack(index)
    keyed = sum(1 for doc in index["docs"] if "pinyin" in doc)
    for doc in index["docs"]:
        doc.pop("pinyin", None)
    without = pack(index)
    print(f"documents: {len(index['docs'])} ({keyed} with pinyin keys)")
    print(f"index without pinyin: {without / 1024:.1f} KB")
    print(f"index with pinyin:    {with_keys / 1024:.1f} KB  (+{(with_keys / without - 1) * 100:.1f}%, target <= +25%)")


if __name__ == "__main__":
    main()
