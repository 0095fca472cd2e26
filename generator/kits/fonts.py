"""Chinese fonts for the kits, found on the system; never downloaded.

WeasyPrint (through Pango) and Pillow must draw with the *same* font so that a poster's PNG and its
print PDF match, and the PDFs must embed a font that has Chinese glyphs. The font comes from, in order:

1. ``fonts: {cjk: …, cjk_bold: …}`` in ``site_config.yml``: a family name fontconfig knows
   (``Noto Sans CJK SC``) or a font file (relative paths are relative to the project folder);
2. the first installed family of :data:`PREFERRED` (Noto/Source Han first: they cover pinyin's tone
   marks, so one font serves Chinese, Latin and pinyin);
3. any family fontconfig lists for ``:lang=zh-cn``.

When none is found the error names the Debian package to install (``fonts-noto-cjk``).

:func:`subset_fonts` then replaces each face by a smaller pre-subset copy (:mod:`.subset`), with the
system face as its fallback.

WeasyPrint subsets fonts with HarfBuzz's subsetter when ``libharfbuzz-subset0`` is installed and
otherwise, silently, with fontTools: about 40 times slower for a CJK font (14 s instead of 0.36 s for
4 pages). :func:`harfbuzz_subset_missing` lets ``dandelion kits`` warn about it.
"""

from __future__ import annotations

import ctypes.util
import functools
import hashlib
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .. import model
from ..errors import BuildError
from .cache import file_digest
from .subset import FAMILY_PREFIX, covered, subset_font

#: Family names tried in order when site_config.yml sets no font.
PREFERRED = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "Noto Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Droid Sans Fallback",
    "AR PL UMing CN",
)
#: Serif families for the certificate's headline; the sans font is used when none is installed.
PREFERRED_SERIF = ("Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN", "Noto Serif SC")

INSTALL_HINT = (
    "install a Chinese font, e.g. on Debian/Ubuntu: sudo apt install fonts-noto-cjk "
    "(or set fonts: {cjk: <font family or file>} in site_config.yml)"
)


class FontError(BuildError):
    """No usable Chinese font: the message says what to install or fix."""


@dataclass(frozen=True)
class Face:
    """One font face: the family name Pango/fontconfig use, and the file (plus index in a .ttc) for Pillow."""

    family: str
    file: Path
    index: int = 0
    #: True when fontconfig does not know the file: the CSS then loads it with @font-face.
    by_path: bool = False
    #: For a pre-subset face (:mod:`.subset`): the full face it was made from, which prints what the
    #: subset lacks (a CSS fallback in PDFs; :meth:`covering` for Pillow).
    source: Face | None = None

    def covering(self, text: str) -> Face:
        """This face, or its full source face when ``text`` has a character outside this subset."""
        if self.source is None:
            return self
        mapped = covered(self.file, self.index)
        return self if all(ord(char) in mapped for char in text) else self.source

    @property
    def css_families(self) -> str:
        """The CSS family list of this face: a subset first, then the full family it was made from."""
        families = [self.family] + ([self.source.family] if self.source else [])
        return ", ".join(f'"{family}"' for family in families)

    def stamp(self) -> str:
        """What the kits' bytes depend on: a subset's content (it is ours), a system font's path and date."""
        if self.source is not None:
            return f"{self.family}|{file_digest(self.file)}|{self.source.stamp()}"
        stat = self.file.stat()
        return f"{self.family}|{self.file}|{self.index}|{stat.st_size}|{stat.st_mtime_ns}|{self.by_path}"


@dataclass(frozen=True)
class KitFonts:
    regular: Face
    bold: Face
    serif: Face | None = None

    @property
    def css_family(self) -> str:
        """The CSS family list for every kit document."""
        return f"{self.regular.css_families}, sans-serif"

    @property
    def css_serif_family(self) -> str:
        face = self.serif or self.regular
        return f"{face.css_families}, serif"

    def font_face_css(self) -> str:
        """@font-face rules for the faces loaded by path: the subsets and font files fontconfig does not know."""
        rules = []
        for face, weight in ((self.regular, 400), (self.bold, 700), (self.serif, 700)):
            for loaded in (face, face.source) if face is not None else ():
                if loaded is not None and loaded.by_path:
                    rule = f'@font-face {{ font-family: "{loaded.family}"; font-weight: {weight}; src: url("{loaded.file.as_uri()}"); }}'
                    rules.append(rule)
        return "\n".join(dict.fromkeys(rules))

    def fingerprint(self) -> str:
        """Changes when a font changes (a font upgrade or a new subset re-renders the kits)."""
        h = hashlib.sha256()
        for face in (self.regular, self.bold, self.serif):
            h.update(face.stamp().encode() if face is not None else b"-")
        return h.hexdigest()

    def files(self) -> list[Path]:
        """The font files WeasyPrint may read (the subsets and configured font files)."""
        faces = [face for face in (self.regular, self.bold, self.serif) if face is not None]
        return sorted({path for face in faces for path in (face.file, face.source.file if face.source else face.file)})


def subset_fonts(fonts: KitFonts, folder: Path, warn: Callable[[str], None]) -> KitFonts:
    """``fonts`` with each face replaced by its cached pre-subset (see :mod:`.subset`), made here when
    missing. A face fontTools cannot subset keeps its full font, with a one-line warning."""

    @functools.cache
    def subset(face: Face) -> Face:
        family = FAMILY_PREFIX + face.family
        try:
            path = subset_font(face.file, face.index, family, folder)
        except Exception as error:  # any fontTools failure: print with the full font instead
            warn(f"Warning: could not make a smaller copy of the font {face.file} ({type(error).__name__}: {error}); "
                 "the kits embed the full font, so their PDFs are larger")
            return face
        return Face(family=family, file=path, index=0, by_path=True, source=face)

    return KitFonts(regular=subset(fonts.regular), bold=subset(fonts.bold),
                    serif=subset(fonts.serif) if fonts.serif else None)


