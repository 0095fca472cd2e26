"""Pre-subset kit fonts: a fixed repertoire, common glyphs first, made once per source font and cached.

Why: WeasyPrint subsets every embedded font with HarfBuzz's ``RETAIN_GIDS`` and then keeps *every* glyph
id up to the highest one used. Noto Sans CJK SC has about 65,000 glyphs, so one character with a high
glyph id made each PDF embed ~63,000 empty glyphs (hmtx + vmtx + CFF ≈ 140 KB compressed per face per
PDF, even for an English sign-in sheet).

So the kits give WeasyPrint *and* Pillow (posters must be drawn with the font the PDF prints) a smaller
font made here with fontTools:

* a **fixed repertoire** that does not depend on the content (a content edit never changes the font, so
  it never invalidates the kit cache): ASCII, Latin-1, pinyin with tone marks, punctuation (general, CJK,
  fullwidth), the symbols the kit templates and string catalogues use, all 6,763 GB2312 hanzi and every
  character of the catalogues, then less common symbol blocks;
* **ordered** so that common characters get low glyph ids: Latin and punctuation first, then hanzi by
  frequency (summed word frequencies of jieba's dictionary; GB2312 order, whose level 1 is the common set,
  when jieba is missing);
* without the vertical-writing tables (``vmtx``, ``vhea``, ``VORG``) and features, which horizontal print
  never uses;
* renamed ("Dandelion Noto Sans CJK SC"), loaded by path with ``@font-face`` and with the system family
  as the CSS fallback, so a character outside the repertoire still prints from the full system font.

Subset fonts live in ``<project>/.dandelion-cache/fonts/<key>.otf``; the key hashes the source file
(path, size, mtime, face index), the repertoire, this module's code and the fontTools version. Making one
takes about 20 s for a CJK face, so a copy is also kept in the user's cache (:func:`shared_folder`), which
a new project (or a test) reuses. Writes are atomic. The build makes them in its main process, before
any rendering worker starts.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import os
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from ..i18n import LOCALE_DIR
from .cache import PACKAGE, atomic_write, file_digest

FAMILY_PREFIX = "Dandelion "
#: Tables horizontal printing does not use (vertical metrics and origins; WeasyPrint drops the rest itself).
DROP_TABLES = ("vmtx", "vhea", "VORG", "BASE", "DSIG", "EBDT", "EBLC", "EBSC", "LTSH", "PCLT", "JSTF")
#: OpenType features kept for shaping. Vertical ("vert", "vrt2", …) and language-variant ("locl")
#: features would pull thousands of glyphs of other scripts' forms into the subset.
LAYOUT_FEATURES = ("calt", "ccmp", "clig", "dnom", "frac", "halt", "kern", "liga", "locl", "mark", "mkmk", "numr", "palt",
                   "pwid", "fwid", "hwid", "rlig", "rvrn", "sups", "subs")



def _ranges(*spans: tuple[int, int]) -> list[str]:
    """The characters of inclusive code point ranges."""
    return [chr(code) for low, high in spans for code in range(low, high + 1)]

#: Pinyin's vowels with tone marks (and ü), lower and upper case.
PINYIN = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛÜḿńňǹŃŇǸ"


def gb2312_hanzi() -> list[str]:
    """The 6,763 hanzi of GB2312 in code order (rows 16–55 are level 1, the common set; 56–87 level 2)."""
    chars = []
    for high in range(0xB0, 0xF8):
        for low in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                chars.append(bytes([high, low]).decode("gb2312"))
    return chars


def printed_characters(locale_dir: Path = LOCALE_DIR, package: Path = PACKAGE) -> str:
    """Every character the string catalogues (``dandelion.po``) and the kits' templates, CSS and code use,
    in a stable order: the words and symbols (✓ ☎ □ …) the kits print whatever the content."""
    files = sorted(locale_dir.glob("*/LC_MESSAGES/*.po")) + sorted(
        path for path in package.rglob("*") if path.suffix in {".j2", ".css", ".py"} and "__pycache__" not in path.parts)
    text = "".join(path.read_text(encoding="utf-8") for path in files)
    return "".join(sorted(set(text) - {"\n", "\r", "\t"}))


def _hanzi_frequency() -> Counter[str] | None:
    """Character frequencies summed over jieba's dictionary words; None when jieba is not installed."""
    try:
        import jieba
    except ImportError:
        return None
    path = Path(jieba.__file__).parent / "dict.txt"
    counts: Counter[str] = Counter()
    try:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                parts = line.split(" ")
                if len(parts) >= 2 and parts[1].isdigit():
                    weight = int(parts[1])
                    for char in parts[0]:
                        counts[char] += weight
    except OSError:
        return None
    return counts


def _unique(chars: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(chars))


