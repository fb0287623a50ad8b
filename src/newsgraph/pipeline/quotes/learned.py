"""Reports the cue lexicon does not know, kept when a scorer learned from PolNeAR says so.

The rules of ``indirect.py`` fire on listed lemmas, and reported speech has a long tail
("likened the plan to", "vouched for", "the criticism of"). Here every verb and noun
that the rules left alone proposes what it governs (a clause, an object, a prepositional
object) as a report; a logistic regression over a few readable features (the lemma with
its construction, the kind of subject, the shape of the content) keeps the likely ones.
Its weights live in ``data/report_scorer.json``, written by
``scripts/train_report_scorer.py`` from PolNeAR's train split (Newell, Margolin and
Ruths, LREC 2018); nothing is learned at run time.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from newsgraph.pipeline.extensions import indices_where
from newsgraph.pipeline.lexicons import load_data
from newsgraph.pipeline.quotes import acts
from newsgraph.pipeline.quotes.content import clause_range, dateline, leading_prep, object_range, prep_object
from newsgraph.pipeline.quotes.cues import cue_end, lexicon
from newsgraph.pipeline.quotes.indirect import Candidate, trimmed
from newsgraph.pipeline.quotes.reporters import speaker_span
from newsgraph.pipeline.quotes.subjects import can_speak, subject_of
from newsgraph.pipeline.syntax import object_of

SCORER_FILE = "report_scorer.json"
# Prepositions after a noun that introduce what was said or thought ("criticism of", "support for").
_NOUN_PREPS = frozenset({"of", "for", "on", "about", "against", "to", "over", "with", "toward", "towards"})
# How a noun hangs from the verb whose subject owns it: "made a decision", "seethed after the disclosure".
_NOUN_LINKS = frozenset({"dobj", "pobj", "prep", "attr", "npadvmod"})
_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "it"})
_LEXICON_GROUPS = ("speech", "belief", "evidence", "object", "intent", "about_only")
_ANCESTOR_LINKS = ("relcl", "advcl", "xcomp", "acl", "pcomp")
# Shorter contents are not reports of anything ("said so" is the rules' business).
_MIN_CHARS = 3


@dataclass(frozen=True)
class Proposal:
    """One word and what it would report, before scoring."""

    cue: Token
    construction: str
    start: int
    end: int
    subject: Token | None
    features: tuple[str, ...]


@dataclass(frozen=True)
class ReportScorer:
    """Weights per feature and the probability a proposal needs to be kept."""

    weights: dict[str, float]
    threshold: float

    def probability(self, features: Iterable[str]) -> float:
        z = sum(self.weights.get(name, 0.0) for name in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def load_scorer() -> ReportScorer:
    """The scorer shipped with newsgraph, read once."""
    data = load_data(SCORER_FILE)
    return ReportScorer(weights=dict(data["weights"]), threshold=float(data["threshold"]))


def _verb_range(verb: Token) -> tuple[str, int, int] | None:
    rights = list(verb.rights)
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and not dateline(c)), None)
    if clause is not None and clause.right_edge.i > clause.left_edge.i:
        return ("ccomp", *clause_range(verb, clause))
    obj = next((c for c in rights if c.dep_ == "dobj"), None)
    if obj is not None:
        found = object_range(obj, rights)
        return None if found is None else ("dobj", *found)
    complement = next((c for c in rights if c.dep_ == "xcomp"), None)
    if complement is not None:
        return "xcomp", complement.left_edge.i, complement.right_edge.i
    prep = leading_prep(verb)
    pobj = None if prep is None else prep_object(prep)
    if prep is None or pobj is None:
        return None
    return f"prep_{prep.lower_}", pobj.left_edge.i, pobj.right_edge.i


def _noun_range(noun: Token) -> tuple[str, int, int] | None:
    for child in noun.rights:
        opener = child.left_edge
        if child.dep_ == "acl" and opener.lower_ in {"that", "to"}:
            return f"noun_acl_{opener.lower_}", opener.i, child.right_edge.i
        if child.dep_ == "prep" and child.lower_ in _NOUN_PREPS and child.i == noun.i + 1:
            pobj = prep_object(child)
            if pobj is not None:
                return f"noun_{child.lower_}", pobj.left_edge.i, pobj.right_edge.i
        break
    return None


def _speaker(verb: Token) -> Token | None:
    """Who reports, for verbs the rules do not know: passives name no speaker unless "by" does.

    "has been mentioned as", "when pressed on": no one named. "led the journalist to
    fear": the object speaks. "missed no opportunity to remind": the one who missed it.
    """
    children = {c.dep_: c for c in verb.children}
    if "nsubjpass" in children or "auxpass" in children or (verb.tag_ == "VBN" and "nsubj" not in children):
        agent = children.get("agent")
        return None if agent is None else object_of(agent)
    if "nsubj" not in children and verb.dep_ == "xcomp":
        controller = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        if controller is not None:
            return controller
    if "nsubj" not in children and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        return _owner(verb.head)
    return subject_of(verb) or _governing_subject(verb)


def _governing_subject(token: Token) -> Token | None:
    """ "were in the lead in advocating …": the subject of the nearest clause above."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"}:
            subject = next((c for c in ancestor.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return subject
    return None


def _owner(noun: Token) -> Token | None:
    """Whose a noun's report is: "his failure", else the subject of the verb it hangs from ("they made a deal")."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    head = noun
    while head.dep_ in _NOUN_LINKS and head.head.i != head.i:
        head = head.head
        if head.pos_ in {"VERB", "AUX"}:
            return subject_of(head)
    return None


def features(cue: Token, construction: str, first: int, last: int, subject: Token | None) -> tuple[str, ...]:
    """What the scorer weighs: the lemma and its construction first, then who speaks and what is said."""
    lemma = cue.lemma_.lower()
    found = [
        "bias",
        f"lemma={lemma}",
        f"construction={construction}",
        f"lemma+construction={lemma}|{construction}",
        f"tag={cue.tag_}",
        f"dep={cue.dep_}",
        f"pos={cue.pos_}",
    ]
    for group in _LEXICON_GROUPS:
        if lemma in getattr(lexicon(), group):
            found += [f"lexicon={group}", f"lexicon+construction={group}|{construction}"]
    if subject is None:
        found.append("subject=none")
    else:
        kind = subject.ent_type_ or (f"PRON:{subject.lower_}" if subject.lower_ in _PRONOUNS else subject.pos_)
        found += [
            f"subject={kind}",
            f"subject+construction={kind}|{construction}",
            f"can_speak={can_speak(subject, cue)}",
        ]
    length = last - first + 1
    found.append(f"length={length if length < 12 else 20 if length < 20 else 40}")
    opener = cue.doc[first]
    found.append(f"opener={opener.lower_ if opener.is_stop else opener.pos_}")
    children = {c.dep_ for c in cue.children}
    if "neg" in children:
        found.append("negated")
    if children & {"nsubjpass", "auxpass"}:
        found.append("passive")
    ancestors = {a.dep_ for a in cue.ancestors}
    found += [f"under={link}" for link in _ANCESTOR_LINKS if link in ancestors]
    return tuple(found)


def propose(doc: Doc, taken: Sequence[bool]) -> list[Proposal]:
    """Every verb or noun outside what is already taken, with what it would report."""
    proposals = []
    for i in indices_where(doc, pos=("VERB", "NOUN")):
        token = doc[i]
        if taken[token.i]:
            continue
        if token.pos_ == "VERB":
            found = _verb_range(token)
        elif token.pos_ == "NOUN":
            found = _noun_range(token)
        else:
            continue
        if found is None:
            continue
        construction, first, last = found
        span = trimmed(doc, first, last)
        if span is None or span[1] - span[0] < _MIN_CHARS or span[0] <= token.idx < span[1]:
            continue
        if any(taken[i] for i in range(first, last + 1)):
            continue
        subject = _speaker(token) if token.pos_ == "VERB" else _owner(token)
        if subject is not None and first <= subject.i <= last:
            subject = None
        proposals.append(
            Proposal(
                token, construction, span[0], span[1], subject, features(token, construction, first, last, subject)
            )
        )
    return proposals


def find_learned(doc: Doc, taken: Sequence[bool], scorer: ReportScorer) -> list[Candidate]:
    """The proposals the scorer keeps, the longest first where they overlap (each word has one role)."""
    kept = [p for p in propose(doc, taken) if scorer.probability(p.features) >= scorer.threshold]
    used = list(taken)
    found = []
    for proposal in sorted(kept, key=lambda p: p.start - p.end):
        tokens = range(proposal.cue.i, proposal.cue.i + 1)
        span = doc.char_span(proposal.start, proposal.end, alignment_mode="expand")
        content = [t.i for t in span or []]
        if any(used[i] for i in [*tokens, *content]):
            continue
        for i in [*tokens, *content]:
            used[i] = True
        found.append(
            Candidate(
                kind="indirect",
                start=proposal.start,
                end=proposal.end,
                cue=(proposal.cue.idx, cue_end(proposal.cue)),
                speaker=speaker_span(proposal.subject, proposal.cue) if proposal.subject is not None else None,
                cue_token=proposal.cue.i,
                act=_act(proposal, span.text if span is not None else ""),
                scored=True,
            )
        )
    return found


def _act(proposal: Proposal, words: str) -> str:
    """The act by construction and lemma (``acts.py``)."""
    construction = proposal.construction
    if construction == "ccomp":
        return acts.of_clause(proposal.cue)
    if construction in {"xcomp", "noun_acl_to"}:
        return acts.INTENT
    if construction in {"prep_about", "noun_about"}:
        return acts.TOPIC
    if construction == "dobj" or construction.startswith("prep_"):
        return acts.of_object(proposal.cue, words)
    return acts.STANCE
