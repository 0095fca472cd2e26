"""The shipped teaching set (content/, quizzes/): what the lecture group adopts must be complete,
consistent and accurate.

These tests read the real project, not fixtures. They hold the floor of the teaching-set issue
(counts, coverage, review links) and the accuracy rules that a machine can check: every law
reference resolves to a checked article, occasion dates match the checked calendar, nothing
carries a phone number or Hlai text that no speaker supplied.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import model
from generator.loader import load_project

ROOT = Path(__file__).parents[1]

#: Articles checked in ../shared/facts.md (the only ones content may cite), by the law's Chinese name
#: so the test does not depend on the id an editor gives a law in laws.yml.
CHECKED_ARTICLES = {
    "中华人民共和国禁毒法": {2, 4, 33, 34, 38, 47, 48, 52, 62},
    "中华人民共和国刑法": {347, 348, 354},
    "中华人民共和国道路交通安全法": {22},
}
#: 三月三 (3rd day of the 3rd lunar month) in the Gregorian calendar, from the facts.
SANYUESAN = {dt.date(2026, 4, 19), dt.date(2027, 4, 9), dt.date(2028, 3, 28)}
#: Lessons per audience the issue asks for (social workers: two training modules' units).
AUDIENCE_FLOOR = {"primary": 3, "middle": 3, "high": 4, "university": 5, "residents": 6, "parents": 5,
                  "villagers": 3, "social-workers": 4}
#: Words that mean a text states the law; a lesson using them must cite a law.
LAW_WORDS = re.compile(r"违法|犯罪|拘留|处罚|法律|《禁毒法》|依法")


@pytest.fixture(scope="module")
def loaded():
    return load_project(ROOT)


@pytest.fixture(scope="module")
def project(loaded) -> model.Project:
    assert loaded.project is not None
    return loaded.project


def zh_en(text: model.Text | None) -> bool:
    return text is not None and bool(text.values.get("zh", "").strip()) and bool(text.values.get("en", "").strip())


def test_the_set_checks_clean_with_no_warnings(loaded) -> None:
    assert [str(d) for d in loaded.diagnostics.sorted()] == []


# --- lessons ----------------------------------------------------------------------------------


def test_enough_lessons_for_every_audience(project) -> None:
    assert len(project.lessons) >= 26
    per_audience = Counter(a for lesson in project.lessons.values() for a in lesson.audiences)
    short = {a: (per_audience[a], n) for a, n in AUDIENCE_FLOOR.items() if per_audience[a] < n}
    assert short == {}, "audience: (lessons, wanted)"


def test_every_lesson_is_complete(project) -> None:
    problems = []
    for lesson in project.lessons.values():
        wanted = {
            "objectives": lesson.objectives, "key points": lesson.key_points, "glossary links": lesson.glossary,
            "a quiz": lesson.quiz or project.training_for_lesson(lesson.id),
            "speaker notes": [s for s in lesson.sections if s.notes is not None],
        }
        problems += [f"{lesson.id}: no {what}" for what, value in wanted.items() if not value]
        if any(s.id is None or s.minutes is None for s in lesson.sections):
            problems.append(f"{lesson.id}: every section needs an id and minutes")
        elif sum(s.minutes for s in lesson.sections) != lesson.duration_minutes:  # type: ignore[misc]
            problems.append(f"{lesson.id}: sections do not add up to duration_minutes")
        problems += [f"{lesson.id}: section {s.id} not in both languages" for s in lesson.sections
                     if not (zh_en(s.title) and zh_en(s.body))]
    assert problems == []


def lessons_on(project: model.Project, topic: str) -> list[model.Lesson]:
    return [lesson for lesson in project.lessons.values() if topic in lesson.topics]


def test_the_topics_a_lecture_group_covers_have_lessons(project) -> None:
    # driving after drug use, HIV beyond shared needles, families of adults in recovery, and a
    # short campus lesson on online lures for middle-school pupils, each for the audiences that need it
    def audiences(topic: str) -> set[str]:
        return {a for lesson in lessons_on(project, topic) for a in lesson.audiences}

    assert {"high", "university", "residents"} <= audiences("drug-driving")
    assert {"university", "residents"} <= audiences("hiv-and-testing")
    assert [lesson.id for lesson in lessons_on(project, "online-risks")
            if "middle" in lesson.audiences and 20 <= lesson.duration_minutes <= 30]
    assert [lesson.id for lesson in lessons_on(project, "family-support")
            if "community-rehabilitation" in lesson.topics
            and model.Reference(law="anti-drug-law", article=52) in lesson.references]


def test_no_text_calls_driving_after_drug_use_a_crime() -> None:
    # facts.md: driving after drug use (毒驾) is not a separate crime; quoting the wrong name to warn
    # against it (不要说“毒驾罪”) is fine
    files = [*ROOT.joinpath("content").rglob("*.yml"), *ROOT.joinpath("quizzes").rglob("*.yml")]
    wrong = re.compile(r"(?<![“\"])(毒驾罪|the crime of drug[- ]driving)(?![”\"])|毒驾(是|属于|构成)(一种)?犯罪"
                       r"|drug[- ]driving is a crime", re.I)
    assert [f.name for f in files if wrong.search(f.read_text(encoding="utf-8"))] == []


def test_topics_are_declared_with_labels_and_all_in_use(project) -> None:
    # Declared topics make `check` refuse stray tags and give the zh catalogue Chinese labels; a
    # declared topic no lesson uses would be a dead entry for editors to trip over.
    declared = project.config.topics
    assert declared and all(zh_en(label) for label in declared.values())
    used = {t for lesson in project.lessons.values() for t in lesson.topics}
    assert set(declared) - used == set()
    assert {t for lec in project.lecturers.values() for t in lec.topics} <= used


def test_a_lesson_that_states_the_law_cites_it(project) -> None:
    uncited = [lesson.id for lesson in project.lessons.values()
               if any(LAW_WORDS.search(s.body.values.get("zh", "")) for s in lesson.sections) and not lesson.references]
    assert uncited == []


def test_every_law_reference_resolves_to_a_checked_article(project) -> None:
    refs = [(lesson.id, r) for lesson in project.lessons.values() for r in lesson.references]
    assert len(refs) >= 12
    for lesson_id, ref in refs:
        assert ref.law in project.laws, (lesson_id, ref.law)
        if ref.article is not None:
            assert ref.article in project.laws[ref.law].articles, (lesson_id, ref.law, ref.article)


def test_laws_carry_only_checked_article_numbers(project) -> None:
    anti_drug_law = project.laws["anti-drug-law"]
    assert set(anti_drug_law.articles) == CHECKED_ARTICLES[anti_drug_law.name.values["zh"]]
    unchecked = {law_id: sorted(set(law.articles) - CHECKED_ARTICLES.get(law.name.values["zh"], set()))
                 for law_id, law in project.laws.items()}
    assert {law_id: numbers for law_id, numbers in unchecked.items() if numbers} == {}


# --- events -----------------------------------------------------------------------------------


def test_events_cover_regions_settings_and_every_status(project) -> None:
    events = list(project.events.values())
    assert len(events) >= 8
    assert len({e.region for e in events}) >= 5
    assert {e.setting for e in events} == set(project.config.settings)
    assert {"planned", "done", "cancelled"} <= {e.status for e in events}


def test_occasions_fall_on_their_checked_dates(project) -> None:
    occasions = {"626": [], "sanyuesan": []}
    for e in project.events.values():
        occasion = e.occasion.values.get("zh", "") if e.occasion else ""
        if "6·26" in occasion or "国际禁毒日" in occasion:
            occasions["626"].append(e.id)
            assert (e.date.month, e.date.day) == (6, 26), e.id
        if "三月三" in occasion:
            occasions["sanyuesan"].append(e.id)
            assert e.date in SANYUESAN, e.id
    assert occasions["626"] and occasions["sanyuesan"]


def test_done_events_have_reports_with_consented_described_photos(project) -> None:
    done = [e for e in project.events.values() if e.status == "done"]
    assert len(done) >= 3
    for e in done:
        assert e.report is not None and e.report.attendance and zh_en(e.report.summary), e.id
        assert e.report.photos, e.id
        for photo in e.report.photos:
            assert photo.consent and zh_en(photo.alt), (e.id, photo.src)
            assert (project.content_dir / photo.src).is_file(), photo.src


def test_cancelled_events_say_why(project) -> None:
    assert all(zh_en(e.cancel_reason) for e in project.events.values() if e.status == "cancelled")


def test_event_venues_are_marked_as_examples(project) -> None:
    assert [e.id for e in project.events.values() if "示例" not in e.venue.values["zh"]] == []


# --- quizzes and training ---------------------------------------------------------------------


def test_every_question_explains_and_links_to_a_section(project) -> None:
    assert len(project.quizzes) >= 6
    problems = []
    for quiz in project.quizzes.values():
        for _path, q in quiz.all_questions():
            where = f"{quiz.id} {q.id}"
            if not zh_en(q.explanation):
                problems.append(f"{where}: explanation")
            lesson_id = q.lesson or quiz.lesson
            if lesson_id is None or q.section is None:
                problems.append(f"{where}: review link")
            elif q.section not in [s.id for s in project.lessons[lesson_id].sections]:
                problems.append(f"{where}: review section {q.section} not in {lesson_id}")
    assert problems == []


def test_scenario_sub_questions_are_lettered_from_a(project) -> None:
    # a case whose questions start at "-b" reads as if one was lost (review, December 2026)
    problems = []
    for quiz in project.quizzes.values():
        for q in quiz.questions:
            if isinstance(q, model.ScenarioQuestion):
                wanted = [f"{q.id}-{letter}" for letter in "abcdefghij"[: len(q.questions)]]
                if [sub.id for sub in q.questions] != wanted:
                    problems.append(f"{quiz.id}/{q.id}: {[sub.id for sub in q.questions]}")
    assert problems == []


def test_two_training_modules_with_full_quizzes(project) -> None:
    modules = list(project.training.values())
    assert len(modules) >= 2
    for module in modules:
        assert module.credit_hours and len(module.units) >= 2, module.id
        quiz = project.quizzes[module.quiz]
        assert quiz.scored_count >= 15, module.id
        assert any(isinstance(q, model.ScenarioQuestion) for q in quiz.questions), module.id


# --- reference material -----------------------------------------------------------------------


def test_glossary_is_bilingual_and_names_street_names(project) -> None:
    terms = list(project.glossary.values())
    assert len(terms) >= 40
    assert [t.id for t in terms if not (zh_en(t.term) and zh_en(t.definition))] == []
    drugs = [t for t in terms if t.category == "drug"]
    assert sum(1 for t in drugs if t.aliases) >= 8
    assert {t.category for t in terms} >= {"drug", "law", "health", "social-work", "education"}


def test_help_centres_are_examples_for_the_regions_in_the_facts(project) -> None:
    centres = list(project.help_centres.values())
    assert {"wenchang", "dingan", "baoting", "lingshui"} <= {c.region for c in centres}
    assert all(c.example and not c.phone for c in centres)


def test_help_centres_are_consultation_points_for_people_who_want_to_stop(project) -> None:
    # facts.md: the centres act as consultation points on rehabilitation; coming forward is not punished (Art. 62)
    for centre in project.help_centres.values():
        assert centre.note is not None, centre.id
        zh, en = centre.note.values["zh"], centre.note.values["en"]
        assert "咨询" in zh and "有资质的医疗机构" in zh and "第六十二条" in zh, centre.id
        assert "qualified medical institution" in en and "Article 62" in en, centre.id


def test_four_lecturer_profiles_one_per_role(project) -> None:
    assert sorted(lec.role for lec in project.lecturers.values()) == ["counsellor", "doctor", "police", "social-work-trainer"]


def test_no_text_in_a_language_no_speaker_supplied(project) -> None:
    assert project.config.extra_languages == {}
    files = [*ROOT.joinpath("content").rglob("*.yml"), *ROOT.joinpath("quizzes").rglob("*.yml")]
    assert [f.name for f in files if re.search(r"^\s*(lic|mji):", f.read_text(encoding="utf-8"), re.M)] == []


def test_every_shipped_image_is_used(project) -> None:
    used = {s.image.src for lesson in project.lessons.values() for s in lesson.sections if s.image}
    used |= {p.src for e in project.events.values() if e.report for p in e.report.photos}
    used |= {lec.photo.src for lec in project.lecturers.values() if lec.photo}
    shipped = {p.relative_to(project.content_dir).as_posix() for p in project.content_dir.joinpath("images").rglob("*") if p.is_file()}
    assert shipped - used == set()


def test_cases_are_marked_fictional_once_and_not_labelled_twice(project) -> None:
    # the quiz engine prints 案例 / Case above a case; the people in it are invented and say so
    problems = []
    for quiz in project.quizzes.values():
        for q in quiz.questions:
            if q.type != "scenario":
                continue
            zh, en = q.prompt.values["zh"].strip(), q.prompt.values["en"].strip()
            if "虚构" not in zh or "ictional" not in en:
                problems.append(f"{quiz.id}/{q.id}: not marked fictional")
            if re.match(r"\**(案例|Case)\b", zh) or re.match(r"\**Case\b", en):
                problems.append(f"{quiz.id}/{q.id}: starts with a second case label")
    assert problems == []


# --- what is published ------------------------------------------------------------------------

#: Notes for editors that must never reach a page: what is unverified is left out, not flagged
#: (facts.md). Article-number remarks ("条号", "article numbers") are such notes too: a checked
#: article is cited, an unchecked one is not mentioned.
EDITING_NOTES = re.compile(
    r"未经核实|未核实|待核实|已核实|核实过的|待定|待确认|待补充|以正式文本为准|正式文本|条号|条文序号"
    r"|\bTODO\b|\bFIXME\b|\bTBD\b|\bXXX\b|unverified|\bverified\b|official text|article numbers?\b",
    re.I,
)
_ZH_NUMBER = r"[0-9０-９一二三四五六七八九十两]+"
_EN_NUMBER = (r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
              r"|twenty|thirty)")
#: A length of detention in days: the revised public-order law's figures are not checked, so content
#: says "detention, possibly a fine" and gives no number (facts.md). A legal range (十日以上, 五日以下,
#: 10–15 days) is flagged anywhere; any other day count only in a sentence about detention, so the
#: 15 days to report for community rehabilitation stay.
DAY_RANGE = re.compile(rf"(?<![0-9０-９一二三四五六七八九十两月]){_ZH_NUMBER}\s*[日天]\s*(?:以上|以下)"
                       rf"|\b\d+\s*(?:–|-|to)\s*\d+\s*days?\b", re.I)
DAY_COUNT = re.compile(rf"(?<![0-9０-９一二三四五六七八九十两月第]){_ZH_NUMBER}\s*[日天]"
                       rf"|\b{_EN_NUMBER}(?:\s*(?:–|-|to)\s*{_EN_NUMBER})?[\s-]*days?\b", re.I)
DETENTION = re.compile(r"拘留|detain|detention", re.I)
SENTENCE_END = re.compile(r"(?<=[。；！？!?;])|(?<=\.)\s|\n")


def published_texts(loaded) -> Iterator[tuple[str, str]]:
    """Every published text of the project, each language on its own, with its place (file:line and
    YAML path): all Text fields of every item of every kind, site_config's texts and fill-in answers."""
    from generator.model import iter_texts

    project = loaded.project
    tables = {"lesson": project.lessons, "event": project.events, "training": project.training,
              "lecturer": project.lecturers, "quiz": project.quizzes, "glossary": project.glossary,
              "law": project.laws, "help-centre": project.help_centres}
    seen_kinds = set()
    for (kind, item_id), (doc, base) in loaded.origins.items.items():
        seen_kinds.add(kind)
        item = tables[kind][item_id]
        for path, text in iter_texts(item, base):
            for lang, value in text.values.items():
                key = (*path, lang) if len(text.values) > 1 else path
                yield f"{doc.loc(key)} {'.'.join(map(str, key))}", value
        if isinstance(item, model.Quiz):
            for qpath, q in item.all_questions():
                if isinstance(q, model.FillBlankQuestion):
                    answers = q.answer.values() if isinstance(q.answer, dict) else [q.answer]
                    for accepted in answers:
                        yield f"{doc.loc((*base, *qpath, 'answer'))} {item_id}.{q.id}.answer", " / ".join(accepted)
    assert seen_kinds == set(tables), "a content kind is missing from the scan"
    for path, text in iter_texts(project.config, ()):
        for lang, value in text.values.items():
            yield f"site_config.yml {'.'.join(map(str, (*path, lang)))}", value


