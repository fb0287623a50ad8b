"""Publication dates as ISO calendar dates, or None: a date a reader cannot trust is kept aside.

A value is accepted only when it names a whole day: dateutil fills missing parts from a
default, so the value is parsed against two different defaults and refused when they
disagree ("March 2023" is not a publication date).
"""

from __future__ import annotations

import time
from datetime import date, datetime
from typing import Any

from dateutil import parser

_DEFAULTS = (datetime(2000, 1, 1), datetime(2001, 2, 2))
_MIN_YEAR = 1800
_MAX_YEAR = 2200


def iso_date(value: Any) -> str | None:
    """``value`` (a string, date, datetime or struct_time) as YYYY-MM-DD, or None."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time.struct_time):
        return date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
    if not isinstance(value, str) or not value.strip() or len(value) > 100:
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
