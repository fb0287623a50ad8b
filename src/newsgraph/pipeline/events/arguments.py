"""Who did it and to whom: the actor and target words of a verb.

The subject and the object, passives inverted (full, reduced in a headline, or joined to
another); a subject the verb shares with the verb it hangs from, or that the parser left on
an opening phrase or a dateline; what is fired or used is the means, and whom it is aimed at
the target.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.pipeline.events.lexicon import Lexicon, has_lemma
from newsgraph.pipeline.events.senses import Senses
from newsgraph.pipeline.events.syntax import (
    SUBJECTS,
    aimed_at,
    for_subject,
    has_aux,
    joined_passive,
    passive,
    past_dateline,
    prep_object,
    reduced_passive,
    stranded_subject,
)
from newsgraph.pipeline.events.words import (
    INSTRUMENTAL,
    REFLEXIVES,
    RELATIVE_PRONOUNS,
    REPORT_NOUNS,
)
from newsgraph.pipeline.syntax import object_of


class Arguments:
    """Reads the actor and target words of verbs, with the lexicon and the senses to tell means from victims."""

    def __init__(self, lex: Lexicon, senses: Senses) -> None:
        self.lex = lex
        self.senses = senses

    def of(self, verb: Token) -> tuple[Token | None, Token | None]:
        """The actor and target words of a verb, passives inverted."""
        children = list(verb.children)
        subject = next((c for c in children if c.dep_ in SUBJECTS), None)
        passive_subject = next((c for c in children if c.dep_ == "nsubjpass"), None)
        agent = next((c for a in children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"), None)
        target = next((c for c in children if c.dep_ == "dative"), None)
        if target is not None and target.pos_ == "ADP":
            # "sent troops to Belarus": the parser may mark the preposition as the dative; whom it names is its object.
            target = object_of(target)
        target = target or next((c for c in children if c.dep_ == "dobj"), None)
        perfect = _perfect_participle(verb) if passive_subject is None else None
        if perfect is not None:
            # "Austria argued that it was the first victim, having been annexed by Germany": a perfect participle
            # tells of the main clause's subject, wherever the parser hung it ("decades ... having been annexed").
            actor, target = agent, perfect
        elif passive_subject is not None or (verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN"):
            actor = agent
            target = passive_subject if passive_subject is not None else verb.head
        elif reduced_passive(verb, subject, target):
            # "US Chinook helicopter shot down and destroyed", "3 demonstrators killed in clashes": a
            # headline's passive without its auxiliary; its subject is the one it was done to.
            actor, target = agent, subject
        elif joined_passive(verb, subject, target):
            # "he was hauled out by the UK police and taken into custody": a participle joined to a passive
            # shares it; its doer is the agent, the one it was done to the passive's subject (never the
            # subject of a clause further up, "Swedish prosecutors decided to reopen ... after").
            head_children = list(verb.head.children)
            actor = agent or next(
                (c for a in head_children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"), None
            )
            target = next((c for c in head_children if c.dep_ == "nsubjpass"), None)
        elif verb.dep_ == "advcl" and verb.tag_ == "VBN" and subject is None and (not has_aux(verb) or passive(verb)):
            # "when asked about the fight", "once released", "having been annexed by Germany": a passive with no
            # subject of its own, whose doer is only its agent; the main clause's subject is the one it was done to,
            # whatever that clause's voice ("Arrested by police in May, Haddad was released on bail").
            actor = agent
            target = target or self._inherited_subject(verb) or _passive_subject(verb.head)
        else:
            actor = subject if subject is not None else self._inherited_subject(verb)
            if actor is None:
                # "With the signing of an accord, the government and the rebels have agreed to": the parser hangs
                # the subject on the opening phrase as its apposition and leaves the verb with none.
                actor = stranded_subject(verb)
        if actor is None and verb.tag_ == "VBN":
            actor = self._fought_with(verb)
        if actor is not None and actor.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            actor = verb.head
        relative = target is not None and (target.lower_ in ("who", "whom", "which") or target.dep_ == "nsubjpass")
        if target is not None and relative and target.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            # "hostages who had been held by the Taliban": the relative pronoun stands for the noun it hangs on (an
            # object "that" may be the parser's misreading of "tells the paper that he fought").
            target = verb.head
        if verb.dep_ in ("relcl", "acl"):
            # "its president is a criminal who was exonerated by a special counsel": what the relative clause hangs
            # on is said of the copula's subject, who is the one it was done to (or who did it).
            actor = _predicated(actor) if actor is not None and actor.i == verb.head.i else actor
            target = _predicated(target) if target is not None and target.i == verb.head.i else target
        if actor is not None:
            actor = past_dateline(verb, actor)
        if target is not None and target.lower_ in REFLEXIVES:
            # "distanced themselves from the US position", "challenging itself to run on renewables": the
            # subject's own self is no target; the phrase after the verb may name one.
            target = None
        if target is not None and target.dep_ == "dobj" and self._thrown(verb, target):
            # "fired four shells at targets in Jericho", "dropped bombs on the town", "fired tear gas at
            # protesters": what is fired or thrown is the means, what it is aimed at the target.
            target = aimed_at(verb) or target
        if target is not None and target.dep_ == "dobj" and has_lemma(verb, INSTRUMENTAL):
            # "use force on them", "used tear gas against the crowd": what is used is the means, whom it is used
            # on the target.
            target = aimed_at(verb) or target
        if target is None:
            target = prep_object(verb)
        if target is None:
            # "set a deadline for the administration to respond": whom the act is aimed at is the subject of its
            # "for ... to" clause, which the parser hangs on the verb.
            target = next((w for c in children if (w := for_subject(c)) is not None), None)
        if target is None and passive_subject is None:
            # "killed and ate a wild rabbit": verbs joined before one object share it.
            target = next((g for c in children if c.dep_ == "conj" for g in c.children if g.dep_ == "dobj"), None)
        return actor, target

    def _fought_with(self, verb: Token) -> Token | None:
        """ "demonstrators were killed in clashes with police": with no agent, the harm a passive tells was done by
        the other side of the fighting it happened in."""
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "during")):
            for noun in (c for c in prep.children if c.dep_ == "pobj"):
                code = self.lex.noun(noun)
                if code is not None and code.type == "ASSAULT":
                    with_ = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "with"), None)
                    if with_ is not None:
                        return object_of(with_)
        return None

    def _thrown(self, verb: Token, thing: Token) -> bool:
        """The object of a verb of violence is what it sends, not whom it harms: a weapon, or a thing no
        violence can harm ("tear gas", "stones") when the verb names where it is aimed."""
        if self.senses.means_of_violence(thing):
            return True
        return self.lex.default_type(verb) == "ASSAULT" and not self.senses.can_suffer(thing)

    def _inherited_subject(self, verb: Token) -> Token | None:
        """The subject a verb shares with the one it hangs from ("…and issued", "agreed to share")."""
        if verb.tag_ == "VBG" and verb.i > 0:
            before = verb.doc[verb.i - 1]
            if before.dep_ == "pobj" and before.pos_ in ("PROPN", "NOUN") and before.head.head.i != verb.i:
                return before
        if verb.dep_ == "acl" and verb.tag_ == "VBG":
            head = verb.head
            if self.lex.noun(head) is None and head.lemma_.lower() not in REPORT_NOUNS:
                return head
            if head.dep_ in ("dobj", "pobj") and head.head.pos_ in ("VERB", "ADP"):
                owner = head.head if head.head.pos_ == "VERB" else head.head.head
                return next((c for c in owner.children if c.dep_ in SUBJECTS), None)
            return None
        if verb.dep_ == "acomp":
            return next((c for c in verb.head.children if c.dep_ in SUBJECTS), None)
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" and verb.head.head.pos_ == "VERB":
            # "Garrett responded by hitting Rudolph", "the jury deliberated before convicting Webb": the
            # gerund's doer is the subject of the verb its phrase hangs on.
            owner = verb.head.head
            found = next((c for c in owner.children if c.dep_ in SUBJECTS), None)
            return found if found is not None else self._inherited_subject(owner)
        above = _joined_above(verb)
        if above is not None:
            # "businesses agree that China has taken advantage and support Trump's efforts": a plain present verb
            # cannot share "has taken"'s subject; it is joined to the clause that one hangs from ("agree").
            return next((c for c in above.children if c.dep_ in SUBJECTS), None)
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
            head = verb.head
            subject = next((c for c in head.children if c.dep_ in SUBJECTS), None)
            if subject is None and head.dep_ in ("conj", "xcomp", "advcl") and head.head.i != head.i:
                return self._inherited_subject(head)
            return subject
        return None


def _passive_subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _perfect_participle(verb: Token) -> Token | None:
    """The subject a passive "having been" participle clause with none of its own is about: the subject of the
    nearest verb above it that has one."""
    words = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ != "VBN" or not {"having", "been"} <= words:
        return None
    head = verb.head
    for _ in range(4):
        subject = next((c for c in head.children if c.dep_ in (*SUBJECTS, "nsubjpass") and c.i < verb.i), None)
        if head.pos_ in ("VERB", "AUX") and subject is not None:
            return subject
        if head.head.i == head.i:
            return None
        head = head.head
    return None


# What lets a base-form verb share the tense of the verb it is joined to ("will take and hold", "did not meet or call").
SHARED_AUX = frozenset(
    {"will", "would", "shall", "should", "can", "could", "may", "might", "must", "to", "do", "does", "did"}
)


def _joined_above(verb: Token) -> Token | None:
    """The present verb a plain present verb is joined to when the parser joined it to the clause that verb
    governs, a clause in another tense (see _form_breaks)."""
    if verb.dep_ != "conj" or verb.head.dep_ != "ccomp":
        return None
    owner = verb.head.head
    return owner if owner.tag_ == "VBP" and _form_breaks(verb) else None


def _form_breaks(verb: Token) -> bool:
    """A verb in its plain present form ("support") joined to a verb in another tense ("has taken", "took",
    "takes") with no auxiliary both could share: English gives the two different subjects."""
    head = verb.head
    if verb.tag_ not in ("VB", "VBP") or any(c.dep_ in ("aux", "auxpass", *SUBJECTS) for c in verb.children):
        return False
    shared = any(c.dep_ in ("aux", "auxpass") and c.lower_ in SHARED_AUX for c in head.children)
    return head.tag_ in ("VBN", "VBZ", "VBD") and not shared


def _predicated(noun: Token) -> Token:
    """The subject a noun is predicated of ("the governor is [a criminal]"), else the noun itself; "there is" and
    "it is" predicate it of no one."""
    if noun.dep_ != "attr" or noun.head.lemma_ != "be":
        return noun
    subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in ("it", "there", "this", "that", "which", "who"):
        return noun
    return subject
