"""Speakers: attributes each quote to an entity of the article (rule-based coreference in ``coref.py``).

The quotes component leaves each speaker as the mention in the text ("he", "Kirby",
"The Israeli military"); this one resolves the mention to an entity and names the
speaker by the entity's canonical name. A quote that inherits its speaker points at
the same mention, so it gets the same entity. A mention that resolves to nothing is
named by its own words, cut to the phrase that names ("officials", not "officials who
spoke on condition of anonymity"): the text said who spoke, but not who that is. A "they"
that no entity fits is the group that spoke just before ("…, the authors said. “…,” they
wrote."), named as that group was, and so is a bare quantifier ("Dozens of deportees arrived.
Some said …": deportees). A document speaks for whoever the text says issued it ("a statement
from the label", "the statement" after "the label issued a statement"); one whose issuer the text
does not give ("the statement said", "a tweet read") is a report naming no one: the quote becomes
``evidence`` (``unattributed`` in marks), never a speaker called "statement". A speaker that is
none of these ("her eyes", "a series", a "he" with no one before it) is no one a reader can
check: the quote becomes ``unattributed``.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsgraph.model import Entity, Speaker
from newsgraph.pipeline.coref import AGENT_ENDINGS, MEDIA_NOUNS, Coref, relative_antecedent
from newsgraph.pipeline.extensions import doc_text
from newsgraph.pipeline.people_words import names
from newsgraph.pipeline.quotes.acts import EVIDENCE, SAID, UNATTRIBUTED
from newsgraph.pipeline.titles import LEXICON as TITLES

_LEADING = ("the ", "The ")
_BREAKS = re.compile(r"\n+")


def _plain(text: str) -> str:
    """A mention as a name: one line, no leading article."""
    text = " ".join(text.split())
    for article in _LEADING:
        if text.startswith(article):
            return text[len(article) :]
    return text


class SpeakerResolver:
    """Resolves the speaker mention of every quote on ``doc._.quotes`` to an entity."""

    def __call__(self, doc: Doc) -> Doc:
        quotes = doc._.quotes or []
        if not any(q.speaker for q in quotes):
            return doc
        coref = Coref(doc, quotes)
        resolved: dict[tuple[int, int], Entity | None] = {}
        group: Speaker | None = None
        for quote in sorted(quotes, key=lambda q: q.start):
            speaker = quote.speaker
            if speaker is None:
                continue
            key = (speaker.start, speaker.end)
            if key not in resolved:
                resolved[key] = coref.resolve(speaker.start, speaker.end)
            entity = resolved[key]
            if entity is not None:
                coref.spoke(entity, speaker.end)
            name = entity.name if entity else _plain(coref.name_of(speaker.start, speaker.end))
            named = entity is not None
            if entity is None and speaker.text.lower() == "they" and _near(doc_text(doc), group, speaker.start):
                assert group is not None
                name, named = group.name, True
            quote.speaker = Speaker(
                entity=entity.id if entity else None, name=name, text=speaker.text, start=speaker.start, end=speaker.end
            )
            if entity is not None:
                continue
            head = _head(doc, speaker)
            if not named and quote.act in SAID and head is not None:
                quote.act = _act_of_no_one(coref, head, quote.kind) or quote.act
            if head is not None and head.tag_ == "NNS":
                # "the authors", "researchers": a group that no entity names, which a later "they" may be.
                group = quote.speaker
        return doc


def _head(doc: Doc, speaker: Speaker) -> Token | None:
    """The head word of a speaker's phrase."""
    span = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    return span.root if span is not None else None


def _act_of_no_one(coref: Coref, root: Token, kind: str) -> str | None:
    """What a report whose speaker resolved to no entity is, when it is no one's.

    A document or a channel whose issuer the text does not give ("the statement said", "a
    tweet read", "according to reports") is a report naming no one, evidence (words in marks
    stay unattributed), never a speaker called "statement"; "her eyes", "a series", a "he"
    with no one before it are no one a reader can check.
    """
    head = relative_antecedent(root) or root
    if head.tag_ in {"NN", "NNS"} and head.lemma_.lower() in names().said_nouns | MEDIA_NOUNS:
        if coref.author(head, head.left_edge.i, head.right_edge.i) is not None or _named_inside(head):
            return None  # "Trump and Ryan issued a statement saying …": named by its authors
        return UNATTRIBUTED if kind == "direct" else EVIDENCE
    return None if _can_speak(coref.doc, root) else UNATTRIBUTED


def _named_inside(document: Token) -> bool:
    """ "Schiff's letter", "a Pentagon report": a name of its own beside the document noun."""
    return any(c.dep_ in {"poss", "compound"} and c.pos_ == "PROPN" for c in document.children)


def _can_speak(doc: Doc, root: Token) -> bool:
    """Whether a speaker no entity fits still names someone: a person or body word, a group, or a name NER missed.

    A singular common noun must be a word for a person or a body ("the spokesman", "the ministry")
    or one built like an agent's ("the patient", "a consultant").
    """
    head = relative_antecedent(root) or root
    if head.tag_ == "POS":
        head = head.head  # "Schiff’s [letter]": the possessor
    if head.pos_ == "PROPN" or (head.text[:1].isupper() and _capitalised_within(doc, head)):
        return True
    if head.tag_ == "PRP":
        return False  # "he" with no one before it
    if head.tag_ != "NN":
        return True  # "Some", "Both sides", "businesses": people, even unnamed
    lemma = head.lemma_.lower()
    nouns = _speaking_nouns()
    return lemma in nouns or head.lower_ in nouns or lemma.endswith(AGENT_ENDINGS)


def _capitalised_within(doc: Doc, word: Token) -> bool:
    """A name the tagger took for a noun: the text capitalises it inside a sentence too."""
    return any(t.text == word.text and not t.is_sent_start for t in doc)


@cache
def _speaking_nouns() -> frozenset[str]:
    """Nouns for people and bodies (coreference's word lists and the title heads)."""
    words = names()
    return words.person_nouns | words.org_nouns | words.company_nouns | frozenset(TITLES.heads)


def _near(text: str, group: Speaker | None, start: int) -> bool:
    """ "…, the authors said. “…,” they wrote.": the group spoke in this paragraph or the one before."""
    return group is not None and len(_BREAKS.findall(text, group.end, start)) <= 1


@Language.factory("newsgraph_speakers", requires=["doc._.quotes", "doc._.entities"], assigns=["doc._.quotes"])
def make_speakers(nlp: Language, name: str) -> SpeakerResolver:
    return SpeakerResolver()
