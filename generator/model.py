"""The typed content model: what a lesson, an event, a quiz … *is*.

Every class here is a declaration: field names are the YAML keys an editor writes, types say what
is accepted, and ``Field(description=…)`` is the documentation that ends up in the JSON Schema
(``dandelion schema``) and so in the editor's tooltips. Unknown keys are refused (``extra="forbid"``)
so a typo never silently drops content.

Rules about one item alone (one right option in a single-choice question, a ``draw`` the bank can
satisfy, an event that ends after it starts …) live here too, as ``problems()``: the loader turns
them into diagnostics at the right line, and ``dandelion quiz import`` places them at the row or line
of the imported file, so both say the same thing. Cross-references (a lesson's quiz, an event's
region …) are plain ids here; :mod:`generator.checks` checks them once the whole project is loaded.
Renderers read these objects and nothing else.
"""

from __future__ import annotations

import datetime as dt
import graphlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    NonNegativeInt,
    PositiveInt,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError, core_schema

from .clock import build_date

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
LANG_PATTERN = r"^[a-z]{2,3}(?:-[A-Za-z0-9]+)?$"
_LANG_RE = re.compile(LANG_PATTERN)
_TIME_RE = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")

Id = Annotated[
    str,
    Field(pattern=ID_PATTERN, description="An id: lowercase letters, digits and hyphens, e.g. `new-drugs`."),
]


class Text:
    """A human text in one or more languages.

    In YAML either a plain string (the project's default language) or a map ``{zh: …, en: …}``.
    Which languages must be present is a project setting, checked in ``checks`` where the
    diagnostics can point at the text.
    """

    __slots__ = ("values",)

    def __init__(self, values: dict[str, str]) -> None:
        self.values = dict(values)

    def get(self, lang: str, fallback: str | None = None) -> str:
        """The text in ``lang``; else in ``fallback``; else the first one given."""
        if lang in self.values:
            return self.values[lang]
        if fallback and fallback in self.values:
            return self.values[fallback]
        return next(iter(self.values.values()), "")

    def has(self, lang: str) -> bool:
        return lang in self.values

    @property
    def langs(self) -> list[str]:
        return list(self.values)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and other.values == self.values

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.values.items())))

    def __repr__(self) -> str:
        return f"Text({self.values!r})"

    @classmethod
    def _validate(cls, value: Any, info: ValidationInfo) -> Text:
        if isinstance(value, Text):
            return value
        default = (info.context or {}).get("default_lang", "zh")
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str):
            if not value.strip():
                raise PydanticCustomError("empty_text", "the text is empty")
            return cls({default: value})
        if isinstance(value, dict):
            if not value:
                raise PydanticCustomError("empty_text", "the text is empty: give at least one language")
            out: dict[str, str] = {}
            for lang, text in value.items():
                if not isinstance(lang, str) or not _LANG_RE.match(lang):
                    raise PydanticCustomError(
                        "bad_lang", "'{lang}' is not a language code (use codes like zh, en)", {"lang": str(lang)}
                    )
                if isinstance(text, (int, float)) and not isinstance(text, bool):
                    text = str(text)
                if not isinstance(text, str):
                    raise PydanticCustomError(
                        "bad_text", "the {lang} text must be a plain string, not {kind}", {"lang": lang, "kind": _kind(text)}
                    )
                if not text.strip():
                    raise PydanticCustomError("empty_text", "the {lang} text is empty", {"lang": lang})
                out[lang] = text
            return cls(out)
        raise PydanticCustomError(
            "text_type", "must be text, or a map of languages like {zh: …, en: …}, not {kind}", {"kind": _kind(value)}
        )

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.with_info_plain_validator_function(cls._validate)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        return {
            "anyOf": [
                {"type": "string", "minLength": 1, "description": "Text in the default language"},
                {
                    "type": "object",
                    "propertyNames": {"pattern": LANG_PATTERN},
                    "additionalProperties": {"type": "string", "minLength": 1},
                    "minProperties": 1,
                    "description": "Text per language, e.g. {zh: …, en: …}",
                },
            ]
        }


def text_in(text: Text | None, lang: str, fallback: str | None = None) -> str:
    """``text`` in ``lang`` (else in ``fallback``), or "" for a field that was left out."""
    return "" if text is None else text.get(lang, fallback)


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a map"
    if value is None:
        return "nothing"
    return type(value).__name__


ItemPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """A rule one item breaks, found without looking at the rest of the project.

    ``path`` leads from the item to the value at fault (``("questions", 0, "options")``); ``key``
    points at the key's line rather than the value's.
    """

    path: ItemPath
    message: str
    warning: bool = False
    key: bool = False


class Strict(BaseModel):
    """Base of every content class: unknown keys are errors; values are not coerced from strings."""

    # strict: YAML's true is not the number 1, and "40" is not 40
    model_config = ConfigDict(extra="forbid", strict=True, frozen=False, arbitrary_types_allowed=True)

    def problems(self) -> list[Problem]:
        """Rules of this item that a valid shape does not guarantee (none unless a class adds some)."""
        return []


def iter_texts(obj: Any, path: ItemPath = ()) -> Iterator[tuple[ItemPath, Text]]:
    """Every :class:`Text` inside ``obj`` with its YAML path (``supplied_by`` notes left out)."""
    return iter_instances(obj, Text, path)


T = TypeVar("T")


def iter_instances(obj: Any, kind: type[T], path: ItemPath = ()) -> Iterator[tuple[ItemPath, T]]:
    """Every value of type ``kind`` inside ``obj`` (not looking inside one) with its YAML path,
    ``supplied_by`` notes left out: the texts, the plain strings outside texts, the images of an item."""
    if isinstance(obj, kind):
        yield path, obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            if name == "supplied_by":
                continue
            yield from iter_instances(getattr(obj, name), kind, (*path, name))
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from iter_instances(item, kind, (*path, i))
    elif isinstance(obj, dict):
        for key, item in obj.items():
            yield from iter_instances(item, kind, (*path, key))


def _time(value: Any) -> str:
    if isinstance(value, str):
        match = _TIME_RE.match(value.strip())
        if match:
            return f"{int(match.group(1)):02d}:{match.group(2)}"
    raise PydanticCustomError("bad_time", "must be a time written HH:MM in quotes, like \"09:30\"")


Time = Annotated[str, Field(json_schema_extra={"pattern": r"^([01]?\d|2[0-3]):[0-5]\d$"}, description="HH:MM, Asia/Shanghai")]


# --- shared pieces ---------------------------------------------------------------------------


class Image(Strict):
    src: str = Field(description="Path relative to content/, e.g. images/snacks.svg")
    alt: Text | None = Field(None, description="What the image shows, in each language (required for accessibility)")
    caption: Text | None = None


class Photo(Image):
    consent: bool = Field(False, description="true: everyone shown agreed to publication. Required.")


class Reference(Strict):
    law: Id = Field(description="A law id from content/laws.yml")
    article: PositiveInt | None = Field(None, description="An article number listed for that law")


# --- lessons ---------------------------------------------------------------------------------


class Section(Strict):
    id: Id | None = Field(None, description="Anchor for links and quiz review, e.g. disguises")
    title: Text
    minutes: PositiveInt | None = None
    body: Text = Field(description="Markdown")
    notes: Text | None = Field(None, description="Speaker notes (Markdown): lecturer edition only")
    image: Image | None = None


#: Audiences of children: their lessons get the plain-language check (short sentences, common
#: characters) and child-facing handouts (no adult glossary definitions or centre lists).
CHILD_AUDIENCES = frozenset({"primary"})
#: Audiences who read with help: their pages get a pinyin switch, their quizzes whole points only
#: (a multiple-choice question is right or wrong, never 0.67).
PLAIN_AUDIENCES = frozenset({"primary", "villagers"})


