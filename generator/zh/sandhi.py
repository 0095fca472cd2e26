"""The tone changes of 一 and 不, marked as primary-school textbooks mark them (for readers' ruby).

The reader writes citation tones (yī, bù) everywhere by default (see the package docstring for why);
``apply_sandhi`` turns the readings of one Han run into the spoken tones that 部编版 textbooks print over
the characters:

* 不 before a fourth tone is bú (不要 bú yào, 不是 bú shì), elsewhere bù (不好 bù hǎo, 不来 bù lái);
  neutral bu in A不A questions (是不是 shì bu shì, 喜不喜欢) and between a verb and its potential
  complement, the words 《现代汉语词典》 writes with a light 不 (对不起 duì bu qǐ, 差不多 chà bu duō,
  来不及 lái bu jí, 睡不着 shuì bu zháo);
* 一 before a fourth tone is yí (一个 yí gè, 一样 yí yàng, 一下 yí xià), before a first, second or third
  tone yì (一天 yì tiān, 一年 yì nián, 一起 yì qǐ); neutral yi between a reduplicated verb (看一看
  kàn yi kàn); it stays yī where it is a number rather than "one of something": alone or at the end
  (统一, 唯一, 万一, 星期一), as an ordinal (第一, 初一, 一年级, 一楼, 六月一日), inside a number (十一,
  一二三, 二〇〇一).

A neutral syllable after 一/不 counts with its character's own tone (一个 ge → gè → yí).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from generator.zh.core import CHAR_DICT, tone_number, word_set

__all__ = ["apply_sandhi"]

_DIGITS = frozenset("〇零一二三四五六七八九十两")
_ORDINAL_BEFORE = frozenset("第初周")
# Words in which 一 is an ordinal or a name, not "one of something".
_ORDINAL_WORDS = word_set(
    "一月 一号 一楼 一年级 一班 一等 一等奖 一级 一流 一线 一审 一中 一小 一哥 一把手 一一 一二 一〇 一至"
)
# The complement after 不 in a potential form (看不见, 对不起, 差不多): 不 is light there.
_COMPLEMENTS = frozenset("起了及多着住定见到开完成动下上去来出过得掉懂清好倒透准惯惜消值")
_NOT_VERBS = frozenset("决切万千再可只倒要并也都还就却亦绝永毫从尚若且何岂")


@lru_cache(maxsize=4096)
def _own_tone(char: str) -> int:
    """The tone of a character's first dictionary reading (for a neutral syllable after 一/不)."""
    readings = CHAR_DICT.get(ord(char), "")
    return tone_number(readings.split(",")[0]) if readings else 5


def _next_tone(chars: Sequence[str], syllables: Sequence[str | None], k: int) -> int | None:
    if k + 1 >= len(chars) or syllables[k + 1] is None:
        return None
    tone = tone_number(syllables[k + 1] or "")
    return _own_tone(chars[k + 1]) if tone == 5 else tone


def apply_sandhi(words: Sequence[tuple[str, Sequence[str | None]]]) -> tuple[str | None, ...]:
    """The syllables of one Han run's ``words`` ((word, syllables) pairs) with 一/不 tone changes marked.

    Only citation readings (yī, bù) change. Editor overrides never reach this function: they are matched
    before the text is cut into runs, so their readings are kept exactly as written.
    """
    chars: list[str] = []
    syllables: list[str | None] = []
    word_of: list[tuple[str, int]] = []  # (word, index of the character in it)
    for word, readings in words:
        for index, (char, syllable) in enumerate(zip(word, readings, strict=True)):
            chars.append(char)
            syllables.append(syllable)
            word_of.append((word, index))
    out = list(syllables)
    for k, char in enumerate(chars):
        if char == "一" and syllables[k] == "yī":
            out[k] = _yi(chars, syllables, word_of, k)
        elif char == "不" and syllables[k] == "bù":
            out[k] = _bu(chars, syllables, word_of, k)
    return tuple(out)


def _yi(chars: Sequence[str], syllables: Sequence[str | None], word_of: Sequence[tuple[str, int]], k: int) -> str:
    word, index = word_of[k]
    before = chars[k - 1] if k > 0 else ""
    after = chars[k + 1] if k + 1 < len(chars) else ""
    tone = _next_tone(chars, syllables, k)
    if tone is None or (len(word) > 1 and index == len(word) - 1):
        return "yī"  # alone, at the end: 统一, 唯一, 星期一
    if before in _ORDINAL_BEFORE or before in _DIGITS or after in _DIGITS:
        return "yī"  # 第一, 初一, 十一, 一二三
    if word[index:].startswith(tuple(_ORDINAL_WORDS)) or (before == "月" and after in "日号"):
        return "yī"  # 一年级, 一楼, 六月一日
    if before and before == after:
        return "yi"  # 看一看
    return "yí" if tone == 4 else "yì"


def _bu(chars: Sequence[str], syllables: Sequence[str | None], word_of: Sequence[tuple[str, int]], k: int) -> str:
    word, index = word_of[k]
    before = chars[k - 1] if k > 0 else ""
    after = chars[k + 1] if k + 1 < len(chars) else ""
    tone = _next_tone(chars, syllables, k)
    if tone is None:
        return "bù"
    if before and before == after:
        return "bu"  # 是不是, 好不好, 喜不喜欢
    potential = len(word) == 3 and index == 1 and after in _COMPLEMENTS and before not in _NOT_VERBS
    if potential:
        return "bu"  # 对不起, 差不多, 看不见
    return "bú" if tone == 4 else "bù"
