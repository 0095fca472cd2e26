"""Second pass over a loaded project: references between items and rules that span fields.

Everything here adds diagnostics and never raises, so ``dandelion check`` can list every problem
at once. The rules:

* references: audiences, settings, regions, lessons, quizzes, lecturers, glossary terms, laws and
  their articles, quiz review sections must all exist (with "did you mean" hints);
* images: inside ``content/``, present, a web-safe format, with alt text in every language;
  photos need ``consent: true``;
* languages: a text missing a site language is a warning (the fallback is named); an unknown
  code is an error; text in an extra language (e.g. Hlai) must say who supplied it;
* quizzes: exactly one correct option in a single-choice question, unique question ids, a
  ``draw`` that the bank can satisfy;
* privacy: nothing that looks like a mobile phone or ID-card number is published;
* safety: texts may not carry raw HTML, attribute lists (``{: onclick=…}``), links with a
  scheme other than http(s)/mailto/tel (entity-encoded and reference-style ones included) or
  Markdown images. Every text is checked, not only the Markdown fields: a template that starts
  rendering a field as Markdown must not open a hole.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from . import links
from . import model as m
from .checks_events import check_event_report
from .errors import Diagnostics
from .validate import did_you_mean
from .yamlload import Document, PathKey

IMAGE_TYPES = {".png", ".jpg", ".jpeg", ".svg", ".webp", ".gif"}
#: Fields the site renders as Markdown (the markup check covers every text, these included).
MARKDOWN_FIELDS = {"body", "notes", "summary", "explanation", "bio", "definition", "description", "prompt", "note", "about", "cancel_reason"}

_MOBILE = re.compile(r"(?<![\d-])1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?![\d-])")
_ID_CARD = re.compile(r"(?<![\dA-Za-z])\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])")
_HTML_TAG = re.compile(r"<\s*(/?)\s*([A-Za-z][A-Za-z0-9-]*)([^>]*)>")
_ALLOWED_TAGS = {"br", "sub", "sup", "kbd", "mark", "abbr", "small"}
#: ``<https://…>`` autolinks: checked as links, not as raw HTML
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>")
#: inline link and image destinations: ``](dest`` or ``](<dest>`` (a line break inside is kept by
#: Markdown and dropped by browsers, so ``java⏎script:`` is read across it)
_LINK_DEST = re.compile(r"\]\(\s*(<[^>]*>|[^)]*)")
#: reference definitions ``[label]: dest`` (the destination may sit on the next line)
_REF_DEF = re.compile(r"^[ ]{0,3}\[([^\]\n]+)\]:[ \t]*\n?[ \t]*(<[^>\n]*>|\S+)", re.M)
#: images: ``![alt](src)``, ``![alt][ref]``, ``![alt][]`` and ``![ref]``
_MD_IMAGE = re.compile(r"!\[([^\]\n]*)\](?:\(\s*(<[^>]*>|[^)]*)|\[([^\]\n]*)\])?")
#: attribute lists with key=value pairs (Python-Markdown's attr_list would add any attribute)
_ATTR_LIST = re.compile(r"\{:?[ ]*[^}\n ][^}\n]*=[^}\n]*\}")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
#: one-line code spans: their content is shown as text, so `<br>` in backticks is no HTML. A span
#: never crosses a line: an HTML block starting on the next line would be live.
_CODE_SPAN = re.compile(r"(?<![`\\])(`+)(?!`)[^\n]*?(?<!`)\1(?!`)")
_SAFE_SCHEMES = {"http", "https", "mailto", "tel"}


def resolve(project: m.Project, origins: Any, diags: Diagnostics) -> None:
    """Check references and cross-field rules of a loaded project."""
    _Resolver(project, origins, diags).run()


def check_config(config: m.SiteConfig, doc: Document, diags: Diagnostics) -> None:
    """Rules of site_config.yml that need more than one field."""
    langs = config.languages
    for path, text in iter_texts(config, ()):
        _check_text_langs(text, langs, set(config.extra_languages), doc, path, diags, supplied_by=None)
        check_privacy(text, doc, path, diags)
        check_markup(text, doc, path, diags)
    from .zh import validate_overrides

    for problem in validate_overrides(config.pinyin_overrides):
        diags.error(doc.loc(("pinyin_overrides",)), f"pinyin_overrides: {problem}")


def iter_texts(obj: Any, path: PathKey) -> Iterator[tuple[PathKey, m.Text]]:
    """Every :class:`~generator.model.Text` inside ``obj`` with its YAML path."""
    if isinstance(obj, m.Text):
        yield path, obj
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            if name == "supplied_by":
                continue
            yield from iter_texts(getattr(obj, name), (*path, name))
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from iter_texts(item, (*path, i))
    elif isinstance(obj, dict):
        for key, item in obj.items():
            yield from iter_texts(item, (*path, key))


def _check_text_langs(
    text: m.Text, langs: list[str], extra: set[str], doc: Document, path: PathKey,
    diags: Diagnostics, supplied_by: dict[str, m.Text] | None,
) -> None:
    default = langs[0]
    for code in text.langs:
        if code not in langs and code not in extra:
            hint = did_you_mean(code, [*langs, *extra])
            diags.error(doc.loc((*path, code), key=True),
                        f"unknown language '{code}': the site has {', '.join(langs)}{hint}"
                        + ("" if hint else " (declare other languages under extra_languages in site_config.yml)"))
        elif code in extra and supplied_by is not None and code not in supplied_by:
            diags.error(doc.loc((*path, code), key=True),
                        f"text in '{code}' must say who supplied it: add `supplied_by: {{{code}: …}}` to this item")
    for code in langs:
        if not text.has(code):
            used = default if text.has(default) else text.langs[0]
            diags.warning(doc.loc(path), f"no '{code}' text: the '{used}' text is shown instead")


class _Resolver:
    def __init__(self, project: m.Project, origins: Any, diags: Diagnostics) -> None:
        self.p = project
        self.o = origins
        self.d = diags
        self.cfg = project.config
        self._plain_quizzes: set[str] = set()

    def run(self) -> None:
        for (kind, item_id), (doc, base) in sorted(self.o.items.items(), key=lambda kv: (kv[1][0].rel, kv[0])):
            item = self._item(kind, item_id)
            if item is None:
                continue
            self._texts(item, doc, base)
            check = getattr(self, "_" + kind.replace("-", "_"), None)
            if check:
                check(item, doc, base)

    def _item(self, kind: str, item_id: str) -> Any:
        table = {
            "lesson": self.p.lessons, "event": self.p.events, "training": self.p.training,
            "lecturer": self.p.lecturers, "quiz": self.p.quizzes, "glossary": self.p.glossary,
            "law": self.p.laws, "help-centre": self.p.help_centres,
        }[kind]
        return table.get(item_id)

    # --- helpers ---------------------------------------------------------------------------

    def _ref(self, doc: Document, path: PathKey, value: str | None, table: Any, what: str) -> bool:
        if value is None or value in table:
            return True
        choices = list(table)
        hint = did_you_mean(value, choices)
        if not hint and choices and len(choices) <= 8:
            hint = f" (known: {', '.join(sorted(choices))})"
        self.d.error(doc.loc(path), f"unknown {what} '{value}'{hint}")
        return False

    def _refs(self, doc: Document, base: PathKey, field: str, values: list[str], table: Any, what: str) -> None:
        seen: set[str] = set()
        for i, value in enumerate(values):
            self._ref(doc, (*base, field, i), value, table, what)
            if value in seen:
                self.d.warning(doc.loc((*base, field, i)), f"{what} '{value}' is listed twice")
            seen.add(value)

    def _texts(self, item: BaseModel, doc: Document, base: PathKey) -> None:
        supplied = getattr(item, "supplied_by", None)
        extra = set(self.cfg.extra_languages)
        for code in supplied or {}:
            if code not in extra:
                self.d.error(doc.loc((*base, "supplied_by", code), key=True),
                             f"'{code}' is not an extra language of the site (declare it under extra_languages)")
        for path, text in iter_texts(item, base):
            _check_text_langs(text, self.cfg.languages, extra, doc, path, self.d,
                              supplied_by=supplied if supplied is not None else {})
            check_privacy(text, doc, path, self.d)
            check_markup(text, doc, path, self.d)
            check_list_indent(text, doc, path, self.d)
            self._links(text, doc, path)
            self._zh_style(text, doc, path)

    def _links(self, text: m.Text, doc: Document, path: PathKey) -> None:
        """Internal links (``[…](lesson:id#section)``, see :mod:`generator.links`) must name a target."""
        tables: dict[str, Any] = {
            "lesson": self.p.lessons, "quiz": self.p.quizzes, "event": self.p.events,
            "training": self.p.training, "glossary": self.p.glossary, "page": links.PAGES,
        }
        for lang, value in text.values.items():
            where = (*path, lang) if len(text.values) > 1 else path
            for link in links.find(value):
                what = {"page": "page (for page: links)", "glossary": "glossary term"}.get(link.kind, link.kind)
                if not self._ref(doc, where, link.id, tables[link.kind], what):
                    continue
                if link.anchor and link.kind == "lesson":
                    sections = [s.id for s in self.p.lessons[link.id].sections if s.id]
                    if link.anchor not in sections:
                        hint = did_you_mean(link.anchor, sections) or f" (sections: {', '.join(sections)})"
                        self.d.error(doc.loc(where), f"lesson '{link.id}' has no section '{link.anchor}'{hint}")
                elif link.anchor and link.kind != "page":
                    self.d.error(doc.loc(where), f"a {link.kind}: link takes no #section (only lesson: links do)")

    def _zh_style(self, text: m.Text, doc: Document, path: PathKey) -> None:
        value = text.values.get("zh")
        if not value:
            return
        from .zh import lint_zh

        for offset, message in lint_zh(value):
            self.d.warning(doc.loc(path), f"{message} (at “{_excerpt(value, offset)}”)")

    def _image(self, doc: Document, path: PathKey, image: m.Image | None, *, photo: bool = False) -> None:
        if image is None:
            return
        src = image.src.strip()
        if re.match(r"^[a-z][a-z0-9+.-]*:", src, re.I) or src.startswith("//"):
            self.d.error(doc.loc((*path, "src")), f"image address '{src}' points to another host: the site must work offline; put the file under content/ and give its path")
        elif src.startswith("/") or "\\" in src or ".." in src.split("/"):
            self.d.error(doc.loc((*path, "src")), f"image path '{src}' must be relative to content/ and stay inside it (no leading /, no ..)")
        else:
            file = self.p.content_dir / src
            try:
                inside = file.resolve().is_relative_to(self.p.content_dir.resolve())
            except OSError:
                inside = False
            if not inside:
                self.d.error(doc.loc((*path, "src")), f"image '{src}' lies outside content/ (a link?): refused")
            elif not file.is_file():
                self.d.error(doc.loc((*path, "src")), f"image not found: content/{src}")
            elif file.suffix.lower() not in IMAGE_TYPES:
                self.d.error(doc.loc((*path, "src")), f"image '{src}' is not a web image ({', '.join(sorted(IMAGE_TYPES))})")
        if image.alt is None:
            self.d.error(doc.loc(path), f"{'photo' if photo else 'image'} '{src}' has no alt text: add `alt: {{zh: …, en: …}}` describing it")
        if photo and not getattr(image, "consent", False):
            self.d.error(doc.loc(path), f"photo '{src}' is not marked `consent: true`: publish only photos everyone shown agreed to")

    # --- per kind --------------------------------------------------------------------------

    def _lesson(self, lesson: m.Lesson, doc: Document, base: PathKey) -> None:
        self._refs(doc, base, "audiences", lesson.audiences, self.cfg.audiences, "audience")
        self._refs(doc, base, "settings", lesson.settings, self.cfg.settings, "setting")
        self._refs(doc, base, "glossary", lesson.glossary, self.p.glossary, "glossary term")
        if self.cfg.topics:
            self._refs(doc, base, "topics", lesson.topics, self.cfg.topics, "topic")
        self._ref(doc, (*base, "quiz"), lesson.quiz, self.p.quizzes, "quiz")
        for i, ref in enumerate(lesson.references):
            self._law_ref(doc, (*base, "references", i), ref)
        seen: dict[str, int] = {}
        for i, section in enumerate(lesson.sections):
            if section.id in seen:
                self.d.error(doc.loc((*base, "sections", i, "id")), f"duplicate section id '{section.id}' (also section {seen[section.id] + 1})")
            seen[section.id or ""] = i
            self._image(doc, (*base, "sections", i, "image"), section.image)
        if lesson.for_children:  # plain-language check, see generator.zh.readability
            self._plain_language(lesson, doc, base)
        minutes = [s.minutes for s in lesson.sections]
        if all(x is not None for x in minutes) and sum(minutes) != lesson.duration_minutes:  # type: ignore[arg-type]
            self.d.warning(doc.loc((*base, "duration_minutes")),
                           f"the sections add up to {sum(minutes)} minutes but duration_minutes is {lesson.duration_minutes}")  # type: ignore[arg-type]

    def _plain_language(self, lesson: m.Lesson, doc: Document, base: PathKey) -> None:
        """Pupil-facing text of a lesson for young readers: the lesson's title, sections, key points
        and slogans, and its whole quiz. Speaker notes, objectives and materials are for adults."""
        from .zh.readability import readability

        allowed: list[str] = []
        for term_id in lesson.glossary:
            term = self.p.glossary.get(term_id)
            if term is not None:
                allowed += [t.values.get("zh", "") for t in (term.term, *term.aliases)]
        texts: list[tuple[Document, PathKey, m.Text]] = [(doc, (*base, "title"), lesson.title)]
        for i, section in enumerate(lesson.sections):
            texts += [(doc, (*base, "sections", i, "title"), section.title),
                      (doc, (*base, "sections", i, "body"), section.body)]
        for field in ("key_points", "slogans"):
            texts += [(doc, (*base, field, i), t) for i, t in enumerate(getattr(lesson, field))]
        if lesson.quiz in self.p.quizzes and ("quiz", lesson.quiz) in self.o.items and lesson.quiz not in self._plain_quizzes:
            self._plain_quizzes.add(lesson.quiz)  # a quiz shared by two lessons is checked once
            qdoc, qbase = self.o.items[("quiz", lesson.quiz)]
            texts += [(qdoc, path, t) for path, t in iter_texts(self.p.quizzes[lesson.quiz], qbase)]
        for tdoc, path, text in texts:
            value = text.values.get("zh") if text is not None else None
            for offset, message in readability(value or "", allowed):
                self.d.warning(tdoc.loc(path), f"{message} (at “{_excerpt(value or '', offset)}”)")

    def _law_ref(self, doc: Document, path: PathKey, ref: m.Reference) -> None:
        if not self._ref(doc, (*path, "law"), ref.law, self.p.laws, "law"):
            return
        law = self.p.laws[ref.law]
        if ref.article is not None and ref.article not in law.articles:
            known = ", ".join(str(a) for a in sorted(law.articles)) or "none"
            self.d.error(doc.loc((*path, "article")),
                         f"article {ref.article} of '{ref.law}' is not in content/laws.yml (listed: {known}); cite only checked articles")

    def _event(self, event: m.Event, doc: Document, base: PathKey) -> None:
        self._ref(doc, (*base, "region"), event.region, self.cfg.regions, "region")
        self._ref(doc, (*base, "setting"), event.setting, self.cfg.settings, "setting")
        self._refs(doc, base, "audiences", event.audiences, self.cfg.audiences, "audience")
        self._refs(doc, base, "lessons", event.lessons, self.p.lessons, "lesson")
        self._refs(doc, base, "lecturers", event.lecturers, self.p.lecturers, "lecturer")
        if event.start and event.end and event.end <= event.start:
            self.d.error(doc.loc((*base, "end")), f"the event ends ({event.end}) before it starts ({event.start})")
        if event.report is not None and event.status != "done":
            self.d.error(doc.loc((*base, "report"), key=True), f"a report belongs to a done event, but status is '{event.status}'")
        if event.status == "done" and event.date > dt.date.today():
            self.d.warning(doc.loc((*base, "status")), f"the event is marked done but its date ({event.date}) is still to come")
        if event.status == "cancelled" and event.cancel_reason is None:
            self.d.warning(doc.loc((*base, "status")), "the event is cancelled: add `cancel_reason:` so visitors know why and whether it moves")
        if event.status == "done" and event.report is None:
            self.d.warning(doc.loc((*base, "status")), "the event is done but has no `report:` (attendance, summary, photos)")
        check_event_report(event, doc, base, self.d)
        if event.report:
            for i, photo in enumerate(event.report.photos):
                self._image(doc, (*base, "report", "photos", i), photo, photo=True)

    def _quiz(self, quiz: m.Quiz, doc: Document, base: PathKey) -> None:
        self._ref(doc, (*base, "lesson"), quiz.lesson, self.p.lessons, "lesson")
        seen: set[str] = set()
        for path, q in quiz.all_questions():
            qpath = (*base, *path)
            if q.id in seen:
                self.d.error(doc.loc((*qpath, "id")), f"duplicate question id '{q.id}' in this quiz")
            seen.add(q.id)
            if isinstance(q, (m.SingleQuestion, m.MultipleQuestion)):
                n = sum(o.correct for o in q.options)
                if isinstance(q, m.SingleQuestion) and n != 1:
                    self.d.error(doc.loc((*qpath, "options")),
                                 f"a single-choice question needs exactly one option with `correct: true` (found {n})")
                if isinstance(q, m.MultipleQuestion) and n == 0:
                    self.d.error(doc.loc((*qpath, "options")), "a multiple-choice question needs at least one option with `correct: true`")
                texts = [o.text for o in q.options]
                if len(set(texts)) != len(texts):
                    self.d.error(doc.loc((*qpath, "options")), "two options have the same text")
            if isinstance(q, m.OrderingQuestion) and len(set(q.answer)) != len(q.answer):
                self.d.error(doc.loc((*qpath, "answer")), "two items to order have the same text")
            if isinstance(q, m.FillBlankQuestion) and isinstance(q.answer, dict):
                for code in q.answer:
                    if code not in self.cfg.languages and code not in self.cfg.extra_languages:
                        self.d.error(doc.loc((*qpath, "answer", code), key=True), f"unknown language '{code}'")
            lesson_id = q.lesson or quiz.lesson
            if q.lesson is not None:
                self._ref(doc, (*qpath, "lesson"), q.lesson, self.p.lessons, "lesson")
            if q.section is not None:
                if lesson_id is None:
                    self.d.error(doc.loc((*qpath, "section")), "`section` needs a `lesson` (on the question or the quiz)")
                elif lesson_id in self.p.lessons:
                    ids = [s.id for s in self.p.lessons[lesson_id].sections]
                    if q.section not in ids:
                        self.d.error(doc.loc((*qpath, "section")),
                                     f"lesson '{lesson_id}' has no section '{q.section}'{did_you_mean(q.section, ids) or ' (sections: ' + ', '.join(i for i in ids if i) + ')'}")
        if quiz.draw is not None and quiz.draw > len(quiz.questions):
            self.d.error(doc.loc((*base, "draw")), f"draw is {quiz.draw} but the quiz has only {len(quiz.questions)} questions")

    def _training(self, training: m.Training, doc: Document, base: PathKey) -> None:
        self._refs(doc, base, "audiences", training.audiences, self.cfg.audiences, "audience")
        self._refs(doc, base, "units", training.units, self.p.lessons, "lesson")
        self._ref(doc, (*base, "quiz"), training.quiz, self.p.quizzes, "quiz")
        self._refs(doc, base, "after", training.after, self.p.training, "training module")
        # a module that (through others) comes after itself can never be placed
        seen, todo = set(), list(training.after)
        while todo:
            other = todo.pop()
            if other == training.id:
                self.d.error(doc.loc((*base, "after")), f"training module '{training.id}' comes after itself (through `after`)")
                break
            if other in seen or other not in self.p.training:
                continue
            seen.add(other)
            todo.extend(self.p.training[other].after)

    def _lecturer(self, lecturer: m.Lecturer, doc: Document, base: PathKey) -> None:
        if self.cfg.topics:
            self._refs(doc, base, "topics", lecturer.topics, self.cfg.topics, "topic")
        self._image(doc, (*base, "photo"), lecturer.photo)

    def _glossary(self, term: m.GlossaryTerm, doc: Document, base: PathKey) -> None:
        self._refs(doc, base, "see_also", term.see_also, self.p.glossary, "glossary term")

    def _help_centre(self, centre: m.HelpCentre, doc: Document, base: PathKey) -> None:
        self._ref(doc, (*base, "region"), centre.region, self.cfg.regions, "region")
        if centre.example and centre.phone:
            self.d.error(doc.loc((*base, "phone")), "an example entry must not carry a phone number: never invent a real-looking number")


def check_privacy(text: m.Text, doc: Document, path: PathKey, diags: Diagnostics) -> None:
    """Nothing that looks like a mobile phone or ID-card number is published."""
    for value in text.values.values():
        if _ID_CARD.search(value):
            diags.error(doc.loc(path), "this text contains what looks like an ID-card number: published material must never carry personal data")
        elif _MOBILE.search(value):
            diags.error(doc.loc(path), "this text contains what looks like a mobile phone number: published material must never carry personal data")


_LIST_ITEM = re.compile(r"^( *)(?:[-*+]|\d+[.)]) \S")


def check_list_indent(text: m.Text, doc: Document, path: PathKey, diags: Diagnostics) -> None:
    """Warn where a list item meant as a sub-item is indented 1–3 spaces more than the item above.

    The site's Markdown nests a list only under 4 spaces; with 2 or 3 (what most editors type) the
    sub-items silently show at the level of their parent.
    """
    for lang, value in text.values.items():
        where = doc.loc((*path, lang) if len(text.values) > 1 else path)
        above: int | None = None
        for line in value.splitlines():
            item = _LIST_ITEM.match(line)
            if item:
                indent = len(item.group(1))
                if above is not None and 0 < indent - above < 4 and indent % 4:
                    diags.warning(where, f"list item “{line.strip()[:24]}” is indented {indent} spaces: "
                                         "a sub-list needs 4 spaces more than its parent item, or it shows at the parent's level")
                    break
                above = indent
            elif not line.strip():
                continue
            elif not line.startswith(" "):
                above = None  # a paragraph ends the list


def check_markup(text: m.Text, doc: Document, path: PathKey, diags: Diagnostics) -> None:
    """Refuse what would let a text run a script or load something from another host.

    The site engine renders Markdown fields as they are (no sanitiser after it), so this check is
    what keeps ``<script>``, ``onclick=`` and ``javascript:`` out of the pages.
    """
    for lang, original in text.values.items():
        where = doc.loc((*path, lang) if len(text.values) > 1 else path)
        value = _CODE_SPAN.sub("", original)
        for match in _HTML_TAG.finditer(value):
            if match.group(3).startswith(":") and _AUTOLINK.fullmatch(match.group(0)):
                continue  # an autolink such as <https://…>: its scheme is checked below
            tag = match.group(2).lower()
            if tag not in _ALLOWED_TAGS or match.group(3).strip() not in ("", "/"):
                diags.error(where, f"raw HTML <{tag}> is not allowed in Markdown text: write Markdown (only plain {', '.join(sorted(_ALLOWED_TAGS))} tags pass)")
                break
        if _ATTR_LIST.search(value):
            diags.error(where, "attribute lists such as {: key=value } are not allowed in text: they can add scripts to the page")
        refs = {_ref_label(label): dest for label, dest in _REF_DEF.findall(value)}
        dests = [*_LINK_DEST.findall(value), *refs.values(), *_AUTOLINK.findall(value)]
        for scheme in sorted({s for s in (_scheme(d) for d in dests) if s and s not in _SAFE_SCHEMES and s not in links.KINDS}):
            diags.error(where, f"a link with a {scheme}: address is not allowed: link with http(s) addresses or to pages of this site")
        for match in _MD_IMAGE.finditer(value):
            alt, inline, ref = match.groups()
            if inline is not None:
                src = inline
            else:
                src = refs.get(_ref_label(ref or alt))
                if src is None:
                    continue  # "![x]" that is not an image
            src = _clean_url(src)
            if _SCHEME.match(src) or src.startswith("//"):
                diags.error(where, f"image from another host ({src}): the site must work offline; copy it into content/images/ and use a section `image:`")
            else:
                diags.error(where, f"images in Markdown text are not supported ({src}): use the section's `image:` field with alt text")


def _ref_label(label: str) -> str:
    return " ".join(label.split()).casefold()


def _clean_url(dest: str) -> str:
    """A link destination as a browser reads it: entities decoded, tabs and line breaks dropped,
    a link title (``(url "title")``) cut off."""
    dest = dest.strip()
    if dest.startswith("<") and dest.endswith(">"):
        dest = dest[1:-1]
    dest = re.sub(r"[\t\n\r]", "", html.unescape(dest))
    dest = dest.strip(" ").split(" ", 1)[0]
    return dest.strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")


def _scheme(dest: str) -> str | None:
    found = _SCHEME.match(_clean_url(dest))
    return found.group(1).lower() if found else None


def _excerpt(text: str, offset: int, width: int = 8) -> str:
    start = max(0, offset - width)
    return text[start : offset + width].replace("\n", " ")