class Lesson(Strict):
    id: Id
    title: Text
    summary: Text | None = Field(None, description="Markdown")
    audiences: list[Id] = Field(min_length=1, description="Audience ids from site_config.yml")
    settings: list[Id] = Field(min_length=1, description="Setting ids from site_config.yml")
    duration_minutes: PositiveInt
    topics: list[Id] = []
    objectives: list[Text] = []
    materials: list[Text] = []
    sections: list[Section] = Field(min_length=1)
    key_points: list[Text] = []
    slogans: list[Text] = []
    references: list[Reference] = []
    quiz: Id | None = Field(None, description="A quiz id from quizzes/")
    glossary: list[Id] = Field([], description="Glossary ids from content/glossary.yml")
    supplied_by: dict[str, Text] = Field({}, description="Who supplied text in an extra language, per code")

    @property
    def for_children(self) -> bool:
        return bool(CHILD_AUDIENCES & set(self.audiences))

    @property
    def for_plain_readers(self) -> bool:
        return bool(PLAIN_AUDIENCES & set(self.audiences))

    def problems(self) -> list[Problem]:
        out = []
        seen: dict[str, int] = {}
        for i, section in enumerate(self.sections):
            if section.id in seen:
                out.append(Problem(("sections", i, "id"), f"duplicate section id '{section.id}' (also section {seen[section.id] + 1})"))
            seen[section.id or ""] = i
        minutes = [s.minutes for s in self.sections if s.minutes is not None]
        if len(minutes) == len(self.sections) and sum(minutes) != self.duration_minutes:
            out.append(Problem(("duration_minutes",),
                               f"the sections add up to {sum(minutes)} minutes but duration_minutes is {self.duration_minutes}",
                               warning=True))
        return out

    @model_validator(mode="after")
    def _section_ids(self) -> Lesson:
        # Give every section a stable anchor; an editor's id wins.
        taken = {s.id for s in self.sections if s.id}
        for n, section in enumerate(self.sections, 1):
            if section.id is None:
                candidate = f"section-{n}"
                while candidate in taken:
                    candidate += "-x"
                section.id = candidate
                taken.add(candidate)
        return self


# --- events ----------------------------------------------------------------------------------


class Report(Strict):
    attendance: NonNegativeInt | None = None
    summary: Text | None = Field(None, description="Markdown")
    photos: list[Photo] = []


class Event(Strict):
    id: Id
    title: Text
    date: dt.date = Field(description="YYYY-MM-DD")
    start: Time | None = None
    end: Time | None = None
    region: Id
    setting: Id
    venue: Text
    occasion: Text | None = None
    description: Text | None = Field(None, description="Markdown")
    slogan: Text | None = None
    audiences: list[Id] = []
    lessons: list[Id] = []
    lecturers: list[Id] = []
    partners: list[Text] = []
    expected_attendance: NonNegativeInt | None = None
    status: Literal["planned", "done", "cancelled"]
    cancel_reason: Text | None = None
    report: Report | None = None
    supplied_by: dict[str, Text] = {}

    def problems(self, today: dt.date | None = None) -> list[Problem]:
        today = today or build_date()  # --today / SOURCE_DATE_EPOCH / Asia/Shanghai (generator.clock)
        out = []
        if self.start and self.end and self.end <= self.start:
            out.append(Problem(("end",), f"the event ends ({self.end}) before it starts ({self.start})"))
        if self.report is not None and self.status != "done":
            out.append(Problem(("report",), f"a report belongs to a done event, but status is '{self.status}'", key=True))
        if self.status == "done" and self.date > today:
            out.append(Problem(("status",), f"the event is marked done but its date ({self.date}) is still to come", warning=True))
        if self.status == "cancelled" and self.cancel_reason is None:
            out.append(Problem(("status",), "the event is cancelled: add `cancel_reason:` so visitors know why and whether it moves",
                               warning=True))
        if self.status == "done" and self.report is None:
            out.append(Problem(("status",), "the event is done but has no `report:` (attendance, summary, photos)", warning=True))
        if self.status == "done" and self.report is not None and self.report.attendance is None:
            # a done event counts as a talk in the statistics; without attendance it adds no people
            out.append(Problem(("report",), "the event is done but its report has no `attendance:`: the statistics "
                               "count it with 0 people", warning=True, key=True))
        return out

    @field_validator("start", "end", mode="before")
    @classmethod
    def _check_time(cls, value: Any) -> Any:
        return None if value is None else _time(value)

    @field_validator("date", mode="before")
    @classmethod
    def _check_date(cls, value: Any) -> Any:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        raise PydanticCustomError("bad_date", "must be a real date written YYYY-MM-DD, like 2026-06-26")


# --- quizzes ---------------------------------------------------------------------------------


class Option(Strict):
    text: Text
    correct: bool = False


