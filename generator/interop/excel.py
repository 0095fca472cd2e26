"""Excel question banks (.xlsx): read one into quiz YAML, write a quiz (or the template) as one.

The layout is documented for trainers in ``docs/question-banks.md``; in short:

* sheet ``questions`` (or ``题目``): row 1 holds column names, every later row one question;
  ``id, type, scenario, prompt_zh, prompt_en, option_1_zh, option_1_en, …, correct, answer_zh,
  answer_en, explanation_zh, explanation_en, lesson, section``. A column without a language
  suffix (``prompt``) is in the default language;
* sheet ``quiz`` (optional): ``setting | value`` rows for title, description, pass_mark, shuffle,
  draw, feedback and lesson;
* any other sheet (the template's ``help`` / ``说明``) is ignored.

Every bad cell is reported at once, as ``Sheet "questions", row 5, column F (correct): …``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import model
from .common import ImportResult, QuestionBankError, assign_ids, finish_import, is_id, is_lang, text_value
from .workbook_style import style_workbook

QUESTION_SHEETS = ("questions", "题目")
QUIZ_SHEETS = ("quiz", "测验")
HELP_SHEETS = ("help", "说明", "readme")

TYPE_ALIASES: dict[str, str] = {
    "single": "single", "单选": "single", "单选题": "single", "single_choice": "single",
    "multiple": "multiple", "多选": "multiple", "多选题": "multiple", "multiple_choice": "multiple",
    "true_false": "true_false", "truefalse": "true_false", "tf": "true_false", "判断": "true_false", "判断题": "true_false",
    "fill_blank": "fill_blank", "fill": "fill_blank", "填空": "fill_blank", "填空题": "fill_blank",
    "ordering": "ordering", "order": "ordering", "排序": "ordering", "排序题": "ordering",
    "scenario": "scenario", "案例": "scenario", "案例题": "scenario", "情景": "scenario", "情景题": "scenario",
}
TRUE_WORDS = {"true", "t", "yes", "y", "1", "对", "正确", "是", "√", "✓", "✔", "真"}
FALSE_WORDS = {"false", "f", "no", "n", "0", "错", "错误", "否", "×", "✗", "✘", "假"}
QUIZ_SETTINGS = ("id", "title", "description", "pass_mark", "shuffle", "draw", "feedback", "lesson")

_COLUMN_RE = re.compile(r"^(?P<field>prompt|explanation|answer|option_?(?P<n>\d+|[a-z]))(?:_(?P<lang>[a-z]{2,3}(?:-[a-z0-9]+)?))?$")
_PLAIN_COLUMNS = ("id", "type", "scenario", "correct", "lesson", "section")
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _norm_header(value: Any) -> str:
    text = unicodedata.normalize("NFKC", _cell_text(value)).strip().lower()
    return re.sub(r"[\s\-]+", "_", text)


def _cell_text(value: Any) -> str:
    """A cell as text: numbers without a spurious ``.0``, booleans as true/false, dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def split_items(text: str) -> list[str]:
    """``a | b | c`` → ``[a, b, c]``; ``\\|`` is a literal bar."""
    parts = re.split(r"(?<!\\)\|", text)
    return [p.replace("\\|", "|").strip() for p in parts if p.strip()]


def join_items(items: list[str]) -> str:
    return " | ".join(item.replace("|", "\\|") for item in items)


@dataclass
class _Column:
    index: int  # 0-based
    name: str
    field: str  # prompt, explanation, answer, option, or a plain column
    lang: str | None = None
    option: int | None = None


@dataclass
class _Layout:
    columns: list[_Column] = field(default_factory=list)

    def plain(self, name: str) -> _Column | None:
        return next((c for c in self.columns if c.field == name), None)

    def texts(self, name: str) -> list[_Column]:
        return [c for c in self.columns if c.field == name]

    def options(self) -> dict[int, list[_Column]]:
        out: dict[int, list[_Column]] = {}
        for c in self.columns:
            if c.field == "option" and c.option is not None:
                out.setdefault(c.option, []).append(c)
        return dict(sorted(out.items()))


