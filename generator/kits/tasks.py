"""Rendering tasks: plain, picklable descriptions of one kit file's rendering, run here or in a worker.

A task is a tuple ``(name, *args)`` holding only strings, numbers and small dataclasses, so that a
process pool can run it (WeasyPrint is single-threaded and CPU-bound; a cold run of all kits is several
times faster on several cores). :func:`run_task` returns ``(bytes, meta, warning | None)``.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from pathlib import Path
from typing import Any

from .fonts import KitFonts

_renderers: dict[tuple[str, ...], Any] = {}


def _pdf(roots: tuple[str, ...]) -> Any:
    """One PdfRenderer per process and set of readable folders (its font configuration is reused)."""
    if roots not in _renderers:
        from .pdf import PdfRenderer

        _renderers[roots] = PdfRenderer([Path(r) for r in roots])
    return _renderers[roots]


_PR_SET_PDEATHSIG = 1  # from <sys/prctl.h>


def die_with_parent(parent: int) -> None:
    """Worker initialiser: end this worker when the build that forked it dies, even by ``kill -9``.

    A killed build otherwise leaves its workers (about 300 MB each) waiting for work forever. Linux's
    ``prctl(PR_SET_PDEATHSIG)`` has the kernel send SIGKILL when the parent ends; the parent may have died
    before the call, which the check against ``parent`` catches.
    """
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(1)


def run_task(task: tuple[Any, ...], roots: tuple[str, ...]) -> tuple[bytes, dict[str, Any], str | None]:
    name = task[0]
    if name == "pdf":
        _, html, base_url = task
        res = _pdf(roots).render(html, base_url=base_url)
        return res.data, {"pages": res.pages}, None
    if name == "fit":
        _, variants, base_url, max_pages = task
        res, fitted = _pdf(roots).render_fit(list(variants), base_url=base_url, max_pages=max_pages)
        warning = None if fitted else f"has {res.pages} pages (more than {max_pages}): shorten its content"
        return res.data, {"pages": res.pages}, warning
    if name in ("poster-png", "poster-pdf", "share-image"):
        from . import poster

        _, spec, fonts, base_url = task
        assert isinstance(fonts, KitFonts)
        if name == "poster-png":
            return poster.render_poster_png(spec, fonts), {"width": poster.POSTER_PX[0], "height": poster.POSTER_PX[1], "dpi": poster.DPI}, None
        if name == "share-image":
            return poster.render_share_png(spec, fonts), {"width": poster.SHARE_PX, "height": poster.SHARE_PX}, None
        html = poster.poster_html(poster.layout_poster(spec, fonts), spec, fonts)
        res = _pdf(roots).render(html, base_url=base_url, bleed_mm=poster.BLEED)
        return res.data, {"pages": res.pages, "bleed_mm": poster.BLEED}, None
    raise ValueError(f"unknown kit task {name!r}")
