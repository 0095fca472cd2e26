"""The site's download links to kit files.

Which files a page links to comes from the plan (``plan.kits_for``: path, kind, setting); what each link
says about the file (``PDF · 2 页 · 180 KB``) comes from its entry in ``kits/manifest.json``, the record
of the files in the output folder (rendered by this build, or kept from the previous one by
``build --no-kits``). The kit-kind words are the kits' own catalogue entries (``kit.<kind>``: the same
words head the printed files).
"""

from __future__ import annotations

from typing import Any

from .. import model
from ..i18n import catalogue
from ..plan import KitFile
from ..slides.words import kind_label, word

#: A manifest entry of a kit file (``kits/manifest.json``'s ``files``), by its ``path``.
KitEntries = dict[str, dict[str, Any]]


def download_link(kit: KitFile, entry: dict[str, Any], config: model.SiteConfig, lang: str) -> dict[str, Any]:
    """One link in ``lang``: ``{"href", "label", "info", "kind", "language", "setting"}``.

    ``href`` is relative to one language's site root (``../kits/zh/…``), for ``relative_url(page, href)``.
    """
    return {"href": "../" + kit.path, "label": label(kit, config, lang), "info": info(entry, lang), "kind": kit.kind,
            "language": kit.language, "setting": kit.setting, "bytes": entry["bytes"]}


def label(kit: KitFile, config: model.SiteConfig, lang: str) -> str:
    """``听众讲义 · 黎村苗寨``: the kind, and for a lesson's files the setting they are for."""
    text = kind_label(kit.kind, lang)
    if kit.lesson is None:
        return text
    setting = config.settings.get(kit.setting)
    name = setting.get(lang, config.default_language) if setting is not None and setting.values else kit.setting
    return f"{text} · {name}" if name else text


def info(entry: dict[str, Any], lang: str) -> str:
    """``PDF · 2 页 · 180 KB`` / ``PNG · 3508×4961 · 1.2 MB``."""
    parts = [entry["path"].rsplit(".", 1)[-1].upper()]
    if "pages" in entry:
        parts.append(catalogue(lang).ngettext("kit.pages", entry["pages"]))
    if "contents" in entry:
        parts.append(word("files_n", lang, n=len(entry["contents"])))
    if "width" in entry:
        parts.append(f"{entry['width']}×{entry['height']}")
    parts.append(size_text(entry["bytes"]))
    return " · ".join(parts)


def size_text(n: int) -> str:
    """``180 KB`` / ``1.2 MB``."""
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f} MB"
    return f"{max(1, round(n / 1024))} KB"
