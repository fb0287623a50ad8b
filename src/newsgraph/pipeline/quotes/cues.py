"""Reporting cues: the verbs (by lemma) and phrases that say someone said or thought something.

The lexicon lives in ``data/cues.json`` so that it can grow without touching code.
The word classes here are shared by the modules that read a cue's neighbours: its subject
(``subjects.py``), the speaker's phrase (``speaker_phrase.py``) and "Name:" labels (``labels.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from spacy.tokens import Token

from newsgraph.pipeline.lexicons import load_data
from newsgraph.pipeline.syntax import object_of

VERB_TAGS = frozenset({"VERB", "AUX"})
# A speaker is an active subject: the passive one ("Smith was told", "she was announced the winner") is not.
SUBJECTS = frozenset({"nsubj", "csubj"})
RELATIVE_TAGS = frozenset({"WP", "WDT", "WP$"})
# What a name may be made of: "Name: what they said", "Texas Sen. Ted Cruz".
NAME_TAGS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PART", "PUNCT", "NUM"})
# Entity types that are no one's words: a time, a date, a sum.
NOT_SOURCES = frozenset({"TIME", "DATE", "MONEY"})
# What people say things in, not who says them: "a statement", "an email".
DOCUMENTS = frozenset(load_data("coref_names.json")["said_nouns"])
# Who can be a source: a named person, group or place (and so open a paragraph with "Name:").
SPEAKING_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# What a bare cue must not take: "charged him", "charged that …", "went on to say", "charged with murder".
_OBJECTS_AND_CLAUSES = frozenset({"dobj", "ccomp", "xcomp", "dative", "attr", "oprd", "agent", "nsubjpass", "auxpass"})
_GOALS = frozenset({"with", "into", "against", "through", "toward", "towards", "to", "at"})
# What completes a verb's object: "urged him [to resign]", "called him [a liar]".
COMPLETIONS = frozenset({"xcomp", "oprd"})


@dataclass(frozen=True)
class Lexicon:
    """The cue lemmas by use."""

    speech: frozenset[str]
    belief: frozenset[str]
    evidence: frozenset[str]
    indirect_only: frozenset[str]
    object: frozenset[str]
    intent: frozenset[str]
    raising: frozenset[str]
    belief_adjectives: frozenset[str]
    claim_nouns: frozenset[str]
    belief_nouns: frozenset[str]
    evidence_nouns: frozenset[str]
    about_only: frozenset[str]
    to_topics: frozenset[str]
    asked_about: frozenset[str]
    performance: frozenset[str]
    impersonal_adjectives: frozenset[str]
    findings: frozenset[str]
    questioning: frozenset[str]
    phrasal_speech: dict[str, str]

    @cached_property
    def direct(self) -> frozenset[str]:
        """Lemmas that may attribute a quote in marks (joined once: asked of every verb)."""
        return (self.speech | self.belief | self.performance) - self.indirect_only

    @cached_property
    def indirect(self) -> frozenset[str]:
        """Lemmas that attribute a clausal complement (joined once: asked of every verb)."""
        return self.speech | self.belief | self.evidence | self.object | self.about_only


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The cue lexicon shipped with newsgraph, read once."""
    data = load_data("cues.json")
    return Lexicon(
        speech=frozenset(data["speech"]),
        belief=frozenset(data["belief"]),
        evidence=frozenset(data["evidence"]),
        indirect_only=frozenset(data["indirect_only"]),
        object=frozenset(data["object"]),
        intent=frozenset(data["intent"]),
        raising=frozenset(data["raising"]),
        belief_adjectives=frozenset(data["belief_adjectives"]),
        claim_nouns=frozenset(data["claim_nouns"]),
        belief_nouns=frozenset(data["belief_nouns"]),
        evidence_nouns=frozenset(data["evidence_nouns"]),
        about_only=frozenset(data["about_only"]),
        to_topics=frozenset(data["to_topics"]),
        asked_about=frozenset(data["asked_about"]),
        performance=frozenset(data["performance"]),
        impersonal_adjectives=frozenset(data["impersonal_adjectives"]),
        findings=frozenset(data["findings"]),
        questioning=frozenset(data["questioning"]),
        phrasal_speech=dict(data["phrasal_speech"]),
    )


def is_cue(token: Token, lemmas: frozenset[str]) -> bool:
    """A verb whose lemma is one of these reporting lemmas."""
    return token.pos_ in VERB_TAGS and token.lemma_.lower() in lemmas


def bare_cue(token: Token) -> bool:
    """ "“…,” Bolton charged.", "“…,” he went on.": a speech verb that is a cue only with a clause of its own
    ("charged that …", not "charged with murder"), or a verb that says something only with its particle,
    standing with neither object nor clause and ending its clause as a quote's tag does (the "agree" of
    "some governments did not agree" or the "recommended" of "as the “autopsy” recommended, and …" goes on)."""
    # The quote before the verb is its clause; one after it ("charged that …") makes it an ordinary cue.
    if token.pos_ not in VERB_TAGS or any(_takes_something(child) for child in token.rights):
        return False
    words = lexicon()
    lemma = token.lemma_.lower()
    following = _next(token)
    particle = words.phrasal_speech.get(lemma)
    if particle is not None:
        if following is None or following.lower_ != particle:
            return False
        following = _next(following)
    elif lemma not in words.speech & words.indirect_only:
        return False
    elif following is not None and following.dep_ == "prt":
        following = _next(following)
    return following is None or following.is_punct or _its_subject(following, token) or _when(following)


def _next(word: Token) -> Token | None:
    return word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None


def _when(word: Token) -> bool:
    """ "Bolton charged on Tuesday": a time after the cue still ends its clause."""
    return any(t.ent_type_ in {"DATE", "TIME"} for t in word.subtree) and word.dep_ in {"prep", "npadvmod"}


def _its_subject(word: Token, verb: Token) -> bool:
    """ "“…,” charged Senator Bolton": the words right after an inverted cue are its subject."""
    return any(word in child.subtree for child in verb.rights if child.dep_ in SUBJECTS)


def _takes_something(child: Token) -> bool:
    """An object, a clause or a goal: what makes "charged" an accusation or a rush, not a way of saying."""
    return child.dep_ in _OBJECTS_AND_CLAUSES or (child.dep_ == "prep" and child.lower_ in _GOALS)


def is_according(token: Token) -> bool:
    """The "according" of "according to X"."""
    return token.lower_ == "according" and any(c.lower_ == "to" for c in token.children)


def according_source(token: Token) -> Token | None:
    """X in "according to X"."""
    for to in token.children:
        if to.lower_ == "to":
            return object_of(to)
    return None


def relayed_by(cue: Token) -> Token | None:
    """The "according" of "“…,” X said, according to Y": on the cue verb, after it, it names who relayed the words."""
    return next((child for child in cue.rights if is_according(child)), None)


def cue_end(token: Token) -> int:
    """End offset of a cue: the verb with its particle ("point out"), or "according to"."""
    end = token.idx + len(token)
    for child in token.children:
        if child.i == token.i + 1 and (child.dep_ == "prt" or (is_according(token) and child.lower_ == "to")):
            end = child.idx + len(child)
    return end
