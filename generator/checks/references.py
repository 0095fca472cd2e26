"""References: ids that must name something (audiences, settings, regions, lessons, quizzes,
lecturers, glossary terms, laws and their articles, quiz review sections), internal links between
pages, and the order of training modules (``after``, which must not go round in a circle)."""

from __future__ import annotations

import graphlib
import itertools
from collections.abc import Collection, Mapping
from typing import Any

from .. import links, model
from ..errors import Diagnostics
from ..validate import did_you_mean
from ..yamlload import Document, PathKey

Table = Mapping[str, Any] | Collection[str]


def check_reference(doc: Document, path: PathKey, value: str | None, table: Table, what: str, diagnostics: Diagnostics) -> bool:
    """``value`` (when given) must be a key of ``table``; else an error with a "did you mean" hint.
    Returns whether it is."""
    if value is None or value in table:
        return True
    choices = list(table)
    hint = did_you_mean(value, choices)
    if not hint and choices and len(choices) <= 8:
        hint = f" (known: {', '.join(sorted(choices))})"
    diagnostics.error(doc.loc(path), f"unknown {what} '{value}'{hint}", code="DL301")
    return False


def check_references(
    doc: Document, base: PathKey, field: str, values: list[str], table: Table, what: str, diagnostics: Diagnostics,
) -> None:
    """Each id of the list ``field`` must be known, and listed once."""
    seen: set[str] = set()
    for i, value in enumerate(values):
        check_reference(doc, (*base, field, i), value, table, what, diagnostics)
        if value in seen:
            diagnostics.warning(doc.loc((*base, field, i)), f"{what} '{value}' is listed twice", code="DL302")
        seen.add(value)


def check_links(project: model.Project, text: model.Text, doc: Document, path: PathKey, diagnostics: Diagnostics) -> None:
    """Internal links (``[…](lesson:id#section)``, see :mod:`generator.links`) must name a target."""
    tables: dict[str, Table] = {
        "lesson": project.lessons, "quiz": project.quizzes, "event": project.events,
        "training": project.training, "glossary": project.glossary, "page": links.PAGES,
    }
    for lang, value in text.values.items():
        where = (*path, lang) if len(text.values) > 1 else path
        for link in links.find(value):
            what = {"page": "page (for page: links)", "glossary": "glossary term"}.get(link.kind, link.kind)
            if not check_reference(doc, where, link.id, tables[link.kind], what, diagnostics):
                continue
            if link.anchor and link.kind == "lesson":
                sections = [s.id for s in project.lessons[link.id].sections if s.id]
                if link.anchor not in sections:
                    hint = did_you_mean(link.anchor, sections) or f" (sections: {', '.join(sections)})"
                    diagnostics.error(doc.loc(where), f"lesson '{link.id}' has no section '{link.anchor}'{hint}", code="DL303")
            elif link.anchor and link.kind != "page":
                diagnostics.error(doc.loc(where), f"a {link.kind}: link takes no #section (only lesson: links do)", code="DL303")


# --- per kind -------------------------------------------------------------------------------------


def check_lesson(project: model.Project, lesson: model.Lesson, doc: Document, base: PathKey, diagnostics: Diagnostics) -> None:
    config = project.config
    check_references(doc, base, "audiences", lesson.audiences, config.audiences, "audience", diagnostics)
    check_references(doc, base, "settings", lesson.settings, config.settings, "setting", diagnostics)
    check_references(doc, base, "glossary", lesson.glossary, project.glossary, "glossary term", diagnostics)
    check_topics(config, doc, base, lesson.topics, diagnostics)
    check_reference(doc, (*base, "quiz"), lesson.quiz, project.quizzes, "quiz", diagnostics)
    for i, reference in enumerate(lesson.references):
        _check_law_reference(project, doc, (*base, "references", i), reference, diagnostics)


def _check_law_reference(project: model.Project, doc: Document, path: PathKey, reference: model.Reference, diagnostics: Diagnostics) -> None:
    if not check_reference(doc, (*path, "law"), reference.law, project.laws, "law", diagnostics):
        return
    law = project.laws[reference.law]
    if reference.article is not None and reference.article not in law.articles:
        known = ", ".join(str(a) for a in sorted(law.articles)) or "none"
        diagnostics.error(doc.loc((*path, "article")),
                          f"article {reference.article} of '{reference.law}' is not in content/laws.yml (listed: {known}); cite only checked articles", code="DL304")


