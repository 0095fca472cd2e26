"""Personal data in published text: phone numbers, ID-card numbers, bank cards, e-mail addresses.

The people this material is about (in rehabilitation, in villages, at school) have a right to privacy, and
texts are typed by many hands: a case study with a real mobile number, a sign-in sheet pasted into a
report, a photo's file name with a full name. :func:`find_personal_data` finds what looks like personal
data however it is written: with ``+86``/``0086``/``86-`` before it, in groups separated by spaces, dots or
hyphens, in full-width digits (１３８…), an 18- or 15-digit ID-card number, a bank card number (16–19
digits passing the Luhn check), an e-mail address, a landline. Numbers an organisation publishes on purpose
(a hotline, a centre's switchboard) are listed in ``site_config.yml`` under ``public_numbers`` and are not
reported. One pass of regular expressions with bounded repetition: linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Full-width digits, plus and hyphens become ASCII one character for one, so offsets stay the same.
_WIDTH = str.maketrans({**{chr(0xFF10 + i): str(i) for i in range(10)}, "＋": "+", "－": "-", "．": ".",
                        "\u3000": " ", "—": "-", "‐": "-", "‑": "-"})
_SEP = r"[ .\-]?"
_PREFIX = r"(?:(?:\+|00)?86[ .\-]?)?"
_MOBILE = re.compile(rf"(?<![\d+])({_PREFIX}1[3-9]\d{_SEP}\d{{4}}{_SEP}\d{{4}})(?!\d)")
_LANDLINE = re.compile(rf"(?<![\d+])({_PREFIX}\(?0\d{{2,3}}\)?[ \-]?[2-9]\d{{2,3}}{_SEP}\d{{4}})(?!\d)")
_DATE = r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
_ID18 = re.compile(rf"(?<![\dA-Za-z])(\d{{6}} ?{_DATE} ?\d{{3}}[\dXx])(?![\dA-Za-z])")
_ID15 = re.compile(r"(?<![\dA-Za-z])(\d{6} ?\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]) ?\d{3})(?![\dA-Za-z])")
_CARD = re.compile(r"(?<![\d])((?:\d[ \-]?){15,18}\d)(?!\d)")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}")

KINDS = {
    "id-card": "an ID-card number",
    "bank-card": "a bank card number",
    "mobile": "a mobile phone number",
    "landline": "a phone number",
    "e-mail": "an e-mail address",
}


@dataclass(frozen=True)
class Finding:
    kind: str  # a key of KINDS
    start: int
    end: int
    text: str

    @property
    def description(self) -> str:
        return KINDS[self.kind]


def digits_of(value: str) -> str:
    """Only the digits, full-width ones included, without a leading 86/0086 country code."""
    digits = "".join(ch for ch in value.translate(_WIDTH) if ch.isdigit())
    if digits.startswith("0086"):
        return digits[4:]
    if digits.startswith("86") and len(digits) >= 12:  # 86 + a mobile (11) or a landline without its 0
        return digits[2:]
    return digits


def _luhn(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def find_personal_data(text: str, public_numbers: Iterable[str] = ()) -> list[Finding]:
    """Everything in ``text`` that looks like personal data, except the listed public numbers, by position."""
    allowed = {digits_of(number) for number in public_numbers} | {number.strip().lower() for number in public_numbers}
    plain = text.translate(_WIDTH)
    found: list[Finding] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, match: re.Match[str], group: int = 1) -> None:
        start, end = match.span(group)
        if any(start < other_end and other_start < end for other_start, other_end in taken):
            return
        value = text[start:end]
        if digits_of(value) in allowed or value.strip().lower() in allowed:
            return
        taken.append((start, end))
        found.append(Finding(kind, start, end, value))

    for pattern, kind in ((_ID18, "id-card"), (_ID15, "id-card")):
        for match in pattern.finditer(plain):
            add(kind, match)
    for match in _CARD.finditer(plain):
        digits = digits_of(match.group(1))
        if 16 <= len(digits) <= 19 and _luhn(digits):
            add("bank-card", match)
    for match in _MOBILE.finditer(plain):
        add("mobile", match)
    for match in _LANDLINE.finditer(plain):
        add("landline", match)
    for match in _EMAIL.finditer(plain):
        add("e-mail", match, 0)
    return sorted(found, key=lambda finding: finding.start)
