"""Everything MkDocs- and Material-specific lives in this one module.

It takes engine-neutral :class:`~generator.site.pages.Page` objects and builds one static site per
language with MkDocs + Material for MkDocs. Swapping the engine (Material is in maintenance mode;
its successor Zensical reads ``mkdocs.yml``) means replacing this module only.

Offline and ``file://`` traps handled here:

* ``theme.font: false``: no Google Fonts; the CSS uses the system's CJK fonts.
* the ``offline`` plugin inlines the search index, but it would add an iframe-worker shim from
  unpkg.com: we give it our bundled copy, so it adds nothing from another host.
* no ``navigation.instant`` (it fetches pages) and no sitemap-based language switch: each page
  carries the relative link to its twin in the other language.
* ``use_directory_urls: false``: ``lessons/x.html`` rather than ``lessons/x/``, which ``file://``
  cannot resolve to an index file.
* detail pages are left out of the nav, so the nav in every page stays the same small size.

The functions named ``on_*`` at the bottom are MkDocs hooks; MkDocs loads this file as a hook
module (``hooks:`` in the generated config), which is why its imports are absolute.
"""

from __future__ import annotations

import html
import json
import logging
import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from generator.errors import BuildError
from generator.markup import heading_slug  # page headings get the anchors content headings get
from generator.site.pages import NAV, Page
from generator.site.strings import ui

PACKAGE_THEME = Path(__file__).resolve().parents[2] / "theme"
SHIM = "vendor/iframe-worker/shim.js"
HOOK_KEY = "dandelion"


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
    search_words: list[str],
    search_keys: dict[str, list[str]] | None = None,
    log: Callable[[str], None] = lambda _m: None,
) -> list[str]:
    """Build the site for one language into ``site_dir``; return MkDocs' warnings."""
    docs = work_dir / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for page in pages:
        meta = dict(page.meta)
        # Material writes these into the page as they are (the title into <title> and the header, the
        # description into an attribute): plain text is escaped for those places here.
        meta["title"] = html.escape(page.title, quote=False)
        if isinstance(meta.get("description"), str):
            meta["description"] = html.escape(meta["description"], quote=True)
        meta["dl_alternates"] = _alternates(page.path, lang, languages)
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=1000)
        target.write_text(f"---\n{front}---\n\n{page.markdown}", encoding="utf-8")

    userdict = work_dir / "jieba_user.txt"
    userdict.write_text("".join(f"{w} 100000\n" for w in sorted(set(search_words)) if w and " " not in w), encoding="utf-8")
    keys_file = work_dir / "search_keys.json"
    keys_file.write_text(json.dumps(search_keys or {}, ensure_ascii=False), encoding="utf-8")

    config = _config(pages, lang=lang, languages=languages, site_name=site_name, copyright_text=copyright_text,
                     site_url=site_url, docs=docs, site_dir=site_dir, theme=theme, userdict=userdict, keys_file=keys_file)
    config_file = work_dir / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return _run_mkdocs(config_file)


def _alternates(path: str, lang: str, languages: list[str]) -> list[dict[str, str]]:
    """Links from this page to the same page in every language (relative, so they work offline)."""
    depth = path.count("/") + 1  # from <lang>/<path> up to the site root
    html = path[:-3] + ".html" if path.endswith(".md") else path
    return [
        {"lang": other, "name": ui("language_name", other), "href": "../" * depth + f"{other}/{html}", "current": other == lang}
        for other in languages
    ]


