"""Date expressions to calendar values, relative to a publication date.

Pure functions over lowercased words, so each rule can be tested without spaCy:
weekdays, "today"/"yesterday"/"tomorrow", "last week", "the weekend", "Dec. 1",
"in March", "2019", "three days ago". Whatever cannot be resolved gives None and a
reason (an impossible "February 30", a publication date in the year 9999 plus one
day), never an exception.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from newsgraph.pipeline.dates.calendar import date_words, interval, month_span, period, shift, weekday
from newsgraph.pipeline.dates.ranges import plausible_year, year_range
from newsgraph.pipeline.figures.numbers import read_phrase


@dataclass(frozen=True)
class Resolution:
    """The value of a date expression, or None with the reason."""

    value: str | None
    handled: bool = True  # False: no rule here knows these words (the residue goes to dateparser)
    problem: str | None = None


UNHANDLED = Resolution(None, handled=False)
# Words that tie a week, month or year to the time of writing ("this week"), unlike "a single year".
DEICTIC = frozenset({"this", "last", "next", "past", "previous", "coming"})


def _overflow(problem: str = "the date falls outside the calendar (years 1 to 9999)") -> Resolution:
    return Resolution(None, problem=problem)


def _relative(words: Sequence[str], published: date, future: bool) -> Resolution:
    """Rules that need the publication date."""
    lexicon = date_words()
    text = " ".join(words)
    for word, offset in lexicon.days.items():
        if word in words:
            day = shift(published, offset)
            return Resolution(day.isoformat()) if day else _overflow()
    if "last night" in text or "overnight" in words:
        day = shift(published, -1)
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
            day = shift(published, -7)
        return Resolution(day.isoformat()) if day else _overflow()
    if "weekend" in words:
        later = (future or "next" in words or "coming" in words) and "last" not in words and "past" not in words
        saturday = weekday(5, published, later) if published.weekday() != 6 or later else shift(published, -1)
        return Resolution(interval(saturday, shift(saturday, 1) if saturday else None)) if saturday else _overflow()
    for unit in ("week", "month", "year"):
        if unit not in words or len(words) > 4 or not DEICTIC & set(words):
            continue
        if "past" in words:  # "the past week": the days up to publication, not the calendar week before
            back = {"week": 6, "month": 29, "year": 364}[unit]
            value = interval(shift(published, -back), published)
            return Resolution(value) if value else _overflow()
        step = -1 if ("last" in words or "previous" in words) else 0
        step = 1 if "next" in words or "coming" in words else step
        value = period(unit, published, step)
        return Resolution(value) if value else _overflow()
    if len(words) >= 2 and words[-1] == "ago":
        return _ago(words, published)
    return UNHANDLED


def _ago(words: Sequence[str], published: date) -> Resolution:
    """ "three days ago", "two weeks ago": a day, or the week/month/year it fell in."""
    phrase = read_phrase(list(words), 0)
    if phrase is None or not isinstance(phrase.value, int) or phrase.length + 2 != len(words):
        return UNHANDLED
    unit = words[-2].rstrip("s")
    amount = phrase.value
    if unit == "day":
        day = shift(published, -amount)
        return Resolution(day.isoformat()) if day else _overflow()
    if unit == "week":
        day = shift(published, -7 * amount)
        return Resolution(period("week", day, 0)) if day else _overflow()
    if unit in ("month", "year"):
        months = amount * (12 if unit == "year" else 1)
        index = published.year * 12 + published.month - 1 - months
        value = month_span(index // 12, index % 12 + 1) if unit == "month" else period("year", published, -amount)
        return Resolution(value) if value else _overflow()
    return UNHANDLED


def _absolute(words: Sequence[str], published: date | None, future: bool) -> Resolution:
    """ "Dec. 1", "1 December 2023", "March 3, 2024", "in March", "April 2018", "2019"."""
    lexicon = date_words()
    month = next((lexicon.months[w] for w in words if w in lexicon.months), None)
    numbers = [int(w) for w in words if w.isdigit() and len(w) <= 4]
    years = [n for n in numbers if plausible_year(str(n))]
    days = [n for n in numbers if n not in years and 1 <= n <= 31]
    ordinal = next((int(w[:-2]) for w in words if w[:-2].isdigit() and w[-2:] in ("st", "nd", "rd", "th")), None)
    if ordinal is not None and 1 <= ordinal <= 31:
        days.append(ordinal)
    if month is None:
        both = year_range(words)
        if both is not None:  # "2017-18", "the 2017–2018 season"
            return Resolution(interval(date(both[0], 1, 1), date(both[1], 12, 31)))
        if len(years) == 1 and not days and len(numbers) == 1:
            return Resolution(interval(date(years[0], 1, 1), date(years[0], 12, 31)))
        if len(years) == 2 == len(numbers) and years[0] < years[1] and {"-", "–", "to", "through", "and"} & set(words):
            return Resolution(interval(date(years[0], 1, 1), date(years[1], 12, 31)))
        decades = [int(w[:4]) for w in words if len(w) == 5 and w.endswith("s") and w[:4].isdigit() and w[3] == "0"]
        if len(decades) == 1 and 1000 <= decades[0] <= 9990:
            return Resolution(interval(date(decades[0], 1, 1), date(decades[0] + 9, 12, 31)))
        return UNHANDLED
    year = years[0] if years else None
    if year is None and published is not None and "year" in words and {"next", "last"} & set(words):
        year = published.year + (1 if "next" in words else -1)  # "March of next year"
    if len(days) == 2 and days[0] < days[1] and {"-", "–", "to", "through"} & set(words):
        # One year for both ends: the one the start falls in under a past verb, the end under a future.
        anchor = _day_of_month(year, month, days[1] if future else days[0], published, future)
        if anchor.value is None:
            return anchor
        first, last = (_day_of_month(int(anchor.value[:4]), month, d, published, future) for d in days[:2])
        if first.value and last.value:
            return Resolution(f"{first.value}/{last.value}")
    if days:
        return _day_of_month(year, month, days[0], published, future)
    if year is None:
        if published is None:
            return Resolution(None)
        year = _year_of_month(month, _modifier(words), published, future)
    value = month_span(year, month)
    return Resolution(value) if value else _overflow()


def _modifier(words: Sequence[str]) -> str:
    """The word right before the month name ("next" of "next October"), or ""."""
    months = date_words().months
    index = next(i for i, w in enumerate(words) if w in months)
    return words[index - 1] if index > 0 else ""


def _year_of_month(month: int, modifier: str, published: date, future: bool) -> int:
    """The year of a month named without one: "next October" ahead, "last October" back, else by tense.

    Under a past verb the month is the last one on or before publication, under a future
    the next one on or after it; "this October" is the publication year's.
    """
    year = published.year
    if modifier == "this":
        return year
    if modifier in ("next", "coming"):
        return year if month > published.month else year + 1
    if modifier in ("last", "past", "previous"):
        return year if month < published.month else year - 1
    if not future and month > published.month:
        return year - 1
    if future and month < published.month:
        return year + 1
    return year


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
