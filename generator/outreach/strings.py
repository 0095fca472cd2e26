"""The outreach feature's words: they live in the one string catalogue under ``events.*``
(``generator/locale/<lang>/LC_MESSAGES/dandelion.po``); this module reads them for the feature's code.
"""

from __future__ import annotations

from typing import Any

from ..i18n import catalogue

#: Messages with plural forms (chosen by ``n``) and messages that are lists (weekday names, "|"-separated).
_PLURAL = {"shown"}
_LISTS = {"weekdays", "weekdays_long"}



def word(key: str, lang: str, **values: Any) -> Any:
    """A word or template of ``events.<key>`` in ``lang``, filled with ``values``; lists come back as lists."""
    strings = catalogue(lang)
    if key in _LISTS:
        return strings.gettext(f"events.{key}").split("|")
    if key in _PLURAL:
        count = values.pop("n")
        if isinstance(count, str):  # a template for the browser: the "other" form with the placeholder kept
            return strings.translations.ngettext(f"events.{key}", f"events.{key}", 2).replace("{n}", count)
        return strings.ngettext(f"events.{key}", count, **values)
    return strings.gettext(f"events.{key}", **values)


def _month(month: int, lang: str, width: str) -> str:
    """The month's name from CLDR (babel): "June"/"Jun", "六月"/"6月"."""
    import datetime as dt

    from babel.dates import format_date

    return format_date(dt.date(2000, month, 1), width, locale="zh" if lang.startswith("zh") else lang)


def month_label(year: int, month: int, lang: str) -> str:
    """2026年6月 / June 2026."""
    name = _month(month, lang, "MMM" if lang.startswith("zh") else "MMMM")  # 6月 / June
    return word("month_name", lang, year=year, month_name=name)


def short_month(month: int, lang: str) -> str:
    """6月 / Jun."""
    return _month(month, lang, "MMM")