def _config(pages: list[Page], *, lang: str, languages: list[str], site_name: str, copyright_text: str,
            site_url: str | None, docs: Path, site_dir: Path, theme: Path, userdict: Path, keys_file: Path) -> dict[str, Any]:
    nav_pages = {p.nav: p for p in pages if p.nav}
    nav = [{ui(key, lang): path} for key, path in NAV if key in nav_pages]
    in_nav = {path for _key, path in NAV}
    not_in_nav = sorted("/" + p.path for p in pages if p.path not in in_nav)
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
            {"search": {"lang": search_lang, "jieba_dict_user": str(userdict), "fields": {"pinyin": {"boost": 10}}}},
            {"offline": {}},
        ],
        "hooks": [str(Path(__file__).resolve())],
        "markdown_extensions": [
            "attr_list", "md_in_html", "admonition", "tables", "def_list", "sane_lists",
            {"toc": {"permalink": "#"}},
            "pymdownx.details", "pymdownx.superfences",
        ],
        "extra": {
            "polyfills": [SHIM],
            # True (not a list): Material then shows our switcher (partials/alternate.html) but writes no
            # <link rel="alternate">, for which its script would fetch sitemap.xml (fails on file://).
            "alternate": True,
            "generator": False,
            HOOK_KEY: {"search_keys": str(keys_file), "lang": lang},
        },
        "extra_css": ["assets/stylesheets/dandelion.css", "assets/stylesheets/quiz.css"],
        "extra_javascript": ["assets/javascripts/dandelion.js", "assets/javascripts/quiz.js", "assets/javascripts/training.js"],
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


def _run_mkdocs(config_file: Path) -> list[str]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:  # Material segments Chinese with jieba, which announces its dictionary on stderr
        import jieba

        jieba.setLogLevel(logging.WARNING)
    except ImportError:
        pass
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    old_level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        config = load_config(config_file=str(config_file))
        config["mdx_configs"].setdefault("toc", {})["slugify"] = heading_slug
        build(config)
    except MkDocsException as exc:
        details = "; ".join(handler.messages)
        raise BuildError(f"the site engine failed: {exc}{' ' + details if details else ''}") from exc
    except SystemExit as exc:  # MkDocs aborts on strict-mode problems
        raise BuildError(f"the site engine stopped: {'; '.join(handler.messages) or exc}") from exc
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
    return [msg for msg in handler.messages if not _HTML_LINK_NOISE.search(msg)]


#: Pages link to each other by their final ``.html`` names (they work from file:// and in raw HTML
#: blocks); MkDocs warns about each such link although the ``.md`` page exists. MkDocs only says
#: "Did you mean" when it does, so links that are really broken still come through.
_HTML_LINK_NOISE = re.compile(
    r"contains a link '[^']*\.html(#[^']*)?', but the target (?:'[^']*' )?is not found among documentation "
    r"files\. Did you mean '[^']*\.md(#[^']*)?'\?"
)
#: String literals in Material's bundle that name other hosts (polyfills and integrations the site
#: never uses); they are blanked so nothing in the site can ever ask for them.
_REMOTE_STRING = re.compile(r"""(["'`])(?:https?:)?//(?:unpkg\.com|api\.github\.com|\$\{[^}`]*\})/[^"'`]*\1""")


def _offline_bundle(site_dir: Path) -> None:
    """Remove other hosts' addresses from Material's bundle, and the source maps that repeat them."""
    scripts = site_dir / "assets" / "javascripts"
    for bundle in scripts.glob("bundle.*.min.js"):
        text = _REMOTE_STRING.sub(lambda m: m.group(1) + "data:text/javascript," + m.group(1), bundle.read_text(encoding="utf-8"))
        bundle.write_text(re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", text), encoding="utf-8")
    for source_map in scripts.rglob("*.js.map"):
        source_map.unlink()


# --- MkDocs hooks ------------------------------------------------------------------------------


def on_post_build(config: Any, **_kwargs: Any) -> None:
    """Add pinyin search keys to the search index before the offline plugin inlines it.

    Material's search reads extra fields declared in the index config; each document gets a short
    ``pinyin`` field with toneless pinyin and initials of its Chinese words, so ``bingdu``,
    ``bing du`` and ``bd`` find 冰毒.
    """
    _offline_bundle(Path(config.site_dir))
    extra = config.extra.get(HOOK_KEY) or {}
    keys_path = extra.get("search_keys")
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    if not keys_path or not index_file.exists():
        return
    keys: dict[str, list[str]] = json.loads(Path(keys_path).read_text(encoding="utf-8"))
    if not keys:
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    for doc in index.get("docs", []):
        location = doc.get("location", "")
        page = posixpath.normpath(location.split("#", 1)[0] or "index.html")
        words = keys.get(page)
        if words and "#" not in location:
            doc["pinyin"] = " ".join(words)
    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
