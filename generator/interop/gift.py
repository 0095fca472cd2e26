"""Moodle GIFT: export a quiz in one language, import a GIFT file into quiz YAML.

The writer follows Moodle's own GIFT reader and writer (``question/format/gift/format.php``), which
is what decides whether a file imports:

* one question per block, blocks separated by a blank line; ``//`` lines are comments;
* ``::name::`` — the question id (scenario sub-questions: ``scenario-id/question-id``);
* ``[markdown]`` before the question text: our text *is* Markdown, Moodle renders it as such, and
  answers and feedback inherit the format;
* ``~ = # { } :`` and the backslash are escaped with a backslash, a line break is written ``\\n``
  (so a Markdown paragraph break never ends the question early);
* answers go between ``{`` and ``}``; general feedback (our explanation) is the last thing
  before ``}``, after ``####``;
* ``$CATEGORY: $course$/top/<quiz title>`` first, so the bank gets one category per quiz.

Question types:

* ``single`` → ``{=right ~wrong …}``; ``true_false`` → ``{TRUE}`` / ``{FALSE}``;
* ``multiple`` → ``{~%50%right ~%-50%wrong …}``: every right option earns 100 ÷ (number of right
  options) percent and every wrong one takes the same away. That is exactly how the site's quiz
  engine scores a multiple-choice question (right − wrong picks, ÷ right options, at least 0), and
  Moodle, too, never goes below 0. With more than 10 right options Moodle has no matching grade:
  the nearest lower one is used and a warning says so;
* ``fill_blank`` → short answer ``{=a =b}`` (Moodle's ``*`` wildcard is escaped as ``\\*``);
* ``ordering`` → **matching** ``{=item -> 1 =item -> 2 …}`` with a warning. Core Moodle has no
  ordering question in GIFT (the Ordering plugin reads only Moodle XML, and not every site has it);
  a matching question whose answers are the positions 1…n is the same task, scores each item, and
  imports on every Moodle. A ``->`` inside an item is written ``-&gt;`` (Markdown shows ``->``) so
  Moodle does not split the item there;
* ``scenario`` → a **description** item with the case text (named with the scenario id), then its
  sub-questions named ``scenario-id/question-id``. Moodle's description type is made for exactly
  this; a trainer adds the description and its questions to one quiz page. The same layout is used
  in Moodle XML, and it lets the importer rebuild the scenario exactly. A scenario's own
  explanation has no place in a GIFT description and is dropped with a warning.

The reader accepts what this writer produces and what Moodle writes or trainers type: ``[html]``
and Moodle-format text are converted to Markdown, and what has no Dandelion equivalent (essays,
general matching, numerical ranges, per-answer feedback, partial credit) is skipped or dropped with
a warning. Malformed files stop the import with every problem listed as ``line N: …``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import model
from .common import (
    ExportResult,
    ImportResult,
    QuestionBankError,
    TextPicker,
    assign_ids,
    category_path,
    export_notes,
    finish_import,
    share,
    text_value,
)
from .htmlmd import html_to_markdown, looks_like_html

# --- export -------------------------------------------------------------------------------------

_RESERVED = {"\\": "\\\\", "~": "\\~", "=": "\\=", "#": "\\#", "{": "\\{", "}": "\\}", ":": "\\:", "\n": "\\n"}


def escape(text: str) -> str:
    """GIFT-escape ``text`` the way Moodle's ``repchar`` does (``\\r`` dropped, line breaks as ``\\n``)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(_RESERVED.get(ch, ch) for ch in text)


def _answer_text(text: str) -> str:
    """An answer in the question's format. A leading ``[`` would be read as a format name, so the
    format is then written out explicitly (Moodle strips only the first ``[…]``)."""
    text = text.strip()
    return ("[markdown]" if text.startswith("[") else "") + escape(text)


