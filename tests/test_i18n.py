"""The string catalogue: complete in every language, every id used exists, a third language is one file."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

import generator
from generator import i18n

PACKAGE = Path(generator.__file__).parent

#: A literal message id in Python or a template: gettext("kit.plan"), ngettext('site.n_lessons', n).
USED = re.compile(r"""\bn?gettext\(\s*(["'])((?:site|kit|quiz|training|roster|date)\.[\w-]+)\1(?=\s*[,)]|\s+if)""")
#: A message id built from a prefix: gettext('site.status_' ~ status), gettext("kit." + kind).
BUILT = re.compile(r"""\bn?gettext\(\s*(["'])((?:site|kit|quiz|training|roster|date)\.[\w-]*)\1\s*(?:~|\+)""")
#: Any other literal string in a conditional inside gettext( … ): gettext("kit.a" if x else "kit.b").
CONDITIONAL = re.compile(r"""\b(?:if|else)\s+(["'])((?:site|kit|quiz|training|roster|date)\.[\w-]+)\1""")


#: Messages given more values than each language uses: an article number in digits ({n}) and in
#: Chinese numerals ({cn}), each language picks one.
CHOOSE_FROM = {"site.article": {"n", "cn"}, "kit.article": {"n", "cn"}}


def _messages(lang: str) -> dict[str, str | tuple[str, ...]]:
    catalog = i18n.read_catalogue(lang)
    assert catalog is not None
    return {(m.id[0] if m.pluralizable else m.id): m.string for m in catalog if m.id}


def _sources() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*")) if p.suffix in {".py", ".j2"} and "__pycache__" not in p.parts]


def _fields(text: str | tuple[str, ...]) -> set[str]:
    texts = (text,) if isinstance(text, str) else text
    return {name for t in texts for _, name, _, _ in string.Formatter().parse(t) if name}


def test_the_shipped_languages_have_catalogues() -> None:
    assert i18n.languages() == ["en", "zh"]


@pytest.mark.parametrize("lang", i18n.languages())
def test_every_catalogue_is_complete_and_keeps_the_placeholders(lang: str) -> None:
    english, messages = _messages("en"), _messages(lang)
    assert set(messages) == set(english), "a catalogue has ids the English one has not (or lacks some)"
    empty = [key for key, text in messages.items() if not text or (not isinstance(text, str) and not all(text))]
    assert not empty, f"untranslated in {lang}: {empty}"
    wrong = [key for key in english if key not in CHOOSE_FROM and _fields(messages[key]) != _fields(english[key])]
    wrong += [key for key, allowed in CHOOSE_FROM.items() if not _fields(messages[key]) or _fields(messages[key]) - allowed]
    assert not wrong, f"placeholders differ from English in {lang}: {wrong}"


def test_every_message_id_used_in_code_and_templates_exists() -> None:
    known = set(_messages("en"))
    used: dict[str, str] = {}
    prefixes: dict[str, str] = {}
    for path in _sources():
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(PACKAGE).as_posix()
        for found in (*USED.finditer(text), *CONDITIONAL.finditer(text)):
            used.setdefault(found[2], where)
        for found in BUILT.finditer(text):
            prefixes.setdefault(found[2], where)
    assert len(used) > 180, "the pattern no longer finds the calls"
    missing = {msgid: where for msgid, where in used.items() if msgid not in known}
    assert not missing, f"message ids used but in no catalogue: {missing}"
    empty_prefixes = {p: where for p, where in prefixes.items() if not any(k.startswith(p) for k in known)}
    assert not empty_prefixes, f"built ids with no message under the prefix: {empty_prefixes}"
    assert set(prefixes) >= {"site.status_", "site.role_", "kit."}


def test_built_ids_exist_for_every_value_the_model_allows() -> None:
    from generator import model

    known = set(_messages("en"))
    for status in model.Event.model_fields["status"].annotation.__args__:
        assert f"site.status_{status}" in known
    for role in model.Lecturer.model_fields["role"].annotation.__args__:
        assert f"site.role_{role}" in known


def test_plurals_follow_each_language() -> None:
    english, chinese = i18n.catalogue("en"), i18n.catalogue("zh")
    assert [english.ngettext("kit.pages", n) for n in (1, 2)] == ["1 page", "2 pages"]
    assert [chinese.ngettext("kit.pages", n) for n in (1, 2)] == ["1页", "2页"]
    assert [english.ngettext("site.audiences", n) for n in (1, 3)] == ["Audience", "Audiences"]
    assert english.ngettext("site.n_lessons", 1) == "1 lesson" and chinese.ngettext("site.n_lessons", 4) == "4门"


def test_dates_and_lists_as_people_write_them() -> None:
    day = dt.date(2026, 12, 4)
    english, chinese = i18n.catalogue("en"), i18n.catalogue("zh")
    assert chinese.format_date(day) == "2026年12月4日"
    assert chinese.format_date(day, weekday=True) == "2026年12月4日（星期五）"
    assert english.format_date(day) == "4 December 2026"
    assert english.format_date(day, weekday=True) == "Friday 4 December 2026"
    assert chinese.format_list(["甲", "乙", "丙"]) == "甲、乙、丙"
    assert english.format_list(["a", "b", "c"]) == "a, b, c"
    assert english.format_list([]) == "" and chinese.format_list(["甲"]) == "甲"


def test_javascript_tables_keep_keys_and_give_plurals_by_category() -> None:
    quiz = i18n.catalogue("zh").table("quiz")
    assert quiz["submit"] == "提交答案" and "site.home" not in quiz and "home" not in quiz
    assert i18n.catalogue("en").table("training")["credit_hours"] == "{h} credit hours"
    assert all(isinstance(text, str) for text in quiz.values())  # no plural in the quiz table today


def test_a_missing_message_is_an_error_not_its_id() -> None:
    with pytest.raises(KeyError, match=r"site\.no_such_word"):
        i18n.catalogue("en").gettext("site.no_such_word")


def test_a_third_language_is_one_new_catalogue(tmp_path: Path) -> None:
    """A French catalogue with two entries: French where given, English then Chinese behind it."""
    locale_dir = tmp_path / "locale"
    for lang in ("zh", "en"):
        shutil.copytree(i18n.LOCALE_DIR / lang, locale_dir / lang)
    french = Catalog(locale="fr", domain=i18n.DOMAIN)
    french.add("site.home", "Accueil")
    french.add(("kit.pages", "kit.pages"), ("{n} page", "{n} de pages", "{n} pages"))  # one, many, other
    french.add(("kit.lessons", "kit.lessons"), ("Cours", "", ""))  # half done: English instead
    french.add("date.long", "d MMMM y")
    french.add("date.long_weekday", "EEEE d MMMM y")
    path = i18n.catalogue_path("fr", locale_dir)
    path.parent.mkdir(parents=True)
    with path.open("wb") as out:
        write_po(out, french)
    # an entry English lacks falls back to Chinese
    english_path = i18n.catalogue_path("en", locale_dir)
    with english_path.open("rb") as source:
        english = read_po(source)
    english.delete("site.module")
    with english_path.open("wb") as out:
        write_po(out, english)

    assert i18n.languages(locale_dir) == ["en", "fr", "zh"]
    strings = i18n.Catalogue("fr", locale_dir)
    assert strings.gettext("site.home") == "Accueil"
    assert strings.gettext("site.lessons") == "Lessons"  # English behind French
    assert strings.gettext("site.module") == "培训模块"  # then Chinese
    assert [strings.ngettext("kit.pages", n) for n in (1, 2, 10**6)] == ["1 page", "2 pages", "1000000 de pages"]
    assert strings.ngettext("kit.lessons", 1) == "Talk"
    assert strings.format_date(dt.date(2026, 12, 4), weekday=True) == "vendredi 4 décembre 2026"
    table = i18n.Catalogue("fr", locale_dir).table("kit")
    assert table["pages"] == {"one": "{n} page", "many": "{n} de pages", "other": "{n} pages"}
    assert table["lessons"] == {"one": "Talk", "other": "Talks"}  # English, as the French is incomplete
    assert i18n.Catalogue("zh", locale_dir).table("kit")["pages"] == {"other": "{n}页"}


#: Chinese terms deliberately translated in two ways (the English reader needs the difference), and
#: English terms with two Chinese words. Anything else is one term, one translation.
SAME_TERM_TWO_WORDS = {
    "课程": {"lesson", "talk"},  # posters and event kits call what is given to the public a talk
    "第{cn}条": {"art. {n}", "article {n}"},  # abbreviated in the site's lists of references
    "结业证书": {"certificate", "certificate of completion"},  # the certificate's own heading is the long form
    "where to get help": {"求助指南", "哪里可以求助"},  # the site page's name / the handout's heading
    "lecturers": {"讲师团", "讲师"},  # the lecturer team's page / the lecturers of one event
    "key points": {"要点回顾", "要点"},  # site heading / shorter heading on paper
    "slogans": {"宣传口号", "口号"},
    "lessons": {"课程", "宣讲课程"},  # an event page lists the lessons given
}


def test_one_term_one_translation() -> None:
    """A Chinese word means one English word everywhere, and back (讲师提示 is "Speaker notes")."""

    def first(text: str | tuple[str, ...]) -> str:
        return (text if isinstance(text, str) else text[0]).strip()

    def english_key(text: str) -> str:
        return re.sub(r"s$", "", text.lower())  # singular and plural are one term

    chinese, english = _messages("zh"), _messages("en")
    english_for: dict[str, set[str]] = {}
    chinese_for: dict[str, set[str]] = {}
    for key in chinese:
        zh_text, en_text = first(chinese[key]), first(english[key])
        english_for.setdefault(zh_text, set()).add(english_key(en_text))
        chinese_for.setdefault(en_text.lower(), set()).add(zh_text)
    assert english_for["讲师提示"] == {"speaker note"}
    allowed = {term: {english_key(w) if term in english_for else w for w in words}
               for term, words in SAME_TERM_TWO_WORDS.items()}
    two = {zh: words for zh, words in english_for.items() if len(words) > 1 and words != allowed.get(zh)}
    two |= {en: words for en, words in chinese_for.items()
            if len(words) > 1 and words != allowed.get(en) and en not in {"、", ": ", "："}}
    two = {term: words for term, words in two.items() if term not in {"、", ":", "："}}  # punctuation
    assert not two, f"one term, several translations: {two}"


def test_no_string_table_keyed_by_language_outside_the_catalogue() -> None:
    """Words for the interface are not written as ``{"zh": …, "en": …}`` in code (the example
    question bank in interop/template.py is content, not interface)."""
    keyed = re.compile(r"""["'](?:zh|en)["']\s*:\s*[("'{]""")
    found = [
        f"{path.relative_to(PACKAGE).as_posix()}:{number}"
        for path in _sources() if path.suffix == ".py" and path.relative_to(PACKAGE).as_posix() != "interop/template.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if keyed.search(line)
    ]
    assert not found, f"strings keyed by language outside generator/locale: {found}"
