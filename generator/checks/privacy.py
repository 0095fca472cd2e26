"""Privacy: no published string carries personal data, and photos do not name people next to drug use.

Every string that reaches a reader is checked with :func:`generator.privacy.find_personal_data`: every
text of every kind and of ``site_config.yml`` (labels included), and the plain strings around them —
quiz fill-in answers, a help centre's ``phone``, media file names, ids (they become addresses). Numbers
the organisation publishes on purpose are listed in ``site_config.yml`` under ``public_numbers`` and pass;
a real help centre's ``phone`` must be one of them, so that publishing a number is always a decision
someone wrote down.

:func:`names_near_drug_use` is a warning, not a proof: see its docstring for what it finds and misses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from .. import model
from ..errors import Diagnostics
from ..privacy import KINDS, find_personal_data
from ..yamlload import Document, PathKey

_ADVICE = "published material must never carry personal data"


def privacy_problems(value: str, public_numbers: Sequence[str] = ()) -> list[str]:
    """What in one string looks like personal data: at most one message, for the most serious kind found
    (an ID card before a bank card before a phone number before an e-mail address)."""
    kinds = {finding.kind for finding in find_personal_data(value, public_numbers)}
    for kind, description in KINDS.items():
        if kind in kinds:
            return [f"this text contains what looks like {description}: {_ADVICE}"]
    return []


def check_privacy(text: model.Text, doc: Document, path: PathKey, diagnostics: Diagnostics,
                  public_numbers: Sequence[str] = ()) -> None:
    """Every language of ``text``, reported at the text."""
    for value in text.values.values():
        for message in privacy_problems(value, public_numbers):
            diagnostics.error(doc.loc(path), message, code="DL601")


def plain_strings(obj: Any, path: PathKey = ()) -> Iterator[tuple[PathKey, str]]:
    """Every plain string inside ``obj`` (not inside a :class:`~generator.model.Text`: those are checked
    as texts) with its YAML path: fill-in answers, phones, file names, ids, times."""
    return model.iter_instances(obj, str, path)


def check_plain_strings(obj: Any, doc: Document, base: PathKey, diagnostics: Diagnostics,
                        public_numbers: Sequence[str]) -> None:
    """The plain strings of one item (or of the configuration): file names, phones and the rest."""
    for path, value in plain_strings(obj, base):
        field = next((part for part in reversed(path) if isinstance(part, str)), "")
        if field == "phone":
            # an example entry may carry no phone at all: the model says so (one error, not two)
            if not getattr(obj, "example", False) and value.strip() and find_personal_data(value, public_numbers):
                diagnostics.error(doc.loc(path), f"the phone number {value!r} is not listed under `public_numbers` in "
                                  "site_config.yml: publish only a centre's checked office number, and list it there",
                                  code="DL602")
        elif field == "src":
            if problems := privacy_problems(value, public_numbers):
                diagnostics.error(doc.loc(path), f"the file name {value!r}: {problems[0]}; rename the file", code="DL603")
        else:
            for message in privacy_problems(value, public_numbers):
                diagnostics.error(doc.loc(path), message, code="DL601")


def check_item_privacy(project: model.Project, item: model.Strict, doc: Document, base: PathKey, diagnostics: Diagnostics) -> None:
    """An item's plain strings, and the names in its pictures' alt texts and file names."""
    check_plain_strings(item, doc, base, diagnostics, project.config.public_numbers)
    for path, image in model.iter_instances(item, model.Image, base):
        texts = [((*path, "src"), image.src)]
        if image.alt is not None:
            texts += [((*path, "alt", lang) if len(image.alt.values) > 1 else (*path, "alt"), value)
                      for lang, value in image.alt.values.items()]
        for where, value in texts:
            for name in names_near_drug_use(value):
                diagnostics.warning(doc.loc(where), f"“{name}” looks like a person's name next to drug use: a picture "
                                    "must not tell who uses drugs or is in treatment; describe the scene without names",
                                    code="DL604")


# --- names next to drug use -------------------------------------------------------------------

#: the most common Chinese surnames (about nine in ten people carry one), and the common double ones
_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
             "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
             "向汤符吉羊麦冼")
_DOUBLE_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "司徒", "东方", "皇甫", "令狐", "慕容")
#: characters that end a "name" early: the anonymised 某, and words that follow a surname-like character
#: in ordinary text (高中生, 管理, 方面 …)
_NOT_GIVEN = ("某人员者所局中生们的在和与及被会要不是了学校区村民警面法式向理复康家长"
              "禁经绝一末时上多吸戒毒期间后前里内外次年月日天正曾因已")
_DRUG_WORDS_ZH = "吸毒|戒毒"
_ZH_NAME = rf"(?:{'|'.join(_DOUBLE_SURNAMES)}|[{_SURNAMES}])(?:(?![{_NOT_GIVEN}])[\u4e00-\u9fff]){{1,2}}"
#: 张伟吸毒 / 张伟在戒毒 … and 吸毒人员张伟 / 戒毒学员：李小明 …
_ZH_BEFORE = re.compile(rf"({_ZH_NAME})(?:正在|在|曾|因|已)?(?:{_DRUG_WORDS_ZH})")
_ZH_AFTER = re.compile(rf"(?:{_DRUG_WORDS_ZH})(?:人员|学员|者|青年|男子|女子|患者)[：:，,、\s]?({_ZH_NAME})")
_LATIN_NAME = r"[A-Z][a-z]{1,15}[ _-][A-Z][a-z]{1,15}"
_DRUG_WORDS_LATIN = r"吸毒|戒毒|[Dd]rug[ _-](?:use|user|addict)s?|[Rr]ehab(?:ilitation)?|[Xx]idu|[Jj]iedu"
_LATIN_BEFORE = re.compile(rf"(?<![A-Za-z])({_LATIN_NAME})[\s,_\-:：，]{{0,3}}(?:(?:is|was|a|an|in|at)[ _-])*(?:{_DRUG_WORDS_LATIN})")
_LATIN_AFTER = re.compile(rf"(?:{_DRUG_WORDS_LATIN})[\s,_\-:：，]{{0,3}}({_LATIN_NAME})(?![A-Za-z])")


def names_near_drug_use(value: str) -> list[str]:
    """What looks like a person's full name right next to 吸毒/戒毒 (or drug use/rehab) in ``value``.

    A pragmatic heuristic for alt texts and file names, not a name detector. It finds a Chinese name of
    two or three characters starting with one of the ~120 most common surnames directly before 吸毒/戒毒
    (optionally 在/正在/曾/因/已 between) or after 吸毒人员/戒毒学员/吸毒者 …, and two capitalised Latin words
    (Zhang Wei, Zhang-Wei) next to 吸毒/戒毒/drug use/rehab/xidu/jiedu. It misses rare surnames, names
    further away in the sentence, lower-case pinyin (zhang-wei) and nicknames; it may take an ordinary word
    starting with a surname character for a name (it skips the usual ones: 高中生, 管理, 某). A warning, so
    an editor looks; it never blocks a build.
    """
    found = []
    for pattern in (_ZH_BEFORE, _ZH_AFTER, _LATIN_BEFORE, _LATIN_AFTER):
        for match in pattern.finditer(value):
            if match.group(1) not in found:
                found.append(match.group(1))
    return found