def repertoire() -> tuple[str, ...]:
    """The characters of every subset font, most common first (the order becomes the glyph order)."""
    common, rest = repertoire_parts()
    return common + rest


@functools.lru_cache(maxsize=1)
def repertoire_parts() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The repertoire in two parts: Latin, pinyin, punctuation and the kits' symbols; then the hanzi (by
    frequency) and rarer symbols. Glyphs no character maps to (ligatures, width variants) go between."""
    hanzi = gb2312_hanzi()
    frequency = _hanzi_frequency()
    if frequency is not None:  # stable sort: equal counts keep GB2312 order
        hanzi.sort(key=lambda char: -frequency[char])
    catalogue = printed_characters()
    common = _ranges((0x20, 0x7E), (0xA0, 0xFF)) + list(PINYIN) + _ranges(
        (0x2000, 0x206F),  # general punctuation
        (0x3000, 0x303F),  # CJK symbols and punctuation
        (0xFF01, 0xFF5E), (0xFFE0, 0xFFE6),  # fullwidth ASCII and signs
    ) + [char for char in catalogue if ord(char) < 0x2E80]  # symbols the kits print (✓ ☎ → ≤ …)
    rare = [char for char in catalogue if ord(char) >= 0x2E80] + _ranges(
        (0x0100, 0x017F), (0x01CD, 0x01DC), (0x02C6, 0x02DD),  # Latin Extended-A, pinyin caps, modifier letters
        (0x0391, 0x03C9), (0x0401, 0x0451),  # Greek, Cyrillic (in GB2312)
        (0x2070, 0x209F), (0x20A0, 0x20CF), (0x2100, 0x218F), (0x2190, 0x21FF), (0x2200, 0x22FF),
        (0x2460, 0x24FF), (0x2500, 0x257F), (0x25A0, 0x25FF), (0x2600, 0x26FF), (0x2700, 0x27BF),
        (0x3200, 0x32FF),  # enclosed CJK letters (㈠ …)
        (0xFE30, 0xFE4F),  # CJK compatibility forms
    )
    first = tuple(_unique(common))
    taken = set(first)
    return first, tuple(char for char in _unique(hanzi + rare) if char not in taken)


def repertoire_digest() -> str:
    return hashlib.sha256("".join(repertoire()).encode()).hexdigest()


def subset_key(source: Path, index: int) -> str:
    """What a subset font depends on: the source file, the face, the repertoire and the subsetter (this
    module's code and fontTools' version)."""
    from fontTools import version as fonttools_version

    stat = source.stat()
    parts = (file_digest(Path(__file__)), str(source.resolve()), str(index), str(stat.st_size), str(stat.st_mtime_ns),
             repertoire_digest(), fonttools_version)
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:32]


def make_subset(source: Path, index: int, family: str) -> bytes:
    """The repertoire of face ``index`` of ``source`` as an OpenType font named ``family``, common glyphs first."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    # The bounding boxes stay the source font's (Pillow and PDF viewers place and clip glyphs with them).
    font = TTFont(str(source), fontNumber=index, lazy=False, recalcBBoxes=False, recalcTimestamp=False)
    cmap = font.getBestCmap()
    wanted = [char for char in repertoire() if ord(char) in cmap]
    options = subset.Options()
    options.layout_features = list(LAYOUT_FEATURES)
    options.drop_tables = [*options.drop_tables, *DROP_TABLES]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = False
    options.hinting = True
    common, rest = repertoire_parts()
    # The glyphs the common characters may become (ligatures, width and language forms) get low ids too.
    closure = subset.Subsetter(options)
    closure.populate(unicodes=[ord(char) for char in common if ord(char) in cmap])
    closure._closure_glyphs(font)  # fontTools has no public call for "which glyphs do these characters reach"
    reached = set(closure.glyphs_retained)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(char) for char in wanted])
    subsetter.subset(font)
    # Reload the subset so that every table is freshly decompiled before the glyphs are reordered.
    font = _reloaded(font)
    cmap = font.getBestCmap()
    old_order = font.getGlyphOrder()
    first = [cmap[ord(char)] for char in common if ord(char) in cmap]
    mapped = [cmap[ord(char)] for char in rest if ord(char) in cmap]
    # .notdef, the common characters and their forms, the hanzi and rarer characters, their other forms.
    new_order = _unique([old_order[0], *first, *(name for name in old_order if name in reached), *mapped, *old_order])
    unordered = _reloaded(font)
    try:
        _reorder(font, new_order)
    except Exception:  # fontTools cannot reorder some fonts' layout tables: keep the source's order
        font = unordered
    _rename(font, family)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def _reloaded(font: object) -> object:
    from fontTools.ttLib import TTFont

    buffer = io.BytesIO()
    font.save(buffer)  # type: ignore[attr-defined]
    buffer.seek(0)
    return TTFont(buffer, lazy=False, recalcBBoxes=False, recalcTimestamp=False)


