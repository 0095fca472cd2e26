"""HTML → PDF with WeasyPrint: local files only, one font configuration per run, exact print boxes.

* No external request: :class:`LocalFetcher` serves ``file:`` URLs inside the allowed folders (the
  project's ``content/`` and this package) and ``data:`` URLs, and refuses everything else.
* The poster's print PDF needs a 3 mm bleed *and* crop marks outside it. CSS ``marks: crop`` draws
  1.5 mm ticks inside the bleed, where the artwork covers them, and WeasyPrint puts the PDF BleedBox up
  to 10 pt from the trim. So the poster page gets a 13 mm CSS bleed (3 mm artwork + 10 mm slug for marks,
  which the template draws) and :func:`_set_bleed_box` sets BleedBox to exactly trim + 3 mm.
"""

from __future__ import annotations

import logging
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pydyf
import weasyprint
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

PT_PER_MM = 72 / 25.4


class LocalFetcher(URLFetcher):
    """WeasyPrint URL fetcher that reads only local files under ``roots`` (and data: URLs)."""

    def __init__(self, roots: list[Path]) -> None:
        super().__init__(allowed_protocols={"file", "data"})
        self.roots = [r.resolve() for r in roots]

    def fetch(self, url: str, headers: object = None):  # type: ignore[override]
        if url.startswith("file:"):
            path = Path(urllib.request.url2pathname(urllib.parse.urlsplit(url).path)).resolve()
            if not any(path.is_relative_to(root) for root in self.roots):
                raise ValueError(f"refusing to read {path}: kits only read files from the project's content folder")
        elif not url.startswith("data:"):
            raise ValueError(f"refusing to fetch {url}: kits make no network request")
        return super().fetch(url, headers)


@dataclass
class PdfResult:
    data: bytes
    pages: int


class PdfRenderer:
    """Renders kit documents; keeps one fontconfig set-up for the whole run (it is slow to create)."""

    def __init__(self, roots: list[Path]) -> None:
        self.fetcher = LocalFetcher(roots)
        self.font_config = FontConfiguration()
        # WeasyPrint warns on stderr about every CSS property it ignores; the kits' CSS is tested instead.
        logging.getLogger("weasyprint").setLevel(logging.ERROR)

    def layout(self, html: str, *, base_url: str) -> weasyprint.Document:
        return weasyprint.HTML(string=html, base_url=base_url, url_fetcher=self.fetcher).render(font_config=self.font_config)

    def render_fit(self, variants: list[str], *, base_url: str, max_pages: int) -> tuple[PdfResult, bool]:
        """The first variant that fits ``max_pages`` (else the last); True when one fitted."""
        doc = None
        for html in variants:
            doc = self.layout(html, base_url=base_url)
            if len(doc.pages) <= max_pages:
                break
        assert doc is not None
        return PdfResult(doc.write_pdf(), len(doc.pages)), len(doc.pages) <= max_pages

    def render(self, html: str, *, base_url: str, bleed_mm: float | None = None) -> PdfResult:
        doc = self.layout(html, base_url=base_url)
        finisher = None
        if bleed_mm is not None:
            def finisher(_document: object, pdf: pydyf.PDF) -> None:
                _set_bleed_box(pdf, bleed_mm * PT_PER_MM)
        data = doc.write_pdf(finisher=finisher, uncompressed_pdf=False)
        return PdfResult(data=data, pages=len(doc.pages))


def _set_bleed_box(pdf: pydyf.PDF, bleed_pt: float) -> None:
    for obj in pdf.objects:
        if isinstance(obj, pydyf.Dictionary) and obj.get("Type") == "/Page" and "TrimBox" in obj:
            left, top, right, bottom = obj["TrimBox"]
            obj["BleedBox"] = pydyf.Array([left - bleed_pt, top - bleed_pt, right + bleed_pt, bottom + bleed_pt])
