"""GIFT export against Moodle's published format, and GIFT import of our files, Moodle's and bad ones."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from interop_helpers import FULL_QUIZ, CheckYaml, build_quiz, load_quiz_yaml

from generator import model
from generator.errors import DandelionError
from generator.interop import QuestionBankError, export_gift, import_file, import_gift
from generator.interop.common import MOODLE_GRADES
from generator.interop.gift import escape

# --- export ------------------------------------------------------------------------------------


def test_escape_reserved_characters_like_moodle() -> None:
    assert escape("a~b=c#d{e}f:g") == "a\\~b\\=c\\#d\\{e\\}f\\:g"
    assert escape("back\\slash") == "back\\\\slash"
    assert escape("line\r\nnext\rthird") == "line\\nnext\\nthird"
    assert escape("无需转义：中文冒号，%50% [x] -> //") == "无需转义：中文冒号，%50% [x] -> //"


def _blocks(text: str) -> list[str]:
    """Question blocks without comment lines, as Moodle splits a file (at blank lines)."""
    out = []
    for block in text.split("\n\n"):
        lines = [ln for ln in block.splitlines() if not ln.strip().startswith("//")]
        if lines:
            out.append("\n".join(lines))
    return out


def test_gift_layout_per_type(full_quiz: model.Quiz) -> None:
    result = export_gift(full_quiz, "zh", "zh")
    blocks = _blocks(result.text)
    assert blocks[0] == "$CATEGORY: $course$/top/全部题型：{测试} //// 第一套".replace("////", "//")
    single, multiple, tf_false, tf_true, fill, ordering, case, case_a, case_b = blocks[1:]
    assert single.startswith("::s1::[markdown]单选题：冰毒的化学名称是什么？\\{注意\\} \\~ \\= \\# \\:{\n")
    assert single.splitlines()[1:] == [
        "\t=甲基苯丙胺 `</script>`",
        "\t~氯胺酮 \\= K粉",
        "\t~%0%%50% 吗啡",
        "\t~[markdown][html]可卡因",
        "\t####第一段：《禁毒法》第二条。\\n\\n第二段 \\#标签 \\{括号\\}",
        "}",
    ]
    assert multiple.splitlines()[1:] == ["\t~%50%奶茶粉", "\t~%50%跳跳糖", "\t~%-50%课本", "}"]
    assert multiple.startswith("::m1::[markdown]多选题：哪些是毒品的伪装？\\n\\n- 列表项\\n- 第二项{")
    assert tf_false == "::t1::[markdown]包装精美的饮品一定安全。{FALSE####错。}"
    assert tf_true == "::t2::[markdown]禁毒工作实行预防为主的方针。{TRUE}"
    assert fill.splitlines()[1:] == ["\t=甲基苯丙胺", "\t=甲基安非他明", "\t####见《禁毒法》第二条。", "}"]
    assert ordering.splitlines()[1:] == ["\t=传统毒品 -&gt; 第一代 -> 1", "\t=合成毒品 `</script>` -> 2", "\t=新精神活性物质 -> 3", "}"]
    assert case == "::case-1::[markdown]案例：小林在聚会上拿到一包“奶茶粉”。"
    assert "{" not in case  # a description has no answer block
    assert case_a.startswith("::case-1/case-1-a::[markdown]最稳妥的做法是？{")
    assert case_b.startswith("::case-1/case-1-b::[markdown]应当告诉____。{")
    assert result.warnings == ["o1: ordering exported as a matching question (each item ↔ its position 1…3)"]


def test_gift_blocks_never_hold_a_blank_line(full_quiz: model.Quiz) -> None:
    """Moodle ends a question at a blank line: paragraph breaks must be escaped."""
    text = export_gift(full_quiz, "en", "zh").text
    for block in text.split("\n\n"):
        assert block.strip(), "two blank lines in a row"
        if re.search(r"(?<!\\)\{", block.replace("\\\\", "")):  # an answer block, not an escaped brace
            assert block.rstrip().endswith("}"), block


@pytest.mark.parametrize("n_right, weight", [(1, "100"), (2, "50"), (3, "33.33333"), (6, "16.66667"), (7, "14.28571"), (9, "11.11111")])
def test_multiple_choice_weights_are_moodle_grades(n_right: int, weight: str) -> None:
    options = [{"text": f"right {i}", "correct": True} for i in range(n_right)] + [{"text": "wrong"}]
    quiz = build_quiz({"id": "w", "title": "t", "questions": [{"id": "q1", "type": "multiple", "prompt": "p", "options": options}]})
    result = export_gift(quiz, "zh", "zh")
    assert f"\t~%{weight}%right 0\n" in result.text
    assert f"\t~%-{weight}%wrong\n" in result.text
    assert float(weight) in MOODLE_GRADES
    assert abs(float(weight) * n_right - 100) < 0.001
    assert "=" not in result.text.split("{", 1)[1]  # no "=": Moodle makes it a multiple-answer question
    assert result.warnings == []


def test_more_right_options_than_moodle_grades_warns() -> None:
    options = [{"text": f"right {i}", "correct": True} for i in range(11)] + [{"text": "wrong"}]
    quiz = build_quiz({"id": "w", "title": "t", "questions": [{"id": "q1", "type": "multiple", "prompt": "p", "options": options}]})
    result = export_gift(quiz, "zh", "zh")
    assert "\t~%5%right 0\n" in result.text
    assert result.warnings == ["q1: Moodle has no grade for 1/11; each right option was given 5%"]


def test_language_choice_and_fallback_warning() -> None:
    quiz = build_quiz({"id": "l", "title": {"zh": "标题", "en": "Title"}, "questions": [
        {"id": "q1", "type": "true_false", "prompt": {"zh": "中文", "en": "English"}, "answer": True},
        {"id": "q2", "type": "true_false", "prompt": "只有中文", "answer": False},
        {"id": "q3", "type": "fill_blank", "prompt": {"zh": "填", "en": "Fill"}, "answer": {"zh": ["甲"]}},
    ]})
    en = export_gift(quiz, "en", "zh")
    assert "::q1::[markdown]English{TRUE}" in en.text
    assert "::q2::[markdown]只有中文{FALSE}" in en.text
    assert "$CATEGORY: $course$/top/Title" in en.text
    assert en.warnings[0].startswith("no 'en' text in q2, q3:")
    zh = export_gift(quiz, None, "zh")
    assert "::q1::[markdown]中文{TRUE}" in zh.text
    assert zh.warnings == []


def test_settings_and_review_links_are_reported_as_not_exported() -> None:
    quiz = build_quiz({"id": "s", "title": "t", "pass_mark": 80, "draw": 1, "questions": [
        {"id": "q1", "type": "true_false", "prompt": "p", "answer": True, "lesson": "first-lesson"},
    ]})
    warnings = export_gift(quiz, "zh", "zh").warnings
    assert any("review links" in w for w in warnings)
    assert any("pass_mark, draw" in w for w in warnings)


def test_fill_blank_star_is_escaped_for_moodle_wildcards() -> None:
    quiz = build_quiz({"id": "s", "title": "t", "questions": [
        {"id": "q1", "type": "fill_blank", "prompt": "p", "answer": ["a*b", "%50%"]},
    ]})
    text = export_gift(quiz, "zh", "zh").text
    assert "\t=a\\\\*b\n" in text  # GIFT \\ → Moodle reads a\*b: a literal star
    assert "\t=%100%%50%\n" in text  # a leading %n% would be read as a weight


# --- import of what Moodle users write ------------------------------------------------------------

MOODLE_DOCS_SAMPLE = """\
// true/false
::Q1:: 1+1=2 {T}

