"""Fitting text into boxes for posters: measure with the real font, wrap by Chinese rules, shrink to fit.

Chinese line breaking (禁则): a line never starts with closing punctuation (，。！？、；：）」 …) and never ends
with opening punctuation (（「《 …); the punctuation sets are the ones ``generator.zh`` uses for ruby. A short
bracketed group such as （示例） is kept on one line. Latin
words break at spaces only. Titles are *balanced*: once the number of lines is known, the width is
narrowed as far as it can be without adding a line, so a title never ends with one lonely character.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageFont

from ..zh.pinyin import is_han
from ..zh.ruby import CLOSING_PUNCTUATION, OPENING_PUNCTUATION
from .fonts import Face

_REF_PX = 200  # measuring size; widths scale linearly with the font size


@functools.lru_cache(maxsize=64)
def pil_font(file: Path, index: int, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(file), px, index=index, layout_engine=ImageFont.Layout.RAQM)


class Measure:
    """Width and vertical metrics of a face, in the caller's units for a given font size."""

    def __init__(self, face: Face) -> None:
        self.face = face
        self.font = pil_font(face.file, face.index, _REF_PX)
        ascent, descent = self.font.getmetrics()
        self.ascent = ascent / _REF_PX  # em
        self.descent = descent / _REF_PX

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one Measure per face for the whole run
    def _em(self, text: str) -> float:
        face = self.face.covering(text)  # a subset's source face draws characters outside the subset
        font = self.font if face is self.face else pil_font(face.file, face.index, _REF_PX)
        return font.getlength(text) / _REF_PX

    def width(self, text: str, size: float) -> float:
        return self._em(text) * size if text else 0.0


def tokens(text: str, *, group: bool = True) -> list[str]:
    """Unbreakable pieces: one Han character (with its punctuation attached), a Latin word, a space, or
    (with ``group``) a short bracketed group."""
    raw: list[str] = []
    word = ""
    for ch in text:
        if ch == " " or is_han(ch) or ch in CLOSING_PUNCTUATION or ch in OPENING_PUNCTUATION or ord(ch) >= 0x3000:
            if word:
                raw.append(word)
                word = ""
            raw.append(ch)
        else:
            word += ch
    if word:
        raw.append(word)
    out: list[str] = []
    pending_open = ""
    for tok in raw:
        if tok in OPENING_PUNCTUATION:
            pending_open += tok
        elif tok in CLOSING_PUNCTUATION and out and not pending_open and out[-1] != " ":
            out[-1] += tok
        else:
            out.append(pending_open + tok)
            pending_open = ""
    if pending_open:
        out.append(pending_open)
    return _keep_short_brackets(out) if group else out


#: A bracketed group this short is never split across lines: "（示例）" stays whole.
SHORT_BRACKET = 4
_PAIRS = {"（": "）", "(": ")", "《": "》", "「": "」", "【": "】"}


def _keep_short_brackets(toks: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        close = _PAIRS.get(tok[:1])
        if close and close not in tok:
            j = i + 1
            while j < len(toks) and close not in toks[j] and j - i <= SHORT_BRACKET:
                j += 1
            if j < len(toks) and close in toks[j] and j - i < SHORT_BRACKET and " " not in toks[i:j + 1]:
                out.append("".join(toks[i:j + 1]))
                i = j + 1
                continue
        out.append(tok)
        i += 1
    return out


def wrap(text: str, measure: Measure, size: float, width: float) -> list[str]:
    """Greedy wrap of ``text`` at ``size`` into lines no wider than ``width`` (a too-long word is cut)."""
    lines: list[str] = []
    line = ""
    pending = tokens(text)
    pending.reverse()
    while pending:
        tok = pending.pop()
        if tok == " " and not line:
            continue
        if measure.width((line + tok).rstrip(), size) <= width:
            line += tok
            continue
        if line.strip():
            lines.append(line.rstrip())
            line = ""
            if tok == " ":
                continue
        if measure.width(tok, size) <= width:
            line = tok
            continue
        parts = tokens(tok, group=False)
        if len(parts) > 1:  # a bracketed group wider than the box: place its pieces one by one
            pending.extend(reversed(parts))
            continue
        for ch in tok:  # a single piece wider than the box: cut it by characters
            if line and measure.width(line + ch, size) > width:
                lines.append(line)
                line = ""
            line += ch
    if line.strip():
        lines.append(line.rstrip())
    return lines


def balanced(text: str, measure: Measure, size: float, width: float) -> list[str]:
    """Wrap into as few lines as greedy wrapping needs, with the lines as even as possible."""
    lines = wrap(text, measure, size, width)
    if len(lines) < 2:
        return lines
    lo, hi = width * 0.4, width
    for _ in range(14):
        mid = (lo + hi) / 2
        if len(wrap(text, measure, size, mid)) <= len(lines):
            hi = mid
        else:
            lo = mid
    return wrap(text, measure, size, hi)


@dataclass
class Fitted:
    size: float
    lines: list[str]
    line_height: float  # distance between baselines

    @property
    def height(self) -> float:
        return self.line_height * len(self.lines)


def fit(
    text: str,
    measure: Measure,
    *,
    width: float,
    height: float,
    max_size: float,
    min_size: float,
    leading: float = 1.25,
    max_lines: int | None = None,
    balance: bool = True,
) -> Fitted:
    """The largest size (≤ max_size) at which ``text`` fits the box; below ``min_size`` it is cut with "…"."""
    size = max_size
    while True:
        lines = (balanced if balance else wrap)(text, measure, size, width)
        fitted = Fitted(size, lines, size * leading)
        if fitted.height <= height + 1e-6 and (max_lines is None or len(lines) <= max_lines):
            return fitted
        if size <= min_size:
            break
        size = max(min_size, size * 0.96)
    # Still too long at the smallest size: keep the lines that fit and end the last with an ellipsis.
    keep = max(1, min(int(height // (min_size * leading)), max_lines or 10**6))
    lines = wrap(text, measure, min_size, width)[:keep]
    last = lines[-1]
    while last and measure.width(last + "…", min_size) > width:
        last = last[:-1]
    lines[-1] = last.rstrip() + "…"
    return Fitted(min_size, lines, min_size * leading)
