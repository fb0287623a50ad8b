"""Dates: date expressions resolved against the article's published date.

Candidates (``candidates``) are resolved by the rules of ``resolution`` with the tense
of the verb they attach to (``tense``): a weekday in a past-tense report is the last
one before publication, under "will" the next one. Only the residue of absolute forms
our rules do not know goes to dateparser, cached. Quotes whose cue verb carries a
resolved day ("Kirby said Sunday") get that day as their date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from newsgraph.model import DateRef
from newsgraph.pipeline.dates.anaphora import story_relative
from newsgraph.pipeline.dates.calendar import date_words, parse_published
from newsgraph.pipeline.dates.candidates import candidate_spans
from newsgraph.pipeline.dates.ranges import join_ranges, plausible_year
from newsgraph.pipeline.dates.resolution import Resolution, resolve
from newsgraph.pipeline.dates.tense import future as is_future


@dataclass
class Found:
    """A resolved date expression and the tokens it covers (for the quote dates)."""

    span: SpacySpan
    ref: DateRef


class DateResolver:
    """Writes every date expression of a Doc to ``doc._.dates`` and dates the quotes it can."""

    def __call__(self, doc: Doc) -> Doc:
        published = parse_published(doc._.published)
        resolved: list[tuple[SpacySpan, DateRef]] = []
        for span in candidate_spans(doc):
            ref = _ref(span, published)
            if ref is not None:
                ref.value = story_relative(span, resolved) or ref.value
                resolved.append((span, ref))

        def with_year(span: SpacySpan, year: str) -> DateRef | None:
            return _ref(span, published, [year])

        found = [Found(span, ref) for span, ref in join_ranges(doc, resolved, with_year)]
        doc._.dates = [f.ref for f in found]
        _date_quotes(doc, found)
        return doc


@Language.factory(
    "newsgraph_dates", requires=["doc.ents", "token.dep", "doc._.quotes"], assigns=["doc._.dates", "doc._.quotes"]
)
def make_dates(nlp: Language, name: str) -> DateResolver:
    return DateResolver()


def _anchored(words: list[str]) -> bool:
    """Words that name a point in time (a month, a weekday, a year, "12/25/2016"), not a duration ("three years").

    Not a fraction ("1-1/2 year") nor a longer number ("960574", a product code).
    """
    lexicon = date_words()
    return any(
        w in lexicon.months
        or w in lexicon.weekdays
        or plausible_year(w[:4])
        and (len(w) == 4 or not w[4].isdigit())
        or w.count("/") == 2
        and w[:1].isdigit()
        for w in words
    )


def _ref(span: SpacySpan, published: date | None, extra: list[str] | None = None) -> DateRef | None:
    """The date of a span; ``extra`` words are added to its own (a range's year for its start)."""
    words = [t.lower_ for t in span] + (extra or [])
    future = is_future(span)
    resolution = resolve(words, published, future)
    if not resolution.handled:
        if not _anchored(words):
            return None
        text = " ".join([span.text, *(extra or [])])
        resolution = _residue(text, published.isoformat() if published else None, future)
    return DateRef(
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        value=resolution.value,
        note=resolution.problem,
    )


@lru_cache(maxsize=4096)
def _residue(text: str, published: str | None, future: bool) -> Resolution:
    """Absolute forms our rules do not know, through dateparser (slow: cached, never on the hot path)."""
    import dateparser

    base = datetime.fromisoformat(published) if published else None
    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "future" if future else "past",
        "REQUIRE_PARTS": ["year"] if base is None else [],
    }
    if base is not None:
        settings["RELATIVE_BASE"] = base
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception as error:  # dateparser raises many kinds on odd input; a batch must go on
        return Resolution(None, problem=f"dateparser could not read it: {type(error).__name__}")
    if parsed is None:
        return Resolution(None)
    years = {int(w[:4]) for w in text.replace("/", " ").split() if len(w) == 4 and w.isdigit()}
    if years and parsed.year not in years:  # dateparser filled in a year the text does not say
        return Resolution(None)
    return Resolution(parsed.date().isoformat())


def _date_quotes(doc: Doc, found: list[Found]) -> None:
    """A quote's date: a single day whose expression depends on the quote's cue verb."""
    days = [f for f in found if f.ref.value and len(f.ref.value) == 10]
    if not days:
        return
    for quote in doc._.quotes or []:
        if quote.cue is None or quote.date:
            continue
        cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
        if cue is None:
            continue
        verb = cue.root
        for day in days:
            head = day.span.root.head
            if head == verb or head.dep_ == "prep" and head.lower_ == "on" and head.head == verb:
                quote.date = day.ref.value
                break