// multiple choice with specified feedback for right and wrong answers
::Q2:: What's between orange and green in the spectrum?
{ =yellow # right; good! ~red # wrong, it's yellow ~blue # wrong, it's yellow }

// fill-in-the-blank
::Q3:: Two plus {=two =2} equals four.

// matching
::Q4:: Which animal eats which food? { =cat -> cat food =dog -> dog food }

// math range question
::Q5:: What is a number from 1 to 5? {#3:2}

// math range specified with interval end points
::Q6:: What is a number from 1 to 5? {#1..5}

// multiple numeric answers with partial credit and feedback
::Q7:: When was Ulysses S. Grant born? {#
         =1822:0      # Correct! Full credit.
         =%50%1822:2  # He was born in 1822. Half credit for being close.
}

// essay
::Q8:: How are you? {}

// multiple answers
What two people are entombed in Grant's tomb? {
   ~%-100%No one
   ~%50%Grant
   ~%50%Grant's wife
   ~%-100%Grant's father
}

Grant is {~buried =entombed ~living} in Grant's tomb.

Grant is buried in Grant's tomb.{FALSE}

::Ordering::[html]<p>Put in <b>order</b>:</p>{
  =<p>first</p> -> 1
  =second -> 2
}
"""


def test_import_of_moodle_documentation_examples(tmp_path: Path, check_yaml: CheckYaml) -> None:
    path = tmp_path / "moodle-sample.gift"
    path.write_text(MOODLE_DOCS_SAMPLE, encoding="utf-8")
    result = import_file(path, lang="en", default_lang="zh")
    quiz = load_quiz_yaml(result.yaml_text, result.quiz_id)
    by_id = {q.id: q for q in quiz.questions}
    assert [q.type for q in quiz.questions] == ["true_false", "single", "fill_blank", "fill_blank", "multiple", "single", "true_false", "ordering"]
    assert by_id["q1"].answer is True and by_id["q1"].prompt.get("en") == "1+1=2"
    q2 = quiz.questions[1]
    assert [(o.text.get("en"), o.correct) for o in q2.options] == [("yellow", True), ("red", False), ("blue", False)]
    q3 = quiz.questions[2]
    assert q3.prompt.get("en") == "Two plus _____ equals four." and q3.answer == {"en": ["two", "2"]}
    assert quiz.questions[3].answer == {"en": ["1822"]}
    multiple = quiz.questions[4]
    assert [(o.text.get("en"), o.correct) for o in multiple.options] == [
        ("No one", False), ("Grant", True), ("Grant's wife", True), ("Grant's father", False)]
    assert multiple.prompt.get("en") == "What two people are entombed in Grant's tomb?"
    assert quiz.questions[5].prompt.get("en") == "Grant is _____ in Grant's tomb."
    assert quiz.questions[6].answer is False
    ordering = quiz.questions[7]
    assert ordering.prompt.get("en") == "Put in **order**:"
    assert [t.get("en") for t in ordering.answer] == ["first", "second"]
    # names that are not ids give way to q1, q2 …; skipped questions are named in the warnings
    warnings = "\n".join(result.warnings)
    for expected in ("(Q4): a matching question", "(Q5): a numerical question with a tolerance",
                     "(Q6): a numerical question with a tolerance", "(Q8): an essay question", "(Q2): per-answer feedback"):
        assert expected in warnings, expected
    assert "question name 'Q1' is not an id" in warnings
    assert result.quiz_id == "moodle-sample"
    check_yaml(result.yaml_text, result.quiz_id)


def test_import_keeps_usable_names_and_numbers_the_rest(tmp_path: Path) -> None:
    text = "::intro-1::A?{T}\n\n::Not an id::B?{F}\n\nC?{T}\n\n::intro-1::D?{T}\n\n::q3::E?{F}\n"
    result = import_gift(text, source="x.gift", quiz_id="x", title="X")
    quiz = load_quiz_yaml(result.yaml_text, "x")
    assert [q.id for q in quiz.questions] == ["intro-1", "q2", "q3-x", "q4", "q3"]
    assert "line 3: question name 'Not an id' is not an id" in result.warnings[0]
    assert "line 7: question name 'intro-1' is used twice" in result.warnings[1]


def test_import_html_text_becomes_markdown(tmp_path: Path) -> None:
    text = ("::q1::[html]<p>Is <strong>this</strong> <em>safe</em>?<br>Line &amp; more &lt;tag&gt;</p>"
            "<ul><li>one</li><li>two</li></ul><img src='x.png'><script>alert(1)</script>{T####<p>Because.</p>}\n")
    result = import_gift(text, source="x.gift", quiz_id="x", title="X")
    quiz = load_quiz_yaml(result.yaml_text, "x")
    q = quiz.questions[0]
    assert q.prompt.get("zh") == "Is **this** *safe*?\nLine & more &lt;tag>\n\n- one\n- two"
    assert q.explanation.get("zh") == "Because."
    assert result.warnings == ["line 1: an image in the text could not be imported and was left out"]


def test_import_category_gives_the_title_and_gb18030_is_read(tmp_path: Path) -> None:
    path = tmp_path / "题库.txt"
    path.write_bytes("$CATEGORY: $course$/top/默认/禁毒 // 知识\n\n::q1::冰毒是毒品。{T}\n".encode("gb18030"))
    result = import_file(path)
    assert result.quiz_id == "ti-ku"
    assert "title: 禁毒 / 知识" in result.yaml_text
    assert result.warnings == ["题库.txt is not UTF-8; it was read as GB18030 (Chinese Windows). Save GIFT files as UTF-8 for Moodle"]


# --- bad GIFT files ---------------------------------------------------------------------------------


def _problems(text: str) -> list[str]:
    with pytest.raises(QuestionBankError) as caught:
        import_gift(text, source="bad.gift", quiz_id="bad", title="Bad")
    assert isinstance(caught.value, DandelionError)
    assert str(caught.value).startswith(f"bad.gift: {len(caught.value.problems)} problem")
    return caught.value.problems


def test_every_bad_question_is_listed_with_its_line() -> None:
    text = """// a comment
::ok::Fine{T}

::q2::Open brace only {=a

::q3::Two blocks {=a} and {=b}

// comment before the question: the line is the question's own
::q4::Two right answers {=a =b ~c}

::q5::One answer {~a}

::q6::Nothing right {~%0%a ~%-50%b}

::q7::Only half right {=%50%half}

::q8::Empty answer {=a ~ ~c}

::q9::{T}
"""
    assert _problems(text) == [
        "line 4: unbalanced braces: the answers go between { and }; write a literal brace as \\{ or \\}",
        "line 6: more than one {…} answer block in one question (separate questions with a blank line; escape literal braces)",
        "line 9: 2 answers are marked right with =; a single-choice question has exactly one (for several right answers write ~%50%A ~%50%B …)",
        "line 11: a multiple-choice question needs at least two answers",
        "line 13: no answer has a positive weight (~%50%…), so none is right",
        "line 15: the short-answer question has no answer worth 100% (write {=answer})",
        "line 17: answer 2 is empty",
        "line 19: the question has no text",
    ]


def test_unterminated_name_and_empty_file() -> None:
    assert _problems("::q1 Forgot the end{T}\n") == [
        "line 1: the question name starts with :: but never ends with :: (escape a colon in text as \\:)"]
    assert _problems("// only a comment\n\n   \n") == [
        "no questions found (GIFT questions look like ::q1::Text{=right ~wrong}, separated by blank lines)"]


def test_only_skipped_questions_is_an_error() -> None:
    assert _problems("::e::Essay{}\n") == [
        "no questions found (GIFT questions look like ::q1::Text{=right ~wrong}, separated by blank lines)"]


def test_duplicate_options_are_refused_like_dandelion_check() -> None:
    # the model's own rule, placed at the GIFT line the question starts on
    assert _problems("::q1::Pick{=a ~a}\n") == ["line 1 (options): two options have the same text"]


def test_unknown_files_are_refused(tmp_path: Path) -> None:
    csv = tmp_path / "bank.csv"
    csv.write_text("id,type\n", encoding="utf-8")
    with pytest.raises(QuestionBankError, match=r"unknown kind of file '\.csv'"):
        import_file(csv)
    with pytest.raises(QuestionBankError, match="file not found"):
        import_file(tmp_path / "missing.gift")
    binary = tmp_path / "bank.gift"
    binary.write_bytes(b"\xff\xfe\x00\x81\x30\x81")
    with pytest.raises(QuestionBankError, match="neither UTF-8 nor GB18030"):
        import_file(binary)


def test_full_quiz_scenario_without_subquestions_in_gift_is_skipped_with_warning() -> None:
    text = "::case::Only a case text, no questions after it\n\n::q1::Then this.{T}\n"
    result = import_gift(text, source="x.gift", quiz_id="x", title="X")
    assert result.question_count == 1
    assert result.warnings == ["line 1: a description with no questions named 'case/…' after it is not a question: skipped"]


def test_reimport_of_export_in_english_keeps_every_type(tmp_path: Path, check_yaml: CheckYaml) -> None:
    quiz = build_quiz(FULL_QUIZ)
    text = export_gift(quiz, "en", "zh").text
    result = import_gift(text, source="full.gift", quiz_id="full", title="x", lang="en", default_lang="zh")
    assert result.question_count == quiz.scored_count
    loaded = check_yaml(result.yaml_text, "full")
    assert [q.type for q in loaded.questions] == [q.type for q in quiz.questions]
