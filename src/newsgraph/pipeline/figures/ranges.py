"""A figure widened by what follows it: a second number making a range, a unit "per" another."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from newsgraph.pipeline.figures import units
from newsgraph.pipeline.figures.filters import year_like
from newsgraph.pipeline.figures.numbers import clean, read_phrase, read_token

RANGE_WORDS = frozenset({"to", "-", "–", "—"})
PER_WORDS = frozenset({"per", "a", "an", "/"})


def unit_after(texts: Sequence[str], spaces: Sequence[bool], end: int) -> tuple[str, int] | None:
    """The unit after a number, possibly hyphenated to it ("50-year-old", "5-mpg")."""
    if end >= len(texts):
        return None
    found = units.unit_after(texts, spaces, end)
    if found is not None:
        return found[0], end + found[1]
    if texts[end] == "-" and end + 1 < len(texts):
        found = units.unit_after(texts, spaces, end + 1)
        if found is not None:
            return found[0], end + 1 + found[1]
    return None


def widen_range(
    doc: Doc,
    texts: Sequence[str],
    spaces: Sequence[bool],
    index: int,
    start: int,
    end: int,
    value: float | int | list[float | int] | None,
    unit: str | None,
) -> tuple[float | int | list[float | int] | None, int, str | None]:
    """Widen "3 to 5", "3-5", "between 5% and 6%", "from 240 to 273" into [low, high]."""
    if not isinstance(value, int | float) or end + 1 >= len(doc):
        return value, end, unit
    joiner = texts[end].lower()
    before = doc[start - 1].lower_ if start > 0 else ""
    if not (joiner in RANGE_WORDS or joiner == "and" and before == "between" or joiner == "or" and unit is None):
        return value, end, unit
    if before == "by" and joiner == "to" and unit is not None:
        return value, end, unit
    second = end + 1
    currency = units.currency_before(texts, spaces, second)
    if currency is None and second + 1 < len(texts):
        probe = units.currency_before(texts, spaces, second + 1)
        if probe is not None and probe[1] == 1:
            currency, second = probe, second + 1
    if currency is not None and currency[0] != unit:
        return value, end, unit
    phrase = read_phrase(texts, second, money=currency is not None or unit is not None)
    if phrase is None or not isinstance(phrase.value, int | float) or phrase.suffix and phrase.prefix:
        return value, end, unit
    high_end = second + phrase.length
    high_unit = units.unit_of_text(phrase.suffix) if phrase.suffix else None
    after = unit_after(texts, spaces, high_end)
    if after is not None and high_unit is None:
        high_unit, high_end = after
    if currency is not None:
        high_unit = currency[0]
    if high_unit is not None and unit is not None and high_unit != unit:
        return value, end, unit
    if high_unit is None and unit is not None and joiner == "to" and before != "from":
        return value, end, unit
    if unit is None and high_unit is None and year_like(texts[index]) and year_like(texts[second]):
        return value, end, unit
    low, high = value, phrase.value
    if joiner == "or" and not (isinstance(low, int) and isinstance(high, int) and 0 < high - low <= 10):
        return value, end, unit
    first = read_token(texts[second])
    if phrase.length > 1 and first is not None and first.value and high > low * 100 and end == index + 1:
        scaled = low * (high / first.value)
        if scaled < high or start == index:
            low = scaled
    low_value, high_value = clean(low), clean(high)
    if low_value is None or high_value is None:
        return value, end, unit
    return [low_value, high_value], high_end, unit or high_unit


def per(doc: Doc, texts: Sequence[str], spaces: Sequence[bool], end: int, unit: str) -> tuple[int, str]:
    """ "$3,500 a month", "$58.24 per barrel", "63 cents per share": a unit per another."""
    if end + 2 < len(doc) and texts[end] in ("US", "U.S.") and texts[end + 1].lower() in PER_WORDS:
        end += 1
    if end + 1 >= len(doc) or texts[end].lower() not in PER_WORDS:
        return end, unit
    found = units.unit_after(texts, spaces, end + 1)
    after = end + 1 + found[1] if found is not None else end + 1
    if after < len(doc) and doc[after].lower_ in ("earlier", "ago", "later", "before", "after"):
        return end, unit
    if found is not None:
        return after, f"{unit} per {found[0]}"
    following = doc[end + 1]
    if texts[end].lower() == "per" and following.pos_ == "NOUN":
        return end + 2, f"{unit} per {following.lemma_.lower()}"
    return end, unit
