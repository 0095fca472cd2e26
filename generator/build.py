"""``dandelion build``: the whole recipe, one named step each, in the order data flows.

load → check → plan → kits (render, or keep the previous ones) → site → slides → calendars → media → root index →
link check → write

Every step reads the checked model and the plan (``generator.plan``), never another step's result; they
all write through one :class:`~generator.writer.OutputWriter`, which swaps the output folder into
place only when every step succeeded ("write"). The kits step comes before the site because a download
link shows the file's size and page count, which ``kits/manifest.json`` records once the file exists.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import incremental, model
from .clock import build_date, build_time
from .errors import Diagnostics
from .loader import load_checked
from .media import prepare_media
from .plan import SLIDES_FOLDER, Plan, default_out, make_plan
from .progress import Progress
from .site.pages import Page
from .site.scripts import LANGUAGE_KEY
from .writer import OutputWriter
from .zh import Pinyin
from .zh.search import weighted_search_keys

Log = Callable[[str], None]

__all__ = ["BuildReport", "build", "default_out"]


@dataclass
class BuildReport:
    out: Path
    pages: int = 0
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    engine_warnings: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    #: Events whose date has passed but are still ``planned``: a reminder, not a check warning.
    reminders: list[str] = field(default_factory=list)
    unchanged: bool = False  # nothing changed since the last build into ``out``: nothing was written


def build(
    root: Path,
    *,
    out: Path | None = None,
    edition: str = "public",
    with_kits: bool = True,
    today: dt.date | None = None,
    log: Log = lambda _m: None,
    progress: Progress | None = None,
) -> BuildReport:
    """Check the content and build the site (and kits) into ``out``; raise on content errors.

    ``with_kits=False`` (``--no-kits``) renders no kits but keeps those the output folder already holds
    for this edition, and the pages link to them. ``progress`` is told each stage and its counts.
    """
    progress = progress or Progress()
    day = build_date(today)
    target, stamp, previous = incremental.up_to_date(root, out=out, edition=edition, with_kits=with_kits, today=today)
    if previous is not None:
        log("Nothing changed since the last build: the site is up to date.")
        return BuildReport(out=target, pages=previous.get("pages", 0), unchanged=True)
    progress.stage("check")
    loaded = load_checked(root)  # load → check (validate, resolve): content errors stop here
    project = loaded.project
    out = out or default_out(project.root, edition)
    report = BuildReport(out=out, diagnostics=loaded.diagnostics)
    if project.config.address_note:
        log(project.config.address_note)
    incremental.forget(root, target)
    with OutputWriter(out, project_root=project.root) as writer:  # write: only a complete run replaces anything
        progress.stage("plan")
        plan = _plan(project, edition, with_kits, writer)
        if plan.kits_source == "render":
            progress.stage("kits", len(plan.kits))
            _render_kits(project, plan, writer, log, progress)
        else:
            _keep_kits(plan, writer)
        report.pages, report.engine_warnings = _render_site(project, plan, writer, day, progress)
        _render_slides(project, plan, writer, log)
        _write_calendars(project, plan, writer, build_time(today))
        progress.stage("media", len(plan.media))
        _copy_media(project, plan, writer)
        _write_root_index(project, plan, writer)
        progress.stage("links")
        _check_links(writer)
        progress.stage("write")
    report.reminders = _reminders(project, day)
    incremental.remember(root, target, stamp, pages=report.pages)
    incremental.prune_engine_folders(root, target)
    return report


#: The owner of each language's folder in the writer; the calendar feeds live inside it.
SITE_OWNER = "site engine"


# --- the steps ---------------------------------------------------------------------------------


def _plan(project: model.Project, edition: str, with_kits: bool, writer: OutputWriter) -> Plan:
    """What this build writes; without kits, the kit files already in the output for this edition."""
    if with_kits:
        return make_plan(project, edition=edition, kits="render")
    from .kits.manifest import existing_kit_paths

    return make_plan(project, edition=edition, kits="keep", existing_kits=existing_kit_paths(writer.out, edition))


def _render_kits(project: model.Project, plan: Plan, writer: OutputWriter, log: Log, progress: Progress) -> None:
    """Render the kit files the plan lists (a missing dependency of the kits fails the build)."""
    from .kits import render_kits

    render_kits(project, plan, writer, log=log, tick=progress.advance)


def _keep_kits(plan: Plan, writer: OutputWriter) -> None:
    """``--no-kits``: carry the previous ``kits/`` over when the plan links to any of its files."""
    if plan.kits:
        writer.carry_over("kits", "kept kits")


def _render_site(project: model.Project, plan: Plan, writer: OutputWriter, today: dt.date,
                 progress: Progress) -> tuple[int, list[str]]:
    """Every language's pages, laid out by the site engine into ``<lang>/``; (pages, engine warnings)."""
    from .kits.manifest import MANIFEST_PATH, load_manifest
    from .site import mkdocs_engine as engine
    from .site.pages import SiteOptions, render_pages

    cfg = project.config
    pinyin = Pinyin(cfg.pinyin_overrides)
    manifest = writer.staged(MANIFEST_PATH)  # written by the kits step, or kept with the previous kits
    entries = load_manifest(manifest)["files"] if plan.kits and manifest else []
    options = SiteOptions(edition=plan.edition, today=today, pinyin=pinyin, plan=plan,
                          kit_entries={entry["path"]: entry for entry in entries})
    theme = engine.theme_dir(project.root)
    search_words = _search_words(project)
    count, warnings = 0, []
    # the engine's work folders are kept between builds into the same output: an edit re-lays only its pages
    signature = f"{incremental.code_fingerprint()}\0{incremental.folder_digest(theme)}"
    for lang in plan.languages:
        progress.stage(f"site {lang}: {len(plan.pages_in(lang))} pages")
        pages = render_pages(project, lang, options)
        site_dir = writer.claim_dir(lang, SITE_OWNER, leave=(SLIDES_FOLDER,))
        warnings += engine.build_language(
            pages, lang=lang, languages=plan.languages, site_name=_site_name(project, plan, lang),
            copyright_text=f"© {cfg.organisation.get(lang, cfg.default_language)}", site_url=cfg.site_url,
            work_dir=incremental.engine_folder(project.root, writer.out, lang), site_dir=site_dir, theme=theme,
            signature=signature,
        )
        engine.finish_language(site_dir, _search_keys(pinyin, pages, lang, search_words))
        count += len(pages)
    return count, warnings


