"""generator.checks (and the model's own rules): references between items and the rules that keep the site safe and honest.

Each case lays files over the ``dandelion init`` starter project and asserts the exact
``path:line:col: severity: message`` lines an editor sees.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from samples import EVENT, LESSON, png

from generator.loader import load_project

QUIZ = """\
title: {zh: 测验, en: Quiz}
questions:
  - id: q1
    type: single
    prompt: {zh: 哪个对？, en: Which is right?}
    options:
      - {text: {zh: 甲, en: A}, correct: true}
      - {text: {zh: 乙, en: B}}
"""

SCAFFOLD = Path(__file__).parents[1] / "generator" / "scaffold_template"

PNG = png()


def problems(root: Path) -> list[str]:
    return [str(d) for d in load_project(root).diagnostics.sorted()]


@pytest.fixture
def project(tmp_path: Path, make_project):
    def make(files: dict[str, str | bytes | None]) -> list[str]:
        return problems(make_project(tmp_path / "p", files))

    return make


def with_body(body: str, lang: str = "en") -> str:
    """The lesson with one section body replaced (as a JSON string, which YAML reads as is)."""
    text = {"zh": "正文", "en": "Body"}
    text[lang] = body
    return LESSON.replace("body: {zh: 正文, en: Body}", f"body: {{zh: {json.dumps(text['zh'], ensure_ascii=False)}, en: {json.dumps(text['en'], ensure_ascii=False)}}}")


# --- references -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "rel,text,expected",
    [
        ("content/lessons/x.yml", LESSON + "quiz: first-quizz\n",
         "content/lessons/x.yml:10:7: error: unknown quiz 'first-quizz' (did you mean `first-quiz`?)"),
        ("content/lessons/x.yml", LESSON + "quiz: nope\n", "content/lessons/x.yml:10:7: error: unknown quiz 'nope' (known: first-quiz)"),
        ("content/lessons/x.yml", LESSON + "glossary: [meth]\n",
         "content/lessons/x.yml:10:12: error: unknown glossary term 'meth' (known: methamphetamine)"),
        ("content/lessons/x.yml", LESSON + "references: [{law: anti-drug-laws}]\n",
         "content/lessons/x.yml:10:20: error: unknown law 'anti-drug-laws' (did you mean `anti-drug-law`?)"),
        ("content/lessons/x.yml", LESSON + "references: [{law: anti-drug-law, article: 99}]\n",
         "content/lessons/x.yml:10:44: error: article 99 of 'anti-drug-law' is not in content/laws.yml (listed: 2); cite only checked articles"),
        ("content/lessons/x.yml", LESSON.replace("audiences: [middle]", "audiences: [middel]"),
         "content/lessons/x.yml:2:13: error: unknown audience 'middel' (did you mean `middle`?)"),
        ("content/lessons/x.yml", LESSON.replace("settings: [campus]", "settings: [campus, villag]"),
         "content/lessons/x.yml:3:20: error: unknown setting 'villag' (known: campus, community)"),
        ("content/events/e.yml", EVENT.replace("region: haikou", "region: sanya"),
         "content/events/e.yml:5:9: error: unknown region 'sanya' (known: haikou)"),
        ("content/events/e.yml", EVENT.replace("setting: campus", "setting: campsu"),
         "content/events/e.yml:6:10: error: unknown setting 'campsu' (did you mean `campus`?)"),
        ("content/events/e.yml", EVENT + "lessons: [first-lesso]\n",
         "content/events/e.yml:9:11: error: unknown lesson 'first-lesso' (did you mean `first-lesson`?)"),
        ("content/events/e.yml", EVENT + "lecturers: [officer-wang]\n",
         "content/events/e.yml:9:13: error: unknown lecturer 'officer-wang'"),
        ("content/events/e.yml", EVENT + "audiences: [residents, residents]\n",
         "content/events/e.yml:9:24: warning: audience 'residents' is listed twice"),
        ("content/training/t.yml", "title: 培训\ncredit_hours: 2\naudiences: [residents]\nunits: [first-lesson, ghost]\nquiz: nope\n",
         "content/training/t.yml:4:23: error: unknown lesson 'ghost' (known: first-lesson)"),
        ("content/training/t.yml", "title: 培训\ncredit_hours: 2\naudiences: [residents]\nunits: [first-lesson]\nquiz: nope\n",
         "content/training/t.yml:5:7: error: unknown quiz 'nope' (known: first-quiz)"),
        ("content/training/t.yml", "title: 培训\ncredit_hours: 2\nunits: [first-lesson]\n",
         "content/training/t.yml:1:1: error: unknown audience 'social-workers' (known: middle, residents)"),
        ("quizzes/q.yml", QUIZ.replace("    options:", "    lesson: first-lesson\n    section: what-is-a-drg\n    options:"),
         "quizzes/q.yml:7:14: error: lesson 'first-lesson' has no section 'what-is-a-drg' (did you mean `what-is-a-drug`?)"),
        ("quizzes/q.yml", QUIZ.replace("    options:", "    lesson: first-lesson\n    section: zzz\n    options:"),
         "quizzes/q.yml:7:14: error: lesson 'first-lesson' has no section 'zzz' (sections: what-is-a-drug)"),
        ("quizzes/q.yml", QUIZ.replace("    options:", "    section: intro\n    options:"),
         "quizzes/q.yml:6:14: error: `section` needs a `lesson` (on the question or the quiz)"),
        ("quizzes/q.yml", QUIZ.replace("questions:", "lesson: ghost\nquestions:"),
         "quizzes/q.yml:2:9: error: unknown lesson 'ghost' (known: first-lesson)"),
        ("quizzes/q.yml", QUIZ.replace("    options:", "    lesson: ghost\n    options:"),
         "quizzes/q.yml:6:13: error: unknown lesson 'ghost' (known: first-lesson)"),
        ("content/glossary.yml", "cannabis:\n  term: {zh: 大麻, en: Cannabis}\n  definition: {zh: 毒品, en: A drug}\n  see_also: [heroin]\n",
         "content/glossary.yml:4:14: error: unknown glossary term 'heroin' (known: cannabis)"),
        ("content/help_centres.yml", "- id: c\n  name: {zh: 中心, en: Centre}\n  region: wenchang\n",
         "content/help_centres.yml:3:11: error: unknown region 'wenchang' (known: haikou)"),
    ],
)
def test_dangling_references(project, rel: str, text: str, expected: str) -> None:
    assert expected in project({rel: text})


def test_quiz_review_section_uses_the_quiz_lesson(project) -> None:
    quiz = QUIZ.replace("questions:", "lesson: first-lesson\nquestions:").replace("    options:", "    section: what-is-a-drug\n    options:")
    assert project({"quizzes/q.yml": quiz}) == []


# --- languages --------------------------------------------------------------------------------


def test_missing_language_is_a_warning_naming_the_fallback(project) -> None:
    lines = project({"content/lessons/x.yml": LESSON.replace("title: {zh: 开场, en: Opening}", "title: {zh: 开场}")
                    .replace("body: {zh: 正文, en: Body}", "body: {en: Body}")})
    assert lines == [
        "content/lessons/x.yml:7:12: warning: no 'en' text: the 'zh' text is shown instead",
        "content/lessons/x.yml:9:11: warning: no 'zh' text: the 'en' text is shown instead",
    ]


def test_plain_string_is_the_default_language(project) -> None:
    lines = project({"content/lessons/x.yml": LESSON.replace("title: {zh: 开场, en: Opening}", "title: 开场")})
    assert lines == ["content/lessons/x.yml:7:12: warning: no 'en' text: the 'zh' text is shown instead"]


def test_unknown_language_code_is_an_error_at_the_code(project) -> None:
    lines = project({"content/lessons/x.yml": LESSON.replace("body: {zh: 正文, en: Body}", "body: {zh: 正文, en: Body, fr: Corps}")})
    assert lines == ["content/lessons/x.yml:9:30: error: unknown language 'fr': the site has zh, en "
                     "(declare other languages under extra_languages in site_config.yml)"]


def test_language_code_typo_gets_a_suggestion(project) -> None:
    lines = project({"content/lessons/x.yml": LESSON.replace("title: {zh: 开场, en: Opening}", "title: {zh: 开场, eng: Opening}")})
    assert "content/lessons/x.yml:7:21: error: unknown language 'eng': the site has zh, en (did you mean `en`?)" in lines


def test_extra_language_text_must_say_who_supplied_it(project, make_project, tmp_path: Path) -> None:
    config = (Path(__file__).resolve().parents[1] / "generator/scaffold_template/site_config.yml").read_text(encoding="utf-8")
    config += "extra_languages: {lic: {name: {zh: 黎语, en: Hlai}}}\n"
    hlai = LESSON.replace("title: {zh: 开场, en: Opening}", "title: {zh: 开场, en: Opening, lic: Opening-lic}")
    lines = project({"site_config.yml": config, "content/lessons/x.yml": hlai})
    assert lines == ["content/lessons/x.yml:7:34: error: text in 'lic' must say who supplied it: add `supplied_by: {lic: …}` to this item"]
    supplied = hlai + "supplied_by: {lic: {zh: 一位黎语教师, en: A Hlai-speaking teacher}}\n"
    assert problems(make_project(tmp_path / "q", {"site_config.yml": config, "content/lessons/x.yml": supplied})) == []


def test_supplied_by_an_undeclared_language(project) -> None:
    lines = project({"content/lessons/x.yml": LESSON + "supplied_by: {lic: 某人}\n"})
    assert lines == ["content/lessons/x.yml:10:15: error: 'lic' is not an extra language of the site (declare it under extra_languages)"]


# --- images and photos ------------------------------------------------------------------------


def lesson_with_image(image: str) -> str:
    return LESSON + f"    image: {image}\n"


@pytest.mark.parametrize(
    "image,expected",
    [
        ("{src: images/missing.png, alt: 缺}", "content/lessons/x.yml:10:18: error: image not found: content/images/missing.png"),
        ("{src: ../site_config.yml, alt: 图}",
         "content/lessons/x.yml:10:18: error: image path '../site_config.yml' must be relative to content/ and stay inside it (no leading /, no ..)"),
        ("{src: images/../../x.png, alt: 图}",
         "content/lessons/x.yml:10:18: error: image path 'images/../../x.png' must be relative to content/ and stay inside it (no leading /, no ..)"),
        ("{src: /etc/passwd, alt: 图}",
         "content/lessons/x.yml:10:18: error: image path '/etc/passwd' must be relative to content/ and stay inside it (no leading /, no ..)"),
        ("{src: 'images\\\\p.png', alt: 图}",
         "content/lessons/x.yml:10:18: error: image path 'images\\\\p.png' must be relative to content/ and stay inside it (no leading /, no ..)"),
        ("{src: 'https://cdn.example.com/p.png', alt: 图}",
         "content/lessons/x.yml:10:18: error: image address 'https://cdn.example.com/p.png' points to another host: the site must work offline; put the file under content/ and give its path"),
        ("{src: //cdn.example.com/p.png, alt: 图}",
         "content/lessons/x.yml:10:18: error: image address '//cdn.example.com/p.png' points to another host: the site must work offline; put the file under content/ and give its path"),
        ("{src: images/p.png}",
         "content/lessons/x.yml:10:12: error: image 'images/p.png' has no alt text: add `alt: {zh: …, en: …}` describing it"),
        ("{src: images/notes.txt, alt: 图}",
         "content/lessons/x.yml:10:18: error: image 'images/notes.txt' is not a web image (.gif, .jpeg, .jpg, .png, .svg, .webp)"),
    ],
)
def test_image_rules(project, image: str, expected: str) -> None:
    lines = project({"content/lessons/x.yml": lesson_with_image(image), "content/images/p.png": PNG,
                     "content/images/notes.txt": "x"})
    assert expected in lines


def test_a_good_image_passes(project) -> None:
    assert project({"content/lessons/x.yml": lesson_with_image("{src: images/p.png, alt: {zh: 图, en: Picture}}"),
                    "content/images/p.png": PNG}) == []


def test_image_symlink_pointing_outside_content_is_refused(tmp_path: Path, make_project) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(PNG)
    root = make_project(tmp_path / "p", {"content/lessons/x.yml": lesson_with_image("{src: images/link.png, alt: {zh: 图, en: P}}")})
    os.symlink(secret, root / "content" / "images" / "link.png")
    assert problems(root) == ["content/lessons/x.yml:10:18: error: image 'images/link.png' lies outside content/ (a link?): refused"]


def test_image_folder_symlink_pointing_outside_is_refused(tmp_path: Path, make_project) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "p.png").write_bytes(PNG)
    root = make_project(tmp_path / "p", {"content/lessons/x.yml": lesson_with_image("{src: shared/p.png, alt: {zh: 图, en: P}}")})
    os.symlink(elsewhere, root / "content" / "shared")
    assert problems(root) == ["content/lessons/x.yml:10:18: error: image 'shared/p.png' lies outside content/ (a link?): refused"]


DONE_EVENT = EVENT.replace("status: planned", "status: done") + "report:\n  attendance: 40\n  photos:\n"


@pytest.mark.parametrize(
    "photo,expected",
    [
        ("    - {src: images/p.png, alt: {zh: 讲座, en: Talk}}",
         "content/events/e.yml:12:7: error: photo 'images/p.png' is not marked `consent: true`: publish only photos everyone shown agreed to"),
        ("    - {src: images/p.png, alt: {zh: 讲座, en: Talk}, consent: false}",
         "content/events/e.yml:12:7: error: photo 'images/p.png' is not marked `consent: true`: publish only photos everyone shown agreed to"),
        ("    - {src: images/p.png, consent: true}",
         "content/events/e.yml:12:7: error: photo 'images/p.png' has no alt text: add `alt: {zh: …, en: …}` describing it"),
    ],
)
def test_photo_rules(project, photo: str, expected: str) -> None:
    assert expected in project({"content/events/e.yml": DONE_EVENT + photo + "\n", "content/images/p.png": PNG})


def test_a_good_photo_passes(project) -> None:
    photo = "    - {src: images/p.png, alt: {zh: 讲座, en: Talk}, consent: true}\n"
    assert project({"content/events/e.yml": DONE_EVENT + photo, "content/images/p.png": PNG}) == []


def test_lecturer_photo_is_checked(project) -> None:
    lecturer = "name: {zh: 讲师, en: Lecturer}\nrole: police\nphoto: {src: images/none.png}\n"
    lines = project({"content/lecturers/l.yml": lecturer})
    assert lines == [
        "content/lecturers/l.yml:3:8: error: image 'images/none.png' has no alt text: add `alt: {zh: …, en: …}` describing it",
        "content/lecturers/l.yml:3:14: error: image not found: content/images/none.png",
    ]


# --- quizzes ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "quiz,expected",
    [
        (QUIZ.replace("{text: {zh: 乙, en: B}}", "{text: {zh: 乙, en: B}, correct: true}"),
         "quizzes/q.yml:7:7: error: a single-choice question needs exactly one option with `correct: true` (found 2)"),
        (QUIZ.replace("{text: {zh: 甲, en: A}, correct: true}", "{text: {zh: 甲, en: A}}"),
         "quizzes/q.yml:7:7: error: a single-choice question needs exactly one option with `correct: true` (found 0)"),
        (QUIZ.replace("type: single", "type: multiple").replace("{text: {zh: 甲, en: A}, correct: true}", "{text: {zh: 甲, en: A}}"),
         "quizzes/q.yml:7:7: error: a multiple-choice question needs at least one option with `correct: true`"),
        (QUIZ.replace("{text: {zh: 乙, en: B}}", "{text: {zh: 甲, en: A}}"), "quizzes/q.yml:7:7: error: two options have the same text"),
        (QUIZ + "  - {id: q1, type: true_false, prompt: {zh: 对吗, en: Right?}, answer: true}\n",
         "quizzes/q.yml:9:10: error: duplicate question id 'q1' in this quiz"),
        (QUIZ.replace("questions:", "draw: 5\nquestions:"), "quizzes/q.yml:2:7: error: draw is 5 but the quiz has only 1 questions"),
        (QUIZ + "  - id: q2\n    type: ordering\n    prompt: {zh: 排序, en: Order}\n    answer: [{zh: 一, en: One}, {zh: 一, en: One}]\n",
         "quizzes/q.yml:12:13: error: two items to order have the same text"),
        (QUIZ + "  - {id: q2, type: fill_blank, prompt: {zh: 填空, en: Fill}, answer: {zh: [冰毒], fr: [meth]}}\n",
         "quizzes/q.yml:9:79: error: unknown language 'fr'"),
    ],
)
def test_quiz_rules(project, quiz: str, expected: str) -> None:
    assert expected in project({"quizzes/q.yml": quiz})


def test_scenario_sub_questions_are_checked(project) -> None:
    quiz = QUIZ + """\
  - id: case
    type: scenario
    prompt: {zh: 案例, en: Case}
    questions:
      - id: sub
        type: single
        prompt: {zh: 问, en: Q}
        options: [{text: {zh: 甲, en: A}}, {text: {zh: 乙, en: B}}]
