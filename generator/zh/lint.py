"""Editor warnings for punctuation width and Chinese–Latin spacing in ``zh`` text (Markdown allowed).

House style: **no space between Chinese and Latin letters or digits** (吸毒3年, K粉, 6·26国际禁毒日, 拨打110).
Why: it is how the content editors already write ("6·26国际禁毒日", "K粉") and how mainland official
publications and government documents set mixed text; a typed space is an ordinary space that may be
stretched by justification and that the line breaker may break at, whereas the visual gap some typographers
want can be added by CSS (``text-autospace``) without touching the text. One rule everywhere keeps search,
slugs and diffs predictable.

Warnings (``lint_zh`` returns ``(offset, message)``, offset = index into the string in code points; use
``line_col`` to turn it into line and column):

* half-width punctuation ``, . ? ! : ; ( ) "`` and ``...`` next to Chinese characters → use the full-width
  form (，。？！：；（）“”……);
* full-width punctuation between Latin letters/digits (English inside the text) → use the half-width form;
* full-width letters and digits (ＡＢＣ１２３) → half-width;
* a space (also U+3000 or no-break space) between a Chinese character and a Latin letter/digit → remove.

Code spans, fenced code blocks, URLs, e-mail addresses, autolinks, Markdown link targets and HTML tags are
masked first, so they never trigger a warning (offsets still refer to the original text).
"""

from __future__ import annotations

import re

from generator.zh.pinyin import HAN_RUN, is_han

__all__ = ["HOUSE_STYLE", "line_col", "lint_zh"]

HOUSE_STYLE = "no space between Chinese and Latin letters or digits"

_MASK = "\ufffc"  # a character that is neither Han, Latin, space nor punctuation

_MASKED = [
    # fenced code (possessive fence runs: a long run without a line break would otherwise backtrack quadratically)
    re.compile(r"^(?P<f>```++|~~~++)[^\n]*+\n.*?(?:^(?P=f)[ \t]*$|\Z)", re.M | re.S),
    re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>"),  # autolinks
    re.compile(r"</?[A-Za-z][^<>\n]*>"),  # HTML tags
    re.compile(r"\]\([^()\s]*(?:\s+\"[^\"\n]*\")?\)"),  # link/image targets ](url "title")
    re.compile(r"^\s{0,3}\[[^\]\n]+\]:[^\n]*$", re.M),  # reference definitions
    re.compile(r"\b(?:https?|ftp)://[^\s<>\u3000-\u303f\uff00-\uffef\"'）》]+"),  # bare URLs
    re.compile(r"\bwww\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+[^\s<>\u3000-\u303f\uff00-\uffef]*"),
    # e-mail; the look-behind makes a match start only where a name starts, so that a long run of letters
    # without "@" is scanned once, not once per letter (that was quadratic: 40,000 characters took 6 s)
    re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"),
]

_HALF_TO_FULL = {",": "，", ".": "。", "?": "？", "!": "！", ":": "：", ";": "；", "(": "（", ")": "）"}
_FULL_TO_HALF = {
    "，": ",",
    "。": ".",
    "？": "?",
    "！": "!",
    "：": ":",
    "；": ";",
    "（": "(",
    "）": ")",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
}
_SPACES = " \t\u00a0\u3000"


def _mask(text: str) -> str:
    chars = list(text)

    def cover(start: int, end: int) -> None:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = _MASK

    for pattern in _MASKED[:1]:  # fenced code first: nothing inside it is a code span or a comment
        for match in pattern.finditer(text):
            cover(match.start(), match.end())
    for start, end in [*_code_spans("".join(chars)), *_comments("".join(chars))]:
        cover(start, end)
    for pattern in _MASKED[1:]:
        for match in pattern.finditer("".join(chars)):
            cover(match.start(), match.end())
    return "".join(chars)


_BACKTICKS = re.compile(r"`+")


def _code_spans(text: str) -> list[tuple[int, int]]:
    """Code spans as CommonMark finds them: a run of n backticks up to the next run of exactly n.

    Done by hand, in one pass over the backtick runs, because the regular expression for it is
    quadratic on a long line of unmatched backticks.
    """
    runs = [(match.start(), match.end()) for match in _BACKTICKS.finditer(text)]
    later: dict[int, list[int]] = {}  # run length → indexes of runs of that length, last first
    for index in range(len(runs) - 1, -1, -1):
        later.setdefault(runs[index][1] - runs[index][0], []).append(index)
    spans: list[tuple[int, int]] = []
    consumed_until = -1
    for index, (start, end) in enumerate(runs):
        same = later[end - start]
        same.pop()  # this run itself
        if index <= consumed_until:
            continue
        if same:
            closing = same[-1]
            spans.append((start, runs[closing][1]))
            consumed_until = closing
    return spans


def _comments(text: str) -> list[tuple[int, int]]:
    """``<!-- … -->`` (an unclosed one runs to the end, as in a browser), in one pass."""
    spans: list[tuple[int, int]] = []
    position = text.find("<!--")
    while position >= 0:
        close = text.find("-->", position + 4)
        end = len(text) if close < 0 else close + 3
        spans.append((position, end))
        position = text.find("<!--", end)
    return spans


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


_EMPHASIS = "*_~"  # Markdown emphasis markers are looked through when finding a neighbour
#: How far the heuristics look around a character. Bounded, so that the lint stays linear on a long line.
_CONTEXT = 200
_SKIP_AT_MOST = 8
_SEGMENT_STOP = re.compile(f"[\\n{HAN_RUN.pattern[1:-2]}]")  # a line end or a Han character


