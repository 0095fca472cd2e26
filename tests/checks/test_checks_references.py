"""generator.checks.references: topics when site_config.yml declares none."""

from __future__ import annotations

from samples import LESSON


def test_an_undeclared_topic_is_a_warning_when_the_config_declares_no_topics(lines) -> None:
    lesson = LESSON.replace("settings: [campus]\n", "settings: [campus]\ntopics: [new-drugs]\n")
    assert lines({"content/lessons/x.yml": lesson}) == [
        "content/lessons/x.yml:4:10: warning: topic 'new-drugs' is not declared: site_config.yml has no `topics:`, so "
        "the site shows the bare id; add `topics: {new-drugs: {zh: …, en: …}}` to site_config.yml"]


def test_a_lecturers_undeclared_topic_is_a_warning_too(lines) -> None:
    lecturer = "name: {zh: 讲师（示例）, en: Lecturer (example)}\nrole: police\ntopics: [drug-law]\n"
    assert lines({"content/lecturers/l.yml": lecturer}) == [
        "content/lecturers/l.yml:3:10: warning: topic 'drug-law' is not declared: site_config.yml has no `topics:`, "
        "so the site shows the bare id; add `topics: {drug-law: {zh: …, en: …}}` to site_config.yml"]
