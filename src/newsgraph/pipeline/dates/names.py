"""Day words that are part of a name, not dates: "the Sunday Times", "Black Friday", "USA Today", "the Mail on Sunday".

Two shapes give a name away inside running text: one capitalized word before the day word
that is neither a date modifier nor a person, place or organisation ("Black Friday", "Cyber
Monday", "USA Today"; not "the Argus Leader Monday"), and a day word after a determiner
and before a capitalized noun ("the Sunday Times", "a Sunday Telegraph poll"). Titles that
hold "on Sunday" ("the Mail on Sunday") have no such shape; they come from a short list of
newspaper titles in ``dates_words.json``.
Headlines written in title case are left alone: there every word is capitalized.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.pipeline.dates.calendar import date_words

DETERMINERS = frozenset({"the", "a", "an"})
# Capitalized words before a weekday that make it a date ("Last Friday", "On Monday", "Early Sunday").
DATE_MODIFIERS = frozenset(
    {
        "last",
        "next",
        "this",
        "that",
        "on",
        "by",
        "since",
        "until",
        "till",
        "from",
        "through",
        "every",
        "each",
        "early",
        "late",
        "mid",
        "before",
        "after",
        "coming",
        "past",
        "previous",
        "following",
        "of",
        "and",
        "or",
        "to",
    }
)
# Entities whose name may stand right before a weekday in wire copy ("Kirby Sunday said", "told the
# Argus Leader Monday", "posted on Twitter Tuesday").
ACTORS = frozenset({"PERSON", "NORP", "GPE", "ORG"})
# Share of capitalized words above which a line is a title-case headline.
TITLE_CASE_SHARE = 0.7


def named_day(token: Token) -> bool:
    """Whether this weekday or day word ("Friday", "Today") is part of a name in its sentence."""
    doc = token.doc
    if not token.text[:1].isupper() or _title_case(token):
        return False
    return _after_name_word(doc, token.i) or _before_name_word(doc, token.i) or _in_listed_title(doc, token.i)


def _after_name_word(doc: Doc, index: int) -> bool:
    """ "Black Friday", "Cyber Monday", "USA Today": a capitalized word glued before the day word."""
    if index == 0:
        return False
    before = doc[index - 1]
    if not before.is_alpha or not before.text[:1].isupper() or not before.whitespace_ or "\n" in before.whitespace_:
        return False
    lexicon = date_words()
    lower = before.lower_
    if lower in DATE_MODIFIERS or lower in lexicon.months or lower in lexicon.weekdays or before.is_stop:
        return False
    if index > 1 and doc[index - 2].pos_ == "PROPN" and doc[index - 2].text[:1].isupper():
        return False  # "told the Argus Leader Monday": a longer name ends there, and the date follows it
    return before.ent_type_ not in ACTORS


def _before_name_word(doc: Doc, index: int) -> bool:
    """ "the Sunday Times", "a Sunday Telegraph poll": determiner, day word, capitalized noun."""
    if index == 0 or index + 1 >= len(doc) or doc[index - 1].lower_ not in DETERMINERS:
        return False
    after = doc[index + 1]
    lexicon = date_words()
    lower = after.lower_
    if not after.is_alpha or not after.text[:1].isupper() or lower in lexicon.months or lower in lexicon.weekdays:
        return False
    return after.pos_ in ("PROPN", "NOUN") and not after.is_stop


def _in_listed_title(doc: Doc, index: int) -> bool:
    """ "the Mail on Sunday": a newspaper title holding a day word, as written (capitals and all)."""
    for title in date_words().titles:
        words = title.split()
        for offset, word in enumerate(words):
            start = index - offset
            if word != doc[index].text or start < 0 or start + len(words) > len(doc):
                continue
            if [t.text for t in doc[start : start + len(words)]] == words:
                return True
    return False


def _title_case(token: Token) -> bool:
    """Whether the token's sentence is a title-case line (most of its longer words capitalized)."""
    near = range(token.i - 1, token.i + 2)  # the name being tested does not count
    words = [t for t in token.sent if t.is_alpha and len(t.text) > 3 and t.i not in near]
    if len(words) < 3:
        return False
    capitalized = sum(1 for t in words if t.text[:1].isupper())
    return capitalized / len(words) >= TITLE_CASE_SHARE
