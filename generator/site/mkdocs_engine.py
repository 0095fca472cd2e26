"""Everything MkDocs- and Material-specific lives in this one module.

It takes engine-neutral :class:`~generator.site.pages.Page` objects and builds one static site per
language with MkDocs + Material for MkDocs. Swapping the engine (Material is in maintenance mode;
its successor Zensical reads ``mkdocs.yml``) means a second module with the same functions; see
``docs/engine-swap.md``.

Offline and ``file://`` traps handled here:

* ``theme.font: false``: no Google Fonts; the CSS uses the system's CJK fonts.
* the ``offline`` plugin inlines the search index, but it would add an iframe-worker shim from
  unpkg.com: we give it our own ``iframe-worker.js`` instead (search from ``file://``, written so that the
  pages' Content-Security-Policy allows it), so it adds nothing from another host.
* search: Material's one-file index (every page's whole text, loaded by every page) is replaced after
  the build by Dandelion's sharded one (``search_index``) and Material's worker script by ours, which
  answers the same search box; nothing of the index is loaded before the reader searches.
* no ``navigation.instant`` (it fetches pages) and no sitemap-based language switch: each page
  carries the relative link to its twin in the other language.
* ``use_directory_urls: false``: ``lessons/x.html`` rather than ``lessons/x/``, which ``file://``
  cannot resolve to an index file.
* detail pages are left out of the nav, so the nav in every page stays the same small size.

Speed: pages reach MkDocs with their finished HTML blocks replaced by tokens (:mod:`.html_blocks`), put
back first thing after each page's Markdown step, where the page's search sections are also cut
(:mod:`.page_sections`); Material's search runs without jieba and without its own parser.

Pages arrive with engine-neutral fields (``toc``, ``navigation``, ``searchable``, ``in_nav``,
``description``); :func:`front_matter` alone turns them into Material's keys (``hide``, ``search``).
The build recipe calls :func:`build_language`, then :func:`finish_language` on the files MkDocs wrote
(no MkDocs hook: a post-build step on plain files works the same after any engine).
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import logging
import posixpath
import re
import shutil
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml

from ..errors import BuildError
from ..i18n import catalogue
from ..markup import heading_slug  # page headings get the anchors content headings get
from . import page_sections, scripts
from .html_blocks import TOKEN_PREFIX, restore_html, stash_blocks
from .pages import Page

PACKAGE_THEME = Path(__file__).resolve().parents[2] / "theme"
# Material loads it as a "polyfill" before its bundle; the offline plugin looks for "iframe-worker" in the
# name and otherwise adds the unpkg.com shim.
SHIM = "assets/javascripts/iframe-worker.js"


def theme_dir(project_root: Path) -> Path:
    """The project's own ``theme/`` folder when it has one, else the theme shipped with Dandelion."""
    own = project_root / "theme"
    if (own / "partials").is_dir() or (own / "main.html").is_file():
        return own
    if PACKAGE_THEME.is_dir():
        return PACKAGE_THEME
    raise BuildError(f"the site theme is missing (looked in {own} and {PACKAGE_THEME})")


