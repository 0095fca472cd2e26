"""The site as pages of Markdown: what each page says, independent of the site engine.

:func:`render_pages` reads the model and the plan (``generator.plan``: which pages, their paths and
titles, which kit files to link to) and returns :class:`Page` objects (a path such as
``lessons/new-drugs.md``, a title, Markdown, and engine-neutral settings such as ``toc``; only the engine
module knows its own front-matter keys). Templates are data in ``templates/``;
the engine module turns pages into HTML. Pages link to each other with relative ``.html`` URLs
(the engine builds with one file per page, which is what works from ``file://``).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from .. import links, markup, model
from ..clock import build_date
from ..i18n import catalogue
from ..outreach import site as outreach_site
from ..outreach.strings import word as outreach_word
from ..plan import WHOLE_KIT, Plan, SitePage, make_plan, publishes_answer_key
from ..slides.words import word, word_form
from ..zh import chinese_number
from . import markdown as md
from . import scripts
from .downloads import KitEntries, download_link, size_text

TEMPLATES = Path(__file__).parent / "templates"


@dataclass
class Page:
    """One rendered page, in words any site engine understands (only the engine module maps them to its keys)."""

    path: str
    title: str
    markdown: str
    nav: str | None = None  # the nav entry this page is (None: only reached by links)
    description: str | None = None  # the summary link previews and search engines show
    toc: bool = True  # a table of contents beside the page
    navigation: bool = True  # the site's navigation beside the page (off on pages made to be printed)
    searchable: bool = True  # found by the site search
    #: Scripts this page loads besides those every page loads, in load order, as paths from the site
    #: root (``assets/javascripts/quiz.js``): only pages with a quiz or training widget have any.
    scripts: list[str] = field(default_factory=list)

    @property
    def in_nav(self) -> bool:
        return self.nav is not None


@dataclass
class SiteOptions:
    edition: str = "public"  # public | lecturer (the plan's, when a plan is given)
    today: dt.date = field(default_factory=build_date)  # see generator.clock
    pinyin: Any = None  # a generator.zh.Pinyin shared by the whole build (it caches)
    plan: Plan | None = None  # what the build writes (default: the edition's pages, no kits)
    kit_entries: KitEntries = field(default_factory=dict)  # manifest entries of the kit files in the output


def render_pages(project: model.Project, lang: str, options: SiteOptions) -> list[Page]:
    """Every page the plan lists for ``lang``, in its order."""
    renderer = _Renderer(project, lang, options)
    return [renderer.page(planned) for planned in renderer.plan.pages_in(lang)]


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled page templates kept in memory for the process: each language's renderer has its own
    environment (its own gettext), and compiling the templates again for the second language cost about
    half a second."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()


class _Renderer:
    def __init__(self, project: model.Project, lang: str, options: SiteOptions) -> None:
        self.project = project
        self.lang = lang
        self.default = project.config.default_language
        self.options = options
        self.plan = options.plan or make_plan(project, edition=options.edition, kits="keep")
        edition = self.plan.edition
        self._page = "index.md"  # the page being rendered
        self._widgets: list[str] = []  # the script-driven widgets on it (see scripts.WIDGETS)
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
            extensions=["jinja2.ext.i18n"],
            bytecode_cache=_COMPILED,
        )
        self.strings = catalogue(lang)
        self.env.install_gettext_callables(self.strings.gettext, self.strings.ngettext, newstyle=False)  # type: ignore[attr-defined]
        self.env.filters.update(
            localise=self.localise, e=self.e, a=self.a, topic=self.topic, md=self.md, md_inner=self.md_inner, plain=self.plain, date=self.date, label=self.label,
            minutes=lambda n: self.strings.gettext("site.minutes", n=n), md_inline=self.md_inline,
            article=lambda n: self.strings.gettext("site.article", n=n, cn=chinese_number(n)),
            ruby=self.ruby, language_name=lambda code: catalogue(code).gettext("site.language_name"),
        )
        self.env.globals.update(lang=lang, project=project, cfg=project.config,
                                quiz_widget=self.quiz_widget, training_widget=self.training_widget, quiz_pinyin=self.quiz_pinyin,
                                unit_read_widget=self.unit_read_widget,
                                fill_answers=lambda q: q.printed_answers(lang, self.default), answer_key=self.answer_key,
                                blank_in_prompt=lambda q: q.blank_in_prompt(lang, self.default),
                                edition=edition, lecturer=edition == "lecturer", model=model,
                                ow=lambda key, **kw: outreach_word(key, lang, **kw), events_widget=self.events_widget,
                                occasions_on=lambda day: outreach_site.occasions_on(project, day, lang),
                                weekday=lambda day: outreach_word("weekdays_long", lang)[day.weekday()],
                                long_date=self.long_date,
                                words=lambda key, **kw: word(key, lang, **kw),
                                word_form=lambda key, form="other": word_form(key, lang, form))

    # --- filters ---------------------------------------------------------------------------

    def localise(self, text: model.Text | None) -> str:
        """The text in this page's language, internal links (``lesson:id``) made relative to the page."""
        value = model.text_in(text, self.lang, self.default)
        return links.rewrite(value, lambda link: relative_url(self._page, link.site_path))

    def e(self, text: model.Text | str | None) -> str:
        return md.escape_inline(text if isinstance(text, str) else self.localise(text))

    def a(self, text: model.Text | str | None) -> str:
        return md.escape_attr(text if isinstance(text, str) else self.localise(text))

    def topic(self, topic_id: str) -> str:
        """A topic's label from site_config ``topics``, else the tag itself (escaped for attributes)."""
        label = self.project.config.topics.get(topic_id)
        return self.a(label) if label is not None else md.escape_attr(topic_id)

    def _content(self, text: model.Text, *, inline: bool = False, shift: int = 0, ruby: bool = False) -> str:
        """A content field as sanitised HTML (:func:`generator.markup.render`), links relative to this page."""
        return markup.render(
            text.get(self.lang, self.default), inline=inline, shift=shift,
            link=lambda target: relative_url(self._page, target.site_path),
            annotate=(lambda html: self.options.pinyin.annotate_html(html, form="ruby")) if ruby else None,
        )

    def md(self, text: model.Text | None, shift: int = 0) -> str:
        """A Markdown field as an HTML block for the page: already safe, wrapped in one element so that
        the site engine stores it away whole and never reads any of it as Markdown again."""
        return "" if text is None else f'<div class="dl-text">\n{self.md_inner(text, shift)}\n</div>'

    def md_inner(self, text: model.Text | None, shift: int = 0, ruby: bool = False) -> str:
        """A Markdown field as HTML for the inside of an element the template writes in raw HTML
        (never at the top level of the page's Markdown: text there would be read as Markdown again)."""
        return "" if text is None else self._content(text, shift=shift, ruby=ruby)

    def md_inline(self, text: model.Text | None) -> str:
        """A one-paragraph Markdown field (an option, an ordering item) as inline HTML, for raw HTML contexts."""
        return "" if text is None else self._content(text, inline=True)

    def kits(self, key: str) -> list[dict[str, Any]]:
        """The download links to the kit files of one lesson or event in this page's language."""
        return [download_link(kit, self.options.kit_entries[kit.path], self.project.config, self.lang)
                for kit in self.plan.kits_for(key, self.lang)]

    def ruby(self, text: model.Text | None) -> str:
        """Plain text as HTML with pinyin over each Han character (shown by the pinyin toggle)."""
        return self.options.pinyin.ruby_html(self.localise(text))

    def plain(self, text: model.Text | None) -> str:
        """A Markdown field as plain text on one line (card summaries, page descriptions)."""
        return "" if text is None else markup.plain_text(text.get(self.lang, self.default))

    def date(self, d: dt.date) -> str:
        return self.strings.format_date(d)

    def long_date(self, d: dt.date) -> str:
        """The date with its weekday: 2026年6月26日 星期五, Friday 26 June 2026."""
        weekday = outreach_word("weekdays_long", self.lang)[d.weekday()]
        return f"{self.date(d)} {weekday}" if self.lang.startswith("zh") else f"{weekday} {self.date(d)}"

    def label(self, item_id: str, kind: str) -> str:
        table = {"audience": self.project.config.audiences, "setting": self.project.config.settings, "region": self.project.config.regions}[kind]
        return self.localise(table.get(item_id)) or item_id

    # --- pages -----------------------------------------------------------------------------

    def render(self, template: str, planned: SitePage, **context: Any) -> Page:
        path = self._page = planned.path  # for internal links in content (see t)
        self._widgets = []
        link: Callable[[str], str] = lambda target: relative_url(path, target)  # noqa: E731
        text = self.env.get_template(template).render(page_path=path, link=link, title=planned.title, **context)
        return Page(path=path, title=planned.title, markdown=text.strip() + "\n", nav=planned.nav,
                    scripts=scripts.for_widgets(self._widgets))

    def _topics(self, lessons: list[model.Lesson]) -> list[str]:
        """Topics in use: in site_config order when labelled there, else alphabetical."""
        used = {t for les in lessons for t in les.topics}
        order = list(self.project.config.topics)
        return sorted(used, key=lambda t: (order.index(t), "") if t in order else (len(order), t))

    @functools.cached_property
    def _events(self) -> list[model.Event]:
        return sorted(self.project.events.values(), key=lambda ev: (ev.date, ev.start or "", ev.id))

    @functools.cached_property
    def _upcoming(self) -> list[model.Event]:
        return [ev for ev in self._events if ev.date >= self.options.today and ev.status == "planned"]

    @functools.cached_property
    def _lessons(self) -> list[model.Lesson]:
        return sorted(self.project.lessons.values(), key=lambda les: (self._audience_rank(les), self._title_key(les.title)))

    def page(self, planned: SitePage) -> Page:
        """The page the plan lists, by its kind."""
        project, lang = self.project, self.lang
        item = planned.item or ""
        match planned.kind:
            case "home":
                per_audience = [(a, sum(a in les.audiences for les in self._lessons)) for a in project.config.audiences]
                page = self.render("home.md.j2", planned, upcoming=self._upcoming[:5],
                                   per_audience=[(a, n) for a, n in per_audience if n])
                page.toc = False
            case "lesson_catalogue":
                lessons = self._lessons
                page = self.render("catalogue.md.j2", planned, lessons=lessons, topics=self._topics(lessons),
                                   durations=sorted({les.duration_minutes for les in lessons}))
                page.toc = False
            case "events":
                page = self.render("events.md.j2", planned, **outreach_site.index_context(project, self.plan, lang, self.options.today))
            case "calendar":
                page = self.render("events_calendar.md.j2", planned, months=outreach_site.months(project, lang))
                page.toc = False
            case "statistics":
                page = self.render("statistics.md.j2", planned, **outreach_site.statistics_context(project, int(item), lang))
                page.toc = False
            case "training":
                page = self.render("training_index.md.j2", planned,
                                   modules=project.training_in_order(key=lambda t: self._title_key(t.title)))
            case "quizzes":
                page = self.render("quizzes_index.md.j2", planned, groups=self._quiz_groups())
            case "glossary":
                page = self.render("glossary.md.j2", planned, groups=self._glossary_groups())
            case "laws":
                page = self.render("laws.md.j2", planned, laws=sorted(project.laws.values(), key=lambda law: (law.year or 9999, law.id)))
            case "help":
                regions = list(project.config.regions)
                page = self.render("help.md.j2", planned, centres=sorted(
                    project.help_centres.values(), key=lambda c: (regions.index(c.region) if c.region in regions else 99, c.id)))
            case "lecturers":
                page = self.render("lecturers.md.j2", planned,
                                   lecturers=sorted(project.lecturers.values(), key=lambda lec: (lec.role, lec.id)),
                                   upcoming_talks=outreach_site.upcoming_by_lecturer(project, self.options.today),
                                   lesson_topics={t for les in self._lessons for t in les.topics})
            case "kits":
                page = self.render("kits.md.j2", planned, groups=self._kit_groups())
                page.scripts = scripts.for_widgets(["kits"])
            case "lesson":
                lesson = project.lessons[item]
                page = self.render("lesson.md.j2", planned, lesson=lesson, decks=self.plan.decks_for(lesson.id, lang),
                                   pinyin=lesson.for_plain_readers and lang.startswith("zh"),
                                   modules=project.training_for_lesson(lesson.id), kits=self.kits(f"lesson:{lesson.id}"))
                page.description = self.plain(lesson.summary)
            case "event":
                event = project.events[item]
                page = self.render("event.md.j2", planned, event=event, kits=self.kits(f"event:{event.id}"))
                page.description = self.plain(event.description)
            case "module":
                page = self.render("training.md.j2", planned, module=project.training[item])
                # no table of contents: its headings belong to the no-script fallback, hidden once the
                # training widget draws the page
                page.toc = False
            case "certificate":
                page = self.render("certificate.md.j2", planned, module=project.training[item])
                page.toc = page.navigation = page.searchable = False
            case "quiz":
                quiz = project.quizzes[item]
                page = self.render("quiz.md.j2", planned, quiz=quiz)
                page.description = self.plain(quiz.description)
            case "worksheet" | "answers":
                page = self.render("worksheet.md.j2", planned, quiz=project.quizzes[item], answers=planned.kind == "answers")
                page.toc = page.navigation = page.searchable = False
            case _:
                raise ValueError(f"the plan lists a site page of unknown kind {planned.kind!r}")
        return page

    def _kit_groups(self) -> list[dict[str, Any]]:
        """The kits page: per lesson (then per event), its kits per setting and language (the whole-kit
        zip apart), with what the filters match on: audiences, settings, languages."""
        groups = []
        for key in self.plan.kit_items():
            kind, item_id = key.split(":", 1)
            item: model.Lesson | model.Event = self.project.lessons[item_id] if kind == "lesson" else self.project.events[item_id]
            sets: dict[tuple[str, str], dict[str, Any]] = {}
            for lang in self.plan.languages:
                for kit in self.plan.kits_for(key, lang):
                    link = download_link(kit, self.options.kit_entries[kit.path], self.project.config, self.lang)
                    entry = sets.setdefault((kit.setting, lang), {"setting": kit.setting, "language": lang,
                                                                  "zip": None, "files": []})
                    if kit.kind == WHOLE_KIT:
                        entry["zip"] = link
                    else:
                        entry["files"].append(link)
            if not sets:
                continue
            audiences = item.audiences
            files = [f for s in sets.values() for f in s["files"]]
            groups.append({"kind": kind, "id": item_id, "item": item, "sets": list(sets.values()),
                           "audiences": audiences, "settings": sorted({s["setting"] for s in sets.values()}),
                           "languages": sorted({s["language"] for s in sets.values()}),
                           "size": size_text(sum(f["bytes"] for f in files)), "count": len(files)})
        lessons = [g for g in groups if g["kind"] == "lesson"]
        lessons.sort(key=lambda g: (self._audience_rank(g["item"]), self._title_key(g["item"].title)))
        return lessons + [g for g in groups if g["kind"] == "event"]

    def _embed(self, kind: str, item_id: str, data: dict[str, Any]) -> str:
        return f'<script type="application/json" id="dl-{kind}-data-{item_id}">{markup.embed_json(data)}</script>'

    def answer_key(self, quiz: model.Quiz) -> bool:
        """Whether this edition publishes the quiz's answer key (not for graded final tests in public)."""
        return publishes_answer_key(self.project, quiz.id, self.plan.edition)

    def quiz_pinyin(self, quiz: model.Quiz) -> bool:
        """A Chinese quiz taken by pupils or villagers gets the lesson pages' pinyin switch."""
        return self.project.quiz_for_plain_readers(quiz.id) and self.lang.startswith("zh")

    def quiz_widget(self, quiz: model.Quiz, page_path: str) -> str:
        from ..quizdata import quiz_data, widget_strings

        self._widgets.append("quiz")
        ruby = self.quiz_pinyin(quiz)
        annotate = (lambda html: self.options.pinyin.annotate_html(html, form="ruby")) if ruby else None
        data = quiz_data(self.project, quiz, self.lang, lambda target: relative_url(page_path, target), annotate)
        return (f'<div class="dl-quiz{" dl-ruby" if ruby else ""}" data-quiz-src="dl-quiz-data-{quiz.id}"'
                f'{widget_strings("dl-quiz", self.lang)}></div>\n'
                f'<noscript><p>{md.escape_attr(self.strings.gettext("site.noscript_quiz"))}</p></noscript>\n'
                + self._embed("quiz", quiz.id, data))

    def training_widget(self, module: model.Training, page_path: str, element: str = "dl-training") -> str:
        from ..quizdata import training_data, widget_strings

        self._widgets.append("training")
        data = training_data(self.project, module, self.lang, lambda target: relative_url(page_path, target))
        return (f'<div class="{element}" data-training-src="dl-training-data-{module.id}"{widget_strings(element, self.lang)}></div>\n'
                + self._embed("training", module.id, data))

    def events_widget(self) -> str:
        """Marks the page as showing event lists or the month calendar, which events.js arranges."""
        self._widgets.append("events")
        return ""

    def unit_read_widget(self, lesson: model.Lesson, modules: list[model.Training]) -> str:
        """The "I have read this lesson" box of a lesson that is a unit of training ``modules``."""
        from ..quizdata import widget_strings

        self._widgets.append("training")
        trainings = md.escape_attr(json.dumps([module.id for module in modules], ensure_ascii=False))
        return (f'<div class="dl-unit-read" data-unit="{lesson.id}" data-trainings="{trainings}"'
                f'{widget_strings("dl-unit-read", self.lang)}></div>')

    def _quiz_groups(self) -> list[tuple[str | None, list[model.Quiz]]]:
        """Quizzes by the audience they are for: training final tests first (group None), then each
        audience in site_config order, a quiz under the first audience of the lessons that use it."""
        order = list(self.project.config.audiences)
        groups: dict[str | None, list[model.Quiz]] = {}
        for quiz in sorted(self.project.quizzes.values(), key=lambda q: self._title_key(q.title)):
            rank = min((self._audience_rank(les) for les in self.project.lessons_for_quiz(quiz.id)), default=len(order))
            key: str | None = None if self.project.quiz_is_graded(quiz.id) else order[rank] if rank < len(order) else ""
            groups.setdefault(key, []).append(quiz)
        rank = {None: -1, "": len(order), **{a: i for i, a in enumerate(order)}}
        return sorted(groups.items(), key=lambda kv: rank[kv[0]])

    def _title_key(self, title: model.Text) -> tuple:
        """Sort key for a title in this language: pinyin order for Chinese (code points put 勇 before 认)."""
        from ..zh import sort_key

        return sort_key(self.localise(title), self.options.pinyin)

    def _audience_rank(self, lesson: model.Lesson) -> int:
        order = list(self.project.config.audiences)
        return min((order.index(a) for a in lesson.audiences if a in order), default=len(order))

    def _glossary_groups(self) -> list[tuple[str, list[model.GlossaryTerm]]]:
        from ..zh import index_letter, sort_key

        terms = sorted(self.project.glossary.values(), key=lambda g: (sort_key(self.localise(g.term), self.options.pinyin), g.id))
        groups: dict[str, list[model.GlossaryTerm]] = {}
        for term in terms:
            groups.setdefault(index_letter(self.localise(term.term), self.options.pinyin), []).append(term)
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
