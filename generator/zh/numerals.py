"""Chinese numerals for article numbers: legal citations write 第六十二条, not 第62条."""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"
_UNITS = ["", "十", "百", "千"]


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 62 → 六十二, 105 → 一百零五, 1010 → 一千零一十; 1 ≤ n ≤ 9999."""
    if not 1 <= n <= 9999:
        raise ValueError(f"chinese_number supports 1–9999, not {n}")
    digits = [int(d) for d in str(n)]
    out: list[str] = []
    zero = False
    for i, d in enumerate(digits):
        unit = _UNITS[len(digits) - 1 - i]
        if d == 0:
            zero = True
            continue
        if zero and out:
            out.append("零")
        zero = False
        out.append(_DIGITS[d] + unit)
    text = "".join(out)
    return text[1:] if 10 <= n <= 19 else text  # 十二, not 一十二