def build_language(
    pages: list[Page],
    *,
    lang: str,
    languages: list[str],
    site_name: str,
    copyright_text: str,
    site_url: str | None,
    work_dir: Path,
    site_dir: Path,
    theme: Path,
    signature: str = "",
    log: Callable[[str], None] = lambda _m: None,
) -> list[str]:
    """Build the site for one language into ``site_dir``; return MkDocs' warnings.

    ``pages`` come in the plan's order: the nav pages in the order the nav shows them.

    ``work_dir`` may be kept between builds (the build recipe keeps one per output folder and language):
    then only the pages whose Markdown or front matter changed are laid out again (MkDocs' own "dirty"
    build: a page whose output is newer than its source is skipped), provided the engine's config,
    ``signature`` (Dandelion's code and theme, the project's theme) and the previous output are those of
    the last complete build there. Anything else starts the folder afresh. A page's HTML depends only on
    its own source and those: the nav's labels are fixed words and detail pages carry no neighbours'
    titles, so a dirty build gives the same bytes as a full one (tests/site/test_engine_incremental.py).
    """
    docs, raw = work_dir / "docs", work_dir / "site"
    # Material writes the site name and copyright into text and attributes, some escaped and some not: it
    # gets placeholders, and the real text goes in afterwards, escaped once for wherever it landed.
    config = _config(pages, lang=lang, languages=languages, site_name=_SITE_NAME, copyright_text=_COPYRIGHT,
                     site_url=site_url, docs=docs, site_dir=raw, theme=theme)
    config_text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    state = _EngineState(work_dir / "state.json", hashlib.sha256(f"{signature}\0{config_text}".encode()).hexdigest())
    dirty = state.matches() and (raw / "search" / "search_index.json").is_file()
    state.forget()  # until this build is complete, the folder is not a clean base for the next
    if not dirty:
        shutil.rmtree(work_dir, ignore_errors=True)
    docs.mkdir(parents=True, exist_ok=True)
    blocks: dict[str, dict[str, str]] = {}
    changed = _write_docs(pages, docs, lang, languages, blocks)
    config_file = work_dir / "mkdocs.yml"
    config_file.write_text(config_text, encoding="utf-8")
    previous_index = _read_index(raw) if dirty else None
    warnings, sections = _run_mkdocs(config_file, dirty=dirty, blocks=blocks)
    _write_index(raw, sections, previous_index, changed)
    if site_dir.exists():
        shutil.rmtree(site_dir)
    shutil.copytree(raw, site_dir)
    _fill_config_text(site_dir, {_SITE_NAME: site_name, _COPYRIGHT: copyright_text})
    state.remember()
    return warnings


def _write_docs(pages: list[Page], docs: Path, lang: str, languages: list[str],
                blocks: dict[str, dict[str, str]]) -> set[str]:
    """Every page's source file for MkDocs, written only where its bytes changed (an unchanged file keeps
    its time, so a dirty build skips it); files of pages no longer built are removed. Returns the paths
    written. Each page's finished HTML blocks go into ``blocks[page path]`` and its source carries tokens
    instead (:func:`stash_blocks`; a page left whole has no entry)."""
    changed: set[str] = set()
    wanted: set[str] = set()
    for page in pages:
        meta = front_matter(page)
        # Material writes the title into <title> and the header as it is: plain text is escaped here.
        meta["title"] = html.escape(page.title, quote=True)
        meta["dl_alternates"] = _alternates(page.path, lang, languages)
        if page.scripts:
            meta["dl_scripts"] = page.scripts  # main.html adds them after the every-page scripts
        # JSON is YAML: MkDocs reads it the same, and writing it costs a hundredth of yaml.safe_dump
        front = json.dumps(meta, ensure_ascii=False, sort_keys=True)
        page_blocks: dict[str, str] = {}
        source = stash_blocks(page.markdown, page_blocks)
        if page_blocks:
            blocks[page.path] = page_blocks
        data = f"---\n{front}\n---\n\n{source}".encode()
        target = docs / page.path
        wanted.add(page.path)
        try:
            if target.read_bytes() == data:
                continue
        except OSError:
            target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        changed.add(page.path)
    for old in docs.rglob("*.md"):
        if old.relative_to(docs).as_posix() not in wanted:
            old.unlink()
    return changed


class _EngineState:
    """The record that a kept work folder holds a complete build for one config and signature."""

    def __init__(self, path: Path, key: str) -> None:
        self.path, self.key = path, key

    def matches(self) -> bool:
        try:
            return json.loads(self.path.read_text(encoding="utf-8")).get("key") == self.key
        except (OSError, ValueError, AttributeError):
            return False

    def forget(self) -> None:
        self.path.unlink(missing_ok=True)

    def remember(self) -> None:
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps({"key": self.key}), encoding="utf-8")
        temporary.replace(self.path)


def _read_index(raw: Path) -> dict[str, Any]:
    return json.loads((raw / "search" / "search_index.json").read_text(encoding="utf-8"))


