"""Readings: polyphones, the 一/不 and neutral-tone conventions, overrides, the CLI line, the eval set."""

from __future__ import annotations

import re

import pytest

from generator.zh import Pinyin, load_domain_phrases, plain_pypinyin_line, validate_overrides
from generator.zh.pinyin import validate_syllable

# (text, expected line): polyphones the issue names, and ones plain pypinyin gets wrong.
POLYPHONES = [
    ("期限为三年", "qī xiàn wéi sān nián"),
    ("他被认定为吸毒成瘾", "tā bèi rèn dìng wéi xī dú chéng yǐn"),
    ("为了孩子", "wèi le hái zi"),
    ("这家银行为社区提供场地", "zhè jiā yín háng wèi shè qū tí gōng chǎng dì"),
    ("违法行为", "wéi fǎ xíng wéi"),
    ("社工要着力帮助他", "shè gōng yào zhuó lì bāng zhù tā"),
    ("他晚上睡不着", "tā wǎn shang shuì bù zháo"),
    ("随着时间推移", "suí zhe shí jiān tuī yí"),
    ("依法处罚", "yī fǎ chǔ fá"),
    ("街道办事处", "jiē dào bàn shì chù"),
    ("处五日以下拘留", "chǔ wǔ rì yǐ xià jū liú"),
    ("乐东和澄迈", "lè dōng hé chéng mài"),
    ("音乐", "yīn yuè"),
    ("依法没收毒品", "yī fǎ mò shōu dú pǐn"),
    ("毛发检测", "máo fà jiǎn cè"),
    ("禁毒专干", "jìn dú zhuān gàn"),
    ("人民调解和调查", "rén mín tiáo jiě hé diào chá"),
    ("重复很重要", "chóng fù hěn zhòng yào"),
    ("他还在戒毒，还款也按时", "tā hái zài jiè dú huán kuǎn yě àn shí"),
    ("使用了当地方言", "shǐ yòng le dāng dì fāng yán"),
    ("每学期都会开展", "měi xué qī dōu huì kāi zhǎn"),
    ("认真地做着笔记", "rèn zhēn de zuò zhe bǐ jì"),
    ("做得很好", "zuò de hěn hǎo"),
    ("一条很长的路", "yī tiáo hěn cháng de lù"),
    ("上头电子烟", "shàng tóu diàn zǐ yān"),
    ("强制隔离戒毒", "qiáng zhì gé lí jiè dú"),
    ("治安管理处罚法", "zhì ān guǎn lǐ chǔ fá fǎ"),
]


@pytest.mark.parametrize(("text", "expected"), POLYPHONES)
def test_polyphones(reader: Pinyin, text: str, expected: str) -> None:
    assert reader.line(text) == expected


HAINAN = {
    "海口": "hǎi kǒu", "三亚": "sān yà", "三沙": "sān shā", "儋州": "dān zhōu", "五指山": "wǔ zhǐ shān",
    "琼海": "qióng hǎi", "文昌": "wén chāng", "万宁": "wàn níng", "东方": "dōng fāng", "定安": "dìng ān",
    "屯昌": "tún chāng", "澄迈": "chéng mài", "临高": "lín gāo", "白沙": "bái shā", "昌江": "chāng jiāng",
    "乐东": "lè dōng", "陵水": "líng shuǐ", "保亭": "bǎo tíng", "琼中": "qióng zhōng",
}  # fmt: skip


def test_all_nineteen_hainan_divisions(reader: Pinyin) -> None:
    assert len(HAINAN) == 19
    domain = {p.word: " ".join(p.syllables) for p in load_domain_phrases()}
    for name, reading in HAINAN.items():
        assert domain[name] == reading, name
        assert reader.line(f"宣讲团去{name}。") == f"xuān jiǎng tuán qù {reading}", name


def test_yi_bu_citation_tones(reader: Pinyin) -> None:
    # pypinyin itself writes sandhi in some phrases (一般 yì bān, 不要 bú yào) but not in others.
    assert plain_pypinyin_line("一般") == "yì bān"
    assert plain_pypinyin_line("不要") == "bú yào"
    assert reader.line("一般一样一定一起一切") == "yī bān yī yàng yī dìng yī qǐ yī qiè"
    assert reader.line("不要不是不会对不起差不多") == "bù yào bù shì bù huì duì bù qǐ chà bù duō"


def test_domain_dictionary_follows_conventions() -> None:
    phrases = load_domain_phrases()
    assert len(phrases) > 200
    for phrase in phrases:
        assert len(phrase.syllables) == len(phrase.word)
        for ch, syl in zip(phrase.word, phrase.syllables, strict=True):
            assert validate_syllable(syl) is None, (phrase.word, syl)
            if ch == "一":
                assert syl == "yī", phrase.word
            if ch == "不":
                assert syl == "bù", phrase.word


def test_neutral_tone_lexical_but_not_positional(reader: Pinyin) -> None:
    assert reader.line("朋友们") == "péng you men"
    assert reader.line("小朋友") == "xiǎo péng you"
    assert reader.line("黑板上") == "hēi bǎn shàng"  # positional: citation tone
    assert reader.line("东西南北") == "dōng xī nán běi"  # exception to 东西 dōng xi


