"""generator.clock: the build date is explicit, reproducible and in Hainan's time zone."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.clock import ZONE, build_date, build_time
from generator.errors import UsageError


def test_an_explicit_date_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert build_date(dt.date(2027, 3, 3)) == dt.date(2027, 3, 3)


def test_source_date_epoch_is_read_in_asia_shanghai(monkeypatch: pytest.MonkeyPatch) -> None:
    # 2026-06-25 17:00 UTC is already 26 June in Haikou
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2026, 6, 25, 17, 0, tzinfo=dt.UTC).timestamp())))
    assert build_date() == dt.date(2026, 6, 26)
    assert build_time().utcoffset() == dt.timedelta(hours=8)


def test_without_either_it_is_today_in_hainan(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert build_date() == dt.datetime.now(ZONE).date()


def test_a_broken_source_date_epoch_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(UsageError, match="SOURCE_DATE_EPOCH must be a whole number"):
        build_date()