class _QuestionBase(Strict):
    id: Id
    prompt: Text = Field(description="Markdown")
    explanation: Text | None = Field(None, description="Markdown, shown after answering")
    lesson: Id | None = Field(None, description="Lesson to review")
    section: Id | None = Field(None, description="Section id in that lesson")


class _ChoiceQuestion(_QuestionBase):
    options: list[Option] = Field(min_length=2)

    def problems(self) -> list[Problem]:
        out = []
        right = sum(o.correct for o in self.options)
        if isinstance(self, SingleQuestion) and right != 1:
            out.append(Problem(("options",), f"a single-choice question needs exactly one option with `correct: true` (found {right})"))
        if isinstance(self, MultipleQuestion) and right == 0:
            out.append(Problem(("options",), "a multiple-choice question needs at least one option with `correct: true`"))
        texts = [o.text for o in self.options]
        if len(set(texts)) != len(texts):
            out.append(Problem(("options",), "two options have the same text"))
        return out

    def printed_options(self) -> list[Option]:
        """The options in the order paper shows them (worksheets and answer keys, site and kits), and
        the browser too unless the quiz is shuffled.

        Editors often write the right answer first; a lecturer projecting the quiz beside the handout
        needs one order.
        A shuffle seeded with the question id gives an order that is the same in every build and
        language, for the worksheet and its answer key alike.
        """
        import random

        order = list(self.options)
        random.Random(self.id).shuffle(order)
        return order


class SingleQuestion(_ChoiceQuestion):
    type: Literal["single"]


class MultipleQuestion(_ChoiceQuestion):
    type: Literal["multiple"]


class TrueFalseQuestion(_QuestionBase):
    type: Literal["true_false"]
    answer: bool


class FillBlankQuestion(_QuestionBase):
    type: Literal["fill_blank"]
    answer: list[str] | dict[str, list[str]] = Field(
        description="Accepted answers: a list for every language, or a map of language → list"
    )

    @field_validator("answer", mode="before")
    @classmethod
    def _answers(cls, value: Any) -> Any:
        def clean(items: Any) -> list[str]:
            if isinstance(items, (str, int, float)) and not isinstance(items, bool):
                items = [items]
            if not isinstance(items, list) or not items:
                raise PydanticCustomError("bad_answers", "give the accepted answers as a list, e.g. [冰毒, 甲基苯丙胺]")
            out = []
            for item in items:
                if isinstance(item, bool) or not isinstance(item, (str, int, float)) or not str(item).strip():
                    raise PydanticCustomError("bad_answers", "each accepted answer must be a non-empty word or number")
                out.append(str(item))
            return out

        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        return clean(value)

    def answers_for(self, lang: str, fallback: str) -> list[str]:
        if isinstance(self.answer, list):
            return self.answer
        return self.answer.get(lang) or self.answer.get(fallback) or next(iter(self.answer.values()))

    def printed_answers(self, lang: str, fallback: str) -> list[str]:
        """The accepted answers as an answer key prints them: one of each set that looks alike once
        widths and case are folded (Ⅱ and II, ２ and 2), as the quiz engine treats them the same."""
        import unicodedata

        seen: set[str] = set()
        out = []
        for answer in self.answers_for(lang, fallback):
            key = unicodedata.normalize("NFKC", answer).casefold().strip()
            if key not in seen:
                seen.add(key)
                out.append(answer)
        return out

    def blank_in_prompt(self, lang: str, fallback: str) -> bool:
        """True when the prompt itself holds the blank (``____``), so paper needs no extra answer line."""
        return "__" in self.prompt.get(lang, fallback)


class OrderingQuestion(_QuestionBase):
    type: Literal["ordering"]
    answer: list[Text] = Field(min_length=2, description="The items in the right order")

    def problems(self) -> list[Problem]:
        if len(set(self.answer)) != len(self.answer):
            return [Problem(("answer",), "two items to order have the same text")]
        return []

    def printed_items(self) -> list[Text]:
        """The items in the order paper shows them (site worksheet and kit PDF alike): fixed per
        question id, with no item in its right place."""
        import random

        items = list(self.answer)
        rng = random.Random(self.id)
        for _ in range(50):
            order = items[:]
            rng.shuffle(order)
            if all(a is not b for a, b in zip(order, items, strict=True)):
                return order
        return items[1:] + items[:1]

    def printed_with_positions(self) -> list[tuple[Text, int]]:
        """The printed items, each with its right position (1-based): what an answer key writes in
        the worksheet's boxes, so marking needs no translating between two orders."""
        right = {id(item): n for n, item in enumerate(self.answer, 1)}
        return [(item, right[id(item)]) for item in self.printed_items()]