def _reorder(font: object, new_order: list[str]) -> None:
    """Give the glyphs ``new_order``'s ids. A CID-keyed CFF's FDSelect (which private dictionary each
    glyph uses) is indexed by glyph id too, and fontTools' reorderGlyphs leaves it in the old order, so
    the charstrings are detached from the file with their private-dictionary index first."""
    from fontTools.ttLib.reorderGlyphs import reorderGlyphs

    if "CFF " in font:  # type: ignore[operator]
        top = font["CFF "].cff.topDictIndex[0]  # type: ignore[index]
        charstrings = top.CharStrings
        if hasattr(top, "FDSelect"):
            detached = {}
            for name in font.getGlyphOrder():  # type: ignore[attr-defined]
                charstring, selector = charstrings.getItemAndSelector(name)
                charstring.fdSelectIndex = selector
                detached[name] = charstring
            charstrings.charStrings = detached
            charstrings.charStringsAreIndexed = 0
            charstrings.fdSelect = top.FDSelect
            charstrings.fdArray = top.FDArray
    reorderGlyphs(font, new_order)  # type: ignore[arg-type]
    if "CFF " in font:  # type: ignore[operator]
        top = font["CFF "].cff.topDictIndex[0]  # type: ignore[index]
        if hasattr(top, "FDSelect"):
            top.FDSelect.gidArray = [top.CharStrings.charStrings[name].fdSelectIndex for name in new_order]


def _rename(font: object, family: str) -> None:
    """Name the subset ``family`` (so it never clashes with the installed font it was made from)."""
    names = font["name"]  # type: ignore[index]
    postscript = "".join(char for char in family if char.isalnum() or char == "-")
    subfamily = (names.getDebugName(2) or "Regular").replace(" ", "")
    for record in list(names.names):
        if record.nameID in (1, 16):
            names.setName(family, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID in (3, 4):
            names.setName(f"{family} {subfamily}", record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName(f"{postscript}-{subfamily}", record.nameID, record.platformID, record.platEncID, record.langID)
    if "CFF " in font:  # type: ignore[operator]
        cff = font["CFF "].cff  # type: ignore[index]
        cff.fontNames = [f"{postscript}-{subfamily}"]
        top = cff.topDictIndex[0]
        for attribute in ("FamilyName", "FullName"):
            if hasattr(top, attribute):
                setattr(top, attribute, family)


def shared_folder() -> Path:
    """The user's font cache, shared by all projects (a subset depends only on the source font):
    ``$DANDELION_FONT_CACHE``, else ``$XDG_CACHE_HOME/dandelion/fonts`` (``~/.cache/dandelion/fonts``)."""
    if configured := os.environ.get("DANDELION_FONT_CACHE"):
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "dandelion" / "fonts"


def subset_font(source: Path, index: int, family: str, folder: Path, shared: Path | None = None) -> Path:
    """The subset of face ``index`` of ``source`` in ``folder`` (the project's cache), copied from the
    ``shared`` cache or made (about 20 s for a CJK face) when missing; raises when fontTools fails.
    Writes are atomic, so parallel builds never read half a font."""
    name = f"{subset_key(source, index)}.otf"
    shared = shared_folder() if shared is None else shared
    path = folder / name
    if path.is_file():
        with contextlib.suppress(OSError):
            os.utime(path)  # used: :func:`prune` keeps it
        return path
    try:
        data = (shared / name).read_bytes()
    except OSError:
        data = make_subset(source, index, family)
        with contextlib.suppress(OSError):  # no shared cache: each project makes its own
            shared.mkdir(parents=True, exist_ok=True)
            atomic_write(shared / name, data)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write(path, data)
    except OSError:  # a read-only project: keep the font for this run only
        folder = Path(tempfile.mkdtemp(prefix="dandelion-fonts-"))
        path = folder / name
        atomic_write(path, data)
    return path


def prune(folder: Path, max_age_days: float) -> int:
    """Remove the subset fonts of ``folder`` unused for ``max_age_days`` (older fonts, older code); returns how many."""
    limit = time.time() - max_age_days * 86400
    removed = 0
    for path in folder.glob("*.otf"):
        with contextlib.suppress(OSError):
            if path.stat().st_mtime < limit:
                path.unlink()
                removed += 1
    return removed


@functools.lru_cache(maxsize=16)
def covered(file: Path, index: int) -> frozenset[int]:
    """The code points a font file maps (to choose the full font for a character outside a subset)."""
    from fontTools.ttLib import TTFont

    with TTFont(str(file), fontNumber=index, lazy=True) as font:
        return frozenset(font.getBestCmap())
