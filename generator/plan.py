"""The plan: what one build (or ``dandelion kits``) will write, computed as data before anything renders.

load YAML → validate → resolve/check → **plan** → renderers → guarded writer.

:func:`make_plan` reads the checked model and returns a :class:`Plan`: every site page per language
(path, title, nav entry), every kit file (path, kind, lesson or event, setting, language, edition, title),
the shared media files and the root index. Renderers read the model and the plan, never another
renderer's output: the site takes its download links from ``plan.kits``, ``render_kits`` renders exactly
the kit files the plan lists, the media step copies ``plan.media``.

Adding an output kind (calendars ``<lang>/events/calendar.ics``, slide decks ``<lang>/slides/<id>.html``,
exports …) means: a record type and a ``_plan_…`` function here, a field on :class:`Plan`, and a renderer
that writes what that field lists, called by one named step of ``build.build``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from . import model
from .i18n import catalogue
from .incremental import default_out
from .outreach.strings import word as ui_word

EDITIONS = ("public", "lecturer")

__all__ = ["EDITIONS", "KitFile", "MediaFile", "Plan", "SitePage", "default_out", "make_plan"]

#: Where the kits come from in this run: rendered now, or kept from the previous build in the output
#: folder (``build --no-kits``: only those built for the same edition, only files that exist).
KitsSource = Literal["render", "keep"]

#: The site's navigation: (ui key, page path), in the order it is shown. Detail pages are not in the
#: nav, so a page's size does not grow with the number of lessons and events.
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


@dataclass(frozen=True)
class SitePage:
    """One page of one language's site; ``site.pages`` renders it, the site engine lays it out."""

    lang: str
    path: str  # relative to the language's folder, as a Markdown source: "lessons/new-drugs.md"
    kind: str  # what the page is: "home", "catalogue", …, "lesson", "event", "quiz", "worksheet" …
    title: str
    item: str | None = None  # the lesson, event, quiz or training module the page is about
    nav: str | None = None  # the nav entry this page is (None: reached by links only)

    @property
    def output(self) -> str:
        """The written file, relative to the output folder: ``zh/lessons/new-drugs.html``."""
        return f"{self.lang}/{self.path.removesuffix('.md')}.html"


@dataclass(frozen=True)
class KitFile:
    """One printable kit file: what ``kits/manifest.json`` says about it before it is rendered."""

    path: str  # relative to the output folder: "kits/zh/lessons/new-drugs/campus/handout.pdf"
    kind: str  # one of kits.manifest.KINDS
    language: str
    setting: str
    edition: str
    title: str
    lesson: str | None = None
    event: str | None = None
    #: a whole-kit zip (kind ``kit-zip``): the kit files it holds, by path, in the order it stores them
    contents: tuple[str, ...] = ()

    @property
    def item(self) -> str:
        """``lesson:<id>`` or ``event:<id>``: what the file is for."""
        return f"lesson:{self.lesson}" if self.lesson is not None else f"event:{self.event}"

    def manifest_fields(self) -> dict[str, Any]:
        """The manifest entry's fields known before rendering (pages, sizes and bytes come after)."""
        ids = {"lesson": self.lesson} if self.lesson is not None else {"event": self.event}
        return {"kind": self.kind, **ids, "setting": self.setting, "language": self.language,
                "edition": self.edition, "title": self.title}


@dataclass(frozen=True)
class SlideDeck:
    """A lesson's slide deck in one language (``<lang>/slides/<id>.html``), or, in the lecturer edition,
    its presenter view (``<lang>/slides/<id>-presenter.html``: notes, timers, drives the deck)."""

    lang: str
    lesson: str
    presenter: bool = False

    @property
    def path(self) -> str:
        """The written file, relative to the output folder."""
        return f"{self.lang}/{SLIDES_FOLDER}/{self.lesson}{'-presenter' if self.presenter else ''}.html"


#: The folder of the slide decks inside each language's site (the site engine leaves it to the slides step).
SLIDES_FOLDER = "slides"


@dataclass(frozen=True)
class MediaFile:
    """An image the content uses, copied once into ``media/`` for every language."""

    source: Path
    path: str  # "media/images/snack.svg"


@dataclass(frozen=True)
class CalendarFile:
    """One iCalendar feed: every event, one region's events, or one event ("add to calendar")."""

    lang: str
    path: str  # relative to the output folder: "zh/events/calendar.ics", "zh/events/calendar-haikou.ics"
    events: tuple[str, ...]  # the event ids it holds
    region: str | None = None
    event: str | None = None


