"""The build's notion of "today": explicit, reproducible, and in Hainan's time zone.

What a page shows as upcoming, what ``check`` calls a past event and the time stamps of calendar feeds all
depend on the date. A build must not quietly depend on the machine's clock and time zone: the date is, in
order, the one given (``--today``), the one in ``SOURCE_DATE_EPOCH`` (the reproducible-builds convention: two
builds of the same sources give the same bytes), or today in Asia/Shanghai.
"""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

from .errors import UsageError

ZONE = ZoneInfo("Asia/Shanghai")


def build_time(explicit: dt.date | None = None) -> dt.datetime:
    """The moment the build stands at, as an aware datetime in Asia/Shanghai."""
    if explicit is not None:
        return dt.datetime.combine(explicit, dt.time(0, 0), ZONE)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), ZONE)
        except (ValueError, OverflowError, OSError):
            raise UsageError(f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not {epoch!r}") from None
    return dt.datetime.now(ZONE)


def build_date(explicit: dt.date | None = None) -> dt.date:
    """The build's "today" (see the module docstring)."""
    return build_time(explicit).date()