class _Sheet:
    """Reports for one sheet: ``Sheet "questions", row 5, column F (correct): …``."""

    def __init__(self, name: str, errors: list[str], warnings: list[str]) -> None:
        self.name = name
        self.errors = errors
        self.warnings = warnings

    def where(self, row: int | None = None, col: _Column | None = None) -> str:
        from openpyxl.utils import get_column_letter

        out = f'Sheet "{self.name}"'
        if row is not None:
            out += f", row {row}"
        if col is not None:
            out += f", column {get_column_letter(col.index + 1)} ({col.name})"
        return out

    def error(self, message: str, row: int | None = None, col: _Column | None = None) -> None:
        self.errors.append(f"{self.where(row, col)}: {message}")

    def warn(self, message: str, row: int | None = None, col: _Column | None = None) -> None:
        self.warnings.append(f"{self.where(row, col)}: {message}")


def _layout(sheet: _Sheet, header: tuple[Any, ...], default_lang: str, languages: list[str] | None) -> _Layout | None:
    layout = _Layout()
    seen: dict[tuple[str, str | None, int | None], _Column] = {}
    for index, raw in enumerate(header):
        name = _norm_header(raw)
        if not name:
            continue
        col = _Column(index, name, name)
        match = _COLUMN_RE.match(name)
        if name in _PLAIN_COLUMNS:
            pass
        elif match:
            lang = match.group("lang") or default_lang
            n = match.group("n")
            col.field = "option" if n is not None else match.group("field")
            col.lang = lang
            if n is not None:
                col.option = int(n) if n.isdigit() else ord(n) - ord("a") + 1
            if languages is not None and lang not in languages:
                sheet.error(f"unknown language '{lang}' in the column name: the site has {', '.join(languages)}", 1, col)
                continue
        else:
            sheet.warn("unknown column, ignored (see docs/question-banks.md for the column names)", 1, col)
            continue
        key = (col.field, col.lang, col.option)
        if key in seen:
            sheet.error(f"the same column appears twice (also column {_letter(seen[key])})", 1, col)
            continue
        seen[key] = col
        layout.columns.append(col)
    if layout.plain("type") is None:
        sheet.error("no `type` column: row 1 must hold the column names (id, type, prompt_zh, …)", 1)
    if not layout.texts("prompt"):
        sheet.error("no prompt column (prompt, prompt_zh, prompt_en …)", 1)
    return None if sheet.errors else layout


def _letter(col: _Column) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(col.index + 1)