SimpleQuestion = Annotated[
    Union[SingleQuestion, MultipleQuestion, TrueFalseQuestion, FillBlankQuestion, OrderingQuestion],
    Field(discriminator="type"),
]


class ScenarioQuestion(_QuestionBase):
    """A case text followed by several questions that refer to it."""

    type: Literal["scenario"]
    questions: list[SimpleQuestion] = Field(min_length=1)


Question = Annotated[
    Union[SingleQuestion, MultipleQuestion, TrueFalseQuestion, FillBlankQuestion, OrderingQuestion, ScenarioQuestion],
    Field(discriminator="type"),
]
QUESTION_TYPES = ("single", "multiple", "true_false", "fill_blank", "ordering", "scenario")


class Quiz(Strict):
    id: Id
    title: Text
    description: Text | None = Field(None, description="Markdown")
    pass_mark: int = Field(60, ge=0, le=100, description="Percent needed to pass")
    shuffle: bool = False
    draw: PositiveInt | None = Field(None, description="Ask this many questions drawn from the bank per attempt")
    feedback: Literal["immediate", "end"] = "immediate"
    lesson: Id | None = None
    questions: list[Question] = Field(min_length=1)

    def all_questions(self) -> Iterator[tuple[tuple[str | int, ...], SingleQuestion | MultipleQuestion | TrueFalseQuestion | FillBlankQuestion | OrderingQuestion | ScenarioQuestion]]:
        """Every question with its YAML path, scenario sub-questions included."""
        for i, q in enumerate(self.questions):
            yield ("questions", i), q
            if isinstance(q, ScenarioQuestion):
                for j, sub in enumerate(q.questions):
                    yield ("questions", i, "questions", j), sub

    def problems(self) -> list[Problem]:
        out = []
        seen: set[str] = set()
        for path, q in self.all_questions():
            if q.id in seen:
                out.append(Problem((*path, "id"), f"duplicate question id '{q.id}' in this quiz"))
            seen.add(q.id)
            out += [Problem((*path, *p.path), p.message, p.warning, p.key) for p in q.problems()]
            if q.section is not None and (q.lesson or self.lesson) is None:
                out.append(Problem((*path, "section"), "`section` needs a `lesson` (on the question or the quiz)"))
        if self.draw is not None and self.draw > len(self.questions):
            out.append(Problem(("draw",), f"draw is {self.draw} but the quiz has only {len(self.questions)} questions"))
        return out

    @property
    def scored_count(self) -> int:
        """Points in the whole bank: one per question, one per scenario sub-question."""
        return sum(len(q.questions) if isinstance(q, ScenarioQuestion) else 1 for q in self.questions)


# --- training, people, reference material ------------------------------------------------------


class Training(Strict):
    id: Id
    title: Text
    summary: Text | None = Field(None, description="Markdown")
    description: Text | None = Field(None, description="Markdown")
    audiences: list[Id] = ["social-workers"]
    credit_hours: float = Field(gt=0, description="Credit hours awarded on completion")
    units: list[Id] = Field(min_length=1, description="Lesson ids, in order")
    quiz: Id | None = None
    pass_mark: int | None = Field(None, ge=0, le=100, description="Overrides the quiz's pass mark")
    after: list[Id] = Field([], description="Training modules to take first (ids); orders the training index")


class Lecturer(Strict):
    id: Id
    name: Text
    role: Literal["police", "counsellor", "doctor", "social-work-trainer", "volunteer"]
    title: Text | None = None
    unit: Text | None = None
    bio: Text | None = Field(None, description="Markdown")
    photo: Image | None = None
    topics: list[Id] = []


class GlossaryTerm(Strict):
    id: Id
    term: Text
    category: Literal["drug", "law", "health", "social-work", "education"] | None = None
    definition: Text = Field(description="Markdown")
    aliases: list[Text] = Field([], description="Other names, street names")
    see_also: list[Id] = []