@dataclass
class Plan:
    edition: str
    languages: list[str]
    pages: list[SitePage] = field(default_factory=list)
    kits: list[KitFile] = field(default_factory=list)
    kits_source: KitsSource = "render"
    media: list[MediaFile] = field(default_factory=list)
    calendars: list[CalendarFile] = field(default_factory=list)
    slides: list[SlideDeck] = field(default_factory=list)
    root_index: str = "index.html"

    def pages_in(self, lang: str) -> list[SitePage]:
        return [page for page in self.pages if page.lang == lang]

    def kits_for(self, item: str, lang: str) -> list[KitFile]:
        """The kit files of ``lesson:<id>`` / ``event:<id>`` in one language, in plan order."""
        return [kit for kit in self.kits if kit.item == item and kit.language == lang]

    def kit_items(self) -> list[str]:
        """Every ``lesson:<id>`` / ``event:<id>`` that has kit files, sorted."""
        return sorted({kit.item for kit in self.kits})

    def outputs(self) -> list[str]:
        """Every file path the plan names, relative to the output folder (the engine adds its assets)."""
        return [self.root_index, *(p.output for p in self.pages), *(k.path for k in self.kits),
                *(f.path for f in self.media), *(c.path for c in self.calendars), *(d.path for d in self.slides)]

    def calendars_in(self, lang: str) -> list[CalendarFile]:
        return [feed for feed in self.calendars if feed.lang == lang]

    def decks_for(self, lesson: str, lang: str) -> list[SlideDeck]:
        """A lesson's deck in one language, and its presenter view in the lecturer edition."""
        return [deck for deck in self.slides if deck.lesson == lesson and deck.lang == lang]

    def whole_kits_for(self, item: str, lang: str) -> list[KitFile]:
        """The whole-kit zips of ``lesson:<id>`` / ``event:<id>`` in one language."""
        return [kit for kit in self.kits_for(item, lang) if kit.kind == WHOLE_KIT]


def _word(key: str, lang: str) -> str:
    """An interface word of the site (a page title) from the string catalogue."""
    return catalogue(lang).gettext(f"site.{key}")


def make_plan(
    project: model.Project, *, edition: str = "public", kits: KitsSource = "render",
    existing_kits: Iterable[str] = (),
) -> Plan:
    """What a build of ``project`` in ``edition`` writes.

    ``kits``: ``"render"`` plans every kit file of the edition; ``"keep"`` plans only those of them that
    ``existing_kits`` (paths of kit files already built for this edition) holds, so pages link to files
    that exist.
    """
    if edition not in EDITIONS:
        raise ValueError(f"edition must be 'public' or 'lecturer', not {edition!r}")
    kit_files = _plan_kits(project, edition)
    if kits == "keep":
        existing = set(existing_kits)
        kit_files = [kit for kit in kit_files if kit.path in existing]
    plan = Plan(edition=edition, languages=list(project.config.languages), kits=kit_files, kits_source=kits,
                media=_plan_media(project), slides=_plan_slides(project, edition))
    plan.pages = [page for lang in plan.languages for page in _plan_pages(project, plan, lang)]
    plan.calendars = [feed for lang in plan.languages for feed in _plan_calendars(project, lang)]
    return plan


def publishes_answer_key(project: model.Project, quiz_id: str, edition: str) -> bool:
    """Whether an edition publishes a quiz's answer key (page or PDF): not in public for a graded final test."""
    return edition == "lecturer" or not project.quiz_is_graded(quiz_id)


# --- what is written, kind by kind ---------------------------------------------------------------


def _plan_pages(project: model.Project, plan: Plan, lang: str) -> list[SitePage]:
    default = project.config.default_language

    def title(text: model.Text) -> str:
        return text.get(lang, default)

    pages = [SitePage(lang, "index.md", "home", title(project.config.site_name), nav="home")]
    pages += [SitePage(lang, path, key, _word(key, lang), nav=key) for key, path in NAV if key not in ("home", "kits")]
    if plan.kits:
        pages.append(SitePage(lang, "kits.md", "kits", _word("kits", lang), nav="kits"))
    pages += [SitePage(lang, f"lessons/{lesson.id}.md", "lesson", title(lesson.title), lesson.id)
              for lesson in project.lessons.values()]
    pages += [SitePage(lang, f"events/{event.id}.md", "event", title(event.title), event.id)
              for event in project.events.values()]
    if project.events:
        pages.append(SitePage(lang, "events/calendar.md", "calendar", ui_word("calendar_title", lang)))
    for year in sorted({event.date.year for event in project.events.values()}):
        pages.append(SitePage(lang, f"events/statistics-{year}.md", "statistics",
                              ui_word("statistics_year", lang, year=year), str(year)))
    for module in project.training.values():
        pages.append(SitePage(lang, f"training/{module.id}.md", "module", title(module.title), module.id))
        pages.append(SitePage(lang, f"training/{module.id}-certificate.md", "certificate",
                              f"{title(module.title)} · {_word('certificate', lang)}", module.id))
    for quiz in project.quizzes.values():
        pages.append(SitePage(lang, f"quizzes/{quiz.id}.md", "quiz", title(quiz.title), quiz.id))
        sheets = ("worksheet", "answers") if publishes_answer_key(project, quiz.id, plan.edition) else ("worksheet",)
        for sheet in sheets:
            label = _word("worksheet" if sheet == "worksheet" else "answer_key", lang)
            pages.append(SitePage(lang, f"quizzes/{quiz.id}-{sheet}.md", sheet, f"{title(quiz.title)} · {label}", quiz.id))
    return pages


