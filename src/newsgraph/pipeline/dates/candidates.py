"""Where dates are written: DATE/TIME entities, and the day words NER misses.

Candidates are spaCy's DATE and TIME entities plus "Friday", "today", "last week", "the
weekend" found outside them; an entity holding two dates ("Friday and Saturday") gives two,
and two dates joined as a range ("January 2015 to December 2019", "between May and July")
give one (``ranges``). Day words in names ("Black Friday", ``names``) and numbers that are codes (a
phone extension, ``figures.codes``) are no candidates.
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from newsgraph.pipeline.dates.calendar import date_words
from newsgraph.pipeline.dates.names import named_day
from newsgraph.pipeline.dates.ranges import split_range
from newsgraph.pipeline.figures.codes import is_code

DATE_LABELS = frozenset({"DATE", "TIME"})
PERIOD_WORDS = frozenset({"week", "month", "year", "weekend"})
PERIOD_MODIFIERS = frozenset({"last", "this", "next", "past", "previous", "coming", "the"})


def candidate_spans(doc: Doc) -> list[SpacySpan]:
    """DATE/TIME entities and, outside them, weekdays, day words and "last week"-like phrases."""
    lexicon = date_words()
    spans = [part for ent in doc.ents if ent.label_ in DATE_LABELS for part in _split(ent) if _kept(part)]
    taken = {i for ent in doc.ents if ent.label_ in DATE_LABELS for i in range(ent.start, ent.end)}
    strings = doc.vocab.strings
    wanted = {strings[w] for w in (*lexicon.weekdays, *lexicon.days, *PERIOD_WORDS)}
    # One array of lowercase ids instead of a Token object per word: most words are skipped here.
    for index, lower_id in enumerate(doc.to_array(LOWER).tolist()):
        if lower_id not in wanted or index in taken:
            continue
        token = doc[index]
        lower = token.lower_
        if token.ent_type_ or named_day(token):  # "USA Today", "Black Friday": part of a name
            continue
        if lower in lexicon.weekdays and token.text[:1].isupper() or lower in lexicon.days:
            spans.append(doc[index : index + 1])
        elif (
            lower in PERIOD_WORDS
            and index > 0
            and doc[index - 1].lower_ in PERIOD_MODIFIERS
            and (lower == "weekend" or doc[index - 1].lower_ != "the")
        ):
            spans.append(doc[index - 1 : index + 1])
    return sorted(spans, key=lambda s: s.start)


def _kept(part: SpacySpan) -> bool:
    """A part of a DATE entity that is no name ("Black Friday") and holds no code ("ext. 8477")."""
    lexicon = date_words()
    doc = part.doc
    for token in part:
        if (token.lower_ in lexicon.weekdays or token.lower_ in lexicon.days) and named_day(token):
            return False
        if token.like_num and token.text[:1].isdigit() and is_code(doc, token.i):
            return False
    return True


def _split(ent: SpacySpan) -> list[SpacySpan]:
    """ "Friday and Saturday", "Dec. 1 and March 3, 2024": one entity, two dates."""
    parts: list[SpacySpan] = []
    start = ent.start
    for token in ent:
        if token.pos_ == "CCONJ" or token.text == ";":
            parts.append(ent.doc[start : token.i])
            start = token.i + 1
    parts.append(ent.doc[start : ent.end])
    trimmed = []
    for part in parts:
        begin, end = part.start, part.end
        while begin < end and ent.doc[begin].is_punct:
            begin += 1
        while end > begin and ent.doc[end - 1].is_punct:
            end -= 1
        begin = _trim_start(ent.doc, begin, end)
        if begin < end:
            trimmed.extend(split_range(ent.doc[begin:end]))
    return trimmed


def _trim_start(doc: Doc, begin: int, end: int) -> int:
    """Drop words NER took in before the date: "Week" of "Milan Design Week 2018", "one" of "one last month"."""
    lexicon = date_words()
    while begin + 1 < end:
        token = doc[begin]
        after = doc[begin + 1]
        continues_name = (
            token.lower_ in PERIOD_WORDS
            and token.text[:1].isupper()
            and begin > 0
            and doc[begin - 1].text[:1].isupper()
            and doc[begin - 1].is_alpha
            and not token.is_sent_start
        )
        counted_before = token.like_num and after.lower_ in PERIOD_MODIFIERS and after.lower_ != "the"
        if not (continues_name or counted_before) or token.lower_ in lexicon.months:
            break
        begin += 1
    return begin