class _RowReader:
    def __init__(self, sheet: _Sheet, layout: _Layout, default_lang: str) -> None:
        self.sheet = sheet
        self.layout = layout
        self.default_lang = default_lang

    def value(self, row: tuple[Any, ...], col: _Column | None) -> Any:
        if col is None or col.index >= len(row):
            return None
        return row[col.index]

    def text(self, row: tuple[Any, ...], col: _Column | None, number: int) -> str:
        raw = self.value(row, col)
        text = _cell_text(raw)
        if _ILLEGAL.search(text):
            self.sheet.warn("control characters removed", number, col)
            text = _ILLEGAL.sub("", text)
        return text

    def texts(self, row: tuple[Any, ...], cols: list[_Column], number: int) -> dict[str, str]:
        out = {}
        for col in cols:
            value = self.text(row, col, number)
            if value:
                out[col.lang or self.default_lang] = value
        return out

    def question(self, row: tuple[Any, ...], number: int) -> dict[str, Any] | None:
        """One question row as quiz data (``_scenario`` names its scenario), or ``None`` after errors."""
        errors_before = len(self.sheet.errors)
        lay = self.layout
        q: dict[str, Any] = {"_where": self.sheet.where(number), "_row": number}
        id_col = lay.plain("id")
        qid = self.text(row, id_col, number)
        if qid:
            if not is_id(qid):
                hint = f" (did you mean '{_slug(qid)}'?)" if _slug(qid) and is_id(_slug(qid)) else ""
                self.sheet.error(f"'{qid}' is not an id: use lowercase letters, digits and hyphens, like q1 or meth-name{hint}", number, id_col)
            q["id"] = qid
        type_col = lay.plain("type")
        raw_type = self.text(row, type_col, number)
        qtype = TYPE_ALIASES.get(unicodedata.normalize("NFKC", raw_type).strip().lower().replace(" ", "_").replace("-", "_"))
        if not raw_type:
            self.sheet.error("missing type: write single, multiple, true_false, fill_blank, ordering or scenario", number, type_col)
        elif qtype is None:
            self.sheet.error(f"unknown type '{raw_type}': use single, multiple, true_false, fill_blank, ordering or scenario "
                             "(or 单选, 多选, 判断, 填空, 排序, 案例)", number, type_col)
        q["type"] = qtype
        prompt = self.texts(row, lay.texts("prompt"), number)
        if not prompt:
            self.sheet.error("missing prompt: every question needs its text", number, lay.texts("prompt")[0])
        else:
            q["prompt"] = text_value(prompt, self.default_lang)
        explanation = self.texts(row, lay.texts("explanation"), number)
        if explanation:
            q["explanation"] = text_value(explanation, self.default_lang)
        for name in ("lesson", "section"):
            col = lay.plain(name)
            value = self.text(row, col, number)
            if value and not is_id(value):
                self.sheet.error(f"'{value}' is not an id: use the {name}'s id (lowercase letters, digits, hyphens)", number, col)
            elif value:
                q[name] = value
        scen_col = lay.plain("scenario")
        scenario = self.text(row, scen_col, number)
        if scenario:
            if qtype == "scenario":
                self.sheet.error("a scenario cannot belong to another scenario: leave this cell empty", number, scen_col)
            q["_scenario"] = (scenario, scen_col)
        if qtype in ("single", "multiple"):
            self.choice(row, number, q, qtype)
        elif qtype == "true_false":
            self.true_false(row, number, q)
        elif qtype == "fill_blank":
            self.fill_blank(row, number, q)
        elif qtype == "ordering":
            self.ordering(row, number, q)
        elif qtype == "scenario":
            if not qid:
                self.sheet.error("a scenario needs an id, so that its questions can name it in their `scenario` column", number, id_col)
            self.unused(row, number, ("options", "correct", "answer"))
            q["questions"] = []
        if qtype in ("true_false", "fill_blank", "ordering"):
            self.unused(row, number, ("options",))
        return None if len(self.sheet.errors) > errors_before else q

    def unused(self, row: tuple[Any, ...], number: int, what: tuple[str, ...]) -> None:
        cols: list[_Column] = []
        if "options" in what:
            cols += [c for cs in self.layout.options().values() for c in cs]
        if "correct" in what and self.layout.plain("correct"):
            cols.append(self.layout.plain("correct"))  # type: ignore[arg-type]
        if "answer" in what:
            cols += self.layout.texts("answer")
        for col in cols:
            if self.text(row, col, number):
                self.sheet.warn("not used by this type of question: ignored", number, col)

    def choice(self, row: tuple[Any, ...], number: int, q: dict[str, Any], qtype: str) -> None:
        options: list[dict[str, str] | None] = []
        option_cols = self.layout.options()
        first_col: dict[int, _Column] = {n: cols[0] for n, cols in option_cols.items()}
        for n, cols in option_cols.items():
            while len(options) < n - 1:
                options.append(None)
            values = self.texts(row, cols, number)
            options.append(values or None)
        last = max((i for i, o in enumerate(options) if o), default=-1)
        for i in range(last):
            if options[i] is None:
                col = first_col.get(i + 1)
                self.sheet.error(f"option {i + 1} is empty but a later option is filled: fill the options from option 1 without gaps",
                                 number, col)
                return
        filled = [o for o in options if o]
        if len(filled) < 2:
            self.sheet.error("a choice question needs at least two options", number, first_col.get(1))
            return
        correct_col = self.layout.plain("correct")
        raw = self.text(row, correct_col, number)
        if not raw:
            self.sheet.error("missing correct: name the right option(s), e.g. A or A,C (or 1 / 1,3)", number, correct_col)
            return
        picks = parse_correct(raw)
        if picks is None:
            self.sheet.error(f"'{raw}' does not name options: write letters like A or A,C, or numbers like 1 or 1,3", number, correct_col)
            return
        for n in picks:
            if n > len(options) or not options[n - 1]:
                self.sheet.error(f"correct names option {_label(n)}, but option {_label(n)} is empty", number, correct_col)
                return
        if qtype == "single" and len(picks) != 1:
            self.sheet.error(f"a single-choice question has exactly one right option, but correct names {len(picks)} "
                             f"({', '.join(_label(n) for n in sorted(picks))}); use type multiple for several", number, correct_col)
            return
        texts = [tuple(sorted(o.items())) for o in filled]
        if len(set(texts)) != len(texts):
            self.sheet.error("two options have the same text", number, first_col.get(1))
            return
        q["options"] = [{"text": text_value(o, self.default_lang), "correct": i + 1 in picks} for i, o in enumerate(filled)]

    def answer_cells(self, row: tuple[Any, ...], number: int) -> dict[str, str]:
        return self.texts(row, self.layout.texts("answer"), number)

    def true_false(self, row: tuple[Any, ...], number: int, q: dict[str, Any]) -> None:
        cols = [c for c in self.layout.texts("answer") if self.value(row, c) not in (None, "")]
        correct_col = self.layout.plain("correct")
        if not cols and correct_col is not None and self.value(row, correct_col) not in (None, ""):
            cols = [correct_col]
        if not cols:
            answer_cols = self.layout.texts("answer")
            self.sheet.error("missing answer: write true or false (对 or 错)", number, answer_cols[0] if answer_cols else correct_col)
            return
        found: set[bool] = set()
        for col in cols:
            raw = self.value(row, col)
            if isinstance(raw, bool):
                found.add(raw)
                continue
            word = unicodedata.normalize("NFKC", _cell_text(raw)).strip().lower()
            if word in TRUE_WORDS:
                found.add(True)
            elif word in FALSE_WORDS:
                found.add(False)
            else:
                self.sheet.error(f"a true/false answer must be true or false (对 or 错), not '{_cell_text(raw)}'", number, col)
                return
        if len(found) > 1:
            self.sheet.error("the answer cells disagree (one says true, another false)", number, cols[0])
            return
        q["answer"] = found.pop()

    def fill_blank(self, row: tuple[Any, ...], number: int, q: dict[str, Any]) -> None:
        cells = self.answer_cells(row, number)
        answers = {lang: split_items(text) for lang, text in cells.items()}
        answers = {lang: items for lang, items in answers.items() if items}
        if not answers:
            cols = self.layout.texts("answer")
            self.sheet.error("missing answer: write the accepted answers, separated by | (e.g. 甲基苯丙胺 | 冰毒)", number,
                             cols[0] if cols else None)
            return
        q["answer"] = answers[self.default_lang] if list(answers) == [self.default_lang] else answers

    def ordering(self, row: tuple[Any, ...], number: int, q: dict[str, Any]) -> None:
        cells = self.answer_cells(row, number)
        cols = {c.lang: c for c in self.layout.texts("answer")}
        items = {lang: split_items(text) for lang, text in cells.items()}
        if not items:
            first = next(iter(cols.values()), None)
            self.sheet.error("missing answer: write the items in the right order, separated by | (e.g. first | second | third)",
                             number, first)
            return
        counts = {lang: len(v) for lang, v in items.items()}
        for lang, n in counts.items():
            if n < 2:
                self.sheet.error("an ordering question needs at least two items, separated by |", number, cols.get(lang))
                return
        if len(set(counts.values())) > 1:
            detail = ", ".join(f"{lang}: {n}" for lang, n in counts.items())
            self.sheet.error(f"the languages list different numbers of items ({detail})", number, next(iter(cols.values())))
            return
        n_items = next(iter(counts.values()))
        merged = [{lang: items[lang][i] for lang in items} for i in range(n_items)]
        keys = [tuple(sorted(item.items())) for item in merged]
        if len(set(keys)) != len(keys):
            self.sheet.error("two items to order have the same text", number, next(iter(cols.values())))
            return
        q["answer"] = [text_value(item, self.default_lang) for item in merged]


