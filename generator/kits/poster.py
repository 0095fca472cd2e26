"""Event posters (A3, 300 dpi PNG and print PDF) and the square WeChat share image.

One layout, two painters. :func:`layout_poster` places everything (in millimetres, origin at the top
left of the trimmed sheet) using the real font's metrics, shrinking and wrapping text so nothing leaves
its box; :func:`paint_png` draws that layout with Pillow and :func:`poster_html` turns it into HTML for
WeasyPrint, so the print PDF has real, searchable text and a vector QR code, and both files match.

The print PDF is A3 with 3 mm bleed (the green and yellow bands run 3 mm past the trim) and crop marks in
a 10 mm slug outside the bleed; its TrimBox is A3 and its BleedBox trim + 3 mm (see ``pdf.py``).
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import segno
from markupsafe import escape
from PIL import Image, ImageDraw

from ..i18n import catalogue, is_chinese
from .documents import GREEN, YELLOW
from .fonts import KitFonts
from .textfit import Fitted, Measure, fit, pil_font

WHITE = "#ffffff"
INK = "#111111"
PALE = "#e7f2ee"
MID_GREEN = "#15765f"

A3 = (297.0, 420.0)
DPI = 300
PX_PER_MM = DPI / 25.4
POSTER_PX = (3508, 4961)  # A3 at 300 dpi
BLEED = 3.0
SLUG = 10.0  # room outside the bleed for crop marks
SHARE_PX = 1080
QUIET = 3  # modules of white around a QR code, inside its box


# -- what a poster says ---------------------------------------------------------------------------------


@dataclass
class PosterSpec:
    lang: str
    title: str
    brand: str
    date: str
    time: str
    venue: str
    organiser: str
    occasion: str = ""
    partners: list[str] = field(default_factory=list)
    lecturers: list[str] = field(default_factory=list)
    lessons: list[str] = field(default_factory=list)
    slogan: str = ""
    #: (character, syllable) pairs for pinyin over the slogan (village edition, Chinese); empty otherwise
    slogan_pinyin: list[tuple[str, str | None]] = field(default_factory=list)
    #: extra-language versions of the slogan: (language name, text)
    slogan_extra: list[tuple[str, str]] = field(default_factory=list)
    qr_url: str | None = None
    village: bool = False


# -- layout primitives (units: mm on posters, px on the share image) --------------------------------------


@dataclass
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str
    radius: float = 0.0


@dataclass
class Circle:
    cx: float
    cy: float
    r: float
    fill: str | None = None
    stroke: str | None = None
    width: float = 0.0


@dataclass
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    color: str
    width: float


@dataclass
class Text:
    """One line of text, left edge at ``x``, baseline at ``baseline``; ``size`` is the em size."""

    x: float
    baseline: float
    text: str
    size: float
    bold: bool
    color: str
    width: float  # measured


@dataclass
class QR:
    x: float
    y: float
    size: float
    url: str


@dataclass
class Box:
    """A region text was fitted into (kept for tests: every line must lie inside its box)."""

    name: str
    x: float
    y: float
    w: float
    h: float
    lines: list[Text] = field(default_factory=list)


@dataclass
class Layout:
    width: float
    height: float
    items: list[Rect | Circle | Line | Text | QR] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    bleed: float = 0.0

    def texts(self) -> Iterable[Text]:
        return (i for i in self.items if isinstance(i, Text))


class _Builder:
    def __init__(self, layout: Layout, fonts: KitFonts) -> None:
        self.layout = layout
        self.regular = Measure(fonts.regular)
        self.bold = Measure(fonts.bold)

    def add(self, *items: Rect | Circle | Line | Text | QR) -> None:
        self.layout.items.extend(items)

    def measure(self, bold: bool) -> Measure:
        return self.bold if bold else self.regular

    def text_box(
        self, name: str, text: str, *, x: float, y: float, w: float, h: float, max_size: float, min_size: float,
        bold: bool = False, color: str = INK, align: str = "left", leading: float = 1.25, max_lines: int | None = None,
        balance: bool = False, valign: str = "top",
    ) -> tuple[Fitted, Box]:
        """Fit ``text`` into the box and place its lines; returns the fit and the box actually used."""
        measure = self.measure(bold)
        fitted = fit(text, measure, width=w, height=h, max_size=max_size, min_size=min_size, leading=leading,
                     max_lines=max_lines, balance=balance)
        box = Box(name, x, y, w, h)
        # First baseline: the ascent below the top; the block's height is lines × leading.
        used = fitted.height
        top = y + (h - used) / 2 if valign == "middle" else y
        half_leading = (fitted.line_height - (measure.ascent + measure.descent) * fitted.size) / 2
        for i, line in enumerate(fitted.lines):
            width = measure.width(line, fitted.size)
            lx = x if align == "left" else x + (w - width) / 2 if align == "center" else x + w - width
            baseline = top + half_leading + measure.ascent * fitted.size + i * fitted.line_height
            line_item = Text(lx, baseline, line, fitted.size, bold, color, width)
            box.lines.append(line_item)
            self.add(line_item)
        self.layout.boxes.append(box)
        return fitted, box

    def dandelion(self, cx: float, cy: float, r: float, color: str, accent: str, stem: bool = True) -> None:
        """The seed-head mark: rays with seeds, a yellow heart, a stem."""
        width = max(r * 0.045, 0.05)
        if stem:
            self.add(Line(cx, cy, cx + r * 0.08, cy + r * 2.0, color, width * 1.6))
        for i in range(16):
            a = math.radians(i * 22.5 + 11.25)
            x, y = cx + r * math.cos(a), cy + r * math.sin(a)
            self.add(Line(cx, cy, x, y, color, width))
            self.add(Circle(x, y, r * 0.1, fill=color))
        self.add(Circle(cx, cy, r * 0.3, fill=accent, stroke=color, width=width))


# -- the A3 poster -----------------------------------------------------------------------------------------


def layout_poster(spec: PosterSpec, fonts: KitFonts) -> Layout:
    """The A3 poster. The title gets up to 128 mm, less when the details below would otherwise get small."""
    layout = Layout(*A3)
    for title_budget in (128.0, 116.0, 104.0, 92.0, 82.0, 72.0):
        layout, info_size = _layout_poster(spec, fonts, title_budget)
        if info_size >= 8.5:
            break
    return layout


def _layout_poster(spec: PosterSpec, fonts: KitFonts, title_budget: float) -> tuple[Layout, float]:
    page_width, page_height = A3
    layout = Layout(page_width, page_height, bleed=BLEED)
    builder = _Builder(layout, fonts)
    margin = 20.0
    inner = page_width - 2 * margin
    strings = catalogue(spec.lang)

    # Title block first (its height decides the green band's), drawn after the band.
    title_top = 58.0 if spec.occasion else 44.0
    band_items = layout.items
    layout.items = []
    fitted, _box = builder.text_box("title", spec.title, x=margin, y=title_top, w=inner, h=title_budget, max_size=31.0,
                              min_size=12.0, bold=True, color=WHITE, leading=1.22, balance=True)
    title_items, layout.items = layout.items, band_items
    band_bottom = max(title_top + fitted.height + 18.0, 150.0)

    builder.add(Rect(-BLEED, -BLEED, page_width + 2 * BLEED, band_bottom + BLEED, GREEN))
    # A large seed head in a slightly lighter green, bleeding off the right edge behind the title.
    builder.dandelion(page_width - 30, band_bottom - 48, 62, MID_GREEN, MID_GREEN, stem=False)
    builder.dandelion(margin + 6, 20.5, 6.2, YELLOW, YELLOW, stem=False)
    builder.text_box("brand", spec.brand, x=margin + 16, y=14.0, w=inner - 16, h=13.0, max_size=8.5, min_size=5.0,
               bold=True, color=WHITE, max_lines=1)
    if spec.occasion:
        measure = builder.measure(True)
        size = 7.5
        tw = min(measure.width(spec.occasion, size), inner - 14)
        builder.add(Rect(margin, 33.0, tw + 14, 15.0, YELLOW, radius=7.5))
        builder.text_box("occasion", spec.occasion, x=margin + 7, y=33.0, w=tw + 0.5, h=15.0, max_size=size, min_size=4.5,
                   bold=True, color=GREEN, max_lines=1, valign="middle", leading=1.45)
    layout.items.extend(title_items)

    y = band_bottom
    # Slogan band (yellow, full bleed), with pinyin over the Chinese in village posters.
    if spec.slogan:
        y = _slogan_band(builder, spec, y, page_width, margin, inner)

    footer_top = page_height - 46.0
    info_top = y + 14.0
    info_bottom = footer_top - 12.0
    qr_size = 62.0
    info_w = inner - (qr_size + 14.0 if spec.qr_url else 0)
    if spec.qr_url:
        qr_y = info_top + (info_bottom - info_top - qr_size - 14.0) / 2
        builder.add(Rect(page_width - margin - qr_size, qr_y, qr_size, qr_size, WHITE))
        builder.add(QR(page_width - margin - qr_size, qr_y, qr_size, spec.qr_url))
        builder.text_box("qr-caption", strings.gettext("kit.scan_event"), x=page_width - margin - qr_size - 6, y=qr_y + qr_size + 2,
                   w=qr_size + 12, h=12.0, max_size=6.0, min_size=3.5, color=GREEN, align="center", max_lines=2, bold=True)

    rows = [
        (strings.gettext("kit.date"), spec.date),
        (strings.gettext("kit.time"), spec.time),
        (strings.gettext("kit.venue"), spec.venue),
        (strings.ngettext("kit.lessons", len(spec.lessons)),
         strings.gettext("kit.titles_separator").join(strings.gettext("kit.title_quoted", title=x) for x in spec.lessons)),
        (strings.ngettext("kit.lecturers", len(spec.lecturers)), strings.format_list(spec.lecturers)),
    ]
    rows = [(label, value) for label, value in rows if value]
    info_size = _info_rows(builder, rows, x=margin, y=info_top, w=info_w, h=info_bottom - info_top)

    # Footer: organisers.
    builder.add(Rect(-BLEED, footer_top, page_width + 2 * BLEED, page_height - footer_top + BLEED, GREEN))
    org = f"{strings.gettext('kit.organiser')}{strings.gettext('kit.colon')}{spec.organiser}"
    builder.text_box("organiser", org, x=margin, y=footer_top + 8, w=inner, h=14.0, max_size=8.0, min_size=4.5, bold=True,
               color=WHITE, max_lines=1)
    if spec.partners:
        partners = f"{strings.gettext('kit.partners')}{strings.gettext('kit.colon')}{strings.format_list(spec.partners)}"
        builder.text_box("partners", partners, x=margin, y=footer_top + 23, w=inner, h=16.0, max_size=6.0, min_size=3.8,
                   color=WHITE, max_lines=2)
    return layout, info_size


def _slogan_band(builder: _Builder, spec: PosterSpec, y: float, page_width: float, margin: float, inner: float) -> float:
    pad = 11.0
    extra_h = 11.0 * len(spec.slogan_extra)
    if spec.slogan_pinyin:
        size = _fit_ruby_size(builder, spec.slogan_pinyin, inner, max_size=24.0, min_size=9.0)
        ruby_h = size * 0.5 * 1.3
        height = pad * 2 + ruby_h + size * 1.25 + extra_h
        builder.add(Rect(-BLEED, y, page_width + 2 * BLEED, height, YELLOW))
        _ruby_line(builder, spec.slogan_pinyin, x=margin, y=y + pad, w=inner, size=size)
        ty = y + pad + ruby_h + size * 1.25
    else:
        measure = builder.measure(True)
        fitted = fit(spec.slogan, measure, width=inner, height=50.0, max_size=24.0, min_size=8.0, leading=1.25, balance=True)
        height = pad * 2 + fitted.height + extra_h
        builder.add(Rect(-BLEED, y, page_width + 2 * BLEED, height, YELLOW))
        builder.text_box("slogan", spec.slogan, x=margin, y=y + pad, w=inner, h=fitted.height + 0.01, max_size=fitted.size,
                   min_size=fitted.size, bold=True, color=GREEN, align="center", balance=True)
        ty = y + pad + fitted.height
    for label, text in spec.slogan_extra:
        builder.text_box(f"slogan-{label}", f"{label}：{text}", x=margin, y=ty + 1.5, w=inner, h=9.5, max_size=7.0, min_size=4.0,
                   color=GREEN, align="center", max_lines=1)
        ty += 11.0
    return y + height


def _fit_ruby_size(builder: _Builder, pairs: list[tuple[str, str | None]], width: float, max_size: float, min_size: float) -> float:
    size = max_size
    while size > min_size and _ruby_width(builder, pairs, size) > width:
        size *= 0.96
    return max(size, min_size)


def _ruby_cells(builder: _Builder, pairs: list[tuple[str, str | None]], size: float) -> list[tuple[str, str | None, float]]:
    """Each character with the width of its cell: wide enough for the character and its syllable."""
    bold_measure, regular_measure = builder.measure(True), builder.measure(False)
    # Every annotated character gets the same cell (the widest syllable's), so the characters keep an even
    # rhythm, as in school books; punctuation keeps its own width.
    han = [max(bold_measure.width(ch, size), regular_measure.width(syl, size * 0.5) + size * 0.12) for ch, syl in pairs if syl]
    cell = max(han, default=0.0)
    return [(ch, syl, cell if syl else bold_measure.width(ch, size)) for ch, syl in pairs]


def _ruby_width(builder: _Builder, pairs: list[tuple[str, str | None]], size: float) -> float:
    return sum(w for _, _, w in _ruby_cells(builder, pairs, size))


def _ruby_line(builder: _Builder, pairs: list[tuple[str, str | None]], *, x: float, y: float, w: float, size: float) -> None:
    """One centred line of characters, each with its syllable centred above it."""
    bold_measure, regular_measure = builder.measure(True), builder.measure(False)
    cells = _ruby_cells(builder, pairs, size)
    total = sum(c[2] for c in cells)
    cx = x + (w - total) / 2
    ruby_size = size * 0.5
    ruby_base = y + regular_measure.ascent * ruby_size
    base = y + ruby_size * 1.3 + (size * 1.25 - (bold_measure.ascent + bold_measure.descent) * size) / 2 + bold_measure.ascent * size
    box = Box("slogan", x, y, w, ruby_size * 1.3 + size * 1.25)
    for ch, syl, cw in cells:
        chw = bold_measure.width(ch, size)
        character_item = Text(cx + (cw - chw) / 2, base, ch, size, True, GREEN, chw)
        builder.add(character_item)
        box.lines.append(character_item)
        if syl:
            sw = regular_measure.width(syl, ruby_size)
            syllable_item = Text(cx + (cw - sw) / 2, ruby_base, syl, ruby_size, False, GREEN, sw)
            builder.add(syllable_item)
            box.lines.append(syllable_item)
        cx += cw
    builder.layout.boxes.append(box)


def _info_rows(builder: _Builder, rows: list[tuple[str, str]], *, x: float, y: float, w: float, h: float) -> float:
    """Label/value rows (日期 / 时间 / 地点 …), centred in the block; the size shrinks until all rows fit.

    Returns the size used (the poster gives the title less room when it gets small).
    """
    label_w = 30.0
    value_w = w - label_w
    size = 12.0
    while True:
        fits = [fit(value, builder.measure(i < 2), width=value_w, height=10**6, max_size=size, min_size=size, leading=1.3,
                    balance=False) for i, (_l, value) in enumerate(rows)]
        gap = size * 0.75
        total = sum(f.height for f in fits) + gap * (len(rows) - 1)
        if total <= h or size <= 5.0:
            break
        size *= 0.95
    cy = y + max(0.0, (h - total) / 2)
    for i, ((label, value), fitted) in enumerate(zip(rows, fits, strict=True)):
        bold = i < 2  # date and time stand out
        builder.text_box(f"label-{i}", label, x=x, y=cy + (fitted.line_height - size * 0.62 * 1.3) / 2, w=label_w - 4,
                   h=size * 0.62 * 1.3 + 0.01, max_size=size * 0.62, min_size=3.5, bold=True, color=GREEN, max_lines=1,
                   leading=1.3)
        builder.text_box(f"value-{i}", value, x=x + label_w, y=cy, w=value_w, h=fitted.height + 0.01, max_size=fitted.size,
                   min_size=fitted.size, bold=bold, color=INK, leading=1.3)
        if i < len(rows) - 1:
            builder.add(Line(x, cy + fitted.height + gap / 2, x + w, cy + fitted.height + gap / 2, "#c9d9d3", 0.35))
        cy += fitted.height + gap
    return size


# -- the square share image ----------------------------------------------------------------------------


def layout_share(spec: PosterSpec, fonts: KitFonts) -> Layout:
    """1080×1080 px for WeChat groups: title, date and place, slogan, QR code (units: px)."""
    side = float(SHARE_PX)
    margin = 64.0
    inner = side - 2 * margin
    slogan_h = 260.0 if spec.slogan or spec.qr_url else 0.0
    qr = 220.0 if spec.qr_url else 0.0

    def build(dy: float) -> tuple[Layout, float]:
        layout = Layout(side, side)
        builder = _Builder(layout, fonts)
        builder.add(Rect(0, 0, side, side, GREEN))
        builder.dandelion(side - 120, 330, 230, MID_GREEN, MID_GREEN, stem=False)
        builder.dandelion(margin + 20, 84, 20, YELLOW, YELLOW, stem=False)
        builder.text_box("brand", spec.brand, x=margin + 56, y=62, w=inner - 56, h=46, max_size=32, min_size=20, bold=True,
                   color=WHITE, max_lines=1)
        y = 140.0
        if spec.occasion:
            measure = builder.measure(True)
            tw = min(measure.width(spec.occasion, 30), inner - 48)
            builder.add(Rect(margin, y, tw + 48, 54, YELLOW, radius=27))
            builder.text_box("occasion", spec.occasion, x=margin + 24, y=y, w=tw + 1, h=54, max_size=30, min_size=18, bold=True,
                       color=GREEN, max_lines=1, valign="middle", leading=1.45)
            y += 78
        top = y
        y += dy
        bottom = side - slogan_h - 24
        title_h = bottom - y - 150
        fitted, _ = builder.text_box("title", spec.title, x=margin, y=y, w=inner, h=title_h, max_size=92, min_size=38, bold=True,
                               color=WHITE, leading=1.2, balance=True)
        y += fitted.height + 22
        when = f"{spec.date}  {spec.time}".strip()
        f2, _ = builder.text_box("when", when, x=margin, y=y, w=inner, h=60, max_size=42, min_size=24, bold=True, color=YELLOW,
                           max_lines=1)
        y += f2.height + 6
        f3, _ = builder.text_box("venue", spec.venue, x=margin, y=y, w=inner, h=bottom - y, max_size=38, min_size=22,
                           color=WHITE, max_lines=2)
        y += f3.height
        if slogan_h:
            band = side - slogan_h
            builder.add(Rect(0, band, side, slogan_h, YELLOW))
            text_w = inner - (qr + 40 if qr else 0)
            if spec.slogan:
                builder.text_box("slogan", spec.slogan, x=margin, y=band + 30, w=text_w, h=slogan_h - 60, max_size=76, min_size=34,
                           bold=True, color=GREEN, valign="middle", balance=True)
            if qr:
                builder.add(QR(side - margin - qr + 20, band + (slogan_h - qr) / 2, qr, spec.qr_url or ""))
        return layout, (bottom - y) - (top - top)

    layout, spare = build(0.0)
    if spare > 8:
        layout, _ = build(spare / 2)  # centre the title and details in the space above the band
    return layout


# -- painting ------------------------------------------------------------------------------------------


def _qr_matrix(url: str) -> list[list[bool]]:
    qr = segno.make(url, error="m", micro=False)
    return [[bool(v) for v in row] for row in qr.matrix]


def paint_png(layout: Layout, fonts: KitFonts, scale: float, size_px: tuple[int, int]) -> Image.Image:
    """Draw the layout with Pillow at ``scale`` pixels per layout unit."""
    img = Image.new("RGB", size_px, WHITE)
    draw = ImageDraw.Draw(img)

    def scaled(value: float) -> float:
        return value * scale

    for item in layout.items:
        if isinstance(item, Rect):
            box = [scaled(item.x), scaled(item.y), scaled(item.x + item.w) - 1, scaled(item.y + item.h) - 1]
            if item.radius:
                draw.rounded_rectangle(box, radius=scaled(item.radius), fill=item.fill)
            else:
                draw.rectangle(box, fill=item.fill)
        elif isinstance(item, Circle):
            box = [scaled(item.cx - item.r), scaled(item.cy - item.r), scaled(item.cx + item.r), scaled(item.cy + item.r)]
            draw.ellipse(box, fill=item.fill, outline=item.stroke, width=max(1, round(scaled(item.width))) if item.stroke else 0)
        elif isinstance(item, Line):
            draw.line([scaled(item.x1), scaled(item.y1), scaled(item.x2), scaled(item.y2)], fill=item.color, width=max(1, round(scaled(item.width))))
        elif isinstance(item, Text):
            face = (fonts.bold if item.bold else fonts.regular).covering(item.text)
            font = pil_font(face.file, face.index, max(1, round(scaled(item.size))))
            draw.text((scaled(item.x), scaled(item.baseline)), item.text, font=font, fill=item.color, anchor="ls")
        elif isinstance(item, QR):
            matrix = _qr_matrix(item.url)
            n = len(matrix)
            module = max(1, int(scaled(item.size) // (n + 2 * QUIET)))
            ox = round(scaled(item.x) + (scaled(item.size) - module * n) / 2)
            oy = round(scaled(item.y) + (scaled(item.size) - module * n) / 2)
            draw.rectangle([round(scaled(item.x)), round(scaled(item.y)), round(scaled(item.x + item.size)) - 1,
                            round(scaled(item.y + item.size)) - 1], fill=WHITE)
            for r, row in enumerate(matrix):
                for c, dark in enumerate(row):
                    if dark:
                        draw.rectangle([ox + c * module, oy + r * module, ox + (c + 1) * module - 1, oy + (r + 1) * module - 1],
                                       fill="#000000")
    return img


def png_bytes(img: Image.Image, *, dpi: int | None = None, palette: bool = False) -> bytes:
    buf = io.BytesIO()
    if palette:
        img = img.quantize(colors=96, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    options: dict = {"optimize": True}
    if dpi:
        options["dpi"] = (dpi, dpi)
    img.save(buf, format="PNG", **options)
    return buf.getvalue()


def render_poster_png(spec: PosterSpec, fonts: KitFonts) -> bytes:
    img = paint_png(layout_poster(spec, fonts), fonts, PX_PER_MM, POSTER_PX)
    return png_bytes(img, dpi=DPI)


def render_share_png(spec: PosterSpec, fonts: KitFonts) -> bytes:
    img = paint_png(layout_share(spec, fonts), fonts, 1.0, (SHARE_PX, SHARE_PX))
    data = png_bytes(img, palette=False)
    if len(data) > 450_000:
        data = png_bytes(img, palette=True)
    return data


def _svg_items(layout: Layout) -> str:
    out = []
    for item in layout.items:
        if isinstance(item, Rect):
            out.append(f'<rect x="{item.x:.3f}" y="{item.y:.3f}" width="{item.w:.3f}" height="{item.h:.3f}" '
                       f'rx="{item.radius:.3f}" fill="{item.fill}"/>')
        elif isinstance(item, Circle):
            stroke = f' stroke="{item.stroke}" stroke-width="{item.width:.3f}"' if item.stroke else ""
            out.append(f'<circle cx="{item.cx:.3f}" cy="{item.cy:.3f}" r="{item.r:.3f}" fill="{item.fill or "none"}"{stroke}/>')
        elif isinstance(item, Line):
            out.append(f'<line x1="{item.x1:.3f}" y1="{item.y1:.3f}" x2="{item.x2:.3f}" y2="{item.y2:.3f}" '
                       f'stroke="{item.color}" stroke-width="{item.width:.3f}" stroke-linecap="round"/>')
        elif isinstance(item, QR):
            matrix = _qr_matrix(item.url)
            n = len(matrix)
            mod = item.size / (n + 2 * QUIET)
            qx, qy = item.x + QUIET * mod, item.y + QUIET * mod
            path = "".join(f"M{qx + c * mod:.3f} {qy + r * mod:.3f}h{mod:.3f}v{mod:.3f}h{-mod:.3f}z"
                           for r, row in enumerate(matrix) for c, dark in enumerate(row) if dark)
            out.append(f'<rect x="{item.x:.3f}" y="{item.y:.3f}" width="{item.size:.3f}" height="{item.size:.3f}" fill="#fff"/>'
                       f'<path d="{path}" fill="#000"/>')
    return "".join(out)


def poster_html(layout: Layout, spec: PosterSpec, fonts: KitFonts) -> str:
    """The layout as one HTML page: shapes in one SVG clipped at the bleed, text as positioned lines."""
    page_width, page_height, bleed = layout.width, layout.height, layout.bleed
    regular_measure, bold_measure = Measure(fonts.regular), Measure(fonts.bold)
    lines = []
    for item in layout.texts():
        measure = bold_measure if item.bold else regular_measure
        top = item.baseline - measure.ascent * item.size
        lines.append(
            f'<div class="t{" b" if item.bold else ""}" style="left:{item.x:.3f}mm;top:{top:.3f}mm;font-size:{item.size:.3f}mm;'
            f'line-height:{(measure.ascent + measure.descent) * item.size:.3f}mm;color:{item.color}">{escape(item.text)}</div>'
        )
    marks = []
    off = bleed  # marks start at the bleed edge and run 7 mm out into the slug
    length = SLUG - 3
    for x in (0.0, page_width):
        for y, sign in ((0.0, -1), (page_height, 1)):
            marks.append(f'<div class="mk v" style="left:{x - 0.05:.3f}mm;top:{(y + sign * off) if sign > 0 else (y - off - length):.3f}mm;height:{length}mm"></div>')
    for y in (0.0, page_height):
        for x, sign in ((0.0, -1), (page_width, 1)):
            marks.append(f'<div class="mk h" style="top:{y - 0.05:.3f}mm;left:{(x + off) if sign > 0 else (x - off - length):.3f}mm;width:{length}mm"></div>')
    slug_text = escape(f"{spec.title} · A3 297×420 mm · bleed 3 mm")
    return f"""<!doctype html>
