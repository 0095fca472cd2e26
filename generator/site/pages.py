"""The site as pages of Markdown: what each page says, independent of the site engine.

:func:`render_pages` reads the model and returns :class:`Page` objects (a path such as
``lessons/new-drugs.md``, a title, Markdown, front matter). Templates are data in ``templates/``;
the engine module turns pages into HTML. Pages link to each other with relative ``.html`` URLs
(the engine builds with one file per page, which is what works from ``file://``).
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from .. import links
from .. import model as m
from .. import markup
from ..zh import chinese_number
from . import markdown as md
from .strings import ui

TEMPLATES = Path(__file__).parent / "templates"


@dataclass
class Page:
    path: str
    title: str
    markdown: str
    meta: dict[str, Any] = field(default_factory=dict)
    nav: str | None = None  # the nav entry this page sits under (None: only reached by links)


@dataclass
class SiteOptions:
    edition: str = "public"  # public | lecturer
    today: dt.date = field(default_factory=dt.date.today)
    kits: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # lesson/event key → kit entries
    pinyin: Any = None  # a generator.zh.Pinyin shared by the whole build (it caches)


#: The site's navigation: (ui key, page path). Detail pages are not in the nav, so a page's
#: size does not grow with the number of lessons and events.
NAV: list[tuple[str, str]] = [
    ("home", "index.md"),
    ("lesson_catalogue", "lessons/index.md"),
    ("events", "events/index.md"),
    ("training", "training/index.md"),
    ("quizzes", "quizzes/index.md"),
    ("glossary", "glossary.md"),
    ("laws", "laws.md"),
    ("help", "help.md"),
    ("lecturers", "lecturers.md"),
    ("kits", "kits.md"),
]


def render_pages(project: m.Project, lang: str, options: SiteOptions) -> list[Page]:
    """Every page of the site in ``lang``."""
    return _Renderer(project, lang, options).pages()


class _Renderer:
    def __init__(self, project: m.Project, lang: str, options: SiteOptions) -> None:
        self.p = project
        self.lang = lang
        self.default = project.config.default_language
        self.o = options
        self._page = "index.md"  # the page being rendered
        if options.pinyin is None:
            from ..zh import Pinyin

            options.pinyin = Pinyin(project.config.pinyin_overrides)
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            undefined=jinja2.StrictUndefined,
            autoescape=False,  # output is Markdown; every value goes through an explicit filter
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters.update(
            t=self.t, e=self.e, a=self.a, topic=self.topic, md=self.md, md_inner=self.md_inner, plain=self.plain, date=self.date, label=self.label,
            minutes=lambda n: ui("minutes", lang, n=n), md_inline=self.md_inline,
            article=lambda n: ui("article", lang, n=n, cn=chinese_number(n)),
            ruby=self.ruby, tojson_attr=lambda v: md.escape_attr(json.dumps(v, ensure_ascii=False)),
        )
        self.env.globals.update(ui=lambda key, **kw: ui(key, lang, **kw), lang=lang, project=project, cfg=project.config,
                                quiz_widget=self.quiz_widget, training_widget=self.training_widget, quiz_pinyin=self.quiz_pinyin,
                                fill_answers=lambda q: q.printed_answers(lang, self.default), answer_key=self.answer_key,
                                blank_in_prompt=lambda q: q.blank_in_prompt(lang, self.default),
                                edition=options.edition, lecturer=options.edition == "lecturer", m=m)

    # --- filters ---------------------------------------------------------------------------

    def t(self, text: m.Text | None) -> str:
        """The text in this page's language, internal links (``lesson:id``) made relative to the page."""
        value = "" if text is None else text.get(self.lang, self.default)
        return links.rewrite(value, lambda link: relative_url(self._page, link.site_path))

    def e(self, text: m.Text | str | None) -> str:
        return md.escape_inline(text if isinstance(text, str) else self.t(text))

    def a(self, text: m.Text | str | None) -> str:
        return md.escape_attr(text if isinstance(text, str) else self.t(text))

    def topic(self, topic_id: str) -> str:
        """A topic's label from site_config ``topics``, else the tag itself (escaped for attributes)."""
        label = self.p.config.topics.get(topic_id)
        return self.a(label) if label is not None else md.escape_attr(topic_id)

    def _content(self, text: m.Text, *, inline: bool = False, shift: int = 0, ruby: bool = False) -> str:
        """A content field as sanitised HTML (:func:`generator.markup.render`), links relative to this page."""
        return markup.render(
            text.get(self.lang, self.default), inline=inline, shift=shift,
            link=lambda target: relative_url(self._page, target.site_path),
            annotate=(lambda html: self.o.pinyin.annotate_html(html, form="ruby")) if ruby else None,
        )

    def md(self, text: m.Text | None, shift: int = 0) -> str:
        """A Markdown field as an HTML block for the page: already safe, wrapped in one element so that
        the site engine stores it away whole and never reads any of it as Markdown again."""
        return "" if text is None else f'<div class="dl-text">\n{self.md_inner(text, shift)}\n</div>'

    def md_inner(self, text: m.Text | None, shift: int = 0, ruby: bool = False) -> str:
        """A Markdown field as HTML for the inside of an element the template writes in raw HTML
        (never at the top level of the page's Markdown: text there would be read as Markdown again)."""
        return "" if text is None else self._content(text, shift=shift, ruby=ruby)

    def md_inline(self, text: m.Text | None) -> str:
        """A one-paragraph Markdown field (an option, an ordering item) as inline HTML, for raw HTML contexts."""
        return "" if text is None else self._content(text, inline=True)

    def kits(self, key: str) -> list[dict[str, Any]]:
        """The kit files of one lesson or event in this page's language, labelled in it."""
        english = not self.lang.startswith("zh")
        return [
            {**k, "label": k.get("label_en", k["label"]) if english else k["label"],
             "info": k.get("info_en", k["info"]) if english else k["info"]}
            for k in self.o.kits.get(key, []) if k.get("language") == self.lang
        ]

    def ruby(self, text: m.Text | None) -> str:
        """Plain text as HTML with pinyin over each Han character (shown by the pinyin toggle)."""
        return self.o.pinyin.ruby_html(self.t(text))

    def plain(self, text: m.Text | None) -> str:
        """A Markdown field as plain text on one line (card summaries, page descriptions)."""
        return "" if text is None else markup.plain_text(text.get(self.lang, self.default))

    def date(self, d: dt.date) -> str:
        if self.lang.startswith("zh"):
            return f"{d.year}年{d.month}月{d.day}日"
        return f"{d.day} {d.strftime('%B')} {d.year}"

    def label(self, item_id: str, kind: str) -> str:
        table = {"audience": self.p.config.audiences, "setting": self.p.config.settings, "region": self.p.config.regions}[kind]
        return self.t(table.get(item_id)) or item_id

    # --- pages -----------------------------------------------------------------------------

    def render(self, template: str, path: str, title: str, nav: str | None = None, meta: dict[str, Any] | None = None,
               **context: Any) -> Page:
        self._page = path  # for internal links in content (see t)
        link: Callable[[str], str] = lambda target: relative_url(path, target)  # noqa: E731
        text = self.env.get_template(template).render(page_path=path, link=link, title=title, **context)
        return Page(path=path, title=title, markdown=text.strip() + "\n", meta=meta or {}, nav=nav)

    def _topics(self, lessons: list[m.Lesson]) -> list[str]:
        """Topics in use: in site_config order when labelled there, else alphabetical."""
        used = {t for les in lessons for t in les.topics}
        order = list(self.p.config.topics)
        return sorted(used, key=lambda t: (order.index(t), "") if t in order else (len(order), t))

    def pages(self) -> list[Page]:
        p, lang = self.p, self.lang
        today = self.o.today
        events = sorted(p.events.values(), key=lambda ev: (ev.date, ev.start or "", ev.id))
        upcoming = [ev for ev in events if ev.date >= today and ev.status == "planned"]
        past = [ev for ev in reversed(events) if ev not in upcoming]
        lessons = sorted(p.lessons.values(), key=lambda les: (self._audience_rank(les), self._title_key(les.title)))
        per_audience = [(a, sum(a in les.audiences for les in lessons)) for a in p.config.audiences]
        out = [
            self.render("home.md.j2", "index.md", self.t(p.config.site_name), nav="home", upcoming=upcoming[:5],
                        per_audience=[(a, n) for a, n in per_audience if n], meta={"hide": ["toc"]}),
            self.render("catalogue.md.j2", "lessons/index.md", ui("lesson_catalogue", lang), nav="lesson_catalogue",
                        lessons=lessons, topics=self._topics(lessons),
                        durations=sorted({les.duration_minutes for les in lessons}), meta={"hide": ["toc"]}),
            self.render("events.md.j2", "events/index.md", ui("events", lang), nav="events", upcoming=upcoming, past=past),
            self.render("training_index.md.j2", "training/index.md", ui("training", lang), nav="training",
                        modules=p.training_in_order(key=lambda t: self._title_key(t.title))),
            self.render("quizzes_index.md.j2", "quizzes/index.md", ui("quizzes", lang), nav="quizzes",
                        groups=self._quiz_groups()),
            self.render("glossary.md.j2", "glossary.md", ui("glossary", lang), nav="glossary", groups=self._glossary_groups()),
            self.render("laws.md.j2", "laws.md", ui("laws", lang), nav="laws", laws=sorted(p.laws.values(), key=lambda law: (law.year or 9999, law.id))),
            self.render("help.md.j2", "help.md", ui("help", lang), nav="help",
                        centres=sorted(p.help_centres.values(), key=lambda c: (list(p.config.regions).index(c.region) if c.region in p.config.regions else 99, c.id))),
            self.render("lecturers.md.j2", "lecturers.md", ui("lecturers", lang), nav="lecturers",
                        lecturers=sorted(p.lecturers.values(), key=lambda lec: (lec.role, lec.id)),
                        lesson_topics={t for les in lessons for t in les.topics}),
        ]
        if self.o.kits:
            groups = [(key, self.kits(key)) for key in sorted(self.o.kits)]
            out.append(self.render("kits.md.j2", "kits.md", ui("kits", lang), nav="kits",
                                   groups=[(key, entries) for key, entries in groups if entries]))
        for lesson in lessons:
            out.append(self.render("lesson.md.j2", f"lessons/{lesson.id}.md", self.t(lesson.title), lesson=lesson,
                                   pinyin=lesson.for_plain_readers and lang.startswith("zh"),
                                   modules=p.training_for_lesson(lesson.id), kits=self.kits(f"lesson:{lesson.id}"),
                                   meta={"description": self.plain(lesson.summary)}))
        for event in events:
            out.append(self.render("event.md.j2", f"events/{event.id}.md", self.t(event.title), event=event,
                                   kits=self.kits(f"event:{event.id}"),
                                   meta={"description": self.plain(event.description)}))
        for module in p.training.values():
            # no table of contents: its headings belong to the no-script fallback, hidden once the
            # training widget draws the page
            out.append(self.render("training.md.j2", f"training/{module.id}.md", self.t(module.title), module=module,
                                   meta={"hide": ["toc"]}))
            out.append(self.render("certificate.md.j2", f"training/{module.id}-certificate.md",
                                   f"{self.t(module.title)} · {ui('certificate', lang)}", module=module,
                                   meta={"hide": ["navigation", "toc"], "search": {"exclude": True}}))
        for quiz in p.quizzes.values():
            out.append(self.render("quiz.md.j2", f"quizzes/{quiz.id}.md", self.t(quiz.title), quiz=quiz,
                                   meta={"description": self.plain(quiz.description)}))
            for kind in ("worksheet", "answers") if self.answer_key(quiz) else ("worksheet",):
                out.append(self.render("worksheet.md.j2", f"quizzes/{quiz.id}-{kind}.md",
                                       f"{self.t(quiz.title)} · {ui('worksheet' if kind == 'worksheet' else 'answer_key', lang)}",
                                       quiz=quiz, answers=kind == "answers",
                                       meta={"hide": ["navigation", "toc"], "search": {"exclude": True}}))
        return out

    def _embed(self, kind: str, item_id: str, data: dict[str, Any]) -> str:
        return f'<script type="application/json" id="dl-{kind}-data-{item_id}">{markup.embed_json(data)}</script>'

    def answer_key(self, quiz: m.Quiz) -> bool:
        """Whether this edition publishes the quiz's answer key (not for graded final tests in public)."""
        return self.o.edition == "lecturer" or not self.p.quiz_is_graded(quiz.id)

    def quiz_pinyin(self, quiz: m.Quiz) -> bool:
        """A Chinese quiz taken by pupils or villagers gets the lesson pages' pinyin switch."""
        return self.p.quiz_for_plain_readers(quiz.id) and self.lang.startswith("zh")

    def quiz_widget(self, quiz: m.Quiz, page_path: str) -> str:
        from ..quizdata import quiz_data

        ruby = self.quiz_pinyin(quiz)
        annotate = (lambda html: self.o.pinyin.annotate_html(html, form="ruby")) if ruby else None
        data = quiz_data(self.p, quiz, self.lang, lambda target: relative_url(page_path, target), annotate)
        return (f'<div class="dl-quiz{" dl-ruby" if ruby else ""}" data-quiz-src="dl-quiz-data-{quiz.id}"></div>\n'
                f'<noscript><p>{md.escape_attr(ui("noscript_quiz", self.lang))}</p></noscript>\n'
                + self._embed("quiz", quiz.id, data))

    def training_widget(self, module: m.Training, page_path: str, element: str = "dl-training") -> str:
        from ..quizdata import training_data

        data = training_data(self.p, module, self.lang, lambda target: relative_url(page_path, target))
        return f'<div class="{element}" data-training-src="dl-training-data-{module.id}"></div>\n' + self._embed("training", module.id, data)

    def _quiz_groups(self) -> list[tuple[str | None, list[m.Quiz]]]:
        """Quizzes by the audience they are for: training final tests first (group None), then each
        audience in site_config order, a quiz under the first audience of the lessons that use it."""
        order = list(self.p.config.audiences)
        groups: dict[str | None, list[m.Quiz]] = {}
        for quiz in sorted(self.p.quizzes.values(), key=lambda q: self._title_key(q.title)):
            rank = min((self._audience_rank(les) for les in self.p.lessons_for_quiz(quiz.id)), default=len(order))
            key: str | None = None if self.p.quiz_is_graded(quiz.id) else order[rank] if rank < len(order) else ""
            groups.setdefault(key, []).append(quiz)
        rank = {None: -1, "": len(order), **{a: i for i, a in enumerate(order)}}
        return sorted(groups.items(), key=lambda kv: rank[kv[0]])

    def _title_key(self, title: m.Text) -> tuple:
        """Sort key for a title in this language: pinyin order for Chinese (code points put 勇 before 认)."""
        from ..zh import sort_key

        return sort_key(self.t(title), self.o.pinyin)

    def _audience_rank(self, lesson: m.Lesson) -> int:
        order = list(self.p.config.audiences)
        return min((order.index(a) for a in lesson.audiences if a in order), default=len(order))

    def _glossary_groups(self) -> list[tuple[str, list[m.GlossaryTerm]]]:
        from ..zh import index_letter, sort_key

        terms = sorted(self.p.glossary.values(), key=lambda g: (sort_key(self.t(g.term), self.o.pinyin), g.id))
        groups: dict[str, list[m.GlossaryTerm]] = {}
        for term in terms:
            groups.setdefault(index_letter(self.t(term.term), self.o.pinyin), []).append(term)
        return sorted(groups.items(), key=lambda kv: (kv[0] == "#", kv[0]))


def relative_url(from_page: str, to_page: str) -> str:
    """The relative URL from one page to another (``a/b.md`` → ``a/b.html``; ``#x`` kept)."""
    def html(path: str) -> str:
        return path[:-3] + ".html" if path.endswith(".md") else path

    target, _, anchor = to_page.partition("#")
    target = html(target)
    if not target or (anchor and target == html(from_page)):
        return "#" + anchor  # a section of this page
    rel = posixpath.relpath(target, posixpath.dirname(from_page) or ".")
    return rel + ("#" + anchor if anchor else "")
