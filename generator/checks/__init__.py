"""Second pass over a loaded project: the checks that need the whole project, by kind.

Everything here adds diagnostics and never raises, so ``dandelion check`` can list every problem at
once. Rules about one item alone live on the model (:meth:`generator.model.Strict.problems`) and are
reported while loading. The kinds, one module each:

* :mod:`.references` — ids that must name something, internal links, law articles, training order;
* :mod:`.media` — images and photos: inside ``content/``, present, web formats, safe file names, decodable
  (an SVG without scripts or outside references), alt text, consent;
* :mod:`.markup` — the editor's lint of raw HTML, attribute lists, script links, Markdown images;
* :mod:`.privacy` — no published string carries personal data (``public_numbers`` pass), no photo
  names a person next to drug use;
* :mod:`.editorial` — editing notes (待核实, TODO …) never reach readers;
* :mod:`.languages` — missing, unknown and extra languages of texts;
* :mod:`.style` — warnings on Chinese style, list indentation and plain language for children.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import model
from ..errors import Diagnostics
from ..yamlload import Document, PathKey
from . import media, references, style
from .editorial import check_answer_notes, check_editing_notes
from .languages import check_answer_languages, check_supplied_by, check_text_languages
from .markup import check_markup
from .privacy import check_item_privacy, check_plain_strings, check_privacy

ItemCheck = Callable[[model.Project, Any, Document, PathKey, Diagnostics], None]

#: kind (as in :class:`generator.loader.Origins`) → where the project keeps it, and its checks
_KINDS: dict[str, tuple[str, tuple[ItemCheck, ...]]] = {
    "lesson": ("lessons", (references.check_lesson, media.check_lesson_media)),
    "event": ("events", (references.check_event, media.check_event_media)),
    "training": ("training", (references.check_training,)),
    "lecturer": ("lecturers", (references.check_lecturer, media.check_lecturer_media)),
    "quiz": ("quizzes", (check_answer_languages, check_answer_notes, references.check_quiz)),
    "glossary": ("glossary", (references.check_glossary_term,)),
    "law": ("laws", ()),
    "help-centre": ("help_centres", (references.check_help_centre,)),
}


def run_checks(project: model.Project, origins: Any, diagnostics: Diagnostics) -> None:
    """Check references, files, markup, privacy, languages and style of a loaded project."""
    for (kind, item_id), (doc, base) in sorted(origins.items.items(), key=lambda entry: (entry[1][0].rel, entry[0])):
        attribute, checks = _KINDS[kind]
        item = getattr(project, attribute).get(item_id)
        if item is None:
            continue
        _check_texts(project, item, doc, base, diagnostics)
        check_item_privacy(project, item, doc, base, diagnostics)
        for check in checks:
            check(project, item, doc, base, diagnostics)
    style.check_plain_language(project, origins, diagnostics)
    references.check_training_cycles(project, origins, diagnostics)


def check_config(config: model.SiteConfig, doc: Document, diagnostics: Diagnostics) -> None:
    """Rules of site_config.yml that need more than one field."""
    for path, text in model.iter_texts(config):
        check_text_languages(text, config, doc, path, diagnostics, supplied_by=None)
        check_privacy(text, doc, path, diagnostics, config.public_numbers)
        check_markup(text, doc, path, diagnostics)
        check_editing_notes(text, doc, path, diagnostics)
    check_plain_strings(config, doc, (), diagnostics, config.public_numbers)
    from ..zh import validate_overrides

    for problem in validate_overrides(config.pinyin_overrides):
        diagnostics.error(doc.loc(("pinyin_overrides",)), f"pinyin_overrides: {problem}", code="DL207")


def _check_texts(project: model.Project, item: model.Strict, doc: Document, base: PathKey, diagnostics: Diagnostics) -> None:
    """Every text of one item: languages, privacy, markup, list indentation, links, Chinese style."""
    check_supplied_by(item, project.config, doc, base, diagnostics)
    supplied_by = getattr(item, "supplied_by", None)
    for path, text in model.iter_texts(item, base):
        check_text_languages(text, project.config, doc, path, diagnostics, supplied_by=supplied_by if supplied_by is not None else {})
        check_privacy(text, doc, path, diagnostics, project.config.public_numbers)
        check_markup(text, doc, path, diagnostics)
        check_editing_notes(text, doc, path, diagnostics)
        style.check_list_indent(text, doc, path, diagnostics)
        references.check_links(project, text, doc, path, diagnostics)
        style.check_chinese_style(text, doc, path, diagnostics)