class Article(Strict):
    summary: Text
    title: Text | None = None


class Law(Strict):
    id: Id
    name: Text
    short_name: Text | None = None
    year: int | None = Field(None, ge=1900, le=2100, description="Year of adoption; leave out unless checked")
    in_force: dt.date | None = None
    issuer: Text | None = None
    note: Text | None = Field(None, description="Markdown")
    articles: dict[PositiveInt, Article] = {}


class HelpCentre(Strict):
    id: Id
    name: Text
    region: Id
    address: Text | None = None
    phone: str | None = Field(None, description="Office phone: only a real, checked number")
    hours: Text | None = None
    example: bool = Field(False, description="true: an example entry, labelled as such on the site")
    note: Text | None = None

    def problems(self) -> list[Problem]:
        if self.example and self.phone:
            return [Problem(("phone",), "an example entry must not carry a phone number: never invent a real-looking number")]
        return []


# --- the site configuration ----------------------------------------------------------------


class ExtraLanguage(Strict):
    name: Text


class FontsConfig(Strict):
    cjk: str | None = Field(None, description="A CJK font family name or file path for PDFs and posters")
    cjk_bold: str | None = None


#: Hosts that are never a real site: RFC 2606/6761 names and the loopback name. A printed QR code or link to
#: one of them would send a reader nowhere, so kits leave them out (see SiteConfig.public_address).
_PLACEHOLDER_HOSTS = re.compile(
    r"(?:^|\.)(?:example\.(?:org|com|net)|localhost)$|\.(?:example|test|invalid|localhost)$|^example$|^127\.|^\[::1\]$")


def is_placeholder_address(url: str) -> bool:
    """True for an address on a placeholder host (example.org, *.test, localhost …)."""
    from urllib.parse import urlsplit

    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    return not host or bool(_PLACEHOLDER_HOSTS.search(host))


class CertificatesConfig(Strict):
    """Numbered training certificates (``dandelion certificates``)."""

    prefix: str = Field("DL", pattern=r"^[A-Z][A-Z0-9]{0,9}$",
                        description="Start of every certificate number, e.g. HNJD for HNJD-2026-00001-8")