def _write_index(raw: Path, sections: list[dict[str, str]], previous: dict[str, Any] | None, changed: set[str]) -> None:
    """Material's index file (its settings; no sections of its own) with the sections of the pages MkDocs
    laid out; after a dirty build those replace their pages' entries in the previous whole index
    (:func:`_merged`), so the file is what a full build writes."""
    path = raw / "search" / "search_index.json"
    if not path.is_file():  # a site without search
        return
    settings = json.loads(path.read_text(encoding="utf-8"))
    docs = sections if previous is None else _merged(previous.get("docs", []), sections, changed)
    path.write_text(json.dumps({**settings, "docs": docs}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _merged(previous: list[dict[str, Any]], fresh: list[dict[str, str]], changed: set[str]) -> list[dict[str, Any]]:
    """The previous whole index's entries with those of the pages laid out again replaced, in place."""
    new_entries: dict[str, list[dict[str, Any]]] = {}
    for doc in fresh:
        new_entries.setdefault(_page_of(doc.get("location", "")), []).append(doc)
    replaced = new_entries.keys() | {path[:-3] + ".html" for path in changed}
    docs: list[dict[str, Any]] = []
    done: set[str] = set()
    for doc in previous:
        page = _page_of(doc.get("location", ""))
        if page not in replaced:
            docs.append(doc)
        elif page not in done:
            docs += new_entries.get(page, [])
            done.add(page)
    for page, entries in new_entries.items():  # a page that had no entries before (was excluded from search)
        if page not in done:
            docs += entries
    return docs


def _page_of(location: str) -> str:
    return _page_location(location).split("#", 1)[0]


_SITE_NAME = "DandelionConfigSiteName7q"
_COPYRIGHT = "DandelionConfigCopyright7q"


def _fill_config_text(site_dir: Path, values: dict[str, str]) -> None:
    """Put the config's texts where Material wrote their placeholders: HTML-escaped in pages (right in text
    and in quoted attributes alike), JSON-escaped in data files."""
    for path in site_dir.rglob("*"):
        if path.suffix not in (".html", ".json", ".js") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        if not any(token in text for token in values):
            continue
        for token, value in values.items():
            if path.suffix == ".html":
                safe = html.escape(value, quote=True)
            else:
                safe = json.dumps(value, ensure_ascii=False)[1:-1].replace("</", "<\\/")
            text = text.replace(token, safe)
        path.write_text(text, encoding="utf-8")


def front_matter(page: Page) -> dict[str, Any]:
    """Material's front matter for a page's engine-neutral fields (the title and language links aside)."""
    meta: dict[str, Any] = {}
    if page.description is not None:  # Material writes it into an attribute as it is: escaped here
        meta["description"] = html.escape(page.description, quote=True)
    hide = [name for name, shown in (("navigation", page.navigation), ("toc", page.toc)) if not shown]
    if hide:
        meta["hide"] = hide
    if not page.searchable:
        meta["search"] = {"exclude": True}
    return meta


def _alternates(path: str, lang: str, languages: list[str]) -> list[dict[str, str]]:
    """Links from this page to the same page in every language (relative, so they work offline)."""
    depth = path.count("/") + 1  # from <lang>/<path> up to the site root
    html = path[:-3] + ".html" if path.endswith(".md") else path
    return [
        {"lang": other, "name": catalogue(other).gettext("site.language_name"), "href": "../" * depth + f"{other}/{html}", "current": other == lang}
        for other in languages
    ]


#: The Python-Markdown extensions the pages' Markdown is written for (the SCORM export uses them too).
MARKDOWN_EXTENSIONS: list[Any] = [
    "attr_list", "md_in_html", "admonition", "tables", "def_list", "sane_lists",
    {"toc": {"permalink": "#"}},
    "pymdownx.details", "pymdownx.superfences",
]


def _config(pages: list[Page], *, lang: str, languages: list[str], site_name: str, copyright_text: str,
            site_url: str | None, docs: Path, site_dir: Path, theme: Path) -> dict[str, Any]:
    nav = [{catalogue(lang).gettext(f"site.{p.nav}"): p.path} for p in pages if p.nav is not None]
    not_in_nav = sorted("/" + p.path for p in pages if not p.in_nav)
    search_lang = ["zh", "en"] if lang.startswith("zh") else ["en"]
    return {
        "site_name": site_name,
        "site_url": (site_url + f"{lang}/") if site_url else None,
        "docs_dir": str(docs),
        "site_dir": str(site_dir),
        "use_directory_urls": False,
        "copyright": copyright_text,
        "theme": {
            "name": "material",
            "custom_dir": str(theme),
            "language": "zh" if lang.startswith("zh") else lang,
            "font": False,
            "favicon": "assets/images/dandelion.svg",
            "logo": "assets/images/dandelion.svg",
            "features": ["navigation.top", "navigation.footer", "search.highlight", "toc.follow"],
            "palette": [{"scheme": "default", "primary": "custom", "accent": "custom"}],
        },
        "plugins": [
            {"search": {"lang": search_lang, "fields": {"pinyin": {"boost": 10}}}},
            {"offline": {}},
        ],
        "markdown_extensions": MARKDOWN_EXTENSIONS,
        "extra": {
            "polyfills": [SHIM],
            # True (not a list): Material then shows our switcher (partials/alternate.html) but writes no
            # <link rel="alternate">, for which its script would fetch sitemap.xml (fails on file://).
            "alternate": True,
            "generator": False,
        },
        "extra_css": ["assets/stylesheets/dandelion.css", "assets/stylesheets/quiz.css"],
        "extra_javascript": scripts.every_page(),
        "nav": nav,
        "not_in_nav": "\n".join(not_in_nav),
        "validation": {"nav": {"omitted_files": "ignore"}, "links": {"not_found": "warn", "anchors": "ignore", "unrecognized_links": "ignore"}},
    }


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _run_mkdocs(config_file: Path, *, dirty: bool = False,
                blocks: Mapping[str, Mapping[str, str]] | None = None) -> tuple[list[str], list[dict[str, str]]]:
    """Run MkDocs on the work folder's config; return its warnings and the search sections of the pages it
    laid out (:class:`_PageContent`). ``blocks``: per page source path, the HTML blocks its source carries
    tokens for (:mod:`.html_blocks`), put back into it as soon as MkDocs has converted it."""
    # Material's search plugin cuts Chinese into words with jieba (loading its dictionary, then segmenting
    # every section: a third of MkDocs' time). Dandelion's index (``search_index``) cuts Chinese into
    # character pairs and drops the separators jieba adds, so the plugin runs without it; and it gets the
    # sections from Dandelion (:mod:`.page_sections`) rather than parsing every finished page again.
    from material.plugins.search import plugin as search_plugin
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    old_level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        config = load_config(config_file=str(config_file))
        config["mdx_configs"].setdefault("toc", {})["slugify"] = heading_slug
        with _search_plugin_quiet(search_plugin) as material_sections:
            content = _PageContent(blocks or {}, material_sections)
            config.plugins["dandelion-page-content"] = content.plugin()
            build(config, dirty=dirty)
    except MkDocsException as exc:
        details = "; ".join(handler.messages)
        raise BuildError(f"the site engine failed: {exc}{' ' + details if details else ''}") from exc
    except SystemExit as exc:  # MkDocs aborts on strict-mode problems
        raise BuildError(f"the site engine stopped: {'; '.join(handler.messages) or exc}") from exc
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
    warnings = [msg for msg in handler.messages if not _HTML_LINK_NOISE.search(msg) and not msg.startswith(_DIRTY_NOTICE)]
    return warnings, content.entries


class _PageContent:
    """What happens to each page MkDocs converts, first among the content handlers: the stashed HTML
    blocks go back in (Material's search and the page template then read the finished page), and the
    page's search sections are taken (:mod:`.page_sections`; Material's own parser for a page of another
    shape), in the order MkDocs lays the pages out, as Material's plugin would have."""

    def __init__(self, blocks: Mapping[str, Mapping[str, str]], material_sections: Callable[[Any], list[dict[str, str]]]) -> None:
        self.blocks = blocks
        self.entries: list[dict[str, str]] = []
        self._material_sections = material_sections

    def plugin(self) -> Any:
        from mkdocs.plugins import BasePlugin, event_priority

        owner = self

        class PageContent(BasePlugin):  # type: ignore[type-arg]
            @event_priority(100)
            def on_page_content(self, html: str, *, page: Any, **_context: Any) -> str:
                return owner.page_content(html, page)

        return PageContent()

    def page_content(self, converted: str, page: Any) -> str:
        # Only a page whose source was stashed gets blocks back: a token some text happens to spell on a
        # page left whole (its source holds the token's prefix) stays the text it is.
        blocks = self.blocks.get(page.file.src_uri, {})
        try:
            finished = restore_html(converted, blocks) if blocks else converted
        except KeyError as missing:
            raise BuildError(f"internal error: a page refers to an HTML block it was not given ({missing})") from None
        if (page.meta.get("search") or {}).get("exclude"):
            return finished
        title = str(page.meta.get("title", page.title))
        quick = blocks or TOKEN_PREFIX not in converted
        found = page_sections.entries(converted, blocks, page.url, title) if quick else None
        if found is None:  # not of the simple shape: Material's parser, as before
            found = self._material_sections(_FinishedPage(page, finished))
        self.entries += found
        return finished


class _FinishedPage:
    """A page as Material's search sees it in its own handler: the finished content, the rest the page's."""

    def __init__(self, page: Any, content: str) -> None:
        self._page, self.content = page, content

    def __getattr__(self, name: str) -> Any:
        return getattr(self._page, name)


@contextlib.contextmanager
def _search_plugin_quiet(module: Any) -> Iterator[Callable[[Any], list[dict[str, str]]]]:
    """Material's search plugin with its jieba switched off (it segments only when the module has one)
    and without its own sections (it still writes its settings and strips its attributes from pages).
    Yields Material's own way to a page's sections, for the pages Dandelion hands back."""
    saved_jieba = getattr(module, "jieba", None)
    saved_entries = module.SearchIndex.add_entry_from_context

    def material_sections(page: Any) -> list[dict[str, str]]:
        index = module.SearchIndex()
        saved_entries(index, page)
        return index.entries

    module.jieba = None
    module.SearchIndex.add_entry_from_context = lambda self, page: None
    try:
        yield material_sections
    finally:
        module.jieba = saved_jieba
        module.SearchIndex.add_entry_from_context = saved_entries


#: Pages link to each other by their final ``.html`` names (they work from file:// and in raw HTML
#: blocks); MkDocs warns about each such link although the ``.md`` page exists. MkDocs only says
#: "Did you mean" when it does, so links that are really broken still come through.
#: MkDocs' notice on every dirty build (meant for people who ask for one by hand): ours are safe by design.
_DIRTY_NOTICE = "A 'dirty' build is being performed"
_HTML_LINK_NOISE = re.compile(
    r"contains a link '[^']*\.html(#[^']*)?', but the target (?:'[^']*' )?is not found among documentation "
    r"files\. Did you mean '[^']*\.md(#[^']*)?'\?"
)
#: String literals in Material's bundle that name other hosts (polyfills and integrations the site
#: never uses); they are blanked so nothing in the site can ever ask for them.
_REMOTE_STRING = re.compile(r"""(["'`])(?:https?:)?//(?:unpkg\.com|api\.github\.com|\$\{[^}`]*\})/[^"'`]*\1""")


def finish_language(site_dir: Path, search_keys: dict[str, dict[str, int]]) -> None:
    """The post-build step on the files of one language's site, after :func:`build_language`.

    ``search_keys``: per page (``lessons/x.html``) the pinyin search keys and their weights.
    """
    stub = _lazy_search_index(site_dir, search_keys)
    _offline_bundle(site_dir, stub)
    _add_security_policy(site_dir)


def _add_security_policy(site_dir: Path) -> None:
    """Every page gets its Content-Security-Policy (see :mod:`generator.site.csp`), last, on the final HTML."""
    from .csp import add_policy

    for page in site_dir.rglob("*.html"):
        page.write_text(add_policy(page.read_text(encoding="utf-8")), encoding="utf-8")


def _offline_bundle(site_dir: Path, search_stub: dict[str, Any] | None) -> None:
    """Remove other hosts' addresses from Material's bundle, and the source maps that repeat them; make
    its search load nothing before the reader searches (:func:`_lazy_search_bundle`)."""
    scripts = site_dir / "assets" / "javascripts"
    for bundle in scripts.glob("bundle.*.min.js"):
        text = _REMOTE_STRING.sub(lambda match: match.group(1) + "data:text/javascript," + match.group(1), bundle.read_text(encoding="utf-8"))
        if search_stub is not None:
            text = _lazy_search_bundle(text, search_stub)
        bundle.write_text(re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", text), encoding="utf-8")
    for source_map in scripts.rglob("*.js.map"):
        source_map.unlink()


#: Material's bundle (9.x) asks for the whole index as soon as a page loads over http (and, for the
#: search.highlight feature, from file:// too): ``function ks(){return location.protocol==="file:"?…
#: search_index.js…:…search_index.json…}``. It is replaced by the index's small settings, given inline,
#: and the worker's setup waits for the search box to open on http as it already does on file://.
_INDEX_LOADER = re.compile(
    r'function ([\w$]+)\(\)\{return location\.protocol==="file:"\?[\w$]+\(`\$\{new URL\("search/search_index\.js",[\w$]+\.base\)\}`\)'
    r'\.pipe\([^`]*?\):[\w$]+\(new URL\("search/search_index\.json",[\w$]+\.base\)\)\}'
)
_SETUP_AT_LOAD = re.compile(r'([\w$]+)\(location\.protocol!=="file:"\),([\w$]+)\("search"\)')


def _lazy_search_bundle(bundle: str, stub: dict[str, Any]) -> str:
    """Material's bundle with the index loader and the eager worker setup replaced (see above)."""
    setup = _SETUP_AT_LOAD.search(bundle)
    loader = _INDEX_LOADER.search(bundle)
    if setup is None or loader is None:
        raise BuildError("this version of MkDocs Material loads its search index in a way Dandelion does not know; "
                         "install the version pyproject.toml names")
    of = setup.group(1)  # RxJS ``of`` under its minified name
    inline = json.dumps(stub, ensure_ascii=False, separators=(",", ":"))
    bundle = bundle[:loader.start()] + f"function {loader.group(1)}(){{return {of}({inline})}}" + bundle[loader.end():]
    return _SETUP_AT_LOAD.sub(lambda match: f"{match.group(1)}(!1),{match.group(2)}(\"search\")", bundle, count=1)


#: Our search worker, written over Material's worker script (search-core.js first: the worker uses it).
WORKER_SOURCES = ("search-core.js", "search-worker.js")


def _lazy_search_index(site_dir: Path, keys: dict[str, dict[str, int]]) -> dict[str, Any] | None:
    """Turn Material's search index into Dandelion's sharded one (:mod:`generator.site.search_index`),
    put Dandelion's worker in place of Material's, and return the settings the bundle gets inline
    (``None`` when the site has no search)."""
    from .search_index import Section, build_index, plain_text, write_index

    folder = site_dir / "search"
    index_file = folder / "search_index.json"
    if not index_file.exists():
        return None
    index = json.loads(index_file.read_text(encoding="utf-8"))
    sections = [Section(_page_location(doc.get("location", "")), plain_text(doc.get("title", "")),
                        plain_text(doc.get("text", ""))) for doc in index.get("docs", [])]
    write_index(folder, build_index(sections, keys))
    scripts = site_dir / "assets" / "javascripts"
    worker = "".join((PACKAGE_THEME / "assets" / "javascripts" / name).read_text(encoding="utf-8") for name in WORKER_SOURCES)
    for material_worker in (scripts / "workers").glob("search.*.min.js"):
        material_worker.write_text(worker, encoding="utf-8")
    for name in WORKER_SOURCES:
        (scripts / name).unlink(missing_ok=True)
    shutil.rmtree(scripts / "lunr", ignore_errors=True)  # Material's worker needed it; ours does not
    return {"config": index.get("config", {}), "docs": []}


def _page_location(location: str) -> str:
    """Material writes ``""`` or ``"#part"`` for the home page; sections are keyed by their page file."""
    page, hash_mark, anchor = location.partition("#")
    page = posixpath.normpath(page or "index.html")
    return f"{page}{hash_mark}{anchor}"