<html lang="{"zh-Hans" if is_chinese(spec.lang) else spec.lang}">
<head><meta charset="utf-8"><title>{escape(spec.title)}</title>
<meta name="author" content="{escape(spec.organiser)}">
<style>
{fonts.font_face_css()}
@page {{ size: {page_width}mm {page_height}mm; margin: 0; bleed: {bleed + SLUG}mm; }}
html {{ font-family: {fonts.css_family}; }}
body {{ margin: 0; }}
.art {{ position: absolute; left: {-bleed}mm; top: {-bleed}mm; width: {page_width + 2 * bleed}mm; height: {page_height + 2 * bleed}mm; }}
.t {{ position: absolute; white-space: nowrap; font-weight: 400; }}
.b {{ font-weight: 700; }}
.mk {{ position: absolute; background: #000; }}
.mk.v {{ width: 0.1mm; }}
.mk.h {{ height: 0.1mm; }}
.slug {{ position: absolute; left: 15mm; top: {page_height + bleed + 1.5}mm; font-size: 2.2mm; color: #000; white-space: nowrap; }}
</style></head>
<body>
<svg class="art" viewBox="{-bleed} {-bleed} {page_width + 2 * bleed} {page_height + 2 * bleed}" xmlns="http://www.w3.org/2000/svg">{_svg_items(layout)}</svg>
{"".join(lines)}
{"".join(marks)}
<div class="slug">{slug_text}</div>
</body></html>
"""
