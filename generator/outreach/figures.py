"""The year's figures as the statistics page and the report show them: per dimension a table and two charts."""

from __future__ import annotations

from dataclasses import dataclass

from .. import model
from .charts import bar_chart
from .stats import Row, tally
from .strings import short_month, word

#: What the page and the report chart, in this order.
SHOWN = ("month", "region", "setting", "audience")


@dataclass(frozen=True)
class Figure:
    by: str
    heading: str
    rows: list[Row]
    charts: list[tuple[str, str]]  # (caption, SVG): talks, then people


def figures(project: model.Project, year: int, lang: str) -> list[Figure]:
    out = []
    for by in SHOWN:
        rows = tally(project, year, by, lang)
        heading = word(f"by_{by}", lang)
        labels = [short_month(int(row.key[-2:]), lang) if by == "month" else row.label for row in rows]
        charts = []
        for measure in ("talks", "people"):
            values = [getattr(row, measure) for row in rows]
            measure_word = word(measure, lang)
            what = heading if lang.startswith("zh") else heading.lower()
            if any(values):
                top = max(range(len(values)), key=values.__getitem__)
                description = word("chart_desc", lang, what=what, measure=measure_word if lang.startswith("zh") else measure_word.lower(),
                                   top=labels[top], value=values[top])
            else:
                description = word("chart_desc_empty", lang, what=what, measure=measure_word)
            charts.append((measure_word, bar_chart(list(zip(labels, values, strict=True)), chart_id=f"chart-{year}-{by}-{measure}",
                                    title=f"{year} · {heading} · {measure_word}", description=description)))
        out.append(Figure(by, heading, rows, charts))
    return out
