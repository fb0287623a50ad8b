"""Date expressions to calendar values, relative to a publication date.

Pure functions over lowercased words, so each rule can be tested without spaCy:
weekdays, "today"/"yesterday"/"tomorrow", "last week", "the weekend", "Dec. 1",
"in March", "2019", "three days ago". A value is an ISO date or an ISO interval
"start/end". Whatever cannot be resolved gives None and a reason (an impossible
"February 30", a publication date in the year 9999 plus one day), never an exception.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from newsgraph.pipeline.lexicons import load_data
from newsgraph.pipeline.numbers import read_phrase


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
    )


@dataclass(frozen=True)
class Resolution:
    """The value of a date expression, or None with the reason."""

    value: str | None
    handled: bool = True  # False: no rule here knows these words (the residue goes to dateparser)
    problem: str | None = None


UNHANDLED = Resolution(None, handled=False)
# Words that tie a week, month or year to the time of writing ("this week"), unlike "a single year".
DEICTIC = frozenset({"this", "last", "next", "past", "previous", "coming"})


def parse_published(published: str | None) -> date | None:
    """The publication day from an ISO date or datetime string; None when absent or unreadable."""
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def _shift(day: date, days: int) -> date | None:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def _interval(start: date | None, end: date | None) -> str | None:
    if start is None or end is None:
        return None
    return f"{start.isoformat()}/{end.isoformat()}"


def _month(year: int, month: int) -> str | None:
    if not 1 <= year <= 9999:
        return None
    last = date(year, 12, 31) if month == 12 else _shift(date(year, month + 1, 1), -1)
    return _interval(date(year, month, 1), last)


def weekday(target: int, published: date, future: bool) -> date | None:
    """The weekday meant: in a past report the last one on or before publication, else the next one."""
    if future:
        ahead = (target - published.weekday()) % 7 or 7
        return _shift(published, ahead)
    return _shift(published, -((published.weekday() - target) % 7))


def _overflow(problem: str = "the date falls outside the calendar (years 1 to 9999)") -> Resolution:
    return Resolution(None, problem=problem)


def _relative(words: Sequence[str], published: date, future: bool) -> Resolution:
    """Rules that need the publication date."""
    lexicon = date_words()
    text = " ".join(words)
    for word, offset in lexicon.days.items():
        if word in words:
            day = _shift(published, offset)
            return Resolution(day.isoformat()) if day else _overflow()
    if "last night" in text or "overnight" in words:
        day = _shift(published, -1)
        return Resolution(day.isoformat()) if day else _overflow()
    if "this" in words and set(words) - {"this", "early", "late"} <= lexicon.parts_of_day:
        return Resolution(published.isoformat())
    days = [lexicon.weekdays[w] for w in words if w in lexicon.weekdays]
    if days:
        later = future or "next" in words
        earlier = "last" in words or "past" in words
        day = weekday(days[0], published, later and not earlier)
        if days[0] == published.weekday() and not earlier and "next" not in words:
            day = published  # "Friday" written on a Friday is that day, whatever the tense ("expected home on Friday")
        elif day == published and earlier:  # "last Friday" written on a Friday is a week back
            day = _shift(published, -7)
        return Resolution(day.isoformat()) if day else _overflow()
    if "weekend" in words:
        later = (future or "next" in words or "coming" in words) and "last" not in words and "past" not in words
        saturday = weekday(5, published, later) if published.weekday() != 6 or later else _shift(published, -1)
        return Resolution(_interval(saturday, _shift(saturday, 1) if saturday else None)) if saturday else _overflow()
    for period in ("week", "month", "year"):
        if period not in words or len(words) > 4 or not DEICTIC & set(words):
            continue
        if "past" in words:  # "the past week": the days up to publication, not the calendar week before
            back = {"week": 6, "month": 29, "year": 364}[period]
            value = _interval(_shift(published, -back), published)
            return Resolution(value) if value else _overflow()
        step = -1 if ("last" in words or "previous" in words) else 0
        step = 1 if "next" in words or "coming" in words else step
        value = _period(period, published, step)
        return Resolution(value) if value else _overflow()
    if len(words) >= 2 and words[-1] == "ago":
        return _ago(words, published)
    return UNHANDLED


def _period(period: str, published: date, step: int) -> str | None:
    if period == "week":
        monday = _shift(published, -published.weekday() + 7 * step)
        return _interval(monday, _shift(monday, 6) if monday else None)
    if period == "month":
        index = published.year * 12 + published.month - 1 + step
        return _month(index // 12, index % 12 + 1)
    year = published.year + step
    return _interval(date(year, 1, 1), date(year, 12, 31)) if 1 <= year <= 9999 else None


def _ago(words: Sequence[str], published: date) -> Resolution:
    """ "three days ago", "two weeks ago": a day, or the week/month/year it fell in."""
    phrase = read_phrase(list(words), 0)
    if phrase is None or not isinstance(phrase.value, int) or phrase.length + 2 != len(words):
        return UNHANDLED
    unit = words[-2].rstrip("s")
    amount = phrase.value
    if unit == "day":
        day = _shift(published, -amount)
        return Resolution(day.isoformat()) if day else _overflow()
    if unit == "week":
        day = _shift(published, -7 * amount)
        return Resolution(_period("week", day, 0)) if day else _overflow()
    if unit in ("month", "year"):
        months = amount * (12 if unit == "year" else 1)
        index = published.year * 12 + published.month - 1 - months
        value = _month(index // 12, index % 12 + 1) if unit == "month" else _period("year", published, -amount)
        return Resolution(value) if value else _overflow()
    return UNHANDLED


def _absolute(words: Sequence[str], published: date | None, future: bool) -> Resolution:
    """ "Dec. 1", "1 December 2023", "March 3, 2024", "in March", "April 2018", "2019"."""
    lexicon = date_words()
    month = next((lexicon.months[w] for w in words if w in lexicon.months), None)
    numbers = [int(w) for w in words if w.isdigit() and len(w) <= 4]
    years = [n for n in numbers if len(str(n)) == 4 and 1000 <= n <= 9999]
    days = [n for n in numbers if n not in years and 1 <= n <= 31]
    ordinal = next((int(w[:-2]) for w in words if w[:-2].isdigit() and w[-2:] in ("st", "nd", "rd", "th")), None)
    if ordinal is not None and 1 <= ordinal <= 31:
        days.append(ordinal)
    if month is None:
        if len(years) == 1 and not days and len(numbers) == 1:
            return Resolution(_interval(date(years[0], 1, 1), date(years[0], 12, 31)))
        if len(years) == 2 == len(numbers) and years[0] < years[1] and {"-", "–", "to", "through", "and"} & set(words):
            return Resolution(_interval(date(years[0], 1, 1), date(years[1], 12, 31)))
        decades = [int(w[:4]) for w in words if len(w) == 5 and w.endswith("s") and w[:4].isdigit() and w[3] == "0"]
        if len(decades) == 1 and 1000 <= decades[0] <= 9990:
            return Resolution(_interval(date(decades[0], 1, 1), date(decades[0] + 9, 12, 31)))
        return UNHANDLED
    year = years[0] if years else None
    if year is None and published is not None and "year" in words and {"next", "last"} & set(words):
        year = published.year + (1 if "next" in words else -1)  # "March of next year"
    if len(days) == 2 and days[0] < days[1] and {"-", "–", "to", "through"} & set(words):
        first, last = (_day_of_month(year, month, d, published, future) for d in days)
        if first.value and last.value:
            return Resolution(f"{first.value}/{last.value}")
    if days:
        return _day_of_month(year, month, days[0], published, future)
    if year is None:
        if published is None:
            return Resolution(None)
        year = published.year
        if not future and month > published.month:
            year -= 1
        elif future and month < published.month:
            year += 1
    value = _month(year, month)
    return Resolution(value) if value else _overflow()


def _day_of_month(year: int | None, month: int, day: int, published: date | None, future: bool) -> Resolution:
    if year is None:
        if published is None:
            return Resolution(None)
        year = published.year
        try:
            candidate = date(year, month, day)
        except ValueError:
            return Resolution(None, problem=f"there is no day {day} in month {month}")
        if not future and candidate > published:
            year -= 1
        elif future and candidate < published:
            year += 1
    try:
        return Resolution(date(year, month, day).isoformat())
    except ValueError:
        return Resolution(None, problem=f"there is no day {day} in month {month} of {year}")


def resolve(words: Sequence[str], published: date | None, future: bool = False) -> Resolution:
    """Resolve the lowercased words of one date expression against the publication day."""
    words = [w for w in words if w not in (",", "the", "on", "in", "of") or len(words) == 1]
    if not words:
        return UNHANDLED
    lexicon = date_words()
    absolute = _absolute(words, published, future)
    if absolute.handled and (absolute.value or absolute.problem or published is None):
        return absolute
    relative_words = set(lexicon.days) | set(lexicon.weekdays) | lexicon.parts_of_day
    relative_words |= {"week", "month", "year", "weekend", "ago"}
    if not relative_words & set(words):
        return absolute
    if published is None:
        return Resolution(None)
    return _relative(words, published, future)