def test_published_text_scan_reaches_every_kind_and_both_languages(loaded) -> None:
    texts = list(published_texts(loaded))
    # a lesson's speaker notes, a sub-question's option, a law's note and a glossary alias, in both languages
    for needle in ("sections.0.notes.zh", ".questions.0.options.0.text.en", "note.en", "aliases.0",
                   "answer", "site_config.yml"):
        assert any(needle in where for where, _ in texts), needle
    assert len(texts) > 4000


def unpublishable(text: str) -> list[str]:
    """Editing notes and days of detention in ``text``, each as a short description."""
    problems = [f"editing note '{hit.group()}'" for hit in EDITING_NOTES.finditer(text)]
    problems += [f"days of detention '{hit.group()}'" for hit in DAY_RANGE.finditer(text)]
    for sentence in SENTENCE_END.split(text):
        if DETENTION.search(sentence) and not DAY_RANGE.search(sentence):
            problems += [f"days of detention '{hit.group()}'" for hit in DAY_COUNT.finditer(sentence)]
    return problems


def test_no_editing_notes_or_detention_days_in_published_text(loaded) -> None:
    problems = [f"{where}: {problem}" for where, value in published_texts(loaded) for problem in unpublishable(value)]
    assert problems == []


def test_no_editing_notes_on_the_rendered_pages(project) -> None:
    # What the generator adds around the content (labels, notes on a law without articles …) is
    # published too: every page of both editions in both languages, ruby readings left out.
    from generator.site.pages import SiteOptions, render_pages

    pinyin = None  # the renderer makes one; later renders share it (it caches)
    problems = []
    for lang in project.languages:
        for edition in ("public", "lecturer"):
            options = SiteOptions(edition=edition, today=dt.date(2026, 6, 1), pinyin=pinyin)
            for page in render_pages(project, lang, options):
                text = re.sub(r"<[^>]+>", "", re.sub(r"<rt>.*?</rt>", "", page.markdown))
                problems += [f"{edition} {lang}/{page.path}: {problem}" for problem in unpublishable(text)]
            pinyin = options.pinyin
    assert problems == []
