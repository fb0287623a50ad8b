"""Which numbers are not figures: dates, times, years, ordinals, parts of names, codes and pronoun "one"."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from newsgraph.pipeline.dates.calendar import date_words
from newsgraph.pipeline.figures.codes import is_code
from newsgraph.pipeline.figures.numbers import Phrase, words

# NER labels whose tokens are calendar or clock, not quantities.
DATE_LABELS = frozenset({"DATE", "TIME"})
# NER labels of names a number can be part of ("Boeing 737", "Apollo 11", "Channel 5").
NAME_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "FAC", "LAW", "ORG", "PERSON"})
DURATIONS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "year of age"})
CLOCK_WORDS = frozenset({"am", "pm", "a.m.", "p.m."})
YEAR_PREPOSITIONS = frozenset(
    {"in", "since", "between", "from", "until", "by", "before", "after", "of", "below", "above"}
)
# Words before a year that make it the year something belongs to ("its 2020 budget").
POSSESSIVES = frozenset({"'s", "’s", "its", "their", "his", "her", "our", "my", "your"})
# "each week one person": the label noun is a period counted, the number after it a count.
DISTRIBUTIVES = frozenset({"each", "every", "per", "a", "last", "this", "next", "that"})
NOT_NAMES = frozenset({"US", "U.S.", "USD", "HK", "RM", "EUR", "GBP", "JPY", "Rs", "Y"})


def is_figure(
    doc: Doc, texts: Sequence[str], ent_label: Sequence[str], index: int, end: int, phrase: Phrase, unit: str | None
) -> bool:
    """False for dates, times, years, ordinals, phone numbers, names and pronoun "one"."""
    token = doc[index]
    if ent_label[index] in DATE_LABELS and unit is None and _calendar_entity(doc, index):
        return False
    if (
        unit in DURATIONS - {"year of age"}
        and end < len(doc)
        and texts[index + phrase.length : index + phrase.length + 1] == ["-"]
        and doc[end].pos_ in ("NOUN", "SYM")
    ):
        return False
    calendar = date_words().months.keys() | CLOCK_WORDS
    if end < len(doc) and doc[end].lower_ in calendar and unit is None:
        return False
    if index > 0 and doc[index - 1].lower_ in calendar and unit is None:
        return False
    if ":" in token.text or _phone(texts, index) or is_code(doc, index):
        return False
    if _year_range_end(texts, index):
        return False
    if unit is None and end < len(doc) and not doc[end - 1].whitespace_ and doc[end].is_alpha:
        return False
    if index > 0 and not doc[index - 1].whitespace_ and doc[index - 1].is_alpha:
        return False
    if unit is None and year_like(token.text):
        before = doc[index - 1].lower_ if index > 0 else ""
        if before in YEAR_PREPOSITIONS or not (token.dep_ == "nummod" and token.head.tag_ == "NNS"):
            return False
        if before in POSSESSIVES:  # "GiveWell's 2017 top charities", "its 2020 budget": the year they belong to
            return False
    if unit is None and _in_name(doc, ent_label, index, end):
        return False
    lower = token.lower_
    if lower == "dozen" and token.dep_ != "nummod" and (end >= len(doc) or doc[end].lower_ != "of"):
        return False
    if lower in ("one", "half", "a", "an") and unit is None and phrase.length == 1 + (lower in ("a", "an")):
        following = doc[end].lower_ if end < len(doc) else ""
        if lower == "one" and (token.dep_ == "nummod" or following == "of") and _not_pronoun_one(doc, index):
            return True
        return following == "of" and lower != "one"
    return True


def _calendar_entity(doc: Doc, index: int) -> bool:
    """A DATE/TIME entity that names a point in time ("March 3", "Sunday night"), not an amount."""
    ent = entity_span(doc, index)
    if ent is None:
        return False
    calendar = date_words()
    return (
        any(
            t.lower_ in calendar.months
            or t.lower_ in calendar.weekdays
            or t.lower_ in calendar.days
            or t.lower_ == "ago"
            for t in ent
        )
        or ent.label_ == "TIME"
    )


def entity_span(doc: Doc, index: int) -> SpacySpan | None:
    """The named entity a token belongs to, found from its IOB tags (no scan of doc.ents)."""
    if not doc[index].ent_type_:
        return None
    start = index
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = index + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _not_pronoun_one(doc: Doc, index: int) -> bool:
    """ "one" after "no", "each", "this", "the same", "another" is a pronoun, not a count."""
    before = doc[index - 1].lower_ if index > 0 else ""
    return before not in ("no", "each", "this", "that", "same", "any", "every", "which", "the", "another")


def _phone(texts: Sequence[str], index: int) -> bool:
    """Digit groups joined by hyphens three or more times ("555-123-4567")."""
    digits = 0
    for position in range(max(0, index - 4), min(len(texts), index + 5)):
        text = texts[position]
        if text.isdigit():
            digits += 1
        elif text not in ("-", "(", ")", "."):
            if position > index:
                break
            digits = 0
    return digits >= 3 and "-" in texts[max(0, index - 4) : index + 5]


def _in_name(doc: Doc, ent_label: Sequence[str], index: int, end: int) -> bool:
    """A number that is part of a name: "Apollo 11", "Boeing 737", "S&P 500", "Lang, 20", "category 4"."""
    if index > 0:
        before = doc[index - 1]
        text = before.text
        last = doc[end - 1]
        counts = last.dep_ == "nummod" and last.head.tag_ == "NNS" and last.head.i >= end  # "last week 300 people"
        if before.lower_ in words().labels and not counts and _labels(doc, index):
            return True
        if _capitalized_number_word(doc, index, end):
            return True
        if (
            any(ch.isupper() for ch in text)
            and any(ch.isalpha() for ch in text)
            and text not in NOT_NAMES
            and not before.is_stop
            and before.lower_ not in words().hedges
            and not (before.is_sent_start and before.pos_ not in ("PROPN",))
        ):
            return True
        if (
            text == ","
            and index > 1
            and (ent_label[index - 2] == "PERSON" or doc[index - 2].pos_ == "PROPN")
            and end < len(doc)
            and doc[end].text in (",", ")")
        ):
            return True
    if names_follow(doc, ent_label, index, end):
        return True
    label = ent_label[index]
    if label in NAME_LABELS:
        ent = entity_span(doc, index)
        if ent is not None and any(t.text[:1].isupper() and t.is_alpha for t in ent):
            return True
    return False


def _labels(doc: Doc, index: int) -> bool:
    """After a label noun, digits are a label ("category 4"); so is a written number ("phase one"), unless counted."""
    if doc[index].text[:1].isdigit():
        return True
    label = doc[index - 1]
    return doc[index].is_alpha and not (index > 1 and doc[index - 2].lower_ in DISTRIBUTIVES) and label.tag_ != "NNS"


def _capitalized_number_word(doc: Doc, index: int, end: int) -> bool:
    """A capitalized number word inside a sentence before a proper noun: "our One Home Depot strategy"."""
    token = doc[index]
    if not (token.is_alpha and token.text[:1].isupper()) or token.is_sent_start or end >= len(doc) or index == 0:
        return False
    before = doc[index - 1]
    if before.is_punct or "\n" in before.whitespace_ or before.is_space:
        return False  # a sentence may start after a quote mark or a line break the parser did not mark
    return doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper()


def _year_range_end(texts: Sequence[str], index: int) -> bool:
    """The second year of "2017-18" or "2017/18": digits glued by a dash or slash to a year before them."""
    if index < 2 or texts[index - 1] not in ("-", "–", "/") or not texts[index].isdigit():
        return False
    return year_like(texts[index - 2]) and len(texts[index]) in (2, 4)


def names_follow(doc: Doc, ent_label: Sequence[str], index: int, end: int) -> bool:
    """Digits before a name ("iPhone 11 Pro", "16-18 Industrial Avenue"); not "63,150 Model 3s"."""
    if end >= len(doc) or not doc[index].text[:1].isdigit() or "," in doc[index].text:
        return False
    after = doc[end]
    return after.pos_ == "PROPN" and after.text[:1].isupper() and ent_label[end] not in ("NORP", "GPE", "MONEY")


def year_like(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1000 <= int(text) <= 2199
