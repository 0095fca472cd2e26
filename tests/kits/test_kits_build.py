"""The kits step of ``dandelion build``: the files the plan lists, linked from the pages; ``--no-kits`` keeps them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.build import build
from generator.kits import manifest as mf
from generator.loader import load_project
from generator.plan import make_plan
from generator.scaffold import init_project

TODAY = dt.date(2026, 6, 1)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_writes_the_planned_kits_and_no_kits_keeps_them(tmp_path: Path) -> None:
    root = tmp_path / "project"
    init_project(root)
    out = tmp_path / "site"
    build(root, out=out, today=TODAY)
    project = load_project(root).project
    assert project is not None
    planned = [kit.path for kit in make_plan(project, edition="public").kits]
    assert [e["path"] for e in mf.read_manifest(out)["files"]] == planned
    assert sorted(p for p in tree(out) if p.startswith("kits/")) == sorted([*planned, mf.MANIFEST_PATH])
    handout = next(p for p in planned if p.startswith("kits/zh/") and p.endswith("/handout.pdf"))
    assert f'href="../../{handout}"' in (out / "zh" / "lessons" / "first-lesson.html").read_text(encoding="utf-8")

    with_kits = tree(out)
    build(root, out=out, with_kits=False, today=TODAY)
    assert tree(out) == with_kits  # the same site, the same kits, the same links
