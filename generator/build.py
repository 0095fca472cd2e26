"""``dandelion build``: the whole recipe, in the order data flows.

load and check → render pages per language → site engine → kits → shared media → swap into place
"""

from __future__ import annotations

import datetime as dt
import html
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import model as m
from .clock import build_date
from .errors import ContentError, Diagnostics
from .loader import find_project, load_project
from .site.pages import Page
from .writer import OutputWriter
from .zh import Pinyin

Log = Callable[[str], None]


@dataclass
class BuildReport:
    out: Path
    pages: int = 0
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    engine_warnings: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


def default_out(root: Path, edition: str) -> Path:
    return root / ("site" if edition == "public" else "site-lecturer")


def build(
    root: Path,
    *,
    out: Path | None = None,
    edition: str = "public",
    with_kits: bool = True,
    today: dt.date | None = None,
    log: Log = lambda _m: None,
) -> BuildReport:
    """Check the content and build the site (and kits) into ``out``; raise on content errors."""
    from .site import mkdocs_engine as engine
    from .site.pages import SiteOptions, render_pages

    root = find_project(root)
    result = load_project(root)
    if result.diagnostics.errors or result.project is None:
        raise ContentError(result.diagnostics)
    project = result.project
    out = out or default_out(root, edition)
    report = BuildReport(out=out, diagnostics=result.diagnostics)
    pinyin = Pinyin(project.config.pinyin_overrides)
    options = SiteOptions(edition=edition, today=build_date(today), pinyin=pinyin)
    theme = engine.theme_dir(root)
    cfg = project.config

    with OutputWriter(out, project_root=root) as writer, tempfile.TemporaryDirectory(prefix="dandelion-") as tmp:
        if with_kits:
            options.kits = _kits(project, writer, edition, log)
        search_words = _search_words(project)
        for lang in cfg.languages:
            log(f"Building the {lang} site …")
            pages = render_pages(project, lang, options)
            site_dir = writer.claim_dir(lang, "site engine")
            report.engine_warnings += engine.build_language(
                pages, lang=lang, languages=cfg.languages, site_name=cfg.site_name.get(lang, cfg.default_language),
                copyright_text=f"© {cfg.organisation.get(lang, cfg.default_language)}", site_url=cfg.site_url,
                work_dir=Path(tmp) / lang, site_dir=site_dir, theme=theme, search_words=search_words,
                search_keys=_search_keys(pinyin, pages, lang, search_words), log=log,
            )
            report.pages += len(pages)
        _media(project, writer)
        writer.write_text("index.html", _root_index(project), "root index")
    return report


def _kits(project: m.Project, writer: OutputWriter, edition: str, log: Log) -> dict[str, list[dict[str, object]]]:
    """Render the print kits when the kits package is present; returns links for the site pages."""
    try:
        from .kits import render_kits
    except ImportError:
        return {}
    return render_kits(project, writer, edition=edition, log=log)


def _media(project: m.Project, writer: OutputWriter) -> None:
    """Copy every image the content uses into ``media/``, shared by both languages."""
    sources: set[str] = set()
    for lesson in project.lessons.values():
        sources.update(s.image.src for s in lesson.sections if s.image)
    for event in project.events.values():
        if event.report:
            sources.update(p.src for p in event.report.photos)
    for lecturer in project.lecturers.values():
        if lecturer.photo:
            sources.add(lecturer.photo.src)
    for src in sorted(sources):
        writer.copy_file(project.content_dir / src, f"media/{src}", "media")


def _search_words(project: m.Project) -> list[str]:
    """Domain words the Chinese segmenter must keep whole (冰毒, 依托咪酯 …)."""
    words: set[str] = set()
    for term in project.glossary.values():
        for text in [term.term, *term.aliases]:
            for value in text.values.values():
                for part in value.replace("（", "(").split("("):
                    part = part.strip(" )）\"“”")
                    if part and not part.isascii():
                        words.add(part)
    return sorted(words)


def _search_keys(engine: Pinyin, pages: list[Page], lang: str, terms: list[str]) -> dict[str, list[str]]:
    """Pinyin search keys per output page (Chinese sites only); glossary terms always get keys."""
    if not lang.startswith("zh"):
        return {}
    keys: dict[str, list[str]] = {}
    for page in pages:
        found = engine.search_keys(f"{page.title}\n{page.markdown}", terms=terms)
        if found:
            keys[page.path[:-3] + ".html"] = found
    return keys


def _root_index(project: m.Project) -> str:
    """The site's front door: sends each visitor to their language (remembered), works offline."""
    cfg = project.config
    langs = cfg.languages
    links = "\n".join(
        f'<li><a href="{lang}/index.html" hreflang="{lang}" lang="{lang}">{html.escape(cfg.site_name.get(lang, langs[0]))}</a></li>'
        for lang in langs
    )
    return f"""<!doctype html>
<html lang="{langs[0]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(cfg.site_name.get(langs[0], langs[0]))}</title>
<noscript><meta http-equiv="refresh" content="0; url={langs[0]}/index.html"></noscript>
<script>
(function () {{
  var langs = {langs!r};
  var chosen = null;
  try {{ chosen = localStorage.getItem("dandelion:v1:lang"); }} catch (e) {{}}
  if (langs.indexOf(chosen) < 0) {{
    var wanted = (navigator.languages || [navigator.language || ""]).map(function (l) {{ return String(l).toLowerCase().split("-")[0]; }});
    chosen = langs[0];
    for (var i = 0; i < wanted.length; i++) {{ if (langs.indexOf(wanted[i]) >= 0) {{ chosen = wanted[i]; break; }} }}
  }}
  location.replace(chosen + "/index.html");
}})();
</script>
<style>body{{font-family:system-ui,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:3rem auto;max-width:32rem;padding:0 1rem;line-height:1.6;color:#1a1a1a}}a{{color:#0b57a4}}</style>
</head>
<body>
<h1>{html.escape(cfg.site_name.get(langs[0], langs[0]))}</h1>
<ul>
{links}
</ul>
</body>
</html>
"""