def _weighted(prefix: str, weight: str | None, text: str) -> str:
    """``~text``, ``~%50%text`` or ``=text``.

    Moodle reads a leading ``%n%`` after ``~`` (and in short answers after ``=``) as a weight, so
    a text that itself starts that way gets an explicit weight in front. After ``=`` in a
    multiple-choice question Moodle reads no weight, so nothing is added there.
    """
    body = _answer_text(text)
    if weight is None and prefix == "~" and _WEIGHT_RE.match(body):
        weight = "0"
    return f"{prefix}%{weight}%{body}" if weight is not None else f"{prefix}{body}"


def _shortanswer(text: str) -> str:
    # Moodle short answers treat * as "any characters"; ours are literal.
    body = _answer_text(text.strip().replace("*", "\\*"))
    return f"=%100%{body}" if _WEIGHT_RE.match(body) else f"={body}"


def export_gift(quiz: model.Quiz, lang: str | None = None, default_lang: str = "zh") -> ExportResult:
    """The quiz as a GIFT file for Moodle, in ``lang`` (texts missing in it fall back to ``default_lang``)."""
    lang = lang or default_lang
    pick = TextPicker(lang, default_lang)
    warnings: list[str] = []
    title = pick(quiz.title, "the quiz title")
    blocks = [
        f"// Dandelion quiz '{quiz.id}' in language '{lang}'. Import into Moodle: Question bank → Import → GIFT format.",
        f"$CATEGORY: {category_path(title)}",
    ]

    def question(q: Any, name: str) -> str | None:
        head = f"::{escape(name)}::[markdown]{escape(pick(q.prompt, q.id).strip())}"
        explanation = pick(q.explanation, q.id).strip()
        feedback = f"####{escape(explanation)}" if explanation else ""
        if isinstance(q, model.TrueFalseQuestion):
            return f"{head}{{{'TRUE' if q.answer else 'FALSE'}{feedback}}}"
        lines: list[str] = []
        if isinstance(q, model.SingleQuestion):
            lines = [_weighted("=" if o.correct else "~", None, pick(o.text, q.id)) for o in q.options]
        elif isinstance(q, model.MultipleQuestion):
            n_right = sum(o.correct for o in q.options)
            weight, exact = share(max(n_right, 1))
            if not exact:
                warnings.append(f"{q.id}: Moodle has no grade for 1/{n_right}; each right option was given {weight}%")
            lines = [_weighted("~", weight if o.correct else f"-{weight}", pick(o.text, q.id)) for o in q.options]
        elif isinstance(q, model.FillBlankQuestion):
            answers = pick.answers(q)
            # Moodle takes any answer block holding "->" for a matching question, and GIFT has no
            # escape for it: such an answer cannot be written (Moodle XML has no such limit).
            kept = [a for a in answers if "->" not in a]
            if len(kept) < len(answers):
                dropped = ", ".join(repr(a) for a in answers if "->" in a)
                if not kept:
                    warnings.append(f"{q.id}: skipped: GIFT cannot hold a short answer containing '->' ({dropped}); use Moodle XML")
                    return None
                warnings.append(f"{q.id}: answer {dropped} left out: GIFT cannot hold a short answer containing '->'; use Moodle XML")
            lines = [_shortanswer(a) for a in kept]
        elif isinstance(q, model.OrderingQuestion):
            warnings.append(f"{q.id}: ordering exported as a matching question (each item ↔ its position 1…{len(q.answer)})")
            lines = [f"={_answer_text(pick(item, q.id).replace('->', '-&gt;'))} -> {n}" for n, item in enumerate(q.answer, 1)]
        body = "".join(f"\t{line}\n" for line in lines)
        if feedback:
            body += f"\t{feedback}\n"
        return f"{head}{{\n{body}}}"

    for q in quiz.questions:
        if isinstance(q, model.ScenarioQuestion):
            if q.explanation is not None:
                warnings.append(f"{q.id}: a GIFT description has no feedback, so the scenario's explanation was left out")
            blocks.append(f"// {q.id}: scenario — the case text, then its {len(q.questions)} questions\n"
                          f"::{escape(q.id)}::[markdown]{escape(pick(q.prompt, q.id).strip())}")
            for sub in q.questions:
                text = question(sub, f"{q.id}/{sub.id}")
                if text is not None:
                    blocks.append(f"// {q.id}/{sub.id} ({sub.type})\n{text}")
        else:
            text = question(q, q.id)
            if text is not None:
                blocks.append(f"// {q.id} ({q.type})\n{text}")
    warnings[:0] = pick.warnings()
    warnings.extend(export_notes(quiz))
    return ExportResult("\n\n".join(blocks) + "\n", warnings)