"""
    assert project({"quizzes/q.yml": quiz}) == [
        "quizzes/q.yml:16:18: error: a single-choice question needs exactly one option with `correct: true` (found 0)"]


# --- events -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "event,expected",
    [
        (EVENT.replace('end: "11:00"', 'end: "09:00"'), "content/events/e.yml:4:6: error: the event ends (09:00) before it starts (09:30)"),
        (EVENT.replace('end: "11:00"', 'end: "09:30"'), "content/events/e.yml:4:6: error: the event ends (09:30) before it starts (09:30)"),
        (EVENT + "report:\n  attendance: 10\n", "content/events/e.yml:9:1: error: a report belongs to a done event, but status is 'planned'"),
        (EVENT.replace("status: planned", "status: cancelled") + "report:\n  attendance: 10\n",
         "content/events/e.yml:9:1: error: a report belongs to a done event, but status is 'cancelled'"),
        (EVENT.replace("status: planned", "status: done"),
         "content/events/e.yml:8:9: warning: the event is done but has no `report:` (attendance, summary, photos)"),
        (EVENT.replace("status: planned", "status: done").replace("2026-06-26", "2099-06-26"),
         "content/events/e.yml:8:9: warning: the event is marked done but its date (2099-06-26) is still to come"),
        (EVENT.replace("status: planned", "status: cancelled"),
         "content/events/e.yml:8:9: warning: the event is cancelled: add `cancel_reason:` so visitors know why and whether it moves"),
    ],
)
def test_event_rules(project, event: str, expected: str) -> None:
    assert expected in project({"content/events/e.yml": event})


def test_a_cancelled_event_with_a_reason_and_a_past_done_event_pass(project) -> None:
    cancelled = EVENT.replace("status: planned", "status: cancelled") + "cancel_reason: {zh: 台风预警, en: Typhoon warning}\n"
    done = EVENT.replace("status: planned", "status: done") + "report:\n  attendance: 10\n"
    assert project({"content/events/c.yml": cancelled, "content/events/d.yml": done}) == []


def test_unquoted_times_are_compared_as_times(project) -> None:
    event = EVENT.replace('start: "09:30"', "start: 14:30").replace('end: "11:00"', "end: 9:00")
    assert project({"content/events/e.yml": event}) == ["content/events/e.yml:4:6: error: the event ends (09:00) before it starts (14:30)"]


# --- hostile text -----------------------------------------------------------------------------

RAW_HTML = "raw HTML <{tag}> is not allowed in Markdown text: write Markdown (only plain abbr, br, kbd, mark, small, sub, sup tags pass)"
BAD_LINK = "a link with a {scheme}: address is not allowed: link with http(s) addresses or to pages of this site"


@pytest.mark.parametrize(
    "body,message",
    [
        ("<script>alert(1)</script>", RAW_HTML.format(tag="script")),
        ("<SCRIPT src=x></SCRIPT>", RAW_HTML.format(tag="script")),
        ('<img src="x" onerror="alert(1)">', RAW_HTML.format(tag="img")),
        ('<a href="https://example.org">x</a>', RAW_HTML.format(tag="a")),
        ('<iframe src="https://evil.example"></iframe>', RAW_HTML.format(tag="iframe")),
        ('<br onclick="alert(1)">', RAW_HTML.format(tag="br")),
        ("<style>body{display:none}</style>", RAW_HTML.format(tag="style")),
        ("[click](javascript:alert(1))", BAD_LINK.format(scheme="javascript")),
        ("[click]( JavaScript:alert(1) )", BAD_LINK.format(scheme="javascript")),
        ("[click](<javascript:alert(1)>)", BAD_LINK.format(scheme="javascript")),
        ("[click](&#106;avascript:alert(1))", BAD_LINK.format(scheme="javascript")),
        ("[click](javascript&colon;alert(1))", BAD_LINK.format(scheme="javascript")),
        ("[click](java\nscript:alert(1))", BAD_LINK.format(scheme="javascript")),
        ("[click](java&#10;script:alert(1))", BAD_LINK.format(scheme="javascript")),
        ("[click][r]\n\n[r]: javascript:alert(1)", BAD_LINK.format(scheme="javascript")),
        ("<javascript:alert(1)>", BAD_LINK.format(scheme="javascript")),
        ("[x](vbscript:msgbox(1))", BAD_LINK.format(scheme="vbscript")),
        ("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", BAD_LINK.format(scheme="data")),
        ("[x](https://example.org/){: onclick=\"alert(1)\" }",
         "attribute lists such as {: key=value } are not allowed in text: they can add scripts to the page"),
        ("A paragraph\n{: onmouseover=alert(1) }",
         "attribute lists such as {: key=value } are not allowed in text: they can add scripts to the page"),
        ("![tracker](https://evil.example/pixel.png)",
         "image from another host (https://evil.example/pixel.png): the site must work offline; copy it into content/images/ and use a section `image:`"),
        ("![tracker](//evil.example/pixel.png)",
         "image from another host (//evil.example/pixel.png): the site must work offline; copy it into content/images/ and use a section `image:`"),
        ("![tracker][p]\n\n[p]: https://evil.example/pixel.png",
         "image from another host (https://evil.example/pixel.png): the site must work offline; copy it into content/images/ and use a section `image:`"),
        ("\\`<script>alert(1)\\`", RAW_HTML.format(tag="script")),  # escaped backticks make no code span
        ("`x\n<script>alert(1)</script>`", RAW_HTML.format(tag="script")),  # nor does a span across lines
        ("![local](images/p.png)",
         "images in Markdown text are not supported (images/p.png): use the section's `image:` field with alt text"),
    ],
)
def test_hostile_markdown_is_refused(project, body: str, message: str) -> None:
    lines = project({"content/lessons/x.yml": with_body(body)})
    assert f"content/lessons/x.yml:9:26: error: {message}" in lines, lines


@pytest.mark.parametrize(
    "body",
    [
        "换行<br>和<br/>上标<sup>2</sup>、<kbd>Ctrl</kbd>",
        "[中国禁毒网](https://www.nncc626.com/) 和 [测验](../quizzes/first-quiz.html)",
        "<https://www.nncc626.com/>",
        "[电子邮件](mailto:office@example.org)",
        "注意![重点]不是图片",
        "数学 {a, b} 与 {: .note }",
        "`<script>` 在代码里只是文字，``[x](javascript:y)`` 也是",
    ],
)
def test_harmless_markdown_passes(project, body: str) -> None:
    # markup only: an e-mail address is personal data unless site_config.yml lists it (tests/checks/test_checks_privacy.py)
    lines = [line for line in project({"content/lessons/x.yml": with_body(body, lang="zh")})
             if ": error:" in line and "personal data" not in line]
    assert lines == []


def test_every_text_field_is_checked_not_only_markdown_ones(project) -> None:
    event = EVENT.replace("status: planned", "status: cancelled") + 'cancel_reason: {zh: 下雨, en: "<script>alert(1)</script>"}\n'
    lines = project({"content/events/e.yml": event})
    assert f"content/events/e.yml:9:29: error: {RAW_HTML.format(tag='script')}" in lines


def test_site_config_texts_are_checked(project) -> None:
    config = (Path(__file__).resolve().parents[1] / "generator/scaffold_template/site_config.yml").read_text(encoding="utf-8")
    config += 'about: {zh: 关于我们, en: "[x](javascript:alert(1))"}\ntagline: 请拨打13812345678\n'
    lines = project({"site_config.yml": config})
    assert lines == [
        f"site_config.yml:15:23: error: {BAD_LINK.format(scheme='javascript')}",
        "site_config.yml:16:10: error: this text contains what looks like a mobile phone number: published material must never carry personal data",
        "site_config.yml:16:10: warning: no 'en' text: the 'zh' text is shown instead",
    ]


# --- privacy ----------------------------------------------------------------------------------

PHONE = "this text contains what looks like a mobile phone number: published material must never carry personal data"
ID_CARD = "this text contains what looks like an ID-card number: published material must never carry personal data"


@pytest.mark.parametrize(
    "text,message",
    [
        ("请拨打13812345678联系", PHONE),
        ("手机：138 1234 5678", PHONE),
        ("手机：138-1234-5678", PHONE),
        ("身份证号110101199003074518", ID_CARD),
        ("身份证号11010119900307451X", ID_CARD),
    ],
)
def test_personal_numbers_are_refused(project, text: str, message: str) -> None:
    lines = project({"content/lessons/x.yml": with_body(text, lang="zh")})
    assert f"content/lessons/x.yml:9:11: error: {message}" in lines


@pytest.mark.parametrize("text", ["禁毒热线12345", "2026年6月26日", "第2条", "约1000万人", "编号20260626001"])
def test_ordinary_numbers_are_not_personal_data(project, text: str) -> None:
    assert [line for line in project({"content/lessons/x.yml": with_body(text, lang="zh")}) if ": error:" in line] == []


def test_personal_numbers_in_titles_are_refused_too(project) -> None:
    lesson = LESSON.replace("title: {zh: 开场, en: Opening}", "title: {zh: 开场13812345678, en: Opening}")
    assert f"content/lessons/x.yml:7:12: error: {PHONE}" in project({"content/lessons/x.yml": lesson})


def test_example_help_centre_must_not_carry_a_phone_number(project) -> None:
    centre = "- id: c\n  name: {zh: 中心（示例）, en: Centre (example)}\n  region: haikou\n  phone: '0898-00000000'\n  example: true\n"
    assert project({"content/help_centres.yml": centre}) == [
        "content/help_centres.yml:4:10: error: an example entry must not carry a phone number: never invent a real-looking number"]


# --- other rules ------------------------------------------------------------------------------


def test_duplicate_section_ids(project) -> None:
    lesson = LESSON.replace("duration_minutes: 20", "duration_minutes: 30") + "  - id: intro\n    title: {zh: 二, en: Two}\n    minutes: 10\n    body: {zh: 正文, en: Body}\n"
    assert project({"content/lessons/x.yml": lesson}) == [
        "content/lessons/x.yml:10:9: error: duplicate section id 'intro' (also section 1)"]


def test_section_minutes_that_do_not_add_up_are_a_warning(project) -> None:
    assert project({"content/lessons/x.yml": LESSON.replace("duration_minutes: 20", "duration_minutes: 45")}) == [
        "content/lessons/x.yml:4:19: warning: the sections add up to 20 minutes but duration_minutes is 45"]


def test_declared_topics_are_the_only_ones_allowed(project, tmp_path: Path, make_project) -> None:
    config = SCAFFOLD.joinpath("site_config.yml").read_text(encoding="utf-8") + "topics:\n  new-drugs: {zh: 新型毒品, en: New drugs}\n"
    lesson = LESSON + "topics: [new-drug, new-drugs]\n"
    assert project({"site_config.yml": config, "content/lessons/x.yml": lesson}) == [
        "content/lessons/x.yml:10:10: error: unknown topic 'new-drug' (did you mean `new-drugs`?)"]
    lecturer = "name: {zh: 讲师, en: Lecturer}\nrole: police\ntopics: [new-drugs, drug-law]\n"
    assert problems(make_project(tmp_path / "q", {"site_config.yml": config, "content/lecturers/x.yml": lecturer})) == [
        "content/lecturers/x.yml:3:21: error: unknown topic 'drug-law' (known: new-drugs)"]


# --- plain language for primary pupils --------------------------------------------------------

LONG = "放学路上如果有不认识的叔叔阿姨拿着好看的糖果饮料要送给你吃一定不要接受"
WITH_PRIMARY = (SCAFFOLD / "site_config.yml").read_text(encoding="utf-8").replace(
    "audiences:\n", "audiences:\n  primary: {zh: 小学生, en: Primary school pupils}\n")


@pytest.fixture
def primary(project):
    """``project`` with a ``primary`` audience in site_config.yml."""
    return lambda files: project({"site_config.yml": WITH_PRIMARY, **files})


def test_a_long_sentence_in_a_primary_lesson_is_a_warning_at_its_field(primary) -> None:
    lesson = LESSON.replace("[middle]", "[primary]").replace("body: {zh: 正文, en: Body}", f"body: {{zh: {LONG}。, en: Body}}")
    assert primary({"content/lessons/x.yml": lesson}) == [
        f"content/lessons/x.yml:9:11: warning: a sentence of {len(LONG)} characters; for primary pupils keep "
        f"sentences to 25 or fewer (at “{LONG[:8]}”)"]


def test_the_same_text_for_older_students_passes(project) -> None:
    lesson = LESSON.replace("body: {zh: 正文, en: Body}", f"body: {{zh: {LONG}。, en: Body}}")
    assert project({"content/lessons/x.yml": lesson}) == []


def test_speaker_notes_of_a_primary_lesson_are_not_checked(primary) -> None:
    lesson = LESSON.replace("[middle]", "[primary]") + f"    notes: {{zh: {LONG}。, en: Notes}}\n"
    assert primary({"content/lessons/x.yml": lesson}) == []


def test_the_quiz_of_a_primary_lesson_is_checked_and_glossary_words_are_allowed(primary) -> None:
    lesson = LESSON.replace("[middle]", "[primary]") + "quiz: q\nglossary: [craving]\n"
    quiz = QUIZ.replace("哪个对？", "什么是心瘾？什么是成瘾？")
    glossary = (SCAFFOLD / "content" / "glossary.yml").read_text(encoding="utf-8") + "craving:\n  term: {zh: 心瘾, en: Craving}\n  definition: {zh: 想吸毒的念头。, en: The urge to use.}\n"
    lines = primary({"content/lessons/x.yml": lesson, "quizzes/q.yml": quiz, "content/glossary.yml": glossary})
    assert lines == ["quizzes/q.yml:5:13: warning: “瘾” is not a common character; for primary pupils use a common "
                     "word, or teach it as a glossary term of the lesson (at “是心瘾？什么是成瘾？”)"]


@pytest.mark.parametrize(
    "body,warned",
    [
        ("- 水果\n  - 苹果\n  - 香蕉", True),  # 2 spaces: Python-Markdown flattens this
        ("1. 第一步\n   - 细节", True),  # 3 spaces under a numbered item
        ("- 水果\n    - 苹果", False),  # 4 spaces: a real sub-list
        ("- 一\n- 二\n\n段落\n\n  - 缩进的新列表", False),  # a paragraph ended the first list
        ("- 一\n\n- 二", False),
    ],
)
def test_sub_lists_indented_less_than_four_spaces_are_flagged(project, body: str, warned: bool) -> None:
    lines = [line for line in project({"content/lessons/x.yml": with_body(body, lang="zh")}) if "sub-list needs 4 spaces" in line]
    assert bool(lines) == warned, lines
    if warned:
        assert lines[0].startswith("content/lessons/x.yml:") and ": warning:" in lines[0]


# --- internal links ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body,expected",
    [
        ("见[开场](lesson:x#intro)、[求助](page:help)和[冰毒](glossary:methamphetamine)", None),
        ("见[开场](lesson:y)", "error: unknown lesson 'y' (known: first-lesson, x)"),
        ("见[开场](lesson:x#intr)", "error: lesson 'x' has no section 'intr' (did you mean `intro`?)"),
        ("见[求助](page:helps)", "error: unknown page (for page: links) 'helps' (did you mean `help`?)"),
        ("见[冰毒](glossary:meth)", "error: unknown glossary term 'meth' (known: methamphetamine)"),
        ("见[测验](quiz:first-quiz#a)", "error: a quiz: link takes no #section (only lesson: links do)"),
    ],
)
def test_internal_links_must_name_a_target(project, body: str, expected: str | None) -> None:
    lines = [line for line in project({"content/lessons/x.yml": with_body(body, lang="zh")}) if ": error:" in line]
    if expected is None:
        assert lines == []
    else:
        assert len(lines) == 1 and lines[0].startswith("content/lessons/x.yml:") and lines[0].endswith(expected), lines


def test_training_after_names_modules_and_has_no_cycle(project) -> None:
    module = "title: {zh: 甲, en: A}\ncredit_hours: 1\nunits: [first-lesson]\n"
    lines = project({"content/training/a.yml": module + "after: [b]\n", "content/training/b.yml": module + "after: [a]\n",
                     "content/training/c.yml": module + "after: [nope]\n"})
    errors = [line for line in lines if ": error:" in line]
    assert any(line.startswith("content/training/a.yml:") and "comes after itself" in line for line in errors), errors
    assert any(line.startswith("content/training/c.yml:") and "unknown training module 'nope'" in line for line in errors), errors