class Occasion(Strict):
    """A day or month the group plans talks around (三月三, 6·26, the June publicity month).

    Give exactly one of ``dates`` (a movable feast: its date in each year, e.g. 三月三 by the lunar
    calendar), ``every_year`` (a fixed day, ``"06-26"``) or ``month`` (a whole month every year).
    """

    name: Text
    dates: list[dt.date] = Field([], description="Its date in each year, YYYY-MM-DD (lunar feasts move)")
    every_year: str | None = Field(None, pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$", description="MM-DD")
    month: int | None = Field(None, ge=1, le=12, description="A whole month, every year")

    @model_validator(mode="after")
    def _one_kind(self) -> Occasion:
        if sum((bool(self.dates), self.every_year is not None, self.month is not None)) != 1:
            raise PydanticCustomError("occasion_kind", "give exactly one of `dates`, `every_year` or `month`")
        return self

    def falls_on(self, day: dt.date) -> bool:
        if self.month is not None:
            return day.month == self.month
        if self.every_year is not None:
            return day.strftime("%m-%d") == self.every_year
        return day in self.dates


class SiteConfig(Strict):
    site_name: Text
    organisation: Text
    tagline: Text | None = Field(None, description="One line under the site name on the home page")
    about: Text | None = Field(None, description="Markdown: what the group does, shown on the home page")
    languages: list[Annotated[str, Field(pattern=LANG_PATTERN)]] = Field(["zh", "en"], min_length=1)
    site_url: str | None = Field(None, pattern=r"^https?://[^\s/$.?#][^\s]*/$", description="Ends with /")
    audiences: dict[Id, Text] = Field(min_length=1)
    settings: dict[Id, Text] = Field(min_length=1)
    regions: dict[Id, Text] = Field(min_length=1)
    topics: dict[Id, Text] = Field({}, description="Labels for lesson topics; when given, lessons may use only these")
    extra_languages: dict[Annotated[str, Field(pattern=LANG_PATTERN)], ExtraLanguage] = {}
    pinyin_overrides: dict[str, str] = {}
    fonts: FontsConfig | None = None
    public_numbers: list[str] = Field(
        [], description="Phone numbers the organisation publishes on purpose (hotlines, a centre's switchboard), "
        "written as on the site, e.g. '0898-12345678': `dandelion check` reports every other number as personal data")

    @property
    def public_address(self) -> str | None:
        """``site_url`` when it is a real address; ``None`` when unset or a placeholder (example.org …).

        Printed QR codes and links use this: a reader must never be sent to a placeholder.
        """
        return self.site_url if self.site_url and not is_placeholder_address(self.site_url) else None

    @property
    def address_note(self) -> str | None:
        """What a build says about printed QR codes and links when the site has no real address."""
        if not self.site_url:
            return ("Note: site_url is not set in site_config.yml, so posters, share images and handouts carry no "
                    "QR code or printed link (set site_url to the address the site is published at to add them)")
        if is_placeholder_address(self.site_url):
            return (f"Note: site_url ({self.site_url}) is a placeholder address, so posters, share images and "
                    "handouts carry no QR code or printed link; set it to the address the site is published at "
                    "(docs/hosting.md says what a group without a public address can do)")
        return None

    certificates: CertificatesConfig = CertificatesConfig()

    occasions: dict[Id, Occasion] = Field({}, description="Days and months events are planned around, marked on the calendar")

    @property
    def default_language(self) -> str:
        return self.languages[0]

    @field_validator("languages")
    @classmethod
    def _unique(cls, value: list[str]) -> list[str]:
        if len(set(value)) != len(value):
            raise PydanticCustomError("dup_lang", "a language is listed twice")
        return value


# --- the whole project -----------------------------------------------------------------------


class Project:
    """Everything loaded from one project folder, after validation and reference resolution."""

    def __init__(self, root: Path, config: SiteConfig) -> None:
        self.root = root
        self.config = config
        self.lessons: dict[str, Lesson] = {}
        self.events: dict[str, Event] = {}
        self.quizzes: dict[str, Quiz] = {}
        self.training: dict[str, Training] = {}
        self.lecturers: dict[str, Lecturer] = {}
        self.glossary: dict[str, GlossaryTerm] = {}
        self.laws: dict[str, Law] = {}
        self.help_centres: dict[str, HelpCentre] = {}

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def languages(self) -> list[str]:
        return self.config.languages

    def training_for_lesson(self, lesson_id: str) -> list[Training]:
        return [t for t in self.training.values() if lesson_id in t.units]

    def training_for_quiz(self, quiz_id: str) -> list[Training]:
        return [t for t in self.training.values() if t.quiz == quiz_id]

    def lessons_for_quiz(self, quiz_id: str) -> list[Lesson]:
        return [lesson for lesson in self.lessons.values() if lesson.quiz == quiz_id]

    def training_graph(self) -> dict[str, set[str]]:
        """Each training module with the known modules it comes after (unknown ids are left out:
        ``dandelion check`` reports them), in the form :class:`graphlib.TopologicalSorter` takes."""
        return {t.id: {a for a in t.after if a in self.training} for t in self.training.values()}

    def training_in_order(self, key: Any) -> list[Training]:
        """Modules with each one after those it names in ``after``; of the modules ready at a step the
        first by ``key`` comes first. A cycle, which ``dandelion check`` refuses, falls back to ``key``
        order."""
        sorter = graphlib.TopologicalSorter(self.training_graph())
        try:
            sorter.prepare()
        except graphlib.CycleError:
            return sorted(self.training.values(), key=key)
        done: list[Training] = []
        ready: list[Training] = []
        while sorter.is_active():
            ready = sorted([*ready, *(self.training[i] for i in sorter.get_ready())], key=key)
            first = ready.pop(0)
            done.append(first)
            sorter.done(first.id)
        return done

    def quiz_is_graded(self, quiz_id: str) -> bool:
        """A training module's final test: it earns credit hours, so the public edition publishes no
        answer key for it (the lecturer edition does)."""
        return bool(self.training_for_quiz(quiz_id))

    def quiz_for_plain_readers(self, quiz_id: str) -> bool:
        """True when a lesson for pupils or villagers uses the quiz (see PLAIN_AUDIENCES)."""
        return any(lesson.for_plain_readers for lesson in self.lessons_for_quiz(quiz_id))