def test_line_contract_format(reader: Pinyin) -> None:
    line = reader.line("“K粉”是氯胺酮，吸毒3年！HIV…… 6·26国际禁毒日")
    assert line == "fěn shì lǜ àn tóng xī dú nián guó jì jìn dú rì"
    assert re.fullmatch(r"[a-zü\u0300-\u036f\u00e0-\u01dc]+( [a-zü\u00e0-\u01dc]+)*", line)
    assert "  " not in line and line == line.strip()
    assert reader.line("HIV, 123 !?") == ""
    assert reader.line("") == ""
    # one syllable per Han character, whatever the text
    text = "禁毒社工教孩子们识别毒品。"
    assert len(reader.line(text).split(" ")) == len(re.findall(r"[\u4e00-\u9fff]", text))


def test_syllables_pairs(reader: Pinyin) -> None:
    assert reader.syllables("K粉。") == [("K", None), ("粉", "fěn"), ("。", None)]


def test_overrides_apply_and_take_precedence() -> None:
    plain = Pinyin()
    assert plain.line("乐东") == "lè dōng"
    custom = Pinyin({"乐东": "yuè dōng", "K粉": "fěn", "蒲公英": "pú gōng yīng"})
    assert custom.line("去乐东黎族自治县") == "qù yuè dōng lí zú zì zhì xiàn"
    assert custom.line("K粉和粉") == "fěn hé fěn"
    assert custom.line("一个人") == plain.line("一个人")
    # an override may set 一/不 otherwise: it is the editor's explicit choice
    assert Pinyin({"一样": "yí yàng"}).line("一样") == "yí yàng"


@pytest.mark.parametrize(
    ("overrides", "fragment"),
    [
        ({"乐东": "lè"}, "has 2 Han character(s) but 'lè' has 1"),
        ({"乐东": "lè dōng xiàn"}, "but 'lè dōng xiàn' has 3"),
        ({"乐东": "le4 dong1"}, "use tone marks, not tone numbers (write 'lè')"),
        ({"乐东": "lè dnog"}, "'dnog' is not a pinyin syllable"),
        ({"好": "hǎó"}, "more than one tone mark"),
        ({"乐东": "Lè dōng"}, "lowercase"),
        ({"贵": "gùi"}, "'gùi': tone mark on the wrong vowel (write 'guì')"),
        ({"ABC": "a"}, "contains no Han character"),
        ({"乐东": 3}, "must be a string"),
    ],
)
def test_bad_overrides_raise_clear_errors(overrides: dict, fragment: str) -> None:
    with pytest.raises(ValueError) as info:
        Pinyin(overrides)
    assert fragment in str(info.value)
    assert any(fragment in p for p in validate_overrides(overrides))


def test_all_override_problems_are_reported_at_once() -> None:
    problems = validate_overrides({"乐东": "lè", "澄迈": "cheng2 mài", "好": "hǎo"})
    assert len(problems) == 2
    assert validate_overrides({}) == [] and validate_overrides(None) == []


def test_valid_syllables() -> None:
    for syl in ["lǜ", "nǚ", "lüè", "ér", "er", "zhuàng", "de", "ā", "guì", "liú", "ǒu", "n"]:
        assert validate_syllable(syl) is None, syl
    for bad in ["", "lv4", "xx", "gùi", "liǔu"]:
        assert validate_syllable(bad) is not None, bad


def test_cache_reuses_runs() -> None:
    reader = Pinyin()
    text = "珍爱生命，远离毒品！" * 5
    reader.line(text)
    info = reader.cache_info()
    assert info.misses == 2 and info.hits == 8  # two distinct runs, each seen five times


def test_eval_set_is_large_and_read_100_percent(reader: Pinyin, tsv) -> None:
    rows = tsv("pinyin_eval.tsv")
    assert len(rows) >= 300
    assert len({s for s, _ in rows}) == len(rows), "duplicate sentences"
    wrong = [(s, reader.line(s), e) for s, e in rows if reader.line(s) != e]
    assert wrong == []


def test_domain_dictionary_beats_plain_pypinyin(reader: Pinyin, tsv) -> None:
    for name in ["pinyin_eval.tsv", "pinyin_holdout.tsv", "pinyin_everyday.tsv"]:
        rows = tsv(name)
        ours = sum(reader.line(s) == e for s, e in rows)
        plain = sum(plain_pypinyin_line(s) == e for s, e in rows)
        assert ours > plain, name


# Sentences of pinyin_everyday.tsv the reader still gets wrong, each with the reason; keep this list tiny.
# The test fails if one of them starts reading right (then remove it) or if any other sentence is wrong.
KNOWN_EXCEPTIONS = {
    # jieba cuts 字长/得 ("character length" + 得): 长 never reaches the 长得 phrase or the 得 rule as a verb.
    "这两个字长得差不多。": "zhè liǎng gè zì zhǎng dé chà bù duō",
}


def test_everyday_set_is_read_100_percent_but_for_known_exceptions(reader: Pinyin, tsv) -> None:
    rows = tsv("pinyin_everyday.tsv")
    assert len(rows) >= 200
    assert len({s for s, _ in rows}) == len(rows), "duplicate sentences"
    domain = {s for s, _ in tsv("pinyin_eval.tsv") + tsv("pinyin_holdout.tsv")}
    assert not domain.intersection(s for s, _ in rows), "the everyday set must be new sentences"
    wrong = {s: reader.line(s) for s, e in rows if reader.line(s) != e}
    assert wrong == KNOWN_EXCEPTIONS
    assert len(KNOWN_EXCEPTIONS) <= 3
