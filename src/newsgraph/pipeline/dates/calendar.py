"""The calendar under the date rules: month and weekday words, days, weeks, months and years as ISO values.

Pure functions, so each can be tested without spaCy. A value is an ISO date or an ISO
interval "start/end"; arithmetic past the years 1 to 9999 gives None, never an exception.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from newsgraph.pipeline.lexicons import load_data


@dataclass(frozen=True)
class DateWords:
    months: dict[str, int]
    weekdays: dict[str, int]
    days: dict[str, int]
    parts_of_day: frozenset[str]
    future_cues: frozenset[str]
    past_cues: frozenset[str]
    modal_cues: frozenset[str]
    intention_verbs: frozenset[str]
    titles: tuple[str, ...]
    moving_verbs: frozenset[str]


@lru_cache(maxsize=1)
def date_words() -> DateWords:
    data = load_data("dates_words.json")
    return DateWords(
        months=data["months"],
        weekdays=data["weekdays"],
        days=data["days"],
        parts_of_day=frozenset(data["parts_of_day"]),
        future_cues=frozenset(data["future_cues"]),
        past_cues=frozenset(data["past_cues"]),
        modal_cues=frozenset(data["modal_cues"]),
        intention_verbs=frozenset(data["intention_verbs"]),
        titles=tuple(data["titles"]),
        moving_verbs=frozenset(data["moving_verbs"]),
    )


def parse_published(published: str | None) -> date | None:
    """The publication day from an ISO date or datetime string; None when absent or unreadable."""
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def shift(day: date, days: int) -> date | None:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def interval(start: date | None, end: date | None) -> str | None:
    if start is None or end is None:
        return None
    return f"{start.isoformat()}/{end.isoformat()}"


def month_span(year: int, month: int) -> str | None:
    if not 1 <= year <= 9999:
        return None
    last = date(year, 12, 31) if month == 12 else shift(date(year, month + 1, 1), -1)
    return interval(date(year, month, 1), last)


def weekday(target: int, published: date, future: bool) -> date | None:
    """The weekday meant: in a past report the last one on or before publication, else the next one."""
    if future:
        ahead = (target - published.weekday()) % 7 or 7
        return shift(published, ahead)
    return shift(published, -((published.weekday() - target) % 7))


def period(unit: str, published: date, step: int) -> str | None:
    """The calendar week, month or year of publication, ``step`` of them later (or earlier when negative)."""
    if unit == "week":
        monday = shift(published, -published.weekday() + 7 * step)
        return interval(monday, shift(monday, 6) if monday else None)
    if unit == "month":
        index = published.year * 12 + published.month - 1 + step
        return month_span(index // 12, index % 12 + 1)
    year = published.year + step
    return interval(date(year, 1, 1), date(year, 12, 31)) if 1 <= year <= 9999 else None
