"""The words of the slides, the lecturer's outline card, whole-kit downloads and the kits page filters:
they live in the one string catalogue under ``slides.*``; this module reads them for the feature's code.
"""

from __future__ import annotations

from ..i18n import catalogue

_PLURAL = {"kits_shown", "files_n"}


def word(key: str, lang: str, **values: object) -> str:
    """The word ``slides.<key>`` in ``lang``; for a plural message the first whole number picks the form."""
    strings = catalogue(lang)
    if key in _PLURAL:
        count = next((v for v in values.values() if isinstance(v, int)), 0)
        others = {name: value for name, value in values.items() if name != "n"}
        return strings.ngettext(f"slides.{key}", count, **others) if "n" in values else \
            strings.translations.ngettext(f"slides.{key}", f"slides.{key}", count).format(**values)
    return strings.gettext(f"slides.{key}", **values)


def word_form(key: str, lang: str, form: str = "other") -> str:
    """The unformatted text of ``slides.<key>`` (for the browser to fill in); ``form`` picks a plural form."""
    strings = catalogue(lang)
    if key in _PLURAL:
        return strings.translations.ngettext(f"slides.{key}", f"slides.{key}", 1 if form == "one" else 2)
    return strings.translations.gettext(f"slides.{key}")


#: Kit kinds named by this feature (``plan.KitFile.kind`` → key here); the other kinds by the kits' words.
KIND_WORDS = {"outline": "outline_card", "kit-zip": "kit-zip"}


def kind_label(kind: str, lang: str) -> str:
    """What a kit file of ``kind`` is called on the site and on paper (``一页提纲``, ``听众讲义`` …)."""
    if kind in KIND_WORDS:
        return word(KIND_WORDS[kind], lang)
    return catalogue(lang).gettext(f"kit.{kind}")