def _neighbour(text: str, i: int, step: int, skip: str = _EMPHASIS) -> str:
    """The nearest character from ``i`` in direction ``step`` that is not in ``skip`` (looking a few
    characters far at most: emphasis markers and spaces come in short runs, and a long run of them must
    not make the lint quadratic)."""
    j = i + step
    last = i + step * _SKIP_AT_MOST
    while 0 <= j < len(text) and text[j] in skip and j != last:
        j += step
    return text[j] if 0 <= j < len(text) else ""


def _english_around(text: str, i: int) -> bool:
    """True if the characters on each side of ``i`` (up to a Han character or line end) look like
    English: Latin letters next to ``i`` on both sides, and words separated by spaces on one side."""
    left = _neighbour(text, i, -1, " \t" + _EMPHASIS)
    right = _neighbour(text, i, 1, " \t" + _EMPHASIS)
    sentence_end = right in ("", "\n") and text[i] in "。！？”’）"
    # the neighbours alone rule most characters out: decided before the look at the whole segment
    if sentence_end and not left.isalpha():
        return False
    if not sentence_end and not (_latin(left) and _latin(right) and (left.isalpha() or right.isalpha())):
        return False
    start = max(0, i - _CONTEXT)  # after the last line end or Han character before i
    for stop in _SEGMENT_STOP.finditer(text, start, i):
        start = stop.end()
    limit = min(len(text), i + _CONTEXT)
    stop = _SEGMENT_STOP.search(text, i + 1, limit)  # the first one after i
    end = stop.start() if stop else limit
    words_before = bool(re.search(r"[A-Za-z] +[A-Za-z]", text[start:i]))
    words_after = bool(re.search(r"[A-Za-z] +[A-Za-z]", text[i + 1 : end]))
    if sentence_end:  # the end of an English sentence or line
        whole_line_english = start == 0 or text[start - 1] == "\n"
        return words_before and whole_line_english
    return words_before or words_after


def _fullwidth_alnum(ch: str) -> bool:
    return "\uff10" <= ch <= "\uff5a" and ch.isalnum()


def _paren_pairs(text: str) -> dict[int, int]:
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            opening = stack.pop()
            pairs[opening] = i
            pairs[i] = opening
        elif ch == "\n" and text[i - 1 : i] == "\n":  # a blank line ends a paragraph
            stack.clear()
    return pairs


_LINE_START_NUMBER = re.compile(r"^[ \t]*(?:[#>*+-][ \t#>*+-]*)?[A-Za-z0-9]+$")


def lint_zh(text: str) -> list[tuple[int, str]]:
    """Warnings for ``text`` (Chinese Markdown) as (offset, message), sorted by offset."""
    masked = _mask(text)
    warnings: list[tuple[int, str]] = []
    parens = _paren_pairs(masked)
    n = len(masked)
    i = 0
    while i < n:
        ch = masked[i]
        prev, nxt = _neighbour(masked, i, -1), _neighbour(masked, i, 1)

        if ch == "." and masked.startswith("...", i):  # one warning for a run of dots
            end = i
            while end < n and masked[end] == ".":
                end += 1
            if is_han(prev) or is_han(_neighbour(masked, end - 1, 1, " \t" + _EMPHASIS)):
                warnings.append((i, 'half-width "..." in Chinese text; use "……"'))
            i = end
            continue

        if ch in "()":
            if ch == "(" or i not in parens:
                other = parens.get(i)
                ends = [i] if other is None else [i, other]
                near = [_neighbour(masked, k, d) for k in ends for d in (-1, 1)]
                if any(is_han(c) for c in near):
                    pair = "（）" if other is not None else _HALF_TO_FULL[ch]
                    shown = "()" if other is not None else ch
                    warnings.append((i, f'half-width "{shown}" in Chinese text; use "{pair}"'))
        elif ch == ".":
            # A full stop after Chinese (not a decimal point, list number or abbreviation).
            if is_han(prev) and (nxt == "" or nxt in _SPACES + "\n" or is_han(nxt) or nxt in '"”'):
                warnings.append((i, 'half-width "." in Chinese text; use "。"'))
        elif ch in _HALF_TO_FULL:
            if ch == ":" and prev.isdigit() and nxt.isdigit():
                pass  # a time such as 09:30
            elif is_han(prev) or is_han(nxt):
                warnings.append((i, f'half-width "{ch}" in Chinese text; use "{_HALF_TO_FULL[ch]}"'))
        elif ch == '"':
            if is_han(prev) or is_han(nxt):
                warnings.append((i, "half-width '\"' in Chinese text; use “ or ”"))
        elif ch in _FULL_TO_HALF:
            if _english_around(masked, i):
                warnings.append((i, f'full-width "{ch}" inside English text; use "{_FULL_TO_HALF[ch]}"'))
        elif _fullwidth_alnum(ch):
            end = i
            while end < n and _fullwidth_alnum(masked[end]):
                end += 1
            run = masked[i:end]
            half = "".join(chr(ord(c) - 0xFEE0) for c in run)
            warnings.append((i, f'full-width letters/digits "{run}"; use "{half}"'))
            i = end
            continue
        elif ch in _SPACES:
            j = i
            while j < n and masked[j] in _SPACES:
                j += 1
            left, right = prev, _neighbour(masked, j - 1, 1)
            line_start = masked.rfind("\n", max(0, i - _CONTEXT), i) + 1
            numbered = (  # "## 1 引言", "- A 组"
                (line_start > 0 or i <= _CONTEXT) and bool(_LINE_START_NUMBER.match(masked[line_start:i]))
            )
            if not numbered and ((is_han(left) and _latin(right)) or (_latin(left) and is_han(right))):
                warnings.append((i, f"space between Chinese and Latin/digits; house style: {HOUSE_STYLE}"))
            i = j
            continue
        i += 1
    return warnings


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of a code-point ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col
