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
SENTENCE_ENDS = frozenset({".", "!", "?", "”", '"', "’", "'", ")", "…", ":", ";"})
PRESENT_AUXES = frozenset({"is", "are", "am", "'s", "'re", "'m", "do", "does", "be"})
# Present verbs that report speech: "Police say he died Friday" speaks of a past Friday.
REPORTING = frozenset({"say", "tell", "write", "claim", "allege", "admit", "deny", "confirm"})
# Conjunctions whose clause happens at the time of the clause it depends on.
CONDITIONS = frozenset({"if", "unless"})


def future(span: SpacySpan) -> bool:
    """Whether the verb the expression attaches to speaks of the future.

    "will meet", "would hold", "could peak", "agreed to meet", "is due", "is forecast": a
    future cue, a modal or an intended infinitive, unless perfect ("could have peaked"). A
    verb in the present that the date hangs on ("reports earnings Wednesday", "is holding a
    rally on Monday") speaks of what is coming, as news writes the near future; a noun
    with a future modifier does too ("a scheduled Dec. 15 vote"). A condition ("if he did
    not publish by March 20") takes the time of the clause it conditions.
    """
    lexicon = date_words()
    token = span.root
    outside = 0  # words on the way from the date to its verb
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") or token.dep_ == "ROOT":
            auxes = {child.lower_ for child in token.children if child.dep_ in ("aux", "auxpass")}
            if token.lemma_.lower() in lexicon.future_cues or auxes & lexicon.future_cues:
                return True
            if not auxes & PERFECT and (_modal(token, auxes) or _intended(token, auxes)):
                return True
            if outside <= 1 and _present(token, auxes) and not _headline(token):
                return True
            conditional = any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in token.children)
            if not conditional and (token.tag_ in ("VBD", "VBN") or token.dep_ == "ROOT"):
                return False
            outside = 2  # past the first verb, the present no longer tells
        elif token.pos_ in ("NOUN", "PROPN") and _planned(token):
            return True
        if token.head is token:
            return False
        head = token.head
        if not span.start <= head.i < span.end and head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT":
            outside += 1 if head.pos_ == "ADP" else 2
        token = token.head
    return False


def _present(verb: Token, auxes: set[str]) -> bool:
    """ "reports", "begin", "is holding", "are sent": a present verb, not one that reports speech."""
    if verb.lemma_.lower() in REPORTING:
        return False
    if verb.tag_ in ("VBZ", "VBP"):
        return not auxes - PRESENT_AUXES
    return verb.tag_ in ("VBG", "VBN") and bool(auxes) and auxes <= PRESENT_AUXES


def _planned(noun: Token) -> bool:
    """A noun modified by a word of plan or schedule: "a scheduled Dec. 15 imposition", "the upcoming vote"."""
    cues = date_words().future_cues
    return any(child.dep_ in ("amod", "compound") and child.lemma_.lower() in cues for child in noun.children)


def _headline(token: Token) -> bool:
    """A headline, where the present tells of the past ("Car sales plunge in October"): a line in
    title case or one that does not end as a sentence does."""
    sentence = token.sent
    last = next((t for t in reversed(sentence) if not t.is_space), sentence[-1])
    if last.text not in SENTENCE_ENDS or "\n" in sentence.text.strip():
        return True
    words = [t for t in sentence if t.is_alpha and len(t.text) > 3]
    return len(words) >= 3 and sum(1 for t in words if t.text[:1].isupper()) / len(words) >= 0.7


def _modal(verb: Token, auxes: set[str]) -> bool:
    """ "would hold", "could peak"; not "could not be reached", "would not say" (a refusal already made)."""
    return bool(auxes & date_words().modal_cues) and not any(child.dep_ == "neg" for child in verb.children)


def _intended(verb: Token, auxes: set[str]) -> bool:
    """An infinitive under a verb of intention ("agreed to meet", "threatened to call"), not "declined to comment"."""
    head = verb.head
    gerund = head.tag_ == "VBG" and not any(c.dep_ == "aux" for c in head.children)  # "guilty to threatening to kill"
    return "to" in auxes and verb.tag_ == "VB" and head.lemma_.lower() in date_words().intention_verbs and not gerund
