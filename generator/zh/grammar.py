"""Context rules for polyphones that no phrase list can settle: the next and previous words decide.

The reader (``generator.zh.pinyin``) cuts a Han run into jieba words, reads each (domain phrase, else
pypinyin) and then hands the words to ``apply_rules``. Each rule looks at one word, its neighbours and
their jieba part-of-speech tags (``core.word_tags``, jieba's dictionary table) and may replace the reading
of that word. Domain phrases and editor overrides are never changed by a rule: they are explicit choices.

The rules (each with the examples that motivated it, from issue 16 and the December 2026 review):

* 得 de after a verb or adjective before its complement (玩得很开心, 害得家破人亡, 高兴得跳起来);
  děi before a verb or adverb meaning "must" (你得告诉老师, 就得去, 这事得好好想想); dé ("get") before
  了/过/到 is pypinyin's own reading and stays;
* 地 de after an adverbial of two or more characters before a verb, adverb or preposition (得意地笑,
  大声地喊, 一步一步地走); 地 before a noun or at the end stays dì (种地, 两块地);
* reduplicated verbs read the verb reading: 数一数 shǔ, 量一量 liáng, 数了数;
* split verb–object forms: 上了坏人的当 / 上了当 dàng; 把钱还了, 还了钱 huán; 把他当朋友 dàng;
* measure words: 一场/这场 + activity chǎng, + weather, illness, events lived through cháng (一场大雨,
  哭了一场); 一处 chù;
* 着 zháo as a result complement before 了 (着了魔, 找着了), 觉 jiào as sleep (睡了一觉);
* 教 jiāo as a one-character verb (teach): 教孩子, 教我们唱歌 (教育, 请教 are words of their own);
* 长 zhǎng "grow" before a result or an object (长高, 长个子, 长了一身肉); 长长了 zhǎng cháng le;
* 背 bēi "carry on the back" before what is carried (背书包, 背着孩子, 背起背篓);
* 冲 chòng "towards, blunt" (冲着他笑, 冲我发火, 说话很冲);
* 扎 zā "tie" (扎紧, 扎住, 扎辫子); 闷 mēn "shut in" (闷在家里, 闷着);
* 种 zhòng the verb before a crop or after a modal (种不好地, 在地里种玉米, 会种).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generator.zh.core import word_set, word_tags

__all__ = ["Word", "apply_rules"]


@dataclass
class Word:
    """One jieba word of a run with its reading; ``fixed`` words (domain phrases) are never changed."""

    text: str
    syllables: list[str | None]
    fixed: bool = False

    @property
    def tag(self) -> str:
        return word_tags().get(self.text, "x")


# Word classes used by several rules ------------------------------------------------------------------------

# People a verb is done to or aimed at (教孩子, 冲孩子发火).
_PERSONS = word_set(
    "孩子 孩子们 学生 学生们 同学 同学们 小朋友 小朋友们 大家 村民 村民们 老人 妈妈 爸爸 奶奶 爷爷 弟弟 妹妹 哥哥 姐姐"
    " 儿子 女儿 家长 群众 居民 青少年 年轻人 新人 志愿者 人"
)
_DEGREE = word_set("很 太 挺 真 特别 非常 有点 有点儿 比较 更 最 好")
_NUMERAL_OR_DEMONSTRATIVE = re.compile(r"^[一二两三四五六七八九十百几每这那哪整半多上下]+$")

# 场 cháng: a spell of weather, an illness, something lived through (《现代汉语词典》: 用于事情的经过);
# chǎng: a show, a match, a meeting, a talk (用于文娱体育活动).
_CHANG_NOUNS = word_set(
    "雨 大雨 暴雨 小雨 雪 大雪 风 大风 台风 病 大病 重病 梦 噩梦 美梦 误会 灾难 灾 战争 大战 风波 官司 大火 火灾 车祸"
    " 空 空欢喜 虚惊 劫难 浩劫 悲剧 闹剧 变故 意外 事故 教训 苦 痛 危机 噩运"
)
_CARRIED = word_set(
    "书包 包 背包 孩子 小孩 娃 娃娃 弟弟 妹妹 老人 奶奶 爷爷 行李 背篓 竹篓 篓 柴 柴火 米 水 袋子 麻袋 东西 病人 伤员"
    " 他 她 我 你 它 宝宝"
)
_CROPS = word_set(
    "地 田 菜 树 花 稻 水稻 稻谷 庄稼 果树 槟榔 橡胶 甘蔗 瓜 西瓜 玉米 胡椒 香蕉 茶 粮食 番薯 红薯 芒果 椰子 蔬菜 药材"
    " 罂粟 大麻 辣椒 花生"
)
_BEFORE_CROP = word_set("了 不 好 不好 得 过 着 完 上 满 点 些 一些")
_MODAL = word_set("会 能 要 在 去 来 都 也 还 不 没 没有 想 开始 帮 学 学会 不会 不能 正在 继续")
# Verbs whose reduplicated form (X一X, X了X) or aspect form (X了, X一下) reads the verb reading of a polyphone.
_VERB_READING = {"数": "shǔ", "量": "liáng", "称": "chēng", "教": "jiāo", "转": "zhuàn", "盛": "chéng", "缝": "féng"}
_NOT_VERB_BEFORE_DE = word_set("就 还 也 都 必须 一定 总 只 非 可 又 先 再 总是 真")


def _reading(word: Word, i: int, syllable: str) -> None:
    word.syllables[i] = syllable


def _at(words: Sequence[Word], i: int) -> Word | None:
    return words[i] if 0 <= i < len(words) else None


def _text(words: Sequence[Word], i: int) -> str:
    word = _at(words, i)
    return word.text if word else ""


def _tag(words: Sequence[Word], i: int) -> str:
    word = _at(words, i)
    return word.tag if word else ""


# The rules ------------------------------------------------------------------------------------------------


def _de_or_dei(words: Sequence[Word], i: int) -> None:
    """得: de after a verb/adjective before its complement, děi "must" before a verb."""
    following, before = _text(words, i + 1), _at(words, i - 1)
    if not following or following in ("了", "过", "到", "着"):
        return
    verb_before = before and before.text not in _NOT_VERB_BEFORE_DE and before.tag[:1] in ("v", "a", "b", "i", "l")
    degree = (
        following in _DEGREE or following[:1] in "很太挺真更最" or following in ("十分", "越来越", "那么", "这么", "不")
    )
    must = _tag(words, i + 1)[:1] in ("v", "d", "p") or following in ("先", "好好", "马上", "赶紧", "赶快")
    reduplicated = len(following) == 2 and following[0] == following[1]  # 得/问问: jieba tags some of them n
    if verb_before or degree:  # 得/很快: děi never comes before a degree word
        _reading(words[i], 0, "de")
    elif must or reduplicated:
        _reading(words[i], 0, "děi")


_NOT_ADVERBIAL = ("n", "s", "f", "q", "p", "r", "t", "u")
_VERB_FOLLOWS = ("v", "d", "p", "l", "i")
_MANNER_TAGS = ("a", "z", "d", "i", "l", "b")
_NOT_AFTER_ADVERBIAL = word_set("是 在 有 为 成为 位于 里 上 下 中")
# Stems jieba tags as nouns that still make a manner adverbial with 地 (伤心地哭).
_MANNER_NOUNS = word_set("伤心 悲伤 熟练 耐心 虔诚 自愿 幸福 礼貌 热心 细心 用心 专心 安心 放心 小心 信心")


def _verb_follows(words: Sequence[Word], i: int) -> bool:
    """A verb, adverb or preposition follows (or a word starting with a verb: 唱歌, which jieba tags n)."""
    following = _text(words, i + 1)
    if not following or following in _NOT_AFTER_ADVERBIAL:
        return False
    return _tag(words, i + 1).startswith(_VERB_FOLLOWS) or word_tags().get(following[0], "x").startswith("v")


def _adverbial(stem: str, tag: str) -> bool:
    """Whether ``stem`` (with jieba tag ``tag``) can be an adverbial before 地: not a noun, place or number."""
    reduplicated = len(stem) >= 2 and stem[-1] == stem[-2]
    return reduplicated or stem in _MANNER_NOUNS or not tag.startswith(_NOT_ADVERBIAL)


def _structural_di(words: Sequence[Word], i: int) -> None:
    """地: de after an adverbial of two or more characters, before a verb, an adverb or a preposition.

    Also the last character of jieba's own adverbial words (伤心地, 悄悄地) before a verb.
    """
    word = words[i]
    if len(word.text) >= 3:  # 伤心地/哭: one jieba word
        stem = word.text[:-1]
        manner = word.tag.startswith(("z", "i", "l", "d")) or word_tags().get(stem, "x").startswith(_MANNER_TAGS)
        reduplicated = stem[-1] == stem[-2]
        if _verb_follows(words, i) and (manner or reduplicated or stem in _MANNER_NOUNS):  # not 居住地, 目的地
            _reading(word, len(word.text) - 1, "de")
        return
    before = _at(words, i - 1)
    if before is None or len(before.text) < 2 or before.text[-1] in "块亩片分垄":
        return
    if _adverbial(before.text, before.tag) and _verb_follows(words, i):
        _reading(word, 0, "de")


def _clause_start(words: Sequence[Word], i: int, reach: int = 6) -> int:
    return max(0, i - reach)


def _dang(words: Sequence[Word], i: int) -> None:
    """当 dàng: the object of 上 split off (上了坏人的当, 上了当) or 把 X 当 Y (treat as)."""
    earlier = [w.text for w in words[_clause_start(words, i) : i]]
    split_object = _text(words, i - 1) in ("的", "了", "过") and any(t in ("上", "上了", "上过") for t in earlier)
    treat_as = "把" in earlier and _text(words, i + 1) not in ("时", "中", "天", "年", "初", "然", "地")
    if split_object or treat_as:
        _reading(words[i], 0, "dàng")


_RETURNED = word_set("钱 债 款 书 账 贷款 借款 欠款 东西 伞")


def _huan(words: Sequence[Word], i: int) -> None:
    """还 huán "give back": before 了/过 or a thing lent (把钱还了, 还了钱, 还书), or ending a clause (要按时还);
    the adverb hái always has something after it."""
    following = _text(words, i + 1)
    done = following in ("了", "过") and _text(words, i + 2) != "得"
    if done or following in _RETURNED or not following:
        _reading(words[i], 0, "huán")


def _measure_chang(words: Sequence[Word], i: int) -> None:
    """场 after a numeral or demonstrative: cháng for weather, illness, events lived through; else chǎng."""
    word = words[i]
    position = len(word.text) - 1
    if position > 0 and not _NUMERAL_OR_DEMONSTRATIVE.match(word.text[:-1]):
        return
    if position == 0 and not _NUMERAL_OR_DEMONSTRATIVE.match(_text(words, i - 1)[-1:] or "x"):
        return
    following = _text(words, i + 1)
    if following in ("大", "小") or following.endswith("的"):
        following = _text(words, i + 2)
    lived = following in _CHANG_NOUNS or not following  # 哭了一场, 病了一场: the spell itself
    _reading(word, position, "cháng" if lived else "chǎng")


def _measure_chu(words: Sequence[Word], i: int) -> None:
    """处 chù as a measure word after a numeral (一处, 几处, 多处)."""
    word = words[i]
    if len(word.text) >= 2 and _NUMERAL_OR_DEMONSTRATIVE.match(word.text[:-1]):
        _reading(word, len(word.text) - 1, "chù")


def _zhao(words: Sequence[Word], i: int) -> None:
    """着 zháo: a result complement before 了 (着了魔, 找着了, 猜着了)."""
    after = _text(words, i + 2)
    if _text(words, i + 1) == "了" and (
        after in ("魔", "迷", "火", "凉") or _text(words, i - 1) in ("找", "猜", "碰", "见", "够", "摸")
    ):
        _reading(words[i], 0, "zháo")


def _jiao_sleep(words: Sequence[Word], i: int) -> None:
    """觉 jiào "a sleep" after 一, 个, 午, 好 (睡了一觉, 睡个好觉)."""
    if _text(words, i - 1)[-1:] in ("一", "个", "午", "好", "大", "懒"):
        _reading(words[i], 0, "jiào")


def _teach(words: Sequence[Word], i: int) -> None:
    """教 alone is the verb jiāo "teach" (教孩子, 教我们唱歌); 教育, 教室, 请教 are words of their own."""
    _reading(words[i], 0, "jiāo")


def _zhang(words: Sequence[Word], i: int) -> None:
    """长 zhǎng "grow" before a result or what grows (长高, 长个子, 长出, 长了一身); 长长了 zhǎng cháng le."""
    word, following = words[i], _text(words, i + 1)
    if word.text == "长长":
        if following == "了":
            word.syllables[:] = ["zhǎng", "cháng"]
        return
    if _text(words, i - 1) in _DEGREE:
        return
    grows = following in (
        "高",
        "胖",
        "出",
        "满",
        "成",
        "大",
        "个子",
        "个儿",
        "胡子",
        "头发",
        "牙",
        "肉",
        "草",
        "痘",
        "胖了",
        "高了",
    )
    if grows or (following == "了" and _text(words, i + 2)[:1] in ("一", "个", "很", "不", "些")):
        _reading(word, 0, "zhǎng")


def _skip_to_object(words: Sequence[Word], j: int) -> int:
    """Index of the object after a verb: past aspect and direction words (着, 起, 了) and a number with its
    measure word (背着/一捆/柴, 扎着/两条/辫子)."""
    while _text(words, j) in ("着", "起", "上", "了", "起来", "好") or _tag(words, j).startswith(("m", "q")):
        j += 1
    return j


def _carry(words: Sequence[Word], i: int) -> None:
    """背 bēi "carry on the back" before what is carried (背书包, 背着孩子, 背起背篓, 背他去医院)."""
    j = _skip_to_object(words, i + 1)
    if _text(words, j) in _CARRIED:
        _reading(words[i], 0, "bēi")


def _chong(words: Sequence[Word], i: int) -> None:
    """冲 chòng "towards, at; blunt": 冲着他, 冲我发火, 说话很冲 (冲过来, 冲凉 stay chōng)."""
    word, following, before = words[i], _text(words, i + 1), _text(words, i - 1)
    towards = word.text == "冲着" or _tag(words, i + 1)[:1] == "r" or following in _PERSONS
    blunt = before in _DEGREE or (not following and before in ("说话", "口气", "语气", "脾气"))
    if towards or blunt:
        _reading(word, 0, "chòng")


def _za(words: Sequence[Word], i: int) -> None:
    """扎 zā "tie" (扎住, 扎成, 扎好袋口); 扎针, 扎根, 扎实 stay zhā."""
    tied = ("头发", "辫子", "小辫", "马尾", "口袋", "袋口", "袋子", "鞋带")
    following = _text(words, i + 1)
    if (
        following in ("紧", "住", "成", "起", "起来", "好", "口", "一下")
        or _text(words, _skip_to_object(words, i + 1)) in tied
    ):
        _reading(words[i], 0, "zā")


def _men(words: Sequence[Word], i: int) -> None:
    """闷 mēn "shut in, keep quiet" before 在/着/头/声 (闷在家里); 烦闷, 心里闷 stay mèn."""
    if _text(words, i + 1) in ("在", "着", "头", "声", "不", "着头"):
        _reading(words[i], 0, "mēn")


def _zhong(words: Sequence[Word], i: int) -> None:
    """种 zhòng the verb before a crop (种不好地, 种玉米) or after a modal (会种); 这种, 一种 stay zhǒng."""
    before = _text(words, i - 1)
    if before and _NUMERAL_OR_DEMONSTRATIVE.match(before[-1]):
        return
    j = i + 1
    while _text(words, j) in _BEFORE_CROP or _tag(words, j).startswith(("m", "q")):
        j += 1
    aspect = _text(words, i + 1) in ("了", "过", "着")  # 种了十几亩槟榔, 种着椰子树
    after_modal = before in _MODAL and _text(words, i + 1) not in ("的", "人", "类", "方式", "情况")
    if aspect or after_modal or _text(words, j) in _CROPS or _text(words, j).endswith("树"):
        _reading(words[i], 0, "zhòng")


def _reduplicated_verb(words: Sequence[Word], i: int) -> None:
    """数一数, 量一量, 数了数: the verb reading of a polyphone, in one jieba word or three."""
    word = words[i]
    text = word.text
    if len(text) == 3 and text[0] == text[2] and text[1] in "一了" and text[0] in _VERB_READING:
        word.syllables[0] = word.syllables[2] = _VERB_READING[text[0]]
    elif text in _VERB_READING and (
        (_text(words, i + 1) in ("一", "了") and _text(words, i + 2).startswith(text))  # 量/一/量血压
        or (_text(words, i - 1) in ("一", "了") and _text(words, i - 2).endswith(text))
        or _text(words, i + 1) in ("一下", "一下儿", "了", "着", "过", "到", "清", "不清", "钱", "身高", "体重", "尺寸")
    ):
        _reading(word, 0, _VERB_READING[text])


Rule = Callable[[Sequence[Word], int], None]

_BY_WORD: dict[str, Rule] = {
    "得": _de_or_dei,
    "地": _structural_di,
    "当": _dang,
    "还": _huan,
    "着": _zhao,
    "觉": _jiao_sleep,
    "教": _teach,
    "长": _zhang,
    "长长": _zhang,
    "背": _carry,
    "背着": _carry,
    "冲": _chong,
    "冲着": _chong,
    "扎": _za,
    "闷": _men,
    "种": _zhong,
    "场": _measure_chang,
}


def _rule_for(text: str) -> Rule | None:
    rule = _BY_WORD.get(text)
    if rule is not None:
        return rule
    if text[-1:] == "场" and len(text) >= 2:
        return _measure_chang
    if text[-1:] == "处" and len(text) >= 2:
        return _measure_chu
    if text[-1:] == "地" and len(text) >= 3:
        return _structural_di
    if text[:1] in _VERB_READING and len(text) in (1, 3):
        return _reduplicated_verb
    return None


def apply_rules(words: list[Word]) -> None:
    """Apply every context rule to the words of one run, in place (left to right, reading the originals)."""
    for i, word in enumerate(words):
        if word.fixed:
            continue
        rule = _rule_for(word.text)
        if rule is not None:
            rule(words, i)
