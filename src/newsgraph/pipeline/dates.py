"""Dates: date expressions resolved against the article's published date.

Candidates are spaCy's DATE and TIME entities plus the day words NER misses
("Friday", "today", "last week", "the weekend"). Each is resolved by the rules of
``calendar`` with the tense of the verb it attaches to (a weekday in a past-tense
report is the last one before publication, under "will" the next one). Only the
residue of absolute forms our rules do not know goes to dateparser, cached. Quotes
whose cue verb carries a resolved day ("Kirby said Sunday") get that day as their date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsgraph.model import DateRef
from newsgraph.pipeline.calendar import Resolution, date_words, parse_published, resolve

DATE_LABELS = frozenset({"DATE", "TIME"})
PERIOD_WORDS = frozenset({"week", "month", "year", "weekend"})
PERIOD_MODIFIERS = frozenset({"last", "this", "next", "past", "previous", "coming", "the"})
PERFECT = frozenset({"have", "has", "had", "'ve"})
# Conjunctions whose clause happens at the time of the clause it depends on.
CONDITIONS = frozenset({"if", "unless"})


@dataclass
class Found:
    """A resolved date expression and the tokens it covers (for the quote dates)."""

    span: SpacySpan
    ref: DateRef


class DateResolver:
    """Writes every date expression of a Doc to ``doc._.dates`` and dates the quotes it can."""

    def __call__(self, doc: Doc) -> Doc:
        published = parse_published(doc._.published)
        found: list[Found] = []
        for span in candidate_spans(doc):
            ref = _ref(span, published)
            if ref is not None:
                found.append(Found(span, ref))
        doc._.dates = [f.ref for f in found]
        _date_quotes(doc, found)
        return doc


@Language.factory(
    "newsgraph_dates", requires=["doc.ents", "token.dep", "doc._.quotes"], assigns=["doc._.dates", "doc._.quotes"]
)
def make_dates(nlp: Language, name: str) -> DateResolver:
    return DateResolver()


def candidate_spans(doc: Doc) -> list[SpacySpan]:
    """DATE/TIME entities and, outside them, weekdays, day words and "last week"-like phrases."""
    lexicon = date_words()
    spans = [part for ent in doc.ents if ent.label_ in DATE_LABELS for part in _split(ent)]
    taken = {i for ent in doc.ents if ent.label_ in DATE_LABELS for i in range(ent.start, ent.end)}
    strings = doc.vocab.strings
    wanted = {strings[w] for w in (*lexicon.weekdays, *lexicon.days, *PERIOD_WORDS)}
    # One array of lowercase ids instead of a Token object per word: most words are skipped here.
    for index, lower_id in enumerate(doc.to_array(LOWER).tolist()):
        if lower_id not in wanted or index in taken:
            continue
        token = doc[index]
        lower = token.lower_
        if token.ent_type_:  # "USA Today", "Black Friday": part of a name
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
        if begin < end:
            trimmed.append(ent.doc[begin:end])
    return trimmed


def _future(span: SpacySpan) -> bool:
    """Whether the verb the expression attaches to speaks of the future.

    "will meet", "would hold", "could peak", "agreed to meet", "is due": a future cue, a
    modal or an intended infinitive, unless perfect ("could have peaked"). A condition ("if
    he did not publish by March 20") takes the time of the clause it conditions.
    """
    lexicon = date_words()
    token = span.root
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") or token.dep_ == "ROOT":
            auxes = {child.lower_ for child in token.children if child.dep_ in ("aux", "auxpass")}
            if token.lemma_.lower() in lexicon.future_cues or auxes & lexicon.future_cues:
                return True
            if not auxes & PERFECT and (_modal(token, auxes) or _intended(token, auxes)):
                return True
            conditional = any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in token.children)
            if not conditional and (token.tag_ in ("VBD", "VBN") or token.dep_ == "ROOT"):
                return False
        if token.head is token:
            return False
        token = token.head
    return False


def _modal(verb: Token, auxes: set[str]) -> bool:
    """ "would hold", "could peak"; not "could not be reached", "would not say" (a refusal already made)."""
    return bool(auxes & date_words().modal_cues) and not any(child.dep_ == "neg" for child in verb.children)


def _intended(verb: Token, auxes: set[str]) -> bool:
    """An infinitive under a verb of intention ("agreed to meet", "threatened to call"), not "declined to comment"."""
    return "to" in auxes and verb.tag_ == "VB" and verb.head.lemma_.lower() in date_words().intention_verbs


def _anchored(words: list[str]) -> bool:
    """Words that name a point in time (a month, a weekday, a year, "12/25/2016"), not a duration ("three years")."""
    lexicon = date_words()
    return any(
        w in lexicon.months or w in lexicon.weekdays or len(w) >= 4 and w[:4].isdigit() or "/" in w and w[:1].isdigit()
        for w in words
    )


def _ref(span: SpacySpan, published: date | None) -> DateRef | None:
    words = [t.lower_ for t in span]
    future = _future(span)
    resolution = resolve(words, published, future)
    if not resolution.handled:
        if not _anchored(words):
            return None
        resolution = _residue(span.text, published.isoformat() if published else None, future)
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