# --- import -------------------------------------------------------------------------------------

# Escapes become private-use characters while the structure is parsed, as Moodle does with "&&058;".
_ESCAPES = {":": "\ue000", "#": "\ue001", "=": "\ue002", "{": "\ue003", "}": "\ue004", "~": "\ue005", "n": "\ue006"}
_UNESCAPE = {v: ("\n" if k == "n" else k) for k, v in _ESCAPES.items()}
_BACKSLASH = "\ue007"
_WEIGHT_RE = re.compile(r"^%-*([0-9]{1,2})\.?([0-9]*)%")
_FORMATS = {"moodle", "html", "plain", "markdown"}


def _pre(text: str) -> str:
    text = text.replace("\\\\", _BACKSLASH)
    for ch, mark in _ESCAPES.items():
        text = text.replace("\\" + ch, mark)
    return text.replace(_BACKSLASH, "\\")


def _post(text: str) -> str:
    return "".join(_UNESCAPE.get(ch, ch) for ch in text)


def _with_format(text: str, default: str) -> tuple[str, str]:
    """(text, format) after an optional ``[format]`` prefix, unescaped and trimmed (Moodle's rules)."""
    fmt = default
    if text.startswith("["):
        end = text.find("]")
        name = text[1:end] if end > 0 else ""
        if name in _FORMATS:
            fmt, text = name, text[end + 1 :]
    return _post(text).strip(), fmt


def _weight(answer: str) -> tuple[float | None, str]:
    """The ``%n%`` weight at the start of an answer (as a fraction of 1) and the rest of it."""
    match = _WEIGHT_RE.match(answer)
    if not match:
        return None, answer
    inner = answer[1 : answer.index("%", 1)]
    try:
        value = float(inner) / 100
    except ValueError:
        value = 0.0
    return value, answer[len(inner) + 2 :]


@dataclass
class _Item:
    line: int
    name: str | None
    kind: str  # "question" or "description"
    data: dict[str, Any] = field(default_factory=dict)