def _label(n: int) -> str:
    return chr(ord("A") + n - 1) if 1 <= n <= 26 else str(n)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def parse_correct(raw: str) -> set[int] | None:
    """``"A,C"``, ``"AC"``, ``"a、c"``, ``"1,3"``, ``"Ａ"`` → option numbers; ``None`` when unreadable."""
    text = unicodedata.normalize("NFKC", raw).strip().upper()
    tokens = [t for t in re.split(r"[\s,;，、；/]+", text) if t]
    picks: set[int] = set()
    for token in tokens:
        if token.isdigit():
            if int(token) < 1:
                return None
            picks.add(int(token))
        elif token.isascii() and token.isalpha():
            picks.update(ord(ch) - ord("A") + 1 for ch in token)
        else:
            return None
    return picks or None


def _open_workbook(path: Path) -> Any:
    from openpyxl import load_workbook

    name = path.name
    if path.suffix.lower() == ".xls":
        raise QuestionBankError(name, ["this is an old .xls workbook: open it in Excel or WPS and save it as .xlsx"])
    if not zipfile.is_zipfile(path):
        raise QuestionBankError(name, ["this is not an Excel .xlsx file (an .xlsx file is a zip archive): save the bank as .xlsx"])
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a zip that is not a workbook
        raise QuestionBankError(name, [f"this file cannot be read as an Excel workbook ({type(exc).__name__}): save it as .xlsx"]) from exc


