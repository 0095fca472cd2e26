"""A training module as a SCORM 1.2 package for an LMS (Moodle): ``dandelion training export``.

The package holds the module's unit pages and its final test as the site renders them (the same page
Markdown from :mod:`generator.site.pages`, the same quiz and training engine from ``theme/``), each page
one SCO, and ``imsmanifest.xml`` at the root: schemaversion 1.2, one organisation whose items are the
units in order and the final test (with the pass mark as ``adlcp:masteryscore``), and resources that
list every file in the zip. ``theme/assets/javascripts/scorm.js`` talks to the LMS (see its header).

Nothing in the package asks another host for anything: links to pages outside the package (other
lessons, the glossary, the laws page, the web) keep their words but lose their address, the quiz's
"review this lesson" links are left out (in an LMS the units are reached through its menu), images are
copied in, and a test checks that no file names an ``http`` address to load.

The Markdown goes through Python-Markdown with the site's own extension list; the HTML is what the
site's renderer produced from content that the checks and the sanitising markup function already
passed, so it is not escaped again here.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from . import model
from .markup import embed_json
from .scoring import module_pass_mark

THEME = Path(__file__).resolve().parent.parent / "theme" / "assets"
#: The package's scripts in load order: scorm.js before core.js (core picks its storage when it loads).
SCRIPTS = {
    "unit": ("scorm.js", "core.js", "dandelion.js", "scoring.js", "training.js"),
    "quiz": ("scorm.js", "core.js", "dandelion.js", "scoring.js", "quiz.js"),
}
STYLES = ("dandelion.css", "quiz.css")
#: A fixed date for every zip entry, so the same content gives the same package.
ZIP_TIME = (2026, 1, 1, 0, 0, 0)

_PAGE_CSS = """
body { margin: 0; font-family: system-ui, -apple-system, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif;
  color: #1f2933; line-height: 1.7; background: #fff; }
main.dl-scorm { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
main.dl-scorm h1 { color: #0b5d4b; font-size: 1.7rem; line-height: 1.3; }
main.dl-scorm h2 { color: #0b5d4b; font-size: 1.25rem; margin-top: 2rem; }
main.dl-scorm img { max-width: 100%; height: auto; }
main.dl-scorm .headerlink { display: none; }
.dl-scorm-link { color: inherit; }
"""


@dataclass
class Package:
    """The files of one package, by path inside the zip."""

    files: dict[str, bytes] = field(default_factory=dict)

    def add(self, path: str, data: bytes | str) -> None:
        self.files[path] = data.encode("utf-8") if isinstance(data, str) else data


def _markdown_html(markdown_text: str) -> str:
    import markdown

    from .site.mkdocs_engine import MARKDOWN_EXTENSIONS, heading_slug

    names: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    for extension in MARKDOWN_EXTENSIONS:
        if isinstance(extension, dict):
            ((name, config),) = extension.items()
            names.append(name)
            configs[name] = dict(config)
        else:
            names.append(extension)
    configs.setdefault("toc", {})["slugify"] = heading_slug
    return markdown.markdown(markdown_text, extensions=names, extension_configs=configs)


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    import yaml

    if text.startswith("---\n"):
        head, _, body = text[4:].partition("\n---\n")
        return yaml.safe_load(head) or {}, body
    return {}, text


_LINK = re.compile(r'<a\b([^>]*)>(.*?)</a>', re.S)
_HREF = re.compile(r'\bhref="([^"]*)"')
_SRC = re.compile(r'(?<![\w-])src="([^"]*)"')
#: Paragraphs that only lead to other pages of the site (the quiz link under a lesson, the quiz's
#: lesson/module/worksheet line, the no-script hint to print the worksheet): not part of a SCO.
_SITE_ONLY = re.compile(r'<p class="dl-quiz-(?:link|facts)">.*?</p>|<noscript>.*?</noscript>', re.S)
_JSON_SCRIPT = re.compile(r'(<script type="application/json" id="(dl-quiz-data-[^"]+)">)(.*?)(</script>)', re.S)


def _unlink(body: str) -> str:
    """Links to anything but a place on the same page keep their words and lose their address."""

    def replace(found: re.Match[str]) -> str:
        href = _HREF.search(found[1])
        if href and href[1].startswith("#") and "headerlink" not in found[1]:
            return found[0]
        if "headerlink" in found[1]:
            return ""
        return f'<span class="dl-scorm-link">{found[2]}</span>'

    return _LINK.sub(replace, body)


def _without_review_links(body: str) -> str:
    """The quiz data without "review this lesson" links (the LMS's menu leads to the units)."""

    def replace(found: re.Match[str]) -> str:
        data = json.loads(found[3])
        for question in data.get("questions", []):
            question["review"] = None
            for sub in question.get("questions", []) or []:
                sub["review"] = None
        return found[1] + embed_json(data) + found[4]

    return _JSON_SCRIPT.sub(replace, body)


def _page(title: str, lang: str, body: str, info: dict[str, Any], depth: int) -> str:
    up = "../" * depth
    styles = "".join(f'<link rel="stylesheet" href="{up}assets/stylesheets/{name}">\n' for name in (*STYLES, "scorm.css"))
    scripts = "".join(f'<script src="{up}assets/javascripts/{name}"></script>\n' for name in SCRIPTS[info["role"]])
    html_lang = "zh-Hans" if lang == "zh" else lang
    return (f'<!doctype html>\n<html lang="{html_lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n"
            f'<meta name="dl-scorm" content="{html.escape(json.dumps(info, ensure_ascii=False), quote=True)}">\n'
            f"{styles}{scripts}</head>\n<body>\n<main class=\"dl-scorm md-typeset\">\n{body}\n</main>\n</body>\n</html>\n")


def build_package(project: model.Project, module_id: str, lang: str, *, today: dt.date) -> Package:
    """Every file of the SCORM 1.2 package of ``module_id`` in ``lang``."""
    from .media import clean_image
    from .plan import make_plan
    from .site.pages import SiteOptions, render_pages

    module = project.training[module_id]
    quiz = project.quizzes.get(module.quiz) if module.quiz else None
    default = project.config.default_language
    plan = make_plan(project, edition="public", kits="keep")
    pages = {page.path: page for page in render_pages(project, lang, SiteOptions(edition="public", today=today, plan=plan))}
    media = {item.path: item.source for item in plan.media}
    package = Package()
    items: list[tuple[str, str, str, int | None]] = []  # (identifier, title, href, mastery score)
    pass_mark = module_pass_mark(project, module)

    wanted = [(f"lessons/{unit}.md", {"role": "unit", "unit": unit, "training": module.id}) for unit in module.units]
    if quiz is not None:
        wanted.append((f"quizzes/{quiz.id}.md", {"role": "quiz", "quiz": quiz.id, "training": module.id,
                                                  "pass_mark": pass_mark}))
    for source, info in wanted:
        page = pages[source]
        meta, markdown_text = _front_matter(page.markdown)
        body = _markdown_html(markdown_text)
        body = _SITE_ONLY.sub("", body)
        body = _unlink(_without_review_links(body))
        target = source.removesuffix(".md") + ".html"
        for src in _SRC.findall(body):
            resolved = posixpath.normpath(posixpath.join("", "media", src.split("media/", 1)[1])) if "media/" in src else None
            if resolved is None or resolved not in media:
                raise ValueError(f"{target}: image {src} is not one of the content's media files")
            package.add(resolved, clean_image(resolved, media[resolved].read_bytes()).data)
            body = body.replace(f'src="{src}"', f'src="../{resolved}"')
        package.add(target, _page(str(meta.get("title") or page.title), lang, body, info, depth=1))
        kind = "unit" if info["role"] == "unit" else "test"
        identifier = f"{kind}-{info.get('unit') or info.get('quiz')}"
        items.append((identifier, page.title, target, pass_mark if info["role"] == "quiz" else None))

    for name in sorted({name for names in SCRIPTS.values() for name in names}):
        package.add(f"assets/javascripts/{name}", (THEME / "javascripts" / name).read_bytes())
    for name in STYLES:
        package.add(f"assets/stylesheets/{name}", (THEME / "stylesheets" / name).read_bytes())
    package.add("assets/stylesheets/scorm.css", _PAGE_CSS.lstrip())
    package.add("imsmanifest.xml", manifest(project, module, lang, items, package, default))
    return package


def manifest(project: model.Project, module: model.Training, lang: str, items: list[tuple[str, str, str, int | None]],
             package: Package, default: str) -> str:
    """imsmanifest.xml: SCORM 1.2 metadata, one organisation, a SCO per item and one shared asset."""
    title = module.title.get(lang, default)
    # every file of the zip is listed, the manifest itself too (with the shared files)
    shared = sorted({*(path for path in package.files if path.startswith(("assets/", "media/"))), "imsmanifest.xml"})
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<manifest identifier={quoteattr(f"dandelion-{module.id}-{lang}")} version="1.0"',
        '  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"',
        '  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"',
        '  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
        '  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd '
        'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd '
        'http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">',
        "  <metadata>",
        "    <schema>ADL SCORM</schema>",
        "    <schemaversion>1.2</schemaversion>",
        "  </metadata>",
        '  <organizations default="organisation">',
        '    <organization identifier="organisation">',
        f"      <title>{xml_escape(title)}</title>",
    ]
    for identifier, item_title, _href, mastery in items:
        lines.append(f'      <item identifier="item-{identifier}" identifierref="resource-{identifier}" isvisible="true">')
        lines.append(f"        <title>{xml_escape(item_title)}</title>")
        if mastery is not None:
            lines.append(f"        <adlcp:masteryscore>{mastery}</adlcp:masteryscore>")
        lines.append("      </item>")
    lines += ["    </organization>", "  </organizations>", "  <resources>"]
    for identifier, _title, href, _mastery in items:
        lines.append(f'    <resource identifier="resource-{identifier}" type="webcontent" adlcp:scormtype="sco" '
                     f"href={quoteattr(href)}>")
        lines.append(f"      <file href={quoteattr(href)}/>")
        lines.append('      <dependency identifierref="resource-shared"/>')
        lines.append("    </resource>")
    lines.append('    <resource identifier="resource-shared" type="webcontent" adlcp:scormtype="asset">')
    lines += [f"      <file href={quoteattr(path)}/>" for path in shared]
    lines += ["    </resource>", "  </resources>", "</manifest>", ""]
    return "\n".join(lines)


def write_zip(package: Package) -> bytes:
    """The package as a zip, ``imsmanifest.xml`` first, entries in a fixed order with a fixed date."""
    buffer = io.BytesIO()
    order = ["imsmanifest.xml", *sorted(p for p in package.files if p != "imsmanifest.xml")]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in order:
            info = zipfile.ZipInfo(path, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, package.files[path])
    return buffer.getvalue()
