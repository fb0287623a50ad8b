"""Actors NER misses: noun phrases that act like organisations, and descriptions that corefer.

"The Israeli military said" names an organisation in all but form, so it becomes an ORG
entity when it acts (subject of a verb, agent of a passive, source of "according to").
"The militant group" after "militant group Hamas" is Hamas again: a definite description
is resolved to the one earlier entity whose title or description has the same head noun
and holds all its words.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsgraph.model import Entity
from newsgraph.pipeline.lexicons import load_data

_LEXICON = load_data("entities_en.json")
ACTOR_HEADS = frozenset(_LEXICON["actor_heads"])
# Modifiers that make a common noun phrase a particular organisation: "Israeli", "U.S.".
PLACE_LABELS = frozenset({"NORP", "GPE"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
DEFINITE = frozenset({"the", "this", "that"})
# Words that carry a name on past its head: "Office for the Western District of New York".
_NAME_LINKS = frozenset({"of", "for"})


@dataclass
class ActorPhrase:
    """A noun phrase acting as an organisation: its token span (no article) and name."""

    start: int
    end: int
    name: str


def acts(token: Token) -> bool:
    """The head noun of a phrase that does or says something."""
    if token.dep_ == "nsubj":
        return True
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "by" and head.dep_ == "agent":
        return True
    return token.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according"


def find_actors(doc: Doc, taken: set[int]) -> list[ActorPhrase]:
    """Acting noun phrases headed by an organisation noun and marked as particular by a people or place word.

    `taken` holds indices of tokens already inside a name mention; phrases whose head is
    inside one are names already ("the Israel Defense Forces").
    """
    phrases: list[ActorPhrase] = []
    for token in doc:
        if token.pos_ not in ("NOUN", "PROPN") or token.i in taken or token.lower_ not in ACTOR_HEADS:
            continue
        if not acts(token):
            continue
        start = _modifier_start(token)
        modifiers = doc[start : token.i]
        particular = any(t.ent_type_ in PLACE_LABELS for t in modifiers) or (
            token.text[:1].isupper() and not token.is_sent_start
        )
        if not particular or any(t.i in taken and t.ent_type_ not in PLACE_LABELS for t in modifiers):
            continue
        end = _name_end(token) if token.text[:1].isupper() else token.i + 1
        phrases.append(ActorPhrase(start, end, doc[start:end].text))
    return phrases


def _name_end(head: Token) -> int:
    """Where a capitalised organisation's name ends: "Office for the Western District of New York" is
    one name, its "for" and "of" phrases all capitalised words (the head alone would be a bare "Office")."""
    doc, end = head.doc, head.i + 1
    for child in head.rights:
        words = doc[child.i + 1 : child.right_edge.i + 1]
        if child.i != end or child.lower_ not in _NAME_LINKS or not words:
            break
        if not all(w.text[:1].isupper() or w.lower_ in _NAME_LINKS | {"the"} for w in words):
            break
        end = child.right_edge.i + 1
    return end


def _modifier_start(head: Token) -> int:
    """The first of the contiguous adjective and noun modifiers right before the head."""
    doc = head.doc
    start = head.i
    while start > 0:
        left = doc[start - 1]
        if left.dep_ not in MODIFIER_DEPS or not start - 1 < left.head.i <= head.i:
            break
        start -= 1
    return start


def content_words(span: Span) -> set[str]:
    """Lemmas of the words that say something in a noun phrase (no articles, no punctuation)."""
    return {t.lemma_.lower() for t in span if not (t.is_punct or t.dep_ in ("det", "predet", "case", "poss"))}


def description_phrases(entity: Entity) -> list[str]:
    """The phrases an entity can be referred back to by: its titles, descriptions, and a common-noun name."""
    phrases = list(entity.titles) + list(entity.descriptions)
    if entity.name.split()[-1][:1].islower():
        phrases.append(entity.name)
    return phrases


# Words that make an office another's second ("Vice President", "Deputy Minister", "Lieutenant Governor"):
# "the president" is not the vice president, unless it says "vice" too.
SECOND_IN_OFFICE = frozenset({"vice", "deputy", "assistant", "lieutenant", "under"})


def matches(words: set[str], head: str, phrase_words: list[str]) -> bool:
    """A description "the militant group" fits "militant group": same head, no word beyond it."""
    if not phrase_words:
        return False
    if SECOND_IN_OFFICE & set(phrase_words) and not SECOND_IN_OFFICE & words:
        return False  # "the president" is not "Vice President Joe Biden"
    last = phrase_words[-1]
    return _same_noun(last, head) and all(any(_same_noun(w, p) for p in phrase_words) for w in words)


def _same_noun(a: str, b: str) -> bool:
    a, b = a.rstrip("."), b.rstrip(".")
    return a == b or a.rstrip("s") == b.rstrip("s")