def harfbuzz_subset_missing() -> bool:
    """True when HarfBuzz's subsetter library (Debian ``libharfbuzz-subset0``) cannot be found."""
    return ctypes.util.find_library("harfbuzz-subset") is None


HARFBUZZ_WARNING = (
    "Warning: libharfbuzz-subset0 is not installed, so WeasyPrint subsets the Chinese font with fontTools "
    "(about 40 times slower: minutes instead of seconds for all kits). Install it: sudo apt install libharfbuzz-subset0"
)


def _run(args: list[str]) -> str:
    if shutil.which(args[0]) is None:
        raise FontError(f"fontconfig's {args[0]} is not installed, so no font can be found: sudo apt install fontconfig; {INSTALL_HINT}")
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    return done.stdout


@functools.lru_cache(maxsize=64)
def _list(pattern: str) -> tuple[tuple[str, str, Path, int, str], ...]:
    """fc-list rows (family, style, file, index, lang) for a pattern; every family name of a face is kept."""
    out = _run(["fc-list", "-f", "%{family}\t%{style[0]}\t%{file}\t%{index}\t%{lang}\n", pattern])
    rows = []
    for line in out.splitlines():
        parts = line.split("\t")
        if len(parts) != 5:
            continue
        families, style, file, index, langs = parts
        for family in families.split(","):
            rows.append((family.strip(), style, Path(file), int(index or 0), langs))
    return tuple(rows)


def _is_bold(style: str) -> bool:
    return "bold" in style.lower() or "black" in style.lower() or "heavy" in style.lower()


def _face_by_family(family: str, *, bold: bool) -> Face | None:
    """The installed face of ``family`` (case-insensitive), regular or bold; None when not installed."""
    rows = [r for r in _list(":") if r[0].lower() == family.lower()]
    if not rows:
        return None
    wanted = [r for r in rows if _is_bold(r[1]) == bold]
    if not wanted:
        return None
    # Prefer plain "Regular"/"Bold" over "Medium", "Light" …
    plain = "bold" if bold else "regular"
    wanted.sort(key=lambda r: (r[1].lower() != plain, str(r[2]), r[3]))
    name, _style, file, index, _langs = wanted[0]
    return Face(family=family if name.lower() == family.lower() else name, file=file, index=index)


def _has_chinese(family: str) -> bool:
    return any(r[0].lower() == family.lower() for r in _list(":lang=zh-cn"))


def _face_from_file(value: str, root: Path, setting: str) -> Face:
    path = Path(value).expanduser()
    if not path.is_absolute():
        path = root / path
    if not path.is_file():
        raise FontError(f"fonts.{setting} in site_config.yml: the font file {path} does not exist; {INSTALL_HINT}")
    rows = _run(["fc-scan", "-f", "%{family[0]}\t%{index}\t%{lang}\n", str(path)]).splitlines()
    faces = [r.split("\t") for r in rows if r.count("\t") == 2]
    if not faces:
        raise FontError(f"fonts.{setting} in site_config.yml: {path} is not a font file fontconfig can read")
    # In a collection, take the simplified-Chinese face.
    faces.sort(key=lambda f: ("zh-cn" not in f[2].split("|"), not f[0].endswith(("SC", "CN", "GB")), int(f[1] or 0)))
    family, index, _langs = faces[0]
    known = any(r[2] == path.resolve() for r in _list(":"))
    return Face(family=family, file=path.resolve(), index=int(index or 0), by_path=not known)


def _configured(value: str, root: Path, setting: str, *, bold: bool) -> Face:
    if "/" in value or "\\" in value or value.lower().endswith((".otf", ".ttf", ".ttc", ".otc")):
        return _face_from_file(value, root, setting)
    face = _face_by_family(value, bold=bold) or (None if bold else _face_by_family(value, bold=True))
    if face is None:
        raise FontError(
            f"fonts.{setting} in site_config.yml names the font '{value}', which is not installed "
            f"(`fc-list :lang=zh-cn family` lists the Chinese fonts that are); {INSTALL_HINT}"
        )
    if not _has_chinese(face.family):
        raise FontError(f"fonts.{setting} in site_config.yml: the font '{value}' has no Chinese characters; {INSTALL_HINT}")
    return face


def find_fonts(config: model.SiteConfig, root: Path) -> KitFonts:
    """The kits' fonts; raises :class:`FontError` (what to install) when there is no Chinese font."""
    fonts = config.fonts or model.FontsConfig()
    if fonts.cjk:
        regular = _configured(fonts.cjk, root, "cjk", bold=False)
    else:
        regular = next((f for name in PREFERRED if _has_chinese(name) and (f := _face_by_family(name, bold=False))), None)
        if regular is None:
            any_zh = sorted({r[0] for r in _list(":lang=zh-cn") if not _is_bold(r[1]) and "mono" not in r[0].lower()})
            regular = next((f for name in any_zh if (f := _face_by_family(name, bold=False))), None)
        if regular is None:
            raise FontError(f"no Chinese font is installed, so the kits cannot be printed: {INSTALL_HINT}")
    if fonts.cjk_bold:
        bold = _configured(fonts.cjk_bold, root, "cjk_bold", bold=True)
    else:
        bold = _face_by_family(regular.family, bold=True) if not regular.by_path else None
        bold = bold or regular  # Pango then synthesises bold in PDFs; posters use the regular face
    serif = None
    if not fonts.cjk:
        serif = next((f for name in PREFERRED_SERIF if _has_chinese(name) and (f := _face_by_family(name, bold=True))), None)
    return KitFonts(regular=regular, bold=bold, serif=serif)
