"""The kits' pre-subset fonts (generator/kits/subset.py and their use in generator/kits/fonts.py)."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from kitutil import pdffonts, pdftotext, require_poppler
from PIL import Image, ImageChops, ImageFont

from generator import model
from generator.kits import subset
from generator.kits.fonts import Face, KitFonts, find_fonts, subset_fonts
from generator.kits.pdf import PdfRenderer
from generator.kits.textfit import Measure

REPO = Path(__file__).resolve().parents[2]
#: Outside GB2312 (and the catalogues): the subset lacks them, the full system font prints them.
RARE = "𠮷䶮"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


@pytest.fixture(scope="module")
def system_fonts() -> KitFonts:
    cfg = model.SiteConfig.model_validate({"site_name": "x", "organisation": "y", "audiences": {"a": "b"},
                                           "settings": {"a": "b"}, "regions": {"a": "b"}})
    return find_fonts(cfg, REPO)


@pytest.fixture(scope="module")
def subset_kit_fonts(system_fonts: KitFonts, tmp_path_factory: pytest.TempPathFactory) -> KitFonts:
    """The subsets, made once per machine (the user's shared font cache) and copied into a project cache."""
    warnings: list[str] = []
    fonts = subset_fonts(system_fonts, tmp_path_factory.mktemp("project") / "fonts", warnings.append)
    assert warnings == []
    return fonts


def test_repertoire_is_fixed_and_complete() -> None:
    chars = subset.repertoire()
    assert len(chars) == len(set(chars))
    hanzi = subset.gb2312_hanzi()
    assert len(hanzi) == 6763 and hanzi[0] == "啊" and hanzi[-1] == "齄"
    assert set(hanzi) <= set(chars)
    assert set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüǙ") <= set(chars)
    assert set("，。：；！？、（）《》「」【】…—“”·×✓☎") <= set(chars)
    assert set(subset.printed_characters()) - {" "} <= set(chars)  # every word the catalogues print
    assert chars[:95] == tuple(chr(code) for code in range(0x20, 0x7F))
    assert not set(RARE) & set(chars)


def test_common_hanzi_come_before_rare_ones() -> None:
    chars = subset.repertoire()
    position = {char: i for i, char in enumerate(chars)}
    assert position["的"] < position["毒"] < position["齄"]
    assert position["，"] < position["的"] and position["ā"] < position["的"]
    first_hanzi = min(position[char] for char in subset.gb2312_hanzi())
    # By frequency (jieba's dictionary), not GB2312 order, where 的 is row 21 (about 1,600th).
    assert position["的"] - first_hanzi < 50 and position["齄"] - first_hanzi > 6000


def test_subset_holds_the_repertoire_with_low_glyph_ids(subset_kit_fonts: KitFonts, system_fonts: KitFonts) -> None:
    face = subset_kit_fonts.regular
    assert face.source == system_fonts.regular and face.by_path and face.family == "Dandelion Noto Sans CJK SC"
    font = TTFont(str(face.file))
    assert not {"vmtx", "vhea", "VORG"} & set(font.keys())
    assert {"CFF ", "cmap", "hmtx", "GSUB", "GPOS", "OS/2"} <= set(font.keys())
    cmap, order = font.getBestCmap(), font.getGlyphOrder()
    with TTFont(str(system_fonts.regular.file), fontNumber=system_fonts.regular.index, lazy=True) as source:
        in_source = set(source.getBestCmap())
    assert {ord(char) for char in subset.repertoire()} & in_source == set(cmap)
    assert len(order) < 16000  # of the source's 65,535 (with the other regions' forms 'locl' reaches)
    position = {name: i for i, name in enumerate(order)}
    assert max(position[name] for name in cmap.values()) < 8500  # those forms come after every character
    glyph_id = {char: position[cmap[ord(char)]] for char in "a，。的是毒品ā"}
    assert glyph_id["a"] < 100 and glyph_id["ā"] < 300 and glyph_id["，"] < 400, glyph_id
    assert max(glyph_id[char] for char in "的是毒品") < 2000, glyph_id
    assert font["name"].getDebugName(1) == "Dandelion Noto Sans CJK SC"


def _mask(font: ImageFont.FreeTypeFont, char: str) -> Image.Image:
    mask = font.getmask(char)
    return Image.frombytes("L", mask.size, bytes(mask))


@pytest.mark.parametrize("weight", ["regular", "bold", "serif"])
def test_subset_draws_the_same_glyphs_as_the_source(subset_kit_fonts: KitFonts, weight: str) -> None:
    """Reordering glyphs keeps each one's outline, width and hinting dictionary (a CFF's FDSelect)."""
    face = getattr(subset_kit_fonts, weight)
    assert face.source is not None
    ours = ImageFont.truetype(str(face.file), 48)
    theirs = ImageFont.truetype(str(face.source.file), 48, index=face.source.index)
    sample = "Aa1，。的是毒品禁齄ǚ✓☎" + "".join(subset.repertoire()[400::37])
    held = subset.covered(face.file, 0)
    assert all(ord(char) in held for char in "Aa1，。的是毒品禁齄ǚ")
    for char in (char for char in sample if ord(char) in held):
        assert ours.getlength(char) == theirs.getlength(char), char
        assert ImageChops.difference(_mask(ours, char), _mask(theirs, char)).getbbox() is None, char


def test_rare_character_falls_back_to_the_full_font(subset_kit_fonts: KitFonts, tmp_path: Path) -> None:
    require_poppler()
    fonts = subset_kit_fonts
    html = (f"<html lang='zh-Hans'><style>{fonts.font_face_css()} html {{ font-family: {fonts.css_family}; }}</style>"
            f"<p>吉祥 {RARE[0]}野家 {RARE[1]} English</p></html>")
    pdf = tmp_path / "rare.pdf"
    pdf.write_bytes(PdfRenderer([tmp_path, *fonts.files()]).render(html, base_url=tmp_path.as_uri() + "/").data)
    text = pdftotext(pdf)
    assert RARE[0] in text and RARE[1] in text and "吉祥" in text
    names = [font["name"].split("+", 1)[-1] for font in pdffonts(pdf)]
    assert "Dandelion-Noto-Sans-CJK-SC" in names and "Noto-Sans-CJK-SC" in names, names
    # Pillow (posters) has no fallback of its own: text with a rare character is drawn with the full font.
    assert fonts.regular.covering("吉祥") is fonts.regular
    assert fonts.regular.covering(f"吉{RARE[0]}") is fonts.regular.source
    measure = Measure(fonts.regular)
    assert measure.width(RARE[0], 10) == Measure(fonts.regular.source).width(RARE[0], 10) > 0


def test_cache_is_reused_and_follows_the_source_font(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "Test.ttf"
    shutil.copy(DEJAVU, source)
    shared, project = tmp_path / "shared", tmp_path / "project"
    made: list[Path] = []
    real = subset.make_subset

    def counting(path: Path, index: int, family: str) -> bytes:
        made.append(path)
        return real(path, index, family)

    monkeypatch.setattr(subset, "make_subset", counting)
    first = subset.subset_font(source, 0, "Dandelion Test", project, shared)
    assert made == [source] and first.parent == project and (shared / first.name).is_file()
    assert subset.subset_font(source, 0, "Dandelion Test", project, shared) == first
    other = tmp_path / "other-project"
    assert subset.subset_font(source, 0, "Dandelion Test", other, shared).read_bytes() == first.read_bytes()
    assert len(made) == 1  # reused from the project, then from the shared cache
    assert not list(project.glob(".tmp-*"))  # atomic writes leave no temporary file
    stat = source.stat()
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # an upgraded font
    second = subset.subset_font(source, 0, "Dandelion Test", project, shared)
    assert second != first and len(made) == 2
    font = TTFont(str(second))
    assert font["name"].getDebugName(1) == "Dandelion Test" and "vmtx" not in font
    old = time.time() - 50 * 86400
    os.utime(first, (old, old))
    os.utime(second, (old, old))
    assert subset.subset_font(source, 0, "Dandelion Test", project, shared) == second  # used: touched
    assert subset.prune(project, 45) == 1 and not first.exists() and second.exists()


def test_kit_cache_key_follows_the_subset_bytes(tmp_path: Path) -> None:
    source = Face(family="Test", file=DEJAVU)
    subset_file = tmp_path / "subset.otf"
    subset_file.write_bytes(b"one")
    fonts = KitFonts(regular=Face("Dandelion Test", subset_file, by_path=True, source=source), bold=source)
    before = fonts.fingerprint()
    assert fonts.fingerprint() == before
    subset_file.write_bytes(b"two")
    assert fonts.fingerprint() != before


def test_font_fonttools_cannot_read_keeps_the_full_font(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font")
    face = Face(family="Broken", file=broken)
    warnings: list[str] = []
    fonts = subset_fonts(KitFonts(regular=face, bold=face), tmp_path / "fonts", warnings.append)
    assert fonts.regular == face and fonts.bold == face and fonts.serif is None
    assert len(warnings) == 1 and "broken.ttf" in warnings[0] and "\n" not in warnings[0]
    assert fonts.css_family == '"Broken", sans-serif'