class _Reader:
    def __init__(self, lang: str, default_lang: str) -> None:
        self.lang = lang
        self.default_lang = default_lang
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.category: str | None = None

    # texts -----------------------------------------------------------------------------------

    def md(self, text: str, fmt: str, line: int) -> str:
        """Question text in ``fmt`` as our Markdown."""
        if fmt in ("html", "moodle") and looks_like_html(text):
            text, dropped = html_to_markdown(text)
            if dropped:
                self.warnings.append(f"line {line}: {', '.join(dropped)} in the text could not be imported and was left out")
        return text.strip()

    def text(self, value: str) -> Any:
        return text_value({self.lang: value}, self.default_lang)

    # blocks ----------------------------------------------------------------------------------

    def read(self, content: str) -> list[_Item]:
        items: list[_Item] = []
        block: list[str] = []
        start = 0
        lines = content.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        for number, raw in enumerate([*lines, ""], 1):
            line = raw.strip()
            if line:
                if not block:
                    start = number
                block.append(line)
            elif block:
                item = self.block(block, start)
                if item is not None:
                    items.append(item)
                block = []
        return items

    def block(self, lines: list[str], line: int) -> _Item | None:
        kept = [ln for ln in lines if not ln.startswith("//")]
        text = "\n".join(kept).strip()
        if not text:
            return None
        line += next(i for i, ln in enumerate(lines) if not ln.startswith("//"))
        text = _pre(text)
        if text.startswith("$CATEGORY:"):
            self.category = _post(text[len("$CATEGORY:") :]).strip()
            return None
        name = None
        if text.startswith("::"):
            end = text.find("::", 2)
            if end < 0:
                self.errors.append(f"line {line}: the question name starts with :: but never ends with :: (escape a colon in text as \\:)")
                return None
            name = _post(text[2:end]).strip()
            text = text[end + 2 :].strip()
        open_at, close_at = text.find("{"), text.find("}")
        if open_at < 0 and close_at < 0:
            prompt, fmt = _with_format(text, "moodle")
            return _Item(line, name, "description", {"prompt": self.md(prompt, fmt, line)})
        if open_at < 0 or close_at < 0 or close_at < open_at:
            self.errors.append(f"line {line}: unbalanced braces: the answers go between {{ and }}; write a literal brace as \\{{ or \\}}")
            return None
        if "{" in text[close_at + 1 :] or "}" in text[close_at + 1 :]:
            self.errors.append(f"line {line}: more than one {{…}} answer block in one question (separate questions with a blank line; escape literal braces)")
            return None
        answers = text[open_at + 1 : close_at].strip()
        after = text[close_at + 1 :]
        question_text = text[:open_at] + ("_____" + after if after.strip() else "")
        feedback = ""
        cut = answers.rfind("####")
        if cut >= 0:
            feedback, answers = answers[cut + 4 :], answers[:cut].strip()
        prompt, fmt = _with_format(question_text, "moodle")
        prompt = self.md(prompt, fmt, line)
        explanation_text, efmt = _with_format(feedback, fmt)
        explanation = self.md(explanation_text, efmt, line)
        if not prompt:
            self.errors.append(f"line {line}: the question has no text")
            return None
        data: dict[str, Any] = {"prompt": self.text(prompt)}
        if explanation:
            data["explanation"] = self.text(explanation)
        label = f"line {line}" + (f" ({name})" if name else "")
        body = self.answers(answers, fmt, line, label)
        if body is None:
            return None
        data.update(body)
        return _Item(line, name, "question", data)

    def answers(self, answers: str, fmt: str, line: int, label: str) -> dict[str, Any] | None:
        """The type and answers of one question, or ``None`` when it is skipped or wrong."""
        if answers == "":
            self.warnings.append(f"{label}: an essay question (empty {{}}) has no Dandelion equivalent: skipped")
            return None
        if answers.startswith("#"):
            return self.numerical(answers[1:], line, label)
        if "~" in answers:
            return self.multichoice(answers, fmt, line, label)
        if "=" in answers and "->" in answers:
            return self.matching(answers, fmt, line, label)
        check = answers.split("#", 1)[0].strip() if answers.find("#") > 0 else answers
        if check in ("T", "TRUE", "F", "FALSE"):
            if "#" in answers and any(p.strip() for p in answers.split("#")[1:]):
                self.warnings.append(f"{label}: feedback for the right/wrong answer was dropped (only the general feedback after #### is kept)")
            return {"type": "true_false", "answer": check in ("T", "TRUE")}
        return self.shortanswer(answers, line, label)

    def multichoice(self, answers: str, fmt: str, line: int, label: str) -> dict[str, Any] | None:
        single = "=" in answers
        parts = answers.replace("=", "~=").split("~")
        if parts and not parts[0].strip():
            parts = parts[1:]
        if len(parts) < 2:
            self.errors.append(f"line {line}: a multiple-choice question needs at least two answers")
            return None
        options: list[dict[str, Any]] = []
        partial = feedback = False
        for n, part in enumerate(parts, 1):
            part = part.strip()
            if part.startswith("="):
                weight: float | None = 1.0
                part = part[1:]
            else:
                weight, part = _weight(part)
                weight = weight or 0.0
            text, _, comment = part.partition("#")
            feedback = feedback or bool(_post(comment).strip())
            value, afmt = _with_format(text.strip(), fmt)
            value = self.md(value, afmt, line)
            if not value:
                self.errors.append(f"line {line}: answer {n} is empty")
                continue
            if single:
                if 0 < weight < 1:
                    partial = True
                correct = weight >= 1
            else:
                correct = weight > 0
            options.append({"text": self.text(value), "correct": correct})
        if feedback:
            self.warnings.append(f"{label}: per-answer feedback (#…) was dropped; Dandelion shows one explanation per question")
        if partial:
            self.warnings.append(f"{label}: partial credit was dropped; only the = answer counts as right")
        n_right = sum(o["correct"] for o in options)
        if single and n_right > 1:
            self.errors.append(f"line {line}: {n_right} answers are marked right with =; a single-choice question has exactly one "
                               "(for several right answers write ~%50%A ~%50%B …)")
            return None
        if not single and n_right == 0:
            self.errors.append(f"line {line}: no answer has a positive weight (~%50%…), so none is right")
            return None
        if len(options) != len(parts):
            return None
        return {"type": "single" if single else "multiple", "options": options}

    def matching(self, answers: str, fmt: str, line: int, label: str) -> dict[str, Any] | None:
        parts = answers.split("=")
        if parts and not parts[0].strip():
            parts = parts[1:]
        items: list[tuple[str, str]] = []
        for part in parts:
            left, arrow, right = part.strip().partition("->")
            if not arrow:
                self.errors.append(f"line {line}: a matching answer must read =item -> match")
                return None
            value, afmt = _with_format(left.strip(), fmt)
            items.append((self.md(value, afmt, line).replace("-&gt;", "->"), _post(right).strip()))
        positions = [str(n) for n in range(1, len(items) + 1)]
        if len(items) < 2 or sorted(r for _, r in items) != sorted(positions) or not all(t for t, _ in items):
            self.warnings.append(f"{label}: a matching question whose answers are not the positions 1…n has no Dandelion equivalent: skipped")
            return None
        ordered = sorted(items, key=lambda pair: int(pair[1]))
        return {"type": "ordering", "answer": [self.text(t) for t, _ in ordered]}

    def shortanswer(self, answers: str, line: int, label: str) -> dict[str, Any] | None:
        parts = answers.split("=")
        if parts and not parts[0].strip():
            parts = parts[1:]
        accepted: list[str] = []
        dropped = feedback = wildcard = False
        for part in parts:
            weight, rest = _weight(part.strip())
            text, _, comment = rest.partition("#")
            feedback = feedback or bool(_post(comment).strip())
            value, _fmt = _with_format(text.strip(), "plain")
            if weight is not None and weight < 1:
                dropped = True
                continue
            if re.search(r"(?<!\\)\*", value):
                wildcard = True
            value = value.replace("\\*", "*")
            if value:
                accepted.append(value)
        if dropped:
            self.warnings.append(f"{label}: answers worth less than 100% were dropped")
        if feedback:
            self.warnings.append(f"{label}: per-answer feedback (#…) was dropped; Dandelion shows one explanation per question")
        if wildcard:
            self.warnings.append(f"{label}: Moodle's * wildcard is not supported; the answer was kept as typed, * included")
        if not accepted:
            self.errors.append(f"line {line}: the short-answer question has no answer worth 100% (write {{=answer}})")
            return None
        answer: Any = accepted if self.lang == self.default_lang else {self.lang: accepted}
        return {"type": "fill_blank", "answer": answer}

    def numerical(self, answers: str, line: int, label: str) -> dict[str, Any] | None:
        parts = [p for p in answers.split("~", 1)[0].split("=") if p.strip()]
        accepted = []
        for part in parts:
            weight, rest = _weight(part.strip())
            value = _post(rest.split("#", 1)[0]).strip()
            if weight is not None and weight < 1:
                continue
            number, _, tolerance = value.partition(":")
            if ".." in value or (tolerance.strip() and _float(tolerance) != 0) or _float(number) is None:
                self.warnings.append(f"{label}: a numerical question with a tolerance or range has no Dandelion equivalent: skipped")
                return None
            accepted.append(number.strip())
        if not accepted:
            self.warnings.append(f"{label}: a numerical question without an exact answer: skipped")
            return None
        self.warnings.append(f"{label}: numerical question imported as fill-in-the-blank with the exact answer")
        return {"type": "fill_blank", "answer": accepted if self.lang == self.default_lang else {self.lang: accepted}}

    # structure -------------------------------------------------------------------------------

    def questions(self, items: list[_Item]) -> list[dict[str, Any]]:
        """Questions in order; a description followed by ``its-name/…`` questions becomes a scenario."""
        out: list[dict[str, Any]] = []
        i = 0
        while i < len(items):
            item = items[i]
            if item.kind == "description":
                subs = []
                j = i + 1
                while item.name and j < len(items) and items[j].kind == "question" and (items[j].name or "").startswith(item.name + "/"):
                    sub = {"id": (items[j].name or "")[len(item.name) + 1 :], **items[j].data, "_where": f"line {items[j].line}"}
                    subs.append(sub)
                    j += 1
                if subs:
                    scenario = {"id": item.name, "type": "scenario", "prompt": self.text(item.data["prompt"]), "questions": subs,
                                "_where": f"line {item.line}"}
                    out.append(scenario)
                elif item.data["prompt"]:
                    self.warnings.append(f"line {item.line}: a description with no questions named '{item.name or '…'}/…' after it "
                                         "is not a question: skipped")
                i = j
                continue
            out.append({"id": item.name, **item.data, "_where": f"line {item.line}"})
            i += 1
        return out