def _rows(ws: Any) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in ws.iter_rows(values_only=True)]


def _blank(row: tuple[Any, ...]) -> bool:
    return all(_cell_text(v) == "" for v in row)


def import_xlsx(
    path: Path, *, quiz_id: str, title: str, default_lang: str = "zh", languages: list[str] | None = None,
) -> ImportResult:
    """Quiz YAML from an Excel question bank; raises :class:`QuestionBankError` listing every bad cell."""
    wb = _open_workbook(path)
    errors: list[str] = []
    warnings: list[str] = []
    names = list(wb.sheetnames)
    lower = {n.strip().lower(): n for n in names}
    qname = next((lower[n] for n in QUESTION_SHEETS if n in lower), None)
    others = [n for n in names if n.strip().lower() not in (*QUIZ_SHEETS, *HELP_SHEETS)]
    if qname is None:
        if len(others) == 1:
            qname = others[0]
        else:
            raise QuestionBankError(path.name, [f"no sheet named \"questions\" (the sheets are: {', '.join(names)}); "
                                                "name the sheet holding the questions \"questions\""])
    for n in others:
        if n != qname:
            warnings.append(f'Sheet "{n}": ignored (only "questions", "quiz" and "help" are read)')
    sheet = _Sheet(qname, errors, warnings)
    rows = _rows(wb[qname])
    data: dict[str, Any] = {"title": text_value({default_lang: title}, default_lang)}
    qsheet = next((lower[n] for n in QUIZ_SHEETS if n in lower), None)
    if qsheet is not None:
        quiz_id = _quiz_settings(_Sheet(qsheet, errors, warnings), _rows(wb[qsheet]), data, default_lang, languages) or quiz_id
    wb.close()
    header_at = next((i for i, r in enumerate(rows) if not _blank(r)), None)
    if header_at is None:
        sheet.error("the sheet is empty: row 1 must hold the column names and each later row one question "
                    "(see docs/question-banks.md or the template)")
        raise QuestionBankError(path.name, errors)
    if header_at:
        sheet.error("row 1 must hold the column names (id, type, prompt_zh, …); it is empty", 1)
        raise QuestionBankError(path.name, errors)
    layout = _layout(sheet, rows[0], default_lang, languages)
    if layout is None:
        raise QuestionBankError(path.name, errors)
    reader = _RowReader(sheet, layout, default_lang)
    parsed: list[tuple[int, dict[str, Any]]] = []
    count = 0
    for number, row in enumerate(rows[1:], start=2):
        if _blank(row):
            continue
        count += 1
        q = reader.question(row, number)
        if q is not None:
            q["_number"] = count
            parsed.append((number, q))
    if not parsed and not errors:
        sheet.error("no questions: put one question on each row below the column names")
    questions = _assemble(sheet, parsed)
    if errors:
        raise QuestionBankError(path.name, errors)
    assign_ids(questions, warnings)
    data["questions"] = questions

    def locate(q: dict[str, Any] | None, rest: tuple[Any, ...], lang: str) -> str:
        if q is None:
            setting = rest[0] if rest else "title"
            suffix = f"_{lang}" if setting in ("title", "description") else ""
            return f'Sheet "{qsheet or "quiz"}", {setting}{suffix}'
        kind = {"options": "option"}.get(rest[0], rest[0]) if rest else "prompt"
        option = rest[1] + 1 if kind == "option" and len(rest) > 1 else None
        col = next((c for c in layout.columns if c.field == kind and c.lang == lang and c.option == option), None)
        return sheet.where(q["_row"], col or layout.plain(kind))  # a plain column (section …) has no language

    return finish_import(path.name, data, warnings, default_lang, quiz_id=quiz_id, locate=locate)


