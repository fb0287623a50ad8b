"""Whether a clause tells what was done: conditions, possibilities, wishes and obligations.

"if they attack", "could strike", "hoped the swap would pave the way" tell nothing done;
"said Uganda must withdraw" asks it of Uganda. A clause reported under a verb of saying
keeps its reporter, whose clause is told, not wished.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.pipeline.events.actors import ActorFinder
from newsgraph.pipeline.events.lexicon import Lexicon, has_lemma
from newsgraph.pipeline.events.syntax import (
    SUBJECTS,
    conditional,
    counterfactual,
    has_mark,
    unasserted,
)
from newsgraph.pipeline.events.words import (
    CONTEMPLATING,
    FIRST_PERSON,
    HYPOTHETICAL_MARKS,
    LIKELIHOOD,
    WISHES,
)


class Modality:
    """Reads the mood of clauses with the lexicon's modals and speech verbs, and the actors for who is asked."""

    def __init__(self, lex: Lexicon, actors: ActorFinder) -> None:
        self.lex = lex
        self.actors = actors

    def obligation(self, verb: Token) -> bool:
        """ "X said Y must do Z": a demand on Y, whatever Z is."""
        modals = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        if not (modals & self.lex.obligation_modals) or self.reporter(verb) is None or conditional(verb):
            # "they should let their doctor know if they have symptoms": advice for a case, asked of no one.
            return False
        # Only someone can be asked to act: "the house's future use should send a signal" asks no one.
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subject is not None and self.someone_else(subject)

    def someone_else(self, subject: Token) -> bool:
        """Someone other than the speaker: "we must teach him love" urges the speaker's own side, and the
        PLOVER manual's REQUEST is made of another."""
        return subject.lower_ not in FIRST_PERSON and self.actors.names_actor(subject)

    def reporter(self, verb: Token) -> Token | None:
        """The speech verb an event is reported under ("The military said … it struck")."""
        token = verb
        for _ in range(4):
            if token.dep_ not in ("ccomp", "conj", "xcomp", "advcl", "parataxis") or token.head.i == token.i:
                return None
            token = token.head
            if has_lemma(token, self.lex.speech_verbs):
                return token
        return None

    def hypothetical(self, token: Token) -> bool:
        """Conditions, possibilities and questions are not events ("if", "could", "might")."""
        if has_mark(token, HYPOTHETICAL_MARKS) or counterfactual(token):
            return True
        modals = {c.lower_ for c in token.children if c.dep_ == "aux"}
        if token.dep_ == "conj" and not any(c.dep_ in (*SUBJECTS, "nsubjpass", "aux") for c in token.children):
            # "South Dakota can lead the country and demonstrate ways": a verb joined to another without a
            # subject or auxiliary of its own shares that verb's modal.
            modals |= {c.lower_ for c in token.head.children if c.dep_ == "aux"}
        if modals & (self.lex.hypothetical_modals - self.lex.obligation_modals):
            return True
        if modals & self.lex.not_yet and any(c.dep_ == "advmod" and c.lower_ in LIKELIHOOD for c in token.children):
            # "said it would likely heighten tensions", "China will probably retaliate": a forecast, which commits no
            # one to act (no promise nor threat); "the attack was probably carried out by ISIS" tells a deed.
            return True
        if "would" in modals and (self.reporter(token) is None or token.dep_ == "advcl"):
            # "before the administration would agree": a "would" clause hung on another is its condition.
            return True
        return self._wished(token) or unasserted(token)

    def _wished(self, token: Token) -> bool:
        """A clause hanging from a wish or a possibility ("would like to see China agree", "could help
        them reach a deal"): not told as done. The walk stops at a verb of saying, whose clause is reported."""
        for _ in range(3):
            if token.dep_ not in ("xcomp", "ccomp") or token.head.i == token.i:
                return False
            token = token.head
            if has_lemma(token, self.lex.speech_verbs):
                return False
            if has_lemma(token, WISHES | CONTEMPLATING):
                # "hoped the swap would pave the way for talks", "considered sanctioning": what is hoped for or
                # weighed has not happened.
                return True
            modals = {c.lower_ for c in token.children if c.dep_ == "aux"}
            if modals & ((self.lex.hypothetical_modals - self.lex.obligation_modals) | {"would"}):
                return True
        return False

    # From words to the output contract
