"""Quiz interoperability: Moodle GIFT and Moodle XML export, GIFT and Excel question-bank import.

The CLI calls only these functions:

* :func:`export_gift` / :func:`export_moodle_xml` ``(quiz, lang, default_lang) -> ExportResult(text, warnings)``
  — one language, texts missing in it fall back to the default language;
* :func:`import_file` ``(path, default_lang=…, lang=None, languages=None) -> ImportResult(yaml_text, warnings,
  quiz_id, question_count)`` — a ``.gift``/``.txt`` GIFT file or an ``.xlsx`` question bank; raises
  :class:`QuestionBankError` (a :class:`~generator.errors.DandelionError`) listing every bad row or line;
* :func:`write_xlsx` — a quiz as an Excel bank (what trainers edit and re-import);
* :func:`write_template` — ``docs/question-bank-template.xlsx``.
"""

from __future__ import annotations

import re
from pathlib import Path

from .common import ExportResult, ImportResult, QuestionBankError
from .excel import import_xlsx, write_xlsx
from .gift import export_gift, import_gift, read_gift_file
from .moodle_xml import export_moodle_xml
from .template import write_template

__all__ = [
    "ExportResult",
    "ImportResult",
    "QuestionBankError",
    "export_gift",
    "export_moodle_xml",
    "import_file",
    "import_gift",
    "import_xlsx",
    "quiz_id_from_name",
    "write_template",
    "write_xlsx",
]

GIFT_SUFFIXES = (".gift", ".txt")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")


def quiz_id_from_name(path: Path) -> str:
    """A quiz id from a file name: ``新型毒品题库.xlsx`` → ``xin-xing-du-pin-ti-ku``; ``imported-quiz`` if nothing is left."""
    from ..model import ID_PATTERN

    stem = path.stem
    if re.match(ID_PATTERN, stem):
        return stem
    from ..zh import slugify

    slug = slugify(stem, fallback="")
    return slug if slug and re.match(ID_PATTERN, slug) else "imported-quiz"


def import_file(
    path: Path | str, *, default_lang: str = "zh", lang: str | None = None, languages: list[str] | None = None,
) -> ImportResult:
    """Read a GIFT file or an Excel question bank and return quiz YAML ``dandelion check`` accepts.

    ``default_lang`` is the project's default language (plain strings in the YAML are in it);
    ``lang`` says which language a GIFT file is written in (default: the default language);
    ``languages``, when given, are the site's languages: Excel columns in any other language are refused.
    The quiz id comes from the file name (or the Excel ``quiz`` sheet); the title from the GIFT
    ``$CATEGORY`` or the Excel ``quiz`` sheet, else the file name.
    """
    path = Path(path)
    if not path.is_file():
        raise QuestionBankError(path.name, [f"file not found: {path}"])
    suffix = path.suffix.lower()
    quiz_id = quiz_id_from_name(path)
    title = path.stem.strip() or quiz_id
    if suffix in EXCEL_SUFFIXES or suffix == ".xls":
        return import_xlsx(path, quiz_id=quiz_id, title=title, default_lang=default_lang, languages=languages)
    if suffix in GIFT_SUFFIXES:
        text, warnings = read_gift_file(path)
        return import_gift(text, source=path.name, quiz_id=quiz_id, title=title, lang=lang, default_lang=default_lang,
                           warnings=warnings)
    raise QuestionBankError(path.name, [
        f"unknown kind of file '{path.suffix or path.name}': import a GIFT file (.gift or .txt) or an Excel question bank (.xlsx)"
    ])
