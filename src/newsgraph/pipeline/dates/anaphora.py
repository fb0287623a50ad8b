"""Dates told relative to the story, not to publication: "the previous week", "the following day".

"The company shelved its listing on September 30. Its chief had resigned the previous week":
the week is the one before September 30, not the one before publication. Such an expression
takes the last single day resolved shortly before it as its anchor; with none near, it stays
relative to publication ("the previous week" as "last week").
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span as SpacySpan

from newsgraph.model import DateRef
from newsgraph.pipeline.dates.calendar import period, shift

RELATIVE = {"previous": -1, "prior": -1, "preceding": -1, "following": 1}
UNITS = frozenset({"day", "week", "month", "year"})
# How far back (in characters) a day may stand to anchor "the previous week": about two sentences.
REACH = 400


def story_relative(span: SpacySpan, earlier: list[tuple[SpacySpan, DateRef]]) -> str | None:
    """The value of "the previous week"-like words against the last day resolved before them, if near."""
    words = [t.lower_ for t in span if t.lower_ != "the"]
    if len(words) != 2 or words[0] not in RELATIVE or words[1] not in UNITS:
        return None
    anchor = _anchor(span, earlier)
    if anchor is None:
        return None
    step = RELATIVE[words[0]]
    if words[1] == "day":
        day = shift(anchor, step)
        return day.isoformat() if day else None
    return period(words[1], anchor, step)


def _anchor(span: SpacySpan, earlier: list[tuple[SpacySpan, DateRef]]) -> date | None:
    for before, ref in reversed(earlier):
        if before.end_char > span.start_char:
            continue
        if span.start_char - before.end_char > REACH:
            return None
        if ref.value and len(ref.value) == 10:
            return date.fromisoformat(ref.value)
    return None