def _assemble(sheet: _Sheet, parsed: list[tuple[int, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Top-level questions in row order, each row with a `scenario` cell moved into its scenario."""
    ids: dict[str, int] = {}
    scenarios: dict[str, dict[str, Any]] = {}
    for number, q in parsed:
        qid = q.get("id")
        if qid:
            if qid in ids:
                sheet.error(f"the id '{qid}' is already used in row {ids[qid]}", number, None)
            else:
                ids[qid] = number
            if q["type"] == "scenario":
                scenarios[qid] = q
    questions: list[dict[str, Any]] = []
    for number, q in parsed:
        link = q.pop("_scenario", None)
        if link is None:
            questions.append(q)
            continue
        target, col = link
        if target not in scenarios:
            known = f" (scenario ids: {', '.join(scenarios)})" if scenarios else " (no row has type scenario)"
            sheet.error(f"no scenario row has the id '{target}'{known}", number, col)
            continue
        scenarios[target]["questions"].append(q)
    for qid, scenario in scenarios.items():
        if not scenario["questions"]:
            sheet.error(f"scenario '{qid}' has no questions: write '{qid}' in the `scenario` column of the rows that belong to it",
                        ids[qid])
    return questions


def _quiz_settings(
    sheet: _Sheet, rows: list[tuple[Any, ...]], data: dict[str, Any], default_lang: str, languages: list[str] | None,
) -> str | None:
    """Read the ``quiz`` sheet (``setting | value`` rows) into ``data``; returns the quiz id if given."""
    quiz_id = None
    texts: dict[str, dict[str, str]] = {}
    key_col = _Column(0, "setting", "setting")
    value_col = _Column(1, "value", "value")
    for number, row in enumerate(rows, start=1):
        if _blank(row):
            continue
        key = _norm_header(row[0] if row else None)
        value = row[1] if len(row) > 1 else None
        text = _cell_text(value)
        if number == 1 and key in ("setting", "设置", "key"):
            continue
        base, _, lang = key.partition("_") if key.startswith(("title_", "description_")) else (key, "", "")
        if base in ("title", "description"):
            lang = lang or default_lang
            if not is_lang(lang) or (languages is not None and lang not in languages):
                sheet.error(f"unknown language '{lang}'", number, key_col)
            elif text:
                texts.setdefault(base, {})[lang] = text
            continue
        if key not in QUIZ_SETTINGS:
            sheet.error(f"unknown setting '{key}': use {', '.join(QUIZ_SETTINGS)} (title_en, description_zh … for languages)",
                        number, key_col)
            continue
        if not text:
            continue
        if key in ("id", "lesson"):
            if not is_id(text):
                sheet.error(f"'{text}' is not an id: use lowercase letters, digits and hyphens", number, value_col)
            elif key == "id":
                quiz_id = text
            else:
                data["lesson"] = text
        elif key in ("pass_mark", "draw"):
            number_value = _int(value)
            low = 0 if key == "pass_mark" else 1
            if number_value is None or number_value < low or (key == "pass_mark" and number_value > 100):
                bound = "a whole number from 0 to 100 (percent)" if key == "pass_mark" else "a whole number, 1 or more"
                sheet.error(f"{key} must be {bound}, not '{text}'", number, value_col)
            else:
                data[key] = number_value
        elif key == "shuffle":
            word = text.lower()
            if isinstance(value, bool) or word in TRUE_WORDS | FALSE_WORDS:
                data["shuffle"] = value if isinstance(value, bool) else word in TRUE_WORDS
            else:
                sheet.error(f"shuffle must be true or false, not '{text}'", number, value_col)
        elif key == "feedback":
            if text.lower() not in ("immediate", "end"):
                sheet.error(f"feedback must be immediate (after each answer) or end, not '{text}'", number, value_col)
            else:
                data["feedback"] = text.lower()
    for base, values in texts.items():
        data[base] = text_value(values, default_lang)
    return quiz_id


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = _cell_text(value).rstrip("%").strip()
    return int(text) if re.fullmatch(r"\d+", text) else None


# --- writing ------------------------------------------------------------------------------------


def quiz_languages(quiz: model.Quiz, languages: list[str]) -> list[str]:
    """The site's languages, then any other language a text of the quiz uses."""
    out = list(languages)
    for _, text in model.iter_texts(quiz):
        for code in text.langs:
            if code not in out:
                out.append(code)
    for _, q in quiz.all_questions():
        if isinstance(q, model.FillBlankQuestion) and isinstance(q.answer, dict):
            out.extend(code for code in q.answer if code not in out)
    return out


def workbook_for(quiz: model.Quiz, languages: list[str], default_lang: str, *, min_options: int = 4) -> Any:
    """An openpyxl workbook holding ``quiz`` in the question-bank layout (sheets questions, quiz, help)."""
    from openpyxl import Workbook

    langs = quiz_languages(quiz, languages)
    n_options = max([min_options, *(len(q.options) for _, q in quiz.all_questions() if isinstance(q, (model.SingleQuestion, model.MultipleQuestion)))])
    header = ["id", "type", "scenario", *(f"prompt_{lang}" for lang in langs)]
    for n in range(1, n_options + 1):
        header += [f"option_{n}_{lang}" for lang in langs]
    header += ["correct", *(f"answer_{lang}" for lang in langs), *(f"explanation_{lang}" for lang in langs), "lesson", "section"]
    col = {name: i for i, name in enumerate(header)}

    def row_for(q: Any, scenario: str | None) -> list[Any]:
        row: list[Any] = [None] * len(header)
        row[col["id"]] = q.id
        row[col["type"]] = q.type
        row[col["scenario"]] = scenario
        for lang in langs:
            if q.prompt.has(lang):
                row[col[f"prompt_{lang}"]] = q.prompt.values[lang]
            if q.explanation is not None and q.explanation.has(lang):
                row[col[f"explanation_{lang}"]] = q.explanation.values[lang]
        row[col["lesson"]] = q.lesson
        row[col["section"]] = q.section
        if isinstance(q, (model.SingleQuestion, model.MultipleQuestion)):
            for n, option in enumerate(q.options, 1):
                for lang in langs:
                    if option.text.has(lang):
                        row[col[f"option_{n}_{lang}"]] = option.text.values[lang]
            row[col["correct"]] = ",".join(_label(n) for n, o in enumerate(q.options, 1) if o.correct)
        elif isinstance(q, model.TrueFalseQuestion):
            row[col[f"answer_{default_lang}"]] = "true" if q.answer else "false"
        elif isinstance(q, model.FillBlankQuestion):
            if isinstance(q.answer, list):
                row[col[f"answer_{default_lang}"]] = join_items(q.answer)
            else:
                for lang, items in q.answer.items():
                    row[col[f"answer_{lang}"]] = join_items(items)
        elif isinstance(q, model.OrderingQuestion):
            for lang in langs:
                if all(item.has(lang) for item in q.answer):
                    row[col[f"answer_{lang}"]] = join_items([item.values[lang] for item in q.answer])
        return row

    wb = Workbook()
    ws = wb.active
    ws.title = "questions"
    _append(ws, header)
    for q in quiz.questions:
        _append(ws, row_for(q, None))
        if isinstance(q, model.ScenarioQuestion):
            for sub in q.questions:
                _append(ws, row_for(sub, q.id))
    settings = wb.create_sheet("quiz")
    _append(settings, ["setting", "value"])
    _append(settings, ["id", quiz.id])
    for lang in langs:
        if quiz.title.has(lang):
            _append(settings, [f"title_{lang}", quiz.title.values[lang]])
    if quiz.description is not None:
        for lang in langs:
            if quiz.description.has(lang):
                _append(settings, [f"description_{lang}", quiz.description.values[lang]])
    _append(settings, ["pass_mark", quiz.pass_mark])
    _append(settings, ["shuffle", "true" if quiz.shuffle else "false"])
    if quiz.draw is not None:
        _append(settings, ["draw", quiz.draw])
    _append(settings, ["feedback", quiz.feedback])
    if quiz.lesson:
        _append(settings, ["lesson", quiz.lesson])
    return wb


def _append(ws: Any, values: list[Any]) -> None:
    """Append a row, storing every text as text: a cell starting with = must never become a formula."""
    ws.append([None if v is None else v for v in values])
    for cell in ws[ws.max_row]:
        if isinstance(cell.value, str):
            cell.value = _ILLEGAL.sub("", cell.value)
            cell.data_type = "s"


def write_xlsx(quiz: model.Quiz, path: Path, languages: list[str], default_lang: str) -> None:
    """Write ``quiz`` as an Excel question bank that :func:`import_xlsx` reads back."""
    wb = workbook_for(quiz, languages, default_lang)
    style_workbook(wb, languages)
    wb.save(path)
