"""``dandelion report``: the year's outreach report for the provincial office, an A4 PDF (WeasyPrint).

Totals, the statistics page's charts and tables (:mod:`.figures`), the events by region with their
partners and attendance, cancelled events, and the photos of the year's reports that have consent.
It uses the kits' PDF renderer (local files only) and fonts (the same Chinese font as the kits).
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup

from .. import model
from ..clock import build_date
from ..kits.fonts import find_fonts
from ..kits.pdf import PdfRenderer, PdfResult
from .feeds import plain_text
from .figures import figures
from .stats import people, talks, totals
from .strings import word

TEMPLATES = Path(__file__).parent / "templates"


def render_report(project: model.Project, year: int, lang: str) -> PdfResult:
    """The report as PDF bytes and its page count."""
    fonts = find_fonts(project.config, project.root)
    renderer = PdfRenderer([project.content_dir, Path(__file__).parent])
    html = report_html(project, year, lang, font_css=fonts.font_face_css(), family=fonts.css_family)
    return renderer.render(html, base_url=project.content_dir.as_uri() + "/")


def report_html(project: model.Project, year: int, lang: str, *, font_css: str = "", family: str = "sans-serif") -> str:
    cfg = project.config
    default = cfg.default_language

    def localise(text: model.Text | None) -> str:
        return model.text_in(text, lang, default)

    done = talks(project, year)
    by_region = [(localise(label), [ev for ev in done if ev.region == region]) for region, label in cfg.regions.items()]
    cancelled = sorted((ev for ev in project.events.values() if ev.status == "cancelled" and ev.date.year == year),
                       key=lambda ev: (ev.date, ev.id))
    photos = [(ev, photo) for ev in done if ev.report for photo in ev.report.photos if photo.consent]
    count, reached = totals(project, year)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True)
    zh = lang.startswith("zh")
    return env.get_template("report.html.j2").render(
        lang=lang, zh=zh, localise=localise, w=lambda key, **kw: word(key, lang, **kw), year=year, cfg=cfg,
        talks=count, people=reached, people_of=people, by_region=[(label, evs) for label, evs in by_region if evs],
        figures=[(fig, [(caption, Markup(chart)) for caption, chart in fig.charts]) for fig in figures(project, year, lang)],
        cancelled=cancelled, photos=photos, plain=plain_text, font_css=Markup(font_css), family=Markup(family),
        date=lambda d: f"{d.year}年{d.month}月{d.day}日" if zh else d.isoformat(),
        produced=build_date(), labels={"setting": cfg.settings, "region": cfg.regions},
    )