def _float(text: str) -> float | None:
    try:
        return float(text.strip())
    except ValueError:
        return None


def import_gift(
    content: str, *, source: str, quiz_id: str, title: str, lang: str | None = None, default_lang: str = "zh",
    warnings: list[str] | None = None,
) -> ImportResult:
    """Quiz YAML from GIFT text. Texts are taken to be in ``lang`` (default: the default language).

    ``title`` is used when the file has no ``$CATEGORY:`` to take the quiz title from.
    """
    reader = _Reader(lang or default_lang, default_lang)
    if warnings:
        reader.warnings.extend(warnings)
    items = reader.read(content)
    questions = reader.questions(items)
    if not reader.errors and not questions:
        reader.errors.append("no questions found (GIFT questions look like ::q1::Text{=right ~wrong}, separated by blank lines)")
    if reader.errors:
        raise QuestionBankError(source, reader.errors)
    assign_ids(questions, reader.warnings)
    if reader.category:
        parts = reader.category.replace("//", "\ue008").split("/")
        last = parts[-1].replace("\ue008", "/").strip()
        if last and last not in ("top", "$course$", "$system$", "$module$", "$coursecategory$"):
            title = last
    data = {"title": reader.text(title), "questions": questions}
    return finish_import(source, data, reader.warnings, default_lang, quiz_id=quiz_id)


def read_gift_file(path: Path) -> tuple[str, list[str]]:
    """The text of a GIFT file: UTF-8 (with or without BOM), else GB18030 with a warning."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("gb18030"), [f"{path.name} is not UTF-8; it was read as GB18030 (Chinese Windows). Save GIFT files as UTF-8 for Moodle"]
    except UnicodeDecodeError:
        raise QuestionBankError(path.name, ["the file is neither UTF-8 nor GB18030 text: save it as UTF-8"]) from None
