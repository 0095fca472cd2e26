"""``dandelion kits``: render only the kits, into an output folder that may already hold a built site.

Same checks as ``build`` (``load_project``; any content error stops the run before anything is written)
and the same writer guarantees: everything is staged beside the output folder, and only a complete run
replaces anything. ``OutputWriter`` replaces the *whole* output folder on commit, which would delete a
built site, so this module uses :class:`KitsOnlyWriter`: it accepts only paths under ``kits/`` and on
commit swaps just ``<out>/kits`` (two renames), leaving the site's pages untouched. A failed or refused run
leaves the old kits in place.

By default the kits go into the folder ``build`` uses for the edition (``site/`` or ``site-lecturer/``),
so the download links of an existing site stay valid. A folder built as the other edition is refused
(its pages link to files, e.g. lecturer plans, that the other edition does not make).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BuildError, Diagnostics, UsageError
from ..loader import load_checked
from ..plan import EDITIONS, default_out, make_plan
from ..writer import MARKER, OutputWriter, read_owned, write_marker
from .manifest import read_manifest

Log = Callable[[str], None]


class KitsOnlyWriter(OutputWriter):
    """An :class:`OutputWriter` that writes and replaces only ``kits/`` inside the output folder."""

    def _check(self, rel: str) -> str:
        norm = super()._check(rel)
        if norm != "kits" and not norm.startswith("kits/"):
            raise BuildError(f"refusing to write {norm}: a kits-only run writes only under kits/")
        return norm

    def commit(self) -> None:
        self.out.mkdir(parents=True, exist_ok=True)
        new = self.staging / "kits"
        new.mkdir(exist_ok=True)
        target = self.out / "kits"
        old = self.out.parent / f".{self.out.name}.kits-{os.getpid()}"  # removed by the next run if killed
        if target.exists():
            os.replace(target, old)
        try:
            os.replace(new, target)
        except OSError:
            if old.exists():
                os.replace(old, target)
            raise
        # The marker lists what Dandelion wrote: the same list with the new kits instead of the old ones.
        owned = read_owned(self.out)
        if owned is None:  # an older marker, from before markers listed files: everything there is Dandelion's
            owned = {p.relative_to(self.out).as_posix() for p in self.out.rglob("*") if not p.is_dir()} - {MARKER}
        kept = {rel for rel in owned if rel != "kits" and not rel.startswith("kits/")}
        kits = {"kits/" + p.relative_to(target).as_posix() for p in target.rglob("*") if not p.is_dir()}
        write_marker(self.out, kept | kits)
        shutil.rmtree(old, ignore_errors=True)
        shutil.rmtree(self.staging, ignore_errors=True)


@dataclass
class KitsReport:
    out: Path
    entries: list[dict[str, Any]] = field(default_factory=list)
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    warnings: list[str] = field(default_factory=list)
    rendered: int = 0
    cached: int = 0
    seconds: float = 0.0
    rendering_seconds: float = 0.0


def kits_only(
    project_root: Path, *, out: Path | None = None, edition: str = "public", log: Log = lambda _m: None,
    use_cache: bool = True, workers: int | None = None,
) -> KitsReport:
    """Check the content, then render the kits into ``<out>/kits`` (default: the edition's site folder).

    The same plan as ``build`` (``make_plan(…, kits="render")``), so the files are those a build's pages
    link to.
    """
    from . import render_kits

    if edition not in EDITIONS:
        raise UsageError(f"--edition must be public or lecturer, not {edition}")
    loaded = load_checked(project_root)
    project = loaded.project
    out = (out or default_out(project.root, edition)).resolve()
    if (out / MARKER).exists():
        built = read_manifest(out).get("edition")
        has_site = any((out / lang).is_dir() for lang in project.config.languages)
        if built and built != edition and has_site:
            raise UsageError(
                f"{out} holds the {built} edition of the site, whose pages link to its own kits: "
                f"run `dandelion kits --edition {built}` or choose another --out"
            )
    plan = make_plan(project, edition=edition, kits="render")
    with KitsOnlyWriter(out, project_root=project.root) as writer:
        result = render_kits(project, plan, writer, log=log, use_cache=use_cache, workers=workers)
    return KitsReport(out=out, entries=result.entries, diagnostics=loaded.diagnostics, warnings=result.warnings,
                      rendered=result.rendered, cached=result.cached, seconds=result.seconds,
                      rendering_seconds=result.rendering_seconds)
