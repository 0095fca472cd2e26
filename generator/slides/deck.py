"""A lesson as a slide deck: which slides there are and what each shows, from the lesson model.

Title (audience, setting, duration) → objectives → each section, split into slides that fit → key
points → slogans → an in-room quiz round (question, then the answer on a key press; no scoring) →
closing slide (110/120, the help page, the site's QR code when ``site_url`` is a real address).

Sections are split by a conservative text budget (:class:`Budget`): every block of a section's
Markdown (a paragraph, a list item, a heading) is costed in lines at the deck's type size, and a
slide takes blocks until the next would pass the budget. The browser tests walk every slide of every
example deck at 1280×720 and 1920×1080 and fail on any slide whose content overflows, which is what
keeps these numbers honest.
"""

from __future__ import annotations

import functools
import html as _html
import math
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from .. import links, model
from ..i18n import catalogue
from ..kits.documents import outline
from ..markup import render as render_markdown
from .words import word


def markdown(text: str, *, inline: bool = False) -> str:
    """The one way the slides turn content Markdown into HTML: the project's sanitising function."""
    return render_markdown(text, inline=inline)


@dataclass(frozen=True)
class Budget:
    """How much text a slide holds at the deck's type size, in lines of ``line_units`` wide
    characters (a Chinese character is 1 unit, a Latin letter about 0.55)."""

    line_units: float
    lines: float
    #: a list, heading or paragraph break costs this much of a line besides its text
    block_gap: float = 0.4


#: A heading line is 1.5 times as large as body text: it holds fewer characters and takes more height.
HEADING_SCALE = 1.5


def heading_lines(title: str, budget: Budget) -> float:
    """The body lines a slide heading takes beyond its first line (long headings wrap)."""
    lines = max(1, math.ceil(text_units(title) / (0.9 * budget.line_units / HEADING_SCALE)))  # bold: wider
    return (lines - 1) * HEADING_SCALE


#: Normal decks: 32 px body text on a 1280×720 slide (1,120 px wide text, about 480 px tall).
NORMAL = Budget(line_units=30, lines=8)
#: Village and primary decks: 40 px text with pinyin over it (each line is about twice as tall).
PLAIN = Budget(line_units=22, lines=4.2)


@dataclass
class Slide:
    kind: str  # title, objectives, section, image, key-points, slogans, quiz-intro, question, closing
    title: str  # the slide's heading, plain text
    body: Markup  # the slide's content, HTML
    section: int  # the lesson section the slide belongs to (for the presenter's notes and timer)
    steps: int = 0  # key presses that reveal more of the slide before the next slide (quiz answers)
    title_html: Markup | None = None  # the heading with pinyin over it (pinyin decks), else None
    dense: bool = False  # smaller type (never under 28 px) for a question that would not fit otherwise

    @property
    def heading(self) -> Markup:
        return self.title_html if self.title_html is not None else escape(self.title)


@dataclass
class DeckSection:
    title: str
    minutes: int
    notes: Markup  # speaker notes as HTML (lecturer edition), else empty


@dataclass
class Deck:
    lesson: model.Lesson
    lang: str
    title: str
    plain: bool  # larger type (village and primary decks)
    pinyin: bool = False  # pinyin over the text (village and primary decks in Chinese)
    slides: list[Slide] = field(default_factory=list)
    sections: list[DeckSection] = field(default_factory=list)


def is_real_site_url(url: str | None) -> bool:
    """True for an address the site can really be reached at: not missing, not a placeholder host
    (``example.org``, ``*.example``, ``*.invalid``, ``*.test``, ``localhost``)."""
    if not url:
        return False
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    if not host or host == "localhost" or host.endswith((".localhost", ".example", ".invalid", ".test")):
        return False
    return not any(host == name or host.endswith("." + name) for name in ("example.org", "example.com", "example.net"))


def is_plain_deck(lesson: model.Lesson) -> bool:
    """Village and primary decks: larger type, and pinyin over Chinese text."""
    return lesson.for_plain_readers or any("village" in setting.split("-") for setting in lesson.settings)


