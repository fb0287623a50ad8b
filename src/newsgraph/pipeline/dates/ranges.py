"""Date ranges: two dates joined by "to", "through", "-" or "between … and …" make one interval.

NER writes "January 2015 to December 2019" as one entity and "between May and July" as two;
either way each end is resolved on its own first (``split_range`` cuts an entity at its
joiner), then ``join_ranges`` puts the two ends back together as one ISO interval
"start/end", from the first day of the start to the last day of the end. A start without a
year takes the end's ("May to July 2019"). Ends that do not fit (a start after the end) stay
two dates, and so does a date moved to another ("postponed from Tuesday to Friday"). Years
written as a range in one word ("2017-18", "2017–2018") are read by ``year_range``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from newsgraph.model import DateRef
from newsgraph.pipeline.dates.calendar import date_words

JOINERS = frozenset({"to", "through", "thru", "until", "till", "-", "–", "—"})
# The latest year a bare four-digit number is read as; beyond it a number is a code or a count.
MAX_YEAR = 2199
MIN_YEAR = 1000
_YEAR_RANGE = re.compile(r"^(\d{4})[-–/](\d{2}|\d{4})$")


def plausible_year(text: str) -> bool:
    """Four digits that can be a year of news (1000 to 2199), not an extension "8477"."""
    return len(text) == 4 and text.isdigit() and MIN_YEAR <= int(text) <= MAX_YEAR


def year_range(words: Sequence[str]) -> tuple[int, int] | None:
    """The years of "2017-18", "2017–2018", "2017/18" (one token or three), when the second comes later."""
    text = "".join(w for w in words if w not in ("the", "fiscal", "financial", "season", "year", "school", "academic"))
    match = _YEAR_RANGE.match(text)
    if not match or not plausible_year(match.group(1)):
        return None
    first = int(match.group(1))
    second_text = match.group(2)
    second = int(second_text) if len(second_text) == 4 else first // 100 * 100 + int(second_text)
    if len(second_text) == 2 and second <= first and first % 100 == 99:
        second += 100  # "1999-00"
    if not first < second <= MAX_YEAR or second - first > 100:
        return None
    return first, second


def _anchor(span: SpacySpan) -> bool:
    """Whether the words name a point of the calendar on their own (a month, a weekday or a year)."""
    lexicon = date_words()
    return any(t.lower_ in lexicon.months or t.lower_ in lexicon.weekdays or plausible_year(t.text) for t in span)


def split_range(part: SpacySpan) -> list[SpacySpan]:
    """ "January 2015 to December 2019" as its two ends, when both name a point of the calendar."""
    doc = part.doc
    for token in part:
        if token.lower_ not in JOINERS or token.i == part.start or token.i == part.end - 1:
            continue
        left, right = doc[part.start : token.i], doc[token.i + 1 : part.end]
        if left[0].lower_ == "from":
            left = doc[left.start + 1 : left.end]
        if len(left) and _anchor(left) and _anchor(right):
            return [left, right]
    return [part]


def _joined(doc: Doc, first: SpacySpan, second: SpacySpan) -> bool:
    """ "X to Y", "X-Y", "X through Y", or "between X and Y"."""
    if second.start - first.end != 1:
        return False
    between = [doc[first.end].lower_]
    if between[0] in JOINERS:
        return True
    opens = first[0].lower_ == "between" or first.start > 0 and doc[first.start - 1].lower_ == "between"
    return between[0] == "and" and opens


def _moved(first: SpacySpan) -> bool:
    """ "postponed from Tuesday to Friday": a date moved to another, two days and no range."""
    token = first.root
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX"):
            return token.lemma_.lower() in date_words().moving_verbs
        if token.head is token:
            return False
        token = token.head
    return False


def join_ranges(
    doc: Doc,
    found: list[tuple[SpacySpan, DateRef]],
    with_year: Callable[[SpacySpan, str], DateRef | None],
) -> list[tuple[SpacySpan, DateRef]]:
    """Pairs of resolved dates joined as a range, made one interval; the others as they are.

    ``with_year`` resolves a start again with the end's year ("May" of "May to July 2019").
    """
    out: list[tuple[SpacySpan, DateRef]] = []
    index = 0
    while index < len(found):
        span, ref = found[index]
        if index + 1 < len(found) and _joined(doc, span, found[index + 1][0]):
            merged = _merge(doc, span, ref, *found[index + 1], with_year)
            if merged is not None:
                out.append(merged)
                index += 2
                continue
        out.append((span, ref))
        index += 1
    return out


def _merge(
    doc: Doc,
    first: SpacySpan,
    start_ref: DateRef,
    second: SpacySpan,
    end_ref: DateRef,
    with_year: Callable[[SpacySpan, str], DateRef | None],
) -> tuple[SpacySpan, DateRef] | None:
    if start_ref.value is None or end_ref.value is None or _moved(first):
        return None
    years = [t.text for t in second if plausible_year(t.text)]
    if years and not any(plausible_year(t.text) for t in first):
        again = with_year(first, years[-1])
        if again is not None and again.value is not None:
            start_ref = again
    start = start_ref.value.split("/")[0] if start_ref.value else None
    end = end_ref.value.split("/")[-1]
    if start is None or start > end:
        return None
    span = doc[first.start : second.end]
    return span, DateRef(text=span.text, start=span.start_char, end=span.end_char, value=f"{start}/{end}")
