"""Content checks of outreach events that the statistics depend on (called from ``resolve``)."""

from __future__ import annotations

from typing import Any

from . import model as m
from .errors import Diagnostics


def check_event_report(event: m.Event, doc: Any, base: tuple, diags: Diagnostics) -> None:
    """A ``done`` event counts as a talk; without ``report.attendance`` it adds no people to the figures.

    (A done event with no report at all is warned about by ``resolve``.) A past event still ``planned``
    is not warned about here: ``stats`` and ``build`` list it as a reminder, so shipped content does not
    start failing ``check --strict`` as the calendar moves on.
    """
    if event.status == "done" and event.report is not None and event.report.attendance is None:
        diags.warning(doc.loc((*base, "report"), key=True),
                      "the event is done but its report has no `attendance:`: the statistics count it with 0 people")
