"""The tense of the clause a date expression belongs to: does it speak of the future?

A weekday or a month without a year resolves forward under a future ("will meet on
Friday") and back under a past ("met on Friday"); this module reads which one it is
from the verbs, their auxiliaries and the verbs of intention above them.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newsgraph.pipeline.dates.calendar import date_words

PERFECT = frozenset({"have", "has", "had", "'ve"})
# Conjunctions whose clause happens at the time of the clause it depends on.
CONDITIONS = frozenset({"if", "unless"})


def future(span: SpacySpan) -> bool:
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
