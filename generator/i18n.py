"""The one string catalogue: every interface word of the site, the kits and the browser quiz.

Sources of truth are the gettext catalogues ``generator/locale/<lang>/LC_MESSAGES/dandelion.po``
(one per language; a third language is one new file, see ``docs/translating.md``). They are read
with :mod:`babel.messages.pofile` and compiled in memory on first use (no ``.mo`` file, no manual
compile step), then cached.

Message ids are stable dotted keys, not the English text: ``site.home``, ``kit.plan``,
``quiz.submit``, ``training.cert_heading``, ``date.long``. The prefix says where a string is shown;
the same English word can need two Chinese words in two places (练习纸 on the site, 测验练习纸 on a
kit's label) and the browser engine addresses its strings by key. English is a catalogue like any
other, so fixing an English word never changes an id.

Lookups fall back from the language to English, then to Chinese (a language without its own
catalogue, or with an entry missing, gets those). Placeholders are Python's ``{name}`` (the
``python-brace-format`` flag); the same form reaches the JavaScript.

Plural messages carry ``msgid_plural`` (the same key) and are read with :meth:`Catalogue.ngettext`,
which also fills ``{n}`` with the count.

Contract with the browser engine (``theme/assets/javascripts``): :meth:`Catalogue.table` gives the
``strings`` object embedded in each quiz's and training module's JSON — every message under one
prefix (``quiz`` or ``training``), the prefix removed:

- a plain message is ``{key: "text"}``;
- a plural message is ``{key: {"one": "…", "other": "…"}}`` keyed by the language's CLDR plural
  categories (Chinese has only ``"other"``), for ``Intl.PluralRules`` to choose from;
- placeholders stay ``{name}``, filled by the JavaScript.

Dates and lists: :meth:`Catalogue.format_date` (``babel.dates`` with the pattern the catalogue gives
under ``date.long`` / ``date.long_weekday``) and :meth:`Catalogue.format_list` (Babel's CLDR list
patterns: Chinese 、, English commas).
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext as gettext_module
import io
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "dandelion"
#: Where a missing message is looked up next, in order (after the language itself).
FALLBACK = ("en", "zh")


def is_chinese(lang: str) -> bool:
    """``zh``, ``zh-Hans``, ``zh-CN`` …"""
    return lang.split("-")[0] == "zh"


def time_range(start: str | None, end: str | None) -> str:
    """``08:30–10:00`` (the start alone when there is no end)."""
    if start and end:
        return f"{start}–{end}"
    return start or ""


def catalogue_path(lang: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages(locale_dir: Path = LOCALE_DIR) -> list[str]:
    """The languages that have a catalogue."""
    return sorted(path.parent.parent.name for path in locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


@functools.cache
def read_catalogue(lang: str, locale_dir: Path = LOCALE_DIR) -> Catalog | None:
    """The parsed ``.po`` file of ``lang`` (``None`` when the language has none)."""
    path = catalogue_path(lang, locale_dir)
    if not path.is_file():
        return None
    with path.open("rb") as source:
        return read_po(source, locale=None, domain=DOMAIN)


def _translated(message: Message) -> bool:
    """Every form of the message is written (a plural with one empty form is not translated)."""
    return bool(message.string) if message.pluralizable is False else all(message.string)


def _translations(catalog: Catalog) -> Translations:
    """``catalog`` compiled in memory; untranslated entries are left out, so they fall back."""
    complete = Catalog(locale=catalog.locale, domain=DOMAIN)
    complete.mime_headers = catalog.mime_headers  # keeps Plural-Forms
    for message in catalog:
        if message.id and _translated(message):
            complete[message.id] = message
    buffer = io.BytesIO()
    write_mo(buffer, complete)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def _babel_locale(lang: str) -> Locale:
    """Babel's locale for ``lang`` (English for a language CLDR does not know)."""
    try:
        return Locale.parse(lang.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en")


def _plural_categories(catalog: Catalog, locale: Locale) -> list[str]:
    """The CLDR category of each gettext plural form of ``catalog`` (``["one", "other"]`` for English).

    Found by running both rules over counts 0–200 and a few large ones (French "many" is a
    million), so it holds for any language's Plural-Forms.
    """
    form_of = gettext_module.c2py(catalog.plural_expr)
    categories: dict[int, str] = {}
    for count in (*range(201), 1000, 10**6, 2 * 10**6):
        categories.setdefault(form_of(count), locale.plural_form(count))
    return [categories.get(index, "other") for index in range(catalog.num_plurals)]


class Catalogue:
    """The interface strings of one language, with the fallbacks behind it."""

    def __init__(self, lang: str, locale_dir: Path = LOCALE_DIR) -> None:
        self.lang = lang
        self.locale = _babel_locale(lang)
        self._tables: dict[str, dict[str, str | dict[str, str]]] = {}
        chain = [lang, *(code for code in FALLBACK if code != lang)]
        self._catalogs = [(code, found) for code in chain if (found := read_catalogue(code, locale_dir)) is not None]
        if not self._catalogs:
            raise FileNotFoundError(f"no string catalogue under {locale_dir}")
        translations: gettext_module.NullTranslations | None = None
        for _, catalog in reversed(self._catalogs):
            layer = _translations(catalog)
            if translations is not None:
                layer.add_fallback(translations)
            translations = layer
        assert translations is not None
        self.translations = translations

    # -- Python and templates -------------------------------------------------------------------
    def gettext(self, msgid: str, **values: Any) -> str:
        """The message ``msgid``, its ``{placeholders}`` filled from ``values``."""
        text = self.translations.gettext(msgid)
        if text == msgid:
            raise KeyError(f"no message {msgid!r} in any string catalogue")
        return text.format(**values) if values else text

    def ngettext(self, msgid: str, n: int, **values: Any) -> str:
        """The plural message ``msgid`` in the form for the count ``n`` (also its ``{n}``)."""
        text = self.translations.ngettext(msgid, msgid, n)
        if text == msgid:
            raise KeyError(f"no message {msgid!r} in any string catalogue")
        return text.format(n=n, **values)

    def format_date(self, day: dt.date, weekday: bool = False) -> str:
        """``2026年12月4日`` / ``4 December 2026``; with ``weekday``, ``2026年12月4日（星期五）`` /
        ``Friday 4 December 2026``."""
        pattern = self.gettext("date.long_weekday") if weekday else self.gettext("date.long")
        return format_date(day, pattern, locale=self.locale)

    def format_list(self, items: list[str]) -> str:
        """The items joined as the language lists them: ``甲、乙、丙`` / ``a, b, c``."""
        # CLDR's lists end in 和/and ("standard") or, for Chinese, have no separator at all ("unit"):
        # neither is how the kits list names. Every pair is joined with the language's "middle"
        # pattern of the standard list (、 / ", "), which is what format_list puts between the
        # first items.
        middle = self.locale.list_patterns["standard"]["middle"]
        return functools.reduce(middle.format, items) if items else ""

    # -- the browser engine ---------------------------------------------------------------------
    def table(self, prefix: str) -> dict[str, str | dict[str, str]]:
        """Every message under ``prefix.`` as the JSON the JavaScript reads (see the module docstring).

        Made once per prefix (every quiz and training page embeds one); each caller gets its own copy."""
        if prefix not in self._tables:
            self._tables[prefix] = self._make_table(prefix)
        return {name: dict(value) if isinstance(value, dict) else value for name, value in self._tables[prefix].items()}

    def _make_table(self, prefix: str) -> dict[str, str | dict[str, str]]:
        out: dict[str, str | dict[str, str]] = {}
        for code, catalog in reversed(self._catalogs):  # Chinese, then English, then the language wins
            categories = _plural_categories(catalog, _babel_locale(code))
            for message in catalog:
                key = message.id[0] if message.pluralizable else message.id
                if not key or not key.startswith(prefix + ".") or not _translated(message):
                    continue
                name = key[len(prefix) + 1:]
                if message.pluralizable:
                    out[name] = dict(zip(categories, message.string, strict=True))
                else:
                    out[name] = message.string
        return out


@functools.cache
def catalogue(lang: str) -> Catalogue:
    """The cached catalogue of ``lang`` (from the package's ``locale`` folder)."""
    return Catalogue(lang)
