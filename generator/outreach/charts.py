"""Accessible horizontal bar charts as templated SVG.

Templated SVG rather than a charting library: the charts are plain bars with labels, the output must be
small (≤ 30 KB, inline in the page and in the PDF), keep every label as real text (so Chinese is drawn by
the reader's or WeasyPrint's CJK fonts, searchable and selectable, no embedded glyph paths) and carry
``<title>``/``<desc>`` for screen readers; matplotlib or plotly would add a heavy dependency and draw
text as paths or need JavaScript. The same numbers are always given in a table beside the chart.
"""

from __future__ import annotations

import html

BAR_HEIGHT = 18
GAP = 6
LABEL_WIDTH = 150
BAR_WIDTH = 220
VALUE_WIDTH = 50
COLOUR = "#0b5d4b"


def bar_chart(rows: list[tuple[str, int]], *, chart_id: str, title: str, description: str) -> str:
    """An SVG bar chart of ``rows`` (label, value), one line of markup per element and no blank line
    (so it can sit inside Markdown as one raw HTML block)."""
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    height = len(rows) * (BAR_HEIGHT + GAP) + GAP
    top = max((value for _, value in rows), default=0) or 1
    esc = html.escape
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="dl-chart" role="img" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{esc(title)}</title>',
        f'<desc id="{chart_id}-desc">{esc(description)}</desc>',
        '<g font-family="\'Noto Sans CJK SC\',\'Source Han Sans SC\',\'WenQuanYi Micro Hei\',sans-serif" font-size="12" fill="#1a1a1a">',
    ]
    for n, (label, value) in enumerate(rows):
        y = GAP + n * (BAR_HEIGHT + GAP)
        length = round(BAR_WIDTH * value / top, 1)
        middle = y + BAR_HEIGHT / 2 + 4
        parts.append(f'<text x="{LABEL_WIDTH - 6}" y="{middle}" text-anchor="end">{esc(_short(label))}</text>')
        if value:
            parts.append(f'<rect x="{LABEL_WIDTH}" y="{y}" width="{length}" height="{BAR_HEIGHT}" fill="{COLOUR}"/>')
        parts.append(f'<text x="{LABEL_WIDTH + length + 4}" y="{middle}">{value}</text>')
    parts.append("</g></svg>")
    return "".join(parts)


def _short(label: str, limit: int = 14) -> str:
    """Long labels (English region names) shortened so they fit beside the bars; the table has them whole."""
    wide = sum(2 if ord(ch) > 0x2E80 else 1 for ch in label)
    if wide <= limit * 2 - 6 or len(label) <= limit:
        return label
    return label[: limit * 2 - 8].rstrip() + "…" if label.isascii() else label[:limit - 1] + "…"
