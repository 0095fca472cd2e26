"""Kit documents as HTML: the content model in, one HTML string per document out.

Layouts are data: Jinja templates and CSS in ``templates/``. This module only gathers what each
document shows (the timed outline, the laws a lesson cites, the quiz questions on a worksheet …) and
hands it to the template with :class:`DocumentLanguage`, the per-language helper templates call (``doc.text(text)``,
``doc.md(text)``, ``doc.ruby(text)`` for pinyin …). Rendering HTML is cheap; WeasyPrint is not, so the HTML
string is also what the cache keys on.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import segno
from markupsafe import Markup, escape

from .. import links, markup, model
from ..i18n import catalogue, time_range
from ..i18n import is_chinese as is_zh
from ..zh import PRINT_RUBY_CSS, chinese_number
from .fonts import KitFonts

TEMPLATES = Path(__file__).parent / "templates"
GREEN = "#0b5d4b"
YELLOW = "#ffd54f"

#: Settings laid out as the village edition: id "village" or any id with a "village" part.
def is_village(setting: str) -> bool:
    return "village" in setting.split("-")


@functools.lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def css_text(village: bool) -> str:
    css = PRINT_RUBY_CSS + "\n" + (TEMPLATES / "print.css").read_text(encoding="utf-8")
    if village:
        css += "\n" + (TEMPLATES / "village.css").read_text(encoding="utf-8")
    return css


def dandelion_svg(stroke: str = GREEN, accent: str = YELLOW) -> str:
    """The Dandelion mark in a 40×40 box: a seed head of 12 rays, a stem and a leaf."""
    import math

    parts = [f'<path d="M20 21 C20 28 21 33 20 39" stroke="{stroke}" stroke-width="1.6" fill="none"/>',
             f'<path d="M20 34 C15 33 12 30 11 27 C15 28 18 30 20 33 Z" fill="{stroke}"/>']
    for i in range(12):
        a = math.radians(i * 30 + 15)
        x, y = 20 + 9.5 * math.cos(a), 13 + 9.5 * math.sin(a)
        parts.append(f'<line x1="20" y1="13" x2="{x:.2f}" y2="{y:.2f}" stroke="{stroke}" stroke-width="0.9"/>')
        parts.append(f'<circle cx="{x:.2f}" cy="{y:.2f}" r="1.6" fill="{stroke}"/>')
    parts.append(f'<circle cx="20" cy="13" r="3.2" fill="{accent}" stroke="{stroke}" stroke-width="1"/>')
    return "".join(parts)


def face_svg(kind: str) -> str:
    """A simple face for the village feedback form: good (smile), ok (flat), bad (frown)."""
    mouth = {"good": "M12 24 Q20 32 28 24", "ok": "M12 26 L28 26", "bad": "M12 29 Q20 21 28 29"}[kind]
    return (
        '<circle cx="20" cy="20" r="18" fill="none" stroke="#111" stroke-width="2"/>'
        '<circle cx="14" cy="15" r="2.2" fill="#111"/><circle cx="26" cy="15" r="2.2" fill="#111"/>'
        f'<path d="{mouth}" fill="none" stroke="#111" stroke-width="2.4" stroke-linecap="round"/>'
    )


def qr_svg(url: str) -> str:
    """A QR code as inline SVG (vector in the PDF), sized by CSS."""
    return segno.make(url, error="m", micro=False).svg_inline(omitsize=True, border=2, dark="#000", light="#fff")


def page_url(config: model.SiteConfig, lang: str, kind: str, item_id: str) -> str | None:
    """The site page of a lesson or event (``<site_url><lang>/lessons/<id>.html``), or None without site_url."""
    return site_address(config, lang, f"{kind}/{item_id}.md")


def site_address(config: model.SiteConfig, lang: str, site_path: str) -> str | None:
    """The full address of a site page path (``help.md``, ``lessons/x.md#sec``), or None without a real site_url."""
    if not config.public_address:
        return None
    path, _, anchor = site_path.partition("#")
    return f"{config.public_address}{lang}/{path.removesuffix('.md')}.html" + (f"#{anchor}" if anchor else "")


_SENTENCE_ZH = re.compile(r"(?<=[。！？；])")
_SENTENCE_EN = re.compile(r"(?<=[.!?;])\s+")


def sentences(text: str, lang: str) -> list[str]:
    parts = _SENTENCE_ZH.split(text) if is_zh(lang) else _SENTENCE_EN.split(text)
    return [p.strip() for p in parts if p.strip()]


def short_lines(text: str, lang: str, width: int = 14) -> list[str]:
    """Short lines for village handouts: one sentence per line; long Chinese sentences cut after a comma."""
    out: list[str] = []
    for sentence in sentences(text, lang):
        if not is_zh(lang) or len(sentence) <= width + 2 or "，" not in sentence:
            out.append(sentence)
            continue
        line = ""
        for clause in re.split(r"(?<=，)", sentence):
            if line and len(line) + len(clause) > width:
                out.append(line)
                line = ""
            line += clause
        if line:
            out.append(line)
    return out


@dataclass
class OutlineRow:
    section: model.Section
    start: int
    minutes: int
    estimated: bool
    clock: str


@dataclass
class Outline:
    rows: list[OutlineRow]
    note: str
    estimated: bool


def outline(lesson: model.Lesson, lang: str) -> Outline:
    """The timed outline: start minute and length of each section; unknown lengths share the rest."""
    known = sum(s.minutes or 0 for s in lesson.sections)
    unknown = [s for s in lesson.sections if not s.minutes]
    rest = max(lesson.duration_minutes - known, 0)
    share = [rest // len(unknown) + (1 if i < rest % len(unknown) else 0) for i in range(len(unknown))] if unknown else []
    rows: list[OutlineRow] = []
    start = 0
    for section in lesson.sections:
        estimated = not section.minutes
        minutes = section.minutes or share.pop(0)
        end = start + minutes
        clock = catalogue(lang).gettext("kit.outline_clock", start=start, end=end)
        rows.append(OutlineRow(section, start, minutes, estimated, clock))
        start = end
    total = sum(r.minutes for r in rows)
    note = "" if total == lesson.duration_minutes else catalogue(lang).gettext("kit.outline_sum", sum=total, total=lesson.duration_minutes)
    return Outline(rows, note, bool(unknown))


class DocumentLanguage:
    """What the templates call: text in the document's language, Markdown, pinyin, labels."""

    def __init__(
        self, project: model.Project, lang: str, *, village: bool, fonts: KitFonts, pinyin: Any, annotate: bool | None = None
    ) -> None:
        self.project = project
        #: pinyin over key points and slogans, extra-language text beside them (village settings)
        self.annotate = village if annotate is None else annotate
        self.cfg = project.config
        self.lang = lang
        self.default = project.config.default_language
        self.village = village
        self.fonts = fonts
        self.pinyin = pinyin
        self.strings = catalogue(lang)
        self.zh = is_zh(lang)
        self.html_lang = "zh-Hans" if self.zh else lang
        self.font_css = Markup(
            fonts.font_face_css() + f"\nhtml {{ font-family: {fonts.css_family}; }}\n"
            f".cert-title {{ font-family: {fonts.css_serif_family}; }}\n"
        )
        self.css = Markup(css_text(village))
        x, y = ("counter(page)", "counter(pages)")
        pattern = self.strings.gettext("kit.page_x_of_y", x="\x00", y="\x01")
        pieces = re.split(r"(\x00|\x01)", pattern)
        self.page_counter_css = Markup(" ".join(
            x if piece == "\x00" else y if piece == "\x01" else f'"{self.css_string(piece)}"' for piece in pieces if piece
        ))

    # -- text ------------------------------------------------------------------------------------
    def text(self, text: model.Text | str | None) -> str:
        """The text in the document's language; internal links (``lesson:id``) point to the site when
        it has an address, else become their label."""
        if text is None:
            return ""
        value = text if isinstance(text, str) else text.get(self.lang, self.default)
        return links.rewrite(value, lambda link: site_address(self.cfg, self.lang, link.site_path))

    def gettext(self, msgid: str, **values: object) -> str:
        """The interface string ``msgid`` (``kit.plan``) in the document's language."""
        return self.strings.gettext(msgid, **values)

    def word(self, key: str, **values: object) -> str:
        """A printed word by its short key: the kits' own (``kit.<key>``), else the slides' and outline's
        (``slides.<key>``), both from the one catalogue."""
        for msgid in (f"kit.{key}", f"slides.{key}"):
            try:
                return self.strings.gettext(msgid, **values)
            except KeyError:
                continue
        raise KeyError(f"no message kit.{key} or slides.{key} in the string catalogue")

    def ngettext(self, msgid: str, n: int, **values: object) -> str:
        """The plural string ``msgid`` in the form for ``n``."""
        return self.strings.ngettext(msgid, n, **values)

    def md(self, text: model.Text | None, inline: bool = False) -> Markup:
        """A Markdown field as sanitised HTML (:func:`generator.markup.render`); content links point to
        the site when it has an address, else keep their words."""
        if text is None:
            return Markup("")
        return Markup(markup.render(text.get(self.lang, self.default), inline=inline,
                                    link=lambda link: site_address(self.cfg, self.lang, link.site_path)))

    def md_inline(self, text: model.Text | None) -> Markup:
        return self.md(text, inline=True)

    def plain(self, text: model.Text | None) -> str:
        return markup.plain_text(self.text(text)) if text is not None else ""

    def ruby(self, text: model.Text | str | None) -> Markup:
        """Plain text with pinyin over the Chinese (village edition, Chinese documents); else escaped."""
        value = self.text(text)
        if self.annotate and self.zh:
            return Markup(self.pinyin.print_ruby_html(value))
        return escape(value)

    def short_lines(self, text: model.Text) -> list[Markup]:
        lines = short_lines(markup.plain_text(self.text(text)), self.lang)
        return [self.ruby(line) for line in lines]

    def first_sentence(self, text: model.Text) -> str:
        found = sentences(markup.plain_text(self.text(text)), self.lang)
        return found[0] if found else ""

    def join(self, texts: list[model.Text]) -> str:
        return self.strings.format_list([self.text(x) for x in texts])

    def extras(self, text: model.Text | None) -> list[tuple[Any, str]]:
        """Extra-language versions of ``text`` (e.g. Hlai) printed beside it in village documents."""
        if not self.annotate or text is None or isinstance(text, str):
            return []
        out = []
        for code, lang_def in self.cfg.extra_languages.items():
            if text.has(code):
                label = lang_def.name.get(self.lang, self.default)
                out.append((_ExtraName(code, label), text.values[code]))
        return out

    def credits(self, item: model.Lesson | model.Event) -> list[str]:
        if not self.annotate:
            return []
        lines = []
        for code, who in item.supplied_by.items():
            name = self.cfg.extra_languages[code].name.get(self.lang, self.default) if code in self.cfg.extra_languages else code
            lines.append(self.gettext("kit.supplied_by", language=name, who=self.text(who)))
        return lines

    @staticmethod
    def marked_example(name: model.Text) -> bool:
        return any("示例" in v or "example" in v.lower() for v in name.values.values())

    # -- quiz helpers --------------------------------------------------------------------------
    def fill_answers(self, q: model.FillBlankQuestion) -> str:
        return " / ".join(q.printed_answers(self.lang, self.default))

    def needs_hint(self, q: model.SingleQuestion | model.MultipleQuestion, msgid: str) -> bool:
        """False when the prompt already says "（多选）" / "(Choose all that apply)"."""
        prompt = self.text(q.prompt).lower()
        return not any(word in prompt for word in (self.gettext(msgid).lower(), "单选", "多选", "choose"))

    def review(self, q: model.SingleQuestion) -> str:
        lesson = self.project.lessons.get(q.lesson or "")
        if lesson is None:
            return ""
        section = next((s for s in lesson.sections if s.id == q.section), None)
        return f"{self.text(lesson.title)} · {self.text(section.title)}" if section else self.text(lesson.title)

    # -- drawing -----------------------------------------------------------------------------------
    @staticmethod
    def css_string(text: str) -> Markup:
        """Text for a CSS string inside <style> (no HTML escaping there: entities would print as-is)."""
        out = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("<", "\\3c ").replace(">", "\\3e ")
        return Markup(out)

    @staticmethod
    def dandelion_svg() -> Markup:
        return Markup(dandelion_svg())

    @staticmethod
    def face_svg(kind: str) -> Markup:
        return Markup(face_svg(kind))


def _inner_quotes(text: str) -> str:
    """A title quoted inside a sentence: its own double quotes become single ones (“‘三月三’…”)."""
    return text.replace("“", "‘").replace("”", "’").replace('"', "'")


@dataclass(frozen=True)
class _ExtraName:
    code: str
    label: str


#: Rows tried on a sign-in sheet, most first, until it fits one page (village rows are taller).
SIGN_IN_ROWS = {False: (20, 18, 16, 14, 12), True: (11, 10, 9, 8, 7, 6)}
#: Handout variants tried until it fits HANDOUT_MAX_PAGES: 0 full … 4 without the glossary.
HANDOUT_LEVELS = (0, 1, 2, 3, 4)
HANDOUT_MAX_PAGES = 2
#: The lecturer's own documents: in the lecturer edition their page header says so (讲师版). Papers handed
#: to the audience (handouts, worksheets, forms, certificates, posters) are the same in both editions and
#: carry no mark: the room never sees "lecturer edition", and one rendering serves both editions (cache).
LECTURER_DOCUMENTS = frozenset({"plan", "outline_card"})
#: Outline card variants tried until it fits one page (see Documents.outline_card).
OUTLINE_LEVELS = (0, 1, 2, 3)


class Documents:
    """Builds the HTML of every kit document for one project."""

    def __init__(self, project: model.Project, fonts: KitFonts, pinyin: Any, *, edition: str = "public") -> None:
        self.project = project
        self.fonts = fonts
        self.pinyin = pinyin
        #: the lecturer edition's documents carry its mark in their header
        self.edition = edition
        self._languages: dict[tuple[str, bool, bool], DocumentLanguage] = {}

    def language(self, lang: str, village: bool, annotate: bool | None = None) -> DocumentLanguage:
        annotate = village if annotate is None else annotate
        key = (lang, village, annotate)
        if key not in self._languages:
            self._languages[key] = DocumentLanguage(self.project, lang, village=village, fonts=self.fonts, pinyin=self.pinyin, annotate=annotate)
        return self._languages[key]

    def _render(self, template: str, doc: DocumentLanguage, kind: str, doc_title: str, **ctx: Any) -> str:
        page_label = ctx.pop("page_label", doc.word(kind) + (f" · {doc.gettext('kit.village_edition')}" if doc.village else ""))
        lecturers = self.edition == "lecturer" and kind in LECTURER_DOCUMENTS
        edition_mark = doc.gettext("slides.lecturer_edition_mark") if lecturers else ""
        return _env().get_template(template).render(
            doc=doc, cfg=self.project.config, kind=kind, doc_title=doc_title, page_label=page_label, edition_mark=edition_mark,
            village=doc.village, compact=ctx.pop("compact", 0), **ctx,
        )

    def _setting_name(self, doc: DocumentLanguage, setting: str) -> str:
        text = self.project.config.settings.get(setting)
        return doc.text(text) if text else setting

    # -- lessons ---------------------------------------------------------------------------------
    def plan(self, lesson: model.Lesson, setting: str, lang: str) -> str:
        # The plan is the lecturer's: normal type, but pinyin and extra text on slogans in village settings.
        doc = self.language(lang, False, annotate=is_village(setting))
        cfg = self.project.config
        meta = [
            (doc.gettext("kit.audience"), doc.strings.format_list([doc.text(cfg.audiences[a]) for a in lesson.audiences if a in cfg.audiences])),
            (doc.gettext("kit.setting"), self._setting_name(doc, setting)),
            (doc.gettext("kit.duration"), doc.gettext("kit.minutes", n=lesson.duration_minutes)),
        ]
        return self._render(
            "plan.html.j2", doc, "plan", f"{doc.text(lesson.title)} · {doc.gettext('kit.plan')}", lesson=lesson, meta=meta,
            outline=outline(lesson, lang), laws=self._laws(doc, lesson), terms=self._terms(lesson),
            quiz=self.project.quizzes.get(lesson.quiz or ""),
            page_label=f"{doc.gettext('kit.plan')} · {self._setting_name(doc, setting)}",
        )

    def outline_card(self, lesson: model.Lesson, setting: str, lang: str, brevity: int = 0) -> str:
        """The one-page outline for the lecturer's pocket: timed parts, key points, slogans and (lecturer
        edition) each part's notes in brief. ``brevity`` 0–3 shortens the notes, then tightens the type,
        then drops the notes, until it fits one page."""
        doc = self.language(lang, False, annotate=is_village(setting))
        limit = (90, 45, 45, 0)[brevity]
        rows = []
        for row in outline(lesson, lang).rows:
            notes = doc.plain(row.section.notes) if self.edition == "lecturer" and row.section.notes and limit else ""
            first = sentences(notes, lang)[0] if notes else ""
            brief = first if len(first) <= limit else first[: limit - 1].rstrip() + "…"
            rows.append({"clock": row.clock, "minutes": row.minutes, "estimated": row.estimated,
                         "title": doc.text(row.section.title), "notes": brief})
        cfg = self.project.config
        meta = [
            (doc.word("audience"), doc.strings.format_list([doc.text(cfg.audiences[a]) for a in lesson.audiences if a in cfg.audiences])),
            (doc.word("setting"), self._setting_name(doc, setting)),
            (doc.word("duration"), doc.word("minutes", n=lesson.duration_minutes)),
        ]
        return self._render(
            "outline_card.html.j2", doc, "outline_card", f"{doc.text(lesson.title)} · {doc.word('outline_card')}", lesson=lesson,
            meta=meta, rows=rows, compact=3 if brevity >= 2 else 0,
            page_label=f"{doc.word('outline_card')} · {self._setting_name(doc, setting)}",
        )

    def handout(self, lesson: model.Lesson, setting: str, lang: str, compact: int = 0) -> str:
        """The audience handout; ``compact`` 1–4 shortens the glossary step by step to fit two pages."""
        doc = self.language(lang, is_village(setting))
        images = [(s.image, s.title) for s in lesson.sections if s.image][:4]
        centres = sorted(
            self.project.help_centres.values(),
            key=lambda c: (list(self.project.config.regions).index(c.region) if c.region in self.project.config.regions else 99, c.id),
        )
        url = page_url(self.project.config, lang, "lessons", lesson.id)
        qr = {"svg": Markup(qr_svg(url)), "url": url} if url else None
        return self._render(
            "handout.html.j2", doc, "handout", f"{doc.text(lesson.title)} · {doc.gettext('kit.handout')}", lesson=lesson,
            images=images, terms=self._terms(lesson), centres=centres, any_example=any(c.example for c in centres),
            qr=qr, compact=compact,
        )

    def worksheet(self, lesson: model.Lesson, quiz: model.Quiz, setting: str, lang: str, *, answers: bool) -> str:
        # The answer key is the lecturer's copy: normal type.
        doc = self.language(lang, is_village(setting) and not answers)
        questions = quiz.questions[: quiz.draw] if quiz.draw else quiz.questions
        kind = "answer-key" if answers else "worksheet"
        return self._render(
            "worksheet.html.j2", doc, kind, f"{doc.text(quiz.title)} · {doc.gettext('kit.' + kind)}", quiz=quiz, lesson=lesson,
            questions=[(q, i) for i, q in enumerate(questions, 1)], answers=answers,
            group_label=doc.gettext("kit.unit_village" if is_village(setting) else "kit.class_or_unit" if "campus" in setting.split("-") else "kit.community_or_unit"),
            drawn=len(questions) if quiz.draw and quiz.draw < len(quiz.questions) else 0,
        )

    def sign_in(
        self, lang: str, setting: str, *, lesson: model.Lesson | None = None, event: model.Event | None = None, rows: int | None = None
    ) -> str:
        doc = self.language(lang, is_village(setting))
        title, subtitle, fields = self._event_fields(doc, lesson=lesson, event=event)
        return self._render(
            "sign_in.html.j2", doc, "sign-in", f"{title} · {doc.gettext('kit.sign-in')}", title=title, subtitle=subtitle,
            fields=fields, rows=rows or SIGN_IN_ROWS[doc.village][0],
        )

    def feedback(self, lang: str, setting: str, *, lesson: model.Lesson | None = None, event: model.Event | None = None) -> str:
        doc = self.language(lang, is_village(setting))
        title, subtitle, _fields = self._event_fields(doc, lesson=lesson, event=event)
        audiences = (event.audiences if event else lesson.audiences if lesson else [])
        who = [doc.text(self.project.config.audiences[a]) for a in audiences if a in self.project.config.audiences]
        if who:
            who.append(doc.gettext("kit.fb_other"))
        return self._render(
            "feedback.html.j2", doc, "feedback", f"{title} · {doc.gettext('kit.feedback')}", title=title, subtitle=subtitle, who=who,
        )

    # -- events --------------------------------------------------------------------------------------
    def certificate(self, event: model.Event, lang: str) -> str:
        doc = self.language(lang, is_village(event.setting))
        body = Markup(escape(doc.gettext("kit.cert_body", name="\x00", date="\x01", venue="\x02", title="\x03")))
        body = Markup(
            str(body).replace("\x00", '<span class="name-blank"></span>')
            .replace("\x01", str(escape(doc.strings.format_date(event.date))))
            .replace("\x02", str(escape(doc.text(event.venue))))
            .replace("\x03", str(escape(_inner_quotes(doc.text(event.title)))))
        )
        return self._render(
            "certificate.html.j2", doc, "certificate", f"{doc.text(event.title)} · {doc.gettext('kit.certificate')}", body=body,
            date=doc.strings.format_date(event.date), partners=[], page_label="",
        )

    # -- training certificates (dandelion certificates) ---------------------------------------------
    def training_certificate(self, issue: Any, lang: str) -> str:
        """A numbered certificate for one learner: ``issue`` is a certificates.Issue (name, module,
        hours, completed and issued dates, number)."""
        from ..records_strings import CERTIFICATE, text

        doc = self.language(lang, False)
        module = self.project.training[issue.module]
        title = text(CERTIFICATE, "heading", lang)
        hours = f"{issue.hours:g}"
        body = text(CERTIFICATE, "body", lang, name=issue.name, module=_inner_quotes(doc.text(module.title)), hours=hours,
                    date=catalogue(lang).format_date(issue.completed, weekday=False).replace(" ", "\u00a0"))
        return self._render(
            "training_certificate.html.j2", doc, "certificate", f"{issue.number} · {title}",
            description=title, page_label="", heading=title, body=body, organisation=doc.text(self.project.config.organisation),
            number_line=text(CERTIFICATE, "number", lang, number=issue.number), verify=text(CERTIFICATE, "verify", lang),
            seal=text(CERTIFICATE, "seal", lang), signature=text(CERTIFICATE, "signature", lang),
            issued=text(CERTIFICATE, "issued", lang, date=catalogue(lang).format_date(issue.issued, weekday=False)),
        )

    # -- pieces ------------------------------------------------------------------------------------
    def _event_fields(self, doc: DocumentLanguage, *, lesson: model.Lesson | None, event: model.Event | None) -> tuple[str, str | None, list[tuple[str, str]]]:
        if event is not None:
            lessons = [doc.text(self.project.lessons[i].title) for i in event.lessons if i in self.project.lessons]
            lecturers = [doc.text(self.project.lecturers[i].name) for i in event.lecturers if i in self.project.lecturers]
            fields = [
                (doc.gettext("kit.date"), doc.strings.format_date(event.date, weekday=True)),
                (doc.gettext("kit.time"), time_range(event.start, event.end)),
                (doc.gettext("kit.venue"), doc.text(event.venue)),
                (doc.ngettext("kit.lecturers", len(lecturers)), doc.strings.format_list(lecturers)),
            ]
            subtitle = doc.text(event.occasion) or doc.strings.format_list(lessons) or None
            return doc.text(event.title), subtitle, [(a, b) for a, b in fields if b] or fields
        assert lesson is not None
        # the number of lecturers is not known yet: the plural form
        fields = [(doc.gettext("kit.date"), ""), (doc.gettext("kit.venue"), ""), (doc.ngettext("kit.lecturers", 2), "")]
        return doc.text(lesson.title), None, fields

    def _laws(self, doc: DocumentLanguage, lesson: model.Lesson) -> list[dict[str, Any]]:
        out = []
        for ref in lesson.references:
            law = self.project.laws.get(ref.law)
            if law is None:
                continue
            name = doc.text(law.name)
            if law.year:
                name += doc.gettext("kit.law_year", year=law.year)
            article = law.articles.get(ref.article) if ref.article else None
            out.append({
                "name": name,
                "article": doc.gettext("kit.article", n=ref.article, cn=chinese_number(ref.article)) if ref.article else "",
                "summary": doc.text(article.summary) if article else "",
                "note": doc.md_inline(law.note) if law.note and not ref.article else "",
            })
        return out

    def _terms(self, lesson: model.Lesson) -> list[model.GlossaryTerm]:
        return [self.project.glossary[g] for g in lesson.glossary if g in self.project.glossary]

    def image_files(self, lesson: model.Lesson) -> list[Path]:
        return [self.project.content_dir / s.image.src for s in lesson.sections if s.image]