def _render_slides(project: model.Project, plan: Plan, writer: OutputWriter, log: Log) -> None:
    """Every lesson's slide deck (and presenter view) in ``<lang>/slides/``, after the site engine, whose
    folders they sit in (they load its ``assets/``)."""
    from .slides import render_slides

    count = render_slides(project, plan, writer, Pinyin(project.config.pinyin_overrides))
    log(f"Slides: {count} decks and presenter views")


def _site_name(project: model.Project, plan: Plan, lang: str) -> str:
    """The name in every page's header; the lecturer edition's says so (讲师版 / Lecturer edition)."""
    from .i18n import catalogue

    name = project.config.site_name.get(lang, project.config.default_language)
    return f"{catalogue(lang).gettext('slides.lecturer_edition_mark')} · {name}" if plan.edition == "lecturer" else name  # first: narrow headers cut the end


def _write_calendars(project: model.Project, plan: Plan, writer: OutputWriter, stamp: dt.datetime) -> None:
    """The iCalendar feeds the plan lists, inside each language's ``events/`` (DTSTAMP: the build time)."""
    from .outreach.feeds import feed_bytes
    from .outreach.strings import word

    for feed in plan.calendars:
        name = project.config.site_name.get(feed.lang, project.config.default_language)
        if feed.region is not None:
            name += " · " + project.config.regions[feed.region].get(feed.lang, project.config.default_language)
        events = [project.events[event_id] for event_id in feed.events]
        if feed.event is not None:
            name = events[0].title.get(feed.lang, project.config.default_language)
        elif feed.region is None:
            name += " · " + word("all_events_feed", feed.lang)
        writer.write_bytes(feed.path, feed_bytes(project, events, feed.lang, name, stamp), SITE_OWNER)


def _reminders(project: model.Project, today: dt.date) -> list[str]:
    from .outreach.stats import overdue

    return [f"{event.date} {event.id}: the date has passed but the status is still 'planned'"
            for event in overdue(project, today)]


def _copy_media(project: model.Project, plan: Plan, writer: OutputWriter) -> None:
    """Every image the content uses, cleaned (no metadata, upright, web-sized), into ``media/`` for both languages."""
    sources = [media.path.removeprefix("media/") for media in plan.media]
    cleaned = prepare_media(project.root, project.content_dir, sources, "web")
    for media, src in zip(plan.media, sources, strict=True):
        writer.copy_file(cleaned / src, media.path, "media")


def _check_links(writer: OutputWriter) -> None:
    """Every internal link and anchor of the new output resolves, or nothing is replaced (a generator bug)."""
    from .errors import BuildError
    from .linkcheck import check_links

    broken = check_links(writer.staging)
    if broken:
        listed = "\n".join(f"  {link}" for link in broken[:20])
        more = f"\n  … and {len(broken) - 20} more" if len(broken) > 20 else ""
        raise BuildError(f"{len(broken)} broken link(s) in the built pages; the previous output is unchanged:\n"
                         f"{listed}{more}")


def _write_root_index(project: model.Project, plan: Plan, writer: OutputWriter) -> None:
    writer.write_text(plan.root_index, _root_index(project), "root index")


# --- helpers -----------------------------------------------------------------------------------


def _search_words(project: model.Project) -> list[str]:
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


def _search_keys(engine: Pinyin, pages: list[Page], lang: str, terms: list[str]) -> dict[str, dict[str, int]]:
    """Pinyin search keys and their weights per searchable output page (Chinese sites only); glossary
    terms always get keys. Pages left out of search get none (they were a fifth of the keys' cost)."""
    if not lang.startswith("zh"):
        return {}
    keys: dict[str, dict[str, int]] = {}
    for page in pages:
        if not page.searchable:
            continue
        found = weighted_search_keys(f"{page.title}\n{page.markdown}", engine, terms)
        if found:
            keys[page.path[:-3] + ".html"] = found
    return keys


def _root_index(project: model.Project) -> str:
    """The site's front door: sends each visitor to their language (remembered), works offline."""
    cfg = project.config
    langs = cfg.languages
    language_key = json.dumps(LANGUAGE_KEY)
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
  try {{ chosen = localStorage.getItem({language_key}); }} catch (e) {{}}
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