def _plan_calendars(project: model.Project, lang: str) -> list[CalendarFile]:
    """``<lang>/events/calendar.ics`` (every event), one feed per region that has events, one file per event."""
    events = sorted(project.events.values(), key=lambda ev: (ev.date, ev.id))
    if not events:
        return []
    feeds = [CalendarFile(lang, f"{lang}/events/calendar.ics", tuple(ev.id for ev in events))]
    for region in project.config.regions:
        held = tuple(ev.id for ev in events if ev.region == region)
        if held:
            feeds.append(CalendarFile(lang, f"{lang}/events/calendar-{region}.ics", held, region=region))
    feeds += [CalendarFile(lang, f"{lang}/events/{ev.id}.ics", (ev.id,), event=ev.id) for ev in events]
    return feeds


def _plan_kits(project: model.Project, edition: str) -> list[KitFile]:
    """Per lesson, setting and language the lesson's kit; per event (not cancelled) and language its kit."""
    default = project.config.default_language
    files: list[KitFile] = []
    for lesson in sorted(project.lessons.values(), key=lambda x: x.id):
        for setting in lesson.settings:
            for lang in project.config.languages:
                files += _lesson_kit(project, lesson, setting, lang, edition)
    event_kinds = (("poster-png", "poster.png"), ("poster-pdf", "poster-print.pdf"), ("share-image", "share.png"),
                   ("certificate", "certificate.pdf"), ("sign-in", "sign-in.pdf"), ("feedback", "feedback.pdf"))
    for event in sorted(project.events.values(), key=lambda x: (x.date, x.id)):
        if event.status == "cancelled":
            continue
        for lang in project.config.languages:
            kit = [KitFile(f"kits/{lang}/events/{event.id}/{name}", kind, lang, event.setting, edition,
                           event.title.get(lang, default), event=event.id) for kind, name in event_kinds]
            files += [*kit, _whole_kit(f"kits/{lang}/events/{event.id}/{event.id}-{lang}", kit, edition)]
    return files


#: The kind of a whole-kit zip: every file of one lesson × setting × language, or of one event × language.
WHOLE_KIT = "kit-zip"


def _whole_kit(stem: str, files: list[KitFile], edition: str) -> KitFile:
    """The zip holding ``files`` (one download for a lecturer); named so two downloads never clash."""
    first = files[0]
    suffix = "-lecturer" if edition == "lecturer" else ""
    return KitFile(f"{stem}{suffix}.zip", WHOLE_KIT, first.language, first.setting, edition, first.title,
                   lesson=first.lesson, event=first.event, contents=tuple(sorted(f.path for f in files)))


def _lesson_kit(project: model.Project, lesson: model.Lesson, setting: str, lang: str, edition: str) -> list[KitFile]:
    """The plan (lecturer edition), one-page outline, handout, quiz worksheet and key, sign-in sheet and
    feedback form, and the zip of them all."""
    default = project.config.default_language
    base = f"kits/{lang}/lessons/{lesson.id}/{setting}"
    title = lesson.title.get(lang, default)
    quiz = project.quizzes.get(lesson.quiz or "")
    quiz_title = quiz.title.get(lang, default) if quiz is not None else title
    wanted = [
        ("plan", "plan.pdf", title, edition == "lecturer"),
        ("outline", "outline.pdf", title, True),
        ("handout", "handout.pdf", title, True),
        ("worksheet", "worksheet.pdf", quiz_title, quiz is not None),
        ("answer-key", "answer-key.pdf", quiz_title, quiz is not None and publishes_answer_key(project, quiz.id, edition)),
        ("sign-in", "sign-in.pdf", title, True),
        ("feedback", "feedback.pdf", title, True),
    ]
    files = [KitFile(f"{base}/{name}", kind, lang, setting, edition, kit_title, lesson=lesson.id)
             for kind, name, kit_title, wanted_here in wanted if wanted_here]
    return [*files, _whole_kit(f"{base}/{lesson.id}-{setting}-{lang}", files, edition)]


def _plan_slides(project: model.Project, edition: str) -> list[SlideDeck]:
    """Every lesson's deck per language; the lecturer edition adds each deck's presenter view."""
    decks = []
    for lang in project.config.languages:
        for lesson_id in sorted(project.lessons):
            decks.append(SlideDeck(lang, lesson_id))
            if edition == "lecturer":
                decks.append(SlideDeck(lang, lesson_id, presenter=True))
    return decks


def _plan_media(project: model.Project) -> list[MediaFile]:
    """Every image the content uses, once (both languages link to ``media/``)."""
    sources: set[str] = set()
    for lesson in project.lessons.values():
        sources.update(s.image.src for s in lesson.sections if s.image)
    for event in project.events.values():
        if event.report:
            sources.update(p.src for p in event.report.photos)
    for lecturer in project.lecturers.values():
        if lecturer.photo:
            sources.add(lecturer.photo.src)
    return [MediaFile(project.content_dir / src, f"media/{src}") for src in sorted(sources)]
