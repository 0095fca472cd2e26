"""generator.checks.privacy: every published string is searched for personal data, at its file:line."""

from __future__ import annotations

from pathlib import Path

import pytest
from samples import EVENT, LESSON, png

from generator.checks.privacy import names_near_drug_use, privacy_problems

SCAFFOLD = Path(__file__).resolve().parents[2] / "generator" / "scaffold_template"
SCAFFOLD_CONFIG_END = "pinyin_overrides: {}\n"
PHONE = "this text contains what looks like a mobile phone number: published material must never carry personal data"
LANDLINE = "this text contains what looks like a phone number: published material must never carry personal data"


def lesson_body(body: str) -> str:
    return LESSON.replace("body: {zh: 正文, en: Body}", f"body: {{zh: '{body}', en: Body}}")


@pytest.mark.parametrize("number", ["+86 138 1234 5678", "0086-13812345678", "86-138-1234-5678", "138.1234.5678",
                                    "１３８１２３４５６７８"])
def test_phone_numbers_written_any_way_are_refused_at_their_line(lines, number: str) -> None:
    assert f"content/lessons/x.yml:9:11: error: {PHONE}" in lines({"content/lessons/x.yml": lesson_body(f"请拨打{number}")})


@pytest.mark.parametrize("text,kind", [
    ("身份证 110101 19900307 4518", "an ID-card number"),
    ("旧身份证 110101900307451", "an ID-card number"),
    ("卡号4111 1111 1111 1111", "a bank card number"),
    ("请写信到 wang.wei@163.com", "an e-mail address"),
])
def test_other_personal_data_is_refused(lines, text: str, kind: str) -> None:
    message = f"this text contains what looks like {kind}: published material must never carry personal data"
    assert f"content/lessons/x.yml:9:11: error: {message}" in lines({"content/lessons/x.yml": lesson_body(text)})


def test_fill_in_answers_are_checked(lines) -> None:
    quiz = """\
title: {zh: 测验, en: Quiz}
questions:
  - id: q1
    type: fill_blank
    prompt: {zh: 举报电话是？, en: Which number?}
    answer: ["13812345678"]
"""
    assert lines({"quizzes/q.yml": quiz}) == [f"quizzes/q.yml:6:14: error: {PHONE}"]


def test_a_real_help_centres_phone_must_be_in_the_allow_list(lines) -> None:
    centre = "- id: c\n  name: {zh: 中心, en: Centre}\n  region: haikou\n  phone: '0898-65123456'\n"
    assert lines({"content/help_centres.yml": centre}) == [
        "content/help_centres.yml:4:10: error: the phone number '0898-65123456' is not listed under `public_numbers` "
        "in site_config.yml: publish only a centre's checked office number, and list it there"]
    config = SCAFFOLD_CONFIG_END + "public_numbers: ['0898 6512 3456']\n"
    assert lines({"content/help_centres.yml": centre, "site_config.yml": _config(config)}) == []
    example = centre.replace("region: haikou", "region: haikou\n  example: true")
    assert lines({"content/help_centres.yml": example}) == [
        "content/help_centres.yml:5:10: error: an example entry must not carry a phone number: never invent a "
        "real-looking number"]


def test_public_numbers_pass_in_texts_too_and_only_they(lines) -> None:
    config = _config(SCAFFOLD_CONFIG_END + "public_numbers: ['0898-65123456', office@example.org]\n")
    body = "热线0898-65123456，邮件office@example.org"
    assert lines({"site_config.yml": config, "content/lessons/x.yml": lesson_body(body)}) == []
    assert lines({"content/lessons/x.yml": lesson_body("热线0898-65123456")}) == [f"content/lessons/x.yml:9:11: error: {LANDLINE}"]


def test_media_file_names_are_checked(lines) -> None:
    lesson = LESSON + "    image: {src: images/wang-13812345678.png, alt: {zh: 图, en: Picture}}\n"
    assert lines({"content/lessons/x.yml": lesson, "content/images/wang-13812345678.png": png()}) == [
        f"content/lessons/x.yml:10:18: error: the file name 'images/wang-13812345678.png': {PHONE}; rename the file"]


def test_config_labels_are_checked(lines) -> None:
    config = _config(SCAFFOLD_CONFIG_END).replace("haikou: {zh: 海口市, en: Haikou}", "haikou: {zh: 海口市 13812345678, en: Haikou}")
    assert f"site_config.yml:13:11: error: {PHONE}" in lines({"site_config.yml": config})


def test_a_name_next_to_drug_use_in_a_photo_is_a_warning(lines) -> None:
    event = (EVENT.replace("status: planned", "status: done") + "report:\n  attendance: 40\n  photos:\n"
             "    - {src: images/p.png, alt: {zh: 戒毒人员李小明在讲台上, en: A talk}, consent: true}\n")
    assert lines({"content/events/e.yml": event, "content/images/p.png": png()}) == [
        "content/events/e.yml:12:37: warning: “李小明” looks like a person's name next to drug use: a picture must not "
        "tell who uses drugs or is in treatment; describe the scene without names"]


@pytest.mark.parametrize("text,names", [
    ("张伟吸毒", ["张伟"]), ("民警帮助张伟戒毒", ["张伟"]), ("吸毒人员：欧阳娜娜", ["欧阳娜娜"]),
    ("Zhang-Wei-rehab.jpg", ["Zhang-Wei"]), ("吸毒 Li Ming", ["Li Ming"]),
    ("戒毒人员王某", []), ("严禁吸毒", []), ("高中生吸毒的危害", []), ("强制隔离戒毒所的民警", []), ("海南省戒毒管理局", []),
    ("Hainan Province volunteers", []),
])
def test_names_near_drug_use(text: str, names: list[str]) -> None:
    assert names_near_drug_use(text) == names


def test_privacy_problems_keep_one_message_and_honour_the_allow_list() -> None:
    assert privacy_problems("热线 0898-65123456") == [LANDLINE]
    assert privacy_problems("热线 0898-65123456", ["0898-65123456"]) == []


def _config(tail: str) -> str:
    return (SCAFFOLD / "site_config.yml").read_text(encoding="utf-8").replace(SCAFFOLD_CONFIG_END, tail)
