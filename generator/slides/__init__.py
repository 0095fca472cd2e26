"""Slide decks: every lesson as a presentation, and in the lecturer edition a presenter view.

``<out>/<lang>/slides/<lesson>.html`` is the deck the room sees; the lecturer edition adds
``<lesson>-presenter.html`` (current and next slide, the section's speaker notes, a countdown for the
section's minutes and the time elapsed against the lesson's duration), which drives the deck's window.
What the slides say comes from the lesson model (:mod:`.deck`); the browser side is our own small
engine, ``theme/assets/javascripts/slides.js`` (a classic script on top of ``core.js``: it works from
``file://``, where ES modules are blocked, and asks no other host for anything).

The decks sit inside each language's site folder (they load its ``assets/``), which the site engine
leaves to this step: it runs after the site is laid out.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from .. import model
from ..i18n import catalogue
from ..markup import embed_json
from ..plan import Plan, SlideDeck, publishes_answer_key
from ..site.csp import add_policy
from ..writer import OutputWriter
from .deck import Deck, DeckBuilder
from .words import word

__all__ = ["build_deck", "render_deck", "render_slides"]

OWNER = "slides"
TEMPLATES = Path(__file__).parent / "templates"
#: the scripts a deck and a presenter view load, relative to the language's site root
SCRIPTS = ("assets/javascripts/core.js", "assets/javascripts/slides.js")
STYLESHEET = "assets/stylesheets/slides.css"


@functools.lru_cache(maxsize=1)
def _env() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def build_deck(project: model.Project, lesson: model.Lesson, lang: str, *, edition: str, pinyin: Any) -> Deck:
    """The deck of ``lesson`` in ``lang``; pinyin is added over Chinese text of village and primary decks."""
    quiz_id = lesson.quiz or ""
    show_answers = quiz_id in project.quizzes and publishes_answer_key(project, quiz_id, edition)
    deck = DeckBuilder(project, lang, edition=edition, pinyin=pinyin, show_answers=show_answers).build(lesson)
    if deck.pinyin:
        for slide in deck.slides:
            slide.body = Markup(pinyin.annotate_html(str(slide.body), form="ruby"))
            slide.title_html = Markup(pinyin.ruby_html(slide.title))
    return deck


def render_deck(project: model.Project, deck: Deck, *, edition: str, presenter: bool) -> str:
    """The HTML of a deck (``presenter=False``) or of its presenter view."""
    cfg = project.config
    lang = deck.lang
    timing = {"duration": deck.lesson.duration_minutes,
              "sections": [{"title": s.title, "minutes": s.minutes} for s in deck.sections]}
    return _env().get_template("presenter.html.j2" if presenter else "deck.html.j2").render(
        deck=deck, lang=lang, html_lang="zh-Hans" if lang.startswith("zh") else lang,
        w=lambda key, **kw: word(key, lang, **kw), lecturer=edition == "lecturer",
        edition_mark=word("lecturer_edition_mark", lang), site_name=cfg.site_name.get(lang, cfg.default_language),
        scripts=[f"../{s}" for s in SCRIPTS], stylesheet=f"../{STYLESHEET}",
        deck_file=f"{deck.lesson.id}.html", presenter_file=f"{deck.lesson.id}-presenter.html",
        timing=Markup(embed_json(timing)), w_notes=word_site("speaker_notes", lang),
    )


def word_site(key: str, lang: str) -> str:
    """A word of the site's (``site.<key>`` in the catalogue)."""
    return catalogue(lang).gettext(f"site.{key}")


def render_slides(project: model.Project, plan: Plan, writer: OutputWriter, pinyin: Any) -> int:
    """Write every deck and presenter view the plan lists; the number written."""
    decks: dict[tuple[str, str], Deck] = {}
    for planned in plan.slides:
        key = (planned.lang, planned.lesson)
        if key not in decks:
            decks[key] = build_deck(project, project.lessons[planned.lesson], planned.lang, edition=plan.edition, pinyin=pinyin)
        html = render_deck(project, decks[key], edition=plan.edition, presenter=planned.presenter)
        writer.write_text(planned.path, add_policy(html), OWNER)  # the same Content-Security-Policy as every page
    return len(plan.slides)


def deck_link(deck: SlideDeck) -> str:
    """The deck's address relative to a language's site root (``slides/<lesson>.html``)."""
    return deck.path.split("/", 1)[1]