@functools.lru_cache(maxsize=16384)
def text_units(text: str) -> float:
    """The width of ``text`` in Chinese-character units (wide characters 1, others about 0.55)."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.62 for ch in text)


def block_lines(text: str, budget: Budget, indent: float = 0) -> float:
    """Lines a block of plain ``text`` takes on a slide, its gap included."""
    width = max(budget.line_units - indent, 4)
    return max(1, math.ceil(text_units(text) / width)) + budget.block_gap


_TAG = re.compile(r"<[^>]+>")


def plain_text(fragment: str) -> str:
    return _html.unescape(_TAG.sub("", fragment)).strip()


_LIST_ITEM = re.compile(r"^(\s*)([-*+]|\d+[.)])\s+")


def markdown_blocks(text: str) -> list[str]:
    """A section body cut into blocks a slide can hold or leave: paragraphs, headings and single list
    items (each list item stays a one-item list in its own Markdown)."""
    blocks: list[str] = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        lines = chunk.splitlines()
        if lines and _LIST_ITEM.match(lines[0]):
            item: list[str] = []
            for line in lines:
                if _LIST_ITEM.match(line) and not line.startswith((" ", "\t")) and item:
                    blocks.append("\n".join(item))
                    item = []
                item.append(line)
            if item:
                blocks.append("\n".join(item))
        elif chunk.strip():
            blocks.append(chunk)
    return blocks


def sentences(text: str) -> list[str]:
    """A paragraph cut after each sentence (。！？ or . ! ? and a space)."""
    parts = re.split(r"(?<=[。！？])|(?<=[.!?])\s+", text)
    return [p.strip() for p in parts if p and p.strip()]


def pack(costs: list[float], capacity: float) -> list[list[int]]:
    """Indices of blocks grouped into slides in order: a slide takes blocks while they fit
    ``capacity``; a block bigger than a whole slide gets a slide of its own."""
    slides: list[list[int]] = []
    current: list[int] = []
    used = 0.0
    for index, cost in enumerate(costs):
        if current and used + cost > capacity:
            slides.append(current)
            current, used = [], 0.0
        current.append(index)
        used += cost
    if current:
        slides.append(current)
    return slides


class DeckBuilder:
    """Builds the deck of one lesson in one language."""

    def __init__(self, project: model.Project, lang: str, *, edition: str, pinyin: object, show_answers: bool) -> None:
        self.project = project
        self.cfg = project.config
        self.lang = lang
        self.default = project.config.default_language
        self.edition = edition
        self.pinyin = pinyin
        self.show_answers = show_answers

    # -- text ------------------------------------------------------------------------------------
    def localise(self, text: model.Text | None) -> str:
        """Content text in the deck's language, its internal links made relative to the deck."""
        from ..site.pages import relative_url

        value = model.text_in(text, self.lang, self.default)
        return links.rewrite(value, lambda link: relative_url("slides/deck.md", link.site_path))

    def w(self, key: str, **values: object) -> str:
        return word(key, self.lang, **values)

    def label(self, table: dict[str, model.Text], ids: list[str]) -> str:
        sep = "、" if self.lang.startswith("zh") else ", "
        return sep.join(table[i].get(self.lang, self.default) if i in table else i for i in ids)

    # -- the deck --------------------------------------------------------------------------------
    def build(self, lesson: model.Lesson) -> Deck:
        large = is_plain_deck(lesson)
        budget = PLAIN if large else NORMAL
        deck = Deck(lesson, self.lang, self.localise(lesson.title), large, pinyin=large and self.lang.startswith("zh"))
        rows = outline(lesson, self.lang).rows
        for row in rows:
            notes = Markup(markdown(self.localise(row.section.notes))) if self.edition == "lecturer" and row.section.notes else Markup("")
            deck.sections.append(DeckSection(self.localise(row.section.title), row.minutes, notes))
        last = len(rows) - 1
        deck.slides.append(self._title_slide(lesson))
        if lesson.objectives:
            deck.slides += self._list_slides("objectives", self.w("objectives"), lesson.objectives, 0, budget)
        for index, section in enumerate(lesson.sections):
            deck.slides += self._section_slides(section, index, budget)
        if lesson.key_points:
            deck.slides += self._list_slides("key-points", self.w("key_points"), lesson.key_points, last, budget)
        if lesson.slogans:
            deck.slides += self._list_slides("slogans", self.w("slogans"), lesson.slogans, last, budget, slogans=True)
        quiz = self.project.quizzes.get(lesson.quiz or "")
        if quiz is not None and self.show_answers:
            deck.slides += self._quiz_slides(quiz, last, budget)
        deck.slides.append(self._closing_slide(last))
        return deck

    def _title_slide(self, lesson: model.Lesson) -> Slide:
        facts = [
            (self.w_site("audience"), self.label(self.cfg.audiences, lesson.audiences)),
            (self.w_site("setting"), self.label(self.cfg.settings, lesson.settings)),
            (self.w_site("duration"), self.w_site("minutes", n=lesson.duration_minutes)),
        ]
        rows = "".join(f"<div><dt>{escape(k)}</dt><dd>{escape(v)}</dd></div>" for k, v in facts)
        brand = escape(self.cfg.site_name.get(self.lang, self.default))
        body = Markup(f'<p class="dl-slide__brand">{brand}</p><dl class="dl-slide__facts">{rows}</dl>')
        return Slide("title", self.localise(lesson.title), body, 0)

    def w_site(self, key: str, **values: object) -> str:
        return catalogue(self.lang).gettext(f"site.{key}", **values)

    def _list_slides(self, kind: str, title: str, items: list[model.Text], section: int, budget: Budget,
                     slogans: bool = False) -> list[Slide]:
        texts = [self.localise(item) for item in items]
        costs = [block_lines(plain_text(markdown(x, inline=True)), budget, indent=1.5) for x in texts]
        groups = pack(costs, budget.lines)
        out = []
        for n, group in enumerate(groups):
            tag = "ul"
            cls = "dl-slide__slogans" if slogans else "dl-slide__list"
            lis = "".join(f"<li>{markdown(texts[i], inline=True)}</li>" for i in group)
            out.append(Slide(kind, title + (self.w("continued") if n else ""), Markup(f'<{tag} class="{cls}">{lis}</{tag}>'), section))
        return out

    def _section_slides(self, section: model.Section, index: int, budget: Budget) -> list[Slide]:
        title = self.localise(section.title)
        pieces: list[tuple[str, str]] = []  # (table header lines or "", Markdown)
        for block in markdown_blocks(self.localise(section.body)):
            text = plain_text(markdown(block))
            if block.lstrip().startswith("|"):
                rows = block.strip().splitlines()
                pieces += [("\n".join(rows[:2]), row) for row in rows[2:]]  # a table goes row by row
            elif block_lines(text, budget) > budget.lines - 1:
                # a paragraph or list item longer than a slide: cut between sentences (an item keeps its
                # bullet on its first part)
                marker = _LIST_ITEM.match(block)
                parts = sentences(block[marker.end():] if marker else block)
                pieces += [("", (marker.group(0) if marker and n == 0 else "") + x) for n, x in enumerate(parts)]
            else:
                pieces.append(("", block))
        costs = [self._piece_lines(head, text, budget) for head, text in pieces]
        slides = []
        capacity = budget.lines - heading_lines(title + self.w("continued"), budget)
        for n, group in enumerate(pack(costs, capacity)):
            source, table = [], ""
            for i in group:
                head, text = pieces[i]
                if head and head != table:
                    source.append(head)
                elif not head and table:
                    source.append("")
                source.append(text if head else text + "\n")
                table = head
            body = _shift_headings(markdown("\n".join(source)))
            slides.append(Slide("section", title + (self.w("continued") if n else ""), Markup(body), index))
        if section.image is not None:
            alt = self.localise(section.image.alt) or self.w("image_alt_missing")
            src = escape(f"../../media/{section.image.src}")
            figure = (f'<figure class="dl-slide__figure"><img src="{src}" alt="{escape(alt)}">'
                      f'<figcaption>{escape(alt)}</figcaption></figure>')
            slides.append(Slide("image", title, Markup(figure), index))
        return slides

    @staticmethod
    def _piece_lines(head: str, text: str, budget: Budget) -> float:
        """Lines a piece takes: a table row wraps in cells about half a line wide (its header once more)."""
        if head:
            cells = [plain_text(markdown(c, inline=True)) for c in text.strip().strip("|").split("|")]
            return max(block_lines(c, budget, indent=budget.line_units * (1 - 1 / max(len(cells), 1)) + 1) - budget.block_gap
                       for c in cells) + 0.35
        return block_lines(plain_text(markdown(text)), budget, indent=1.5 if _LIST_ITEM.match(text) else 0)

    def _quiz_slides(self, quiz: model.Quiz, section: int, budget: Budget) -> list[Slide]:
        intro = Slide("quiz-intro", self.w("quiz_round"), Markup(f'<p class="dl-slide__lead">{escape(self.w("quiz_round_text"))}</p>'), section)
        slides = [intro]
        number = 0
        questions = quiz.questions[: quiz.draw] if quiz.draw else quiz.questions
        for question in questions:
            if isinstance(question, model.ScenarioQuestion):
                case = markdown(self.localise(question.prompt))
                slides.append(Slide("case", self.w("case"), Markup(case), section))
                subs = list(question.questions)
            else:
                subs = [question]
            for sub in subs:
                number += 1
                slides.append(self._question_slide(sub, number, section, budget))
        return slides

    def _question_slide(self, q: object, number: int, section: int, budget: Budget) -> Slide:
        """A question; one key press reveals the answer and explanation (right options marked). What does
        not fit beside the answer leaves at that press: the wrong options, then the prompt."""
        prompt = markdown(self.localise(q.prompt))  # type: ignore[attr-defined]
        options: list[tuple[str, bool, float]] = []  # (HTML, right, lines)
        listing_class, answer = "", ""
        if isinstance(q, (model.SingleQuestion, model.MultipleQuestion)):
            right = []
            for letter, option in zip("ABCDEFGHIJKL", q.printed_options(), strict=False):
                text = markdown(self.localise(option.text), inline=True)
                mark = " dl-q__option--right" if option.correct else ""
                html = f'<li class="dl-q__option{mark}"{{hide}}><span class="dl-q__letter">{letter}</span> {text}</li>'
                options.append((html, option.correct, block_lines(plain_text(text), budget, indent=2)))
                if option.correct:
                    right.append(letter)
            listing_class = "dl-q__options"
            answer = ("、" if self.lang.startswith("zh") else ", ").join(right)
        elif isinstance(q, model.TrueFalseQuestion):
            answer = self.w_site("true" if q.answer else "false")
        elif isinstance(q, model.FillBlankQuestion):
            answer = " / ".join(q.printed_answers(self.lang, self.default))
        elif isinstance(q, model.OrderingQuestion):
            for item in q.printed_items():
                text = markdown(self.localise(item), inline=True)
                options.append((f"<li{{hide}}>{text}</li>", False, block_lines(plain_text(text), budget, indent=2)))
            listing_class = "dl-q__items"
            answer = " → ".join(plain_text(markdown(self.localise(item), inline=True)) for item in q.answer)
        explanation = markdown(self.localise(q.explanation)) if q.explanation else ""  # type: ignore[attr-defined]
        prompt_lines = block_lines(plain_text(prompt), budget)
        listing_lines = sum(lines for _html, _right, lines in options)
        kept_lines = sum(lines for _html, right, lines in options if right)  # the right options stay
        reveal_lines = block_lines(f"{self.w('answer')}：{answer}", budget) + (
            block_lines(plain_text(explanation), budget) if explanation else 0)
        hint_lines = 1 + budget.block_gap
        dense = prompt_lines + listing_lines + hint_lines > budget.lines
        hide_wrong = prompt_lines + listing_lines + reveal_lines > budget.lines
        hide_prompt = hide_wrong and prompt_lines + kept_lines + reveal_lines > budget.lines
        hide = ' data-before-step="1"'
        items = "".join(html.replace("{hide}", hide if hide_wrong and not right else "") for html, right, _lines in options)
        tag = "ul" if listing_class == "dl-q__items" else "ol"  # shuffled items carry no numbers
        listing = f'<{tag} class="{listing_class}">{items}</{tag}>' if options else ""
        reveal = (f'<div class="dl-q__reveal" data-step="1"><p class="dl-q__answer"><strong>{escape(self.w("answer"))}'
                  f'{escape(self.w_site("colon"))}</strong>{escape(answer)}</p>{explanation}</div>')
        hint = "" if dense else f'<p class="dl-q__hint"{hide}>{escape(self.w("reveal_hint"))}</p>'
        body = f'<div class="dl-q__prompt"{hide if hide_prompt else ""}>{prompt}</div>' + listing + hint + reveal
        return Slide("question", self.w("question_n", n=number), Markup(body), section, steps=1, dense=dense)

    def _closing_slide(self, section: int) -> Slide:
        from ..kits.documents import qr_svg, site_address

        emergency = escape(self.w_site("emergency_note"))
        help_link = f'<a href="../help.html">{escape(self.w_site("help"))}</a>'
        parts = [f'<p class="dl-slide__lead">{emergency}</p>', f'<p class="dl-slide__help">{help_link}</p>']
        url = site_address(self.cfg, self.lang, "help.md") if is_real_site_url(self.cfg.site_url) else None
        if url:
            parts.append(f'<figure class="dl-slide__qr" data-url="{escape(url)}">{qr_svg(url)}'
                         f'<figcaption>{escape(self.w("scan_site"))}<br>{escape(url)}</figcaption></figure>')
        return Slide("closing", self.w("get_help"), Markup("".join(parts)), section)


def _shift_headings(fragment: str) -> str:
    """Headings inside a section body sit under the slide's own heading (h2): h1–h4 become h3–h6."""
    return re.sub(r"<(/?)h([1-4])\b", lambda mt: f"<{mt.group(1)}h{min(int(mt.group(2)) + 2, 6)}", fragment)

