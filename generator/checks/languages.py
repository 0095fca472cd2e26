"""Languages: a text missing a site language is a warning (the fallback is named); an unknown code is
an error; text in an extra language (e.g. Hlai) must say who supplied it."""

from __future__ import annotations

from .. import model
from ..errors import Diagnostics
from ..validate import did_you_mean
from ..yamlload import Document, PathKey


def check_text_languages(
    text: model.Text, config: model.SiteConfig, doc: Document, path: PathKey, diagnostics: Diagnostics,
    supplied_by: dict[str, model.Text] | None,
) -> None:
    """The languages of one text. ``supplied_by`` is the item's note of who wrote extra-language
    text (``None`` where no such note can be given, as in site_config.yml)."""
    langs = config.languages
    extra = set(config.extra_languages)
    default = langs[0]
    for code in text.langs:
        if code not in langs and code not in extra:
            hint = did_you_mean(code, [*langs, *extra])
            diagnostics.error(doc.loc((*path, code), key=True),
                              f"unknown language '{code}': the site has {', '.join(langs)}{hint}"
                              + ("" if hint else " (declare other languages under extra_languages in site_config.yml)"), code="DL801")
        elif code in extra and supplied_by is not None and code not in supplied_by:
            diagnostics.error(doc.loc((*path, code), key=True),
                              f"text in '{code}' must say who supplied it: add `supplied_by: {{{code}: …}}` to this item", code="DL802")
    for code in langs:
        if not text.has(code):
            used = default if text.has(default) else text.langs[0]
            diagnostics.warning(doc.loc(path), f"no '{code}' text: the '{used}' text is shown instead", code="DL803")


def check_supplied_by(item: object, config: model.SiteConfig, doc: Document, base: PathKey, diagnostics: Diagnostics) -> None:
    """``supplied_by`` may name only extra languages of the site."""
    for code in getattr(item, "supplied_by", None) or {}:
        if code not in config.extra_languages:
            diagnostics.error(doc.loc((*base, "supplied_by", code), key=True),
                              f"'{code}' is not an extra language of the site (declare it under extra_languages)", code="DL804")


def check_answer_languages(project: model.Project, quiz: model.Quiz, doc: Document, base: PathKey, diagnostics: Diagnostics) -> None:
    """Fill-in answers given per language must use the site's languages."""
    config = project.config
    for path, q in quiz.all_questions():
        if isinstance(q, model.FillBlankQuestion) and isinstance(q.answer, dict):
            for code in q.answer:
                if code not in config.languages and code not in config.extra_languages:
                    diagnostics.error(doc.loc((*base, *path, "answer", code), key=True), f"unknown language '{code}'", code="DL801")
