"""generator.model: behaviour that lives on the typed model itself."""

from __future__ import annotations

from generator import model as m


def question(qid: str, texts: list[str], qtype: str = "single") -> m.SingleQuestion | m.MultipleQuestion:
    cls = m.SingleQuestion if qtype == "single" else m.MultipleQuestion
    options = [m.Option(text=m.Text({"zh": t, "en": t.upper()}), correct=i == 0) for i, t in enumerate(texts)]
    return cls(id=qid, type=qtype, prompt=m.Text({"zh": "问", "en": "Q"}), options=options)


def test_printed_options_are_a_stable_permutation() -> None:
    q = question("q1", ["甲", "乙", "丙", "丁"])
    first = q.printed_options()
    assert sorted(o.text.values["zh"] for o in first) == ["丁", "丙", "乙", "甲"]
    assert [o.text for o in q.printed_options()] == [o.text for o in first]
    again = question("q1", ["甲", "乙", "丙", "丁"])  # a new build of the same question
    assert [o.text.values["zh"] for o in again.printed_options()] == [o.text.values["zh"] for o in first]


def test_a_right_answer_written_first_is_not_always_first_on_paper() -> None:
    positions = {[o.correct for o in question(f"q{i}", ["对", "错一", "错二", "错三"]).printed_options()].index(True)
                 for i in range(40)}
    assert positions == {0, 1, 2, 3}


def test_ordering_question_is_never_printed_in_order() -> None:
    for n in range(2, 7):
        q = m.OrderingQuestion.model_validate(
            {"id": f"q{n}", "type": "ordering", "prompt": "p", "answer": [str(i) for i in range(n)]},
            context={"default_lang": "zh"})
        printed = q.printed_items()
        assert sorted(x.values["zh"] for x in printed) == [str(i) for i in range(n)]
        assert all(a is not b for a, b in zip(printed, q.answer, strict=True))


def test_answer_key_positions_match_the_printed_order() -> None:
    # identical item texts must still get their own positions
    q = m.OrderingQuestion.model_validate(
        {"id": "q-dup", "type": "ordering", "prompt": "p", "answer": ["冷静", "谈话", "冷静", "求助"]},
        context={"default_lang": "zh"})
    pairs = q.printed_with_positions()
    assert [item for item, _ in pairs] == q.printed_items()
    assert sorted(n for _, n in pairs) == [1, 2, 3, 4]
    assert all(q.answer[n - 1] is item for item, n in pairs)


def test_answer_key_prints_lookalike_answers_once_and_knows_blanks_in_prompts() -> None:
    q = m.FillBlankQuestion.model_validate(
        {"id": "q-class", "type": "fill_blank", "prompt": {"zh": "依托咪酯属于第____类精神药品。", "en": "Class ____"},
         "answer": {"zh": ["二", "2", "Ⅱ", "II", "２", "ii"], "en": ["II", "2"]}},
        context={"default_lang": "zh"})
    assert q.printed_answers("zh", "zh") == ["二", "2", "Ⅱ"]
    assert q.answers_for("zh", "zh") == ["二", "2", "Ⅱ", "II", "２", "ii"]  # the quiz still accepts all
    assert q.blank_in_prompt("zh", "zh")
    plain = q.model_copy(update={"prompt": m.Text({"zh": "冰毒的化学名称是什么？", "en": "What is it?"})})
    assert not plain.blank_in_prompt("zh", "zh")