def check_event(project: model.Project, event: model.Event, doc: Document, base: PathKey, diagnostics: Diagnostics) -> None:
    config = project.config
    check_reference(doc, (*base, "region"), event.region, config.regions, "region", diagnostics)
    check_reference(doc, (*base, "setting"), event.setting, config.settings, "setting", diagnostics)
    check_references(doc, base, "audiences", event.audiences, config.audiences, "audience", diagnostics)
    check_references(doc, base, "lessons", event.lessons, project.lessons, "lesson", diagnostics)
    check_references(doc, base, "lecturers", event.lecturers, project.lecturers, "lecturer", diagnostics)


def check_quiz(project: model.Project, quiz: model.Quiz, doc: Document, base: PathKey, diagnostics: Diagnostics) -> None:
    """The quiz's lesson, and each question's review lesson and section."""
    check_reference(doc, (*base, "lesson"), quiz.lesson, project.lessons, "lesson", diagnostics)
    for path, q in quiz.all_questions():
        question_path = (*base, *path)
        if q.lesson is not None:
            check_reference(doc, (*question_path, "lesson"), q.lesson, project.lessons, "lesson", diagnostics)
        lesson_id = q.lesson or quiz.lesson
        if q.section is not None and lesson_id in project.lessons:  # no lesson at all: see Quiz.problems
            ids = [s.id for s in project.lessons[lesson_id].sections]  # type: ignore[index]
            if q.section not in ids:
                hint = did_you_mean(q.section, ids) or " (sections: " + ", ".join(i for i in ids if i) + ")"
                diagnostics.error(doc.loc((*question_path, "section")), f"lesson '{lesson_id}' has no section '{q.section}'{hint}", code="DL305")


def check_training(project: model.Project, training: model.Training, doc: Document, base: PathKey, diagnostics: Diagnostics) -> None:
    check_references(doc, base, "audiences", training.audiences, project.config.audiences, "audience", diagnostics)
    check_references(doc, base, "units", training.units, project.lessons, "lesson", diagnostics)
    check_reference(doc, (*base, "quiz"), training.quiz, project.quizzes, "quiz", diagnostics)
    check_references(doc, base, "after", training.after, project.training, "training module", diagnostics)


def check_lecturer(project: model.Project, lecturer: model.Lecturer, doc: Document, base: PathKey, diagnostics: Diagnostics) -> None:
    check_topics(project.config, doc, base, lecturer.topics, diagnostics)


def check_topics(config: model.SiteConfig, doc: Document, base: PathKey, topics: list[str], diagnostics: Diagnostics) -> None:
    """Topics must be declared in site_config.yml; when none are (a new project from ``dandelion init``),
    each one used is a warning: it still works, but shows as a bare id without a label in each language."""
    if config.topics:
        check_references(doc, base, "topics", topics, config.topics, "topic", diagnostics)
        return
    for i, topic in enumerate(topics):
        diagnostics.warning(doc.loc((*base, "topics", i)),
                            f"topic '{topic}' is not declared: site_config.yml has no `topics:`, so the site shows "
                            f"the bare id; add `topics: {{{topic}: {{zh: …, en: …}}}}` to site_config.yml", code="DL307")


def check_glossary_term(project: model.Project, term: model.GlossaryTerm, doc: Document, base: PathKey, diagnostics: Diagnostics) -> None:
    check_references(doc, base, "see_also", term.see_also, project.glossary, "glossary term", diagnostics)


def check_help_centre(project: model.Project, centre: model.HelpCentre, doc: Document, base: PathKey, diagnostics: Diagnostics) -> None:
    check_reference(doc, (*base, "region"), centre.region, project.config.regions, "region", diagnostics)


# --- training order -------------------------------------------------------------------------------


def check_training_cycles(project: model.Project, origins: Any, diagnostics: Diagnostics) -> None:
    """Modules that (through others) come after themselves can never be placed: each module on such
    a circle gets an error at its `after` entry, naming the whole circle. Every circle is reported,
    not only the first :class:`graphlib.TopologicalSorter` finds."""
    graph = project.training_graph()
    while True:
        try:
            graphlib.TopologicalSorter(graph).prepare()
            return
        except graphlib.CycleError as cycle:
            # graphlib lists the circle from each module to one that comes after it; read backwards,
            # each module comes after the next one.
            circle: list[str] = list(reversed(cycle.args[1]))[:-1]
        for n, module in enumerate(circle):
            before = circle[(n + 1) % len(circle)]
            steps = [*circle[n:], *circle[:n], module]
            chain = ", ".join(f"{a} after {b}" for a, b in itertools.pairwise(steps))
            if ("training", module) in origins.items:
                doc, base = origins.items[("training", module)]
                index = project.training[module].after.index(before)
                diagnostics.error(doc.loc((*base, "after", index)),
                                  f"training module '{module}' comes after itself (through `after`): {chain}; "
                                  "remove one of these `after` entries", code="DL306")
            graph[module].discard(before)  # report the next circle, if any
