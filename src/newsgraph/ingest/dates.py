"""Publication dates as ISO calendar dates, or None: a date a reader cannot trust is kept aside.

A value is accepted only when it names a whole day: dateutil fills missing parts from a
default, so the value is parsed against two different defaults and refused when they
disagree ("March 2023" is not a publication date).
"""

from __future__ import annotations

import re
import time
from datetime import UTC, date, datetime
from typing import Any

from dateutil import parser

_DEFAULTS = (datetime(2000, 1, 1), datetime(2001, 2, 2))
_MIN_YEAR = 1800
_MAX_YEAR = 2200
# Timestamps from 1973 to 2096: smaller or larger numbers are no dates.
_MIN_EPOCH_SECONDS = 1e8
_MAX_EPOCH_SECONDS = 4e9
# A four-digit year (not a "+0500" offset): dateutil would read "0001" as 2001.
_YEAR = re.compile(r"(?<![+\-:\d])\d{4}(?!\d)")


def iso_date(value: Any) -> str | None:
    """``value`` (a string, date, datetime, struct_time or Unix timestamp) as YYYY-MM-DD, or None."""
    if isinstance(value, date):
        day = value.date() if isinstance(value, datetime) else value
        return day.isoformat() if _MIN_YEAR <= day.year <= _MAX_YEAR else None
    if isinstance(value, time.struct_time):
        # feedparser gives year 0 or 10000 for dates at the edge of the calendar with an offset
        if not _MIN_YEAR <= value.tm_year <= _MAX_YEAR:
            return None
        try:
            return date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
        except ValueError:
            return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _from_epoch(value)
    if not isinstance(value, str) or not value.strip() or len(value) > 100:
        return None
    if any(not _MIN_YEAR <= int(year) <= _MAX_YEAR for year in _YEAR.findall(value)):
        return None
    try:
        first, second = (parser.parse(value.strip(), default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError, TypeError):
        return None
    if first.date() != second.date() or not _MIN_YEAR <= first.year <= _MAX_YEAR:
        return None
    return first.date().isoformat()


def set_published(metadata: dict[str, Any], value: Any) -> str | None:
    """The ISO date of ``value``; an unreadable one is kept as ``metadata['published_raw']``."""
    if value is None or value == "":
        return None
    published = iso_date(value)
    if published is None:
        metadata["published_raw"] = value if isinstance(value, str | int | float) else str(value)
    return published


def _from_epoch(seconds: float) -> str | None:
    """A Unix timestamp (seconds, or milliseconds as exports often give) as its UTC date."""
    if seconds > _MAX_EPOCH_SECONDS:
        seconds /= 1000
    if not _MIN_EPOCH_SECONDS <= seconds <= _MAX_EPOCH_SECONDS:
        return None
    return datetime.fromtimestamp(seconds, tz=UTC).date().isoformat()
