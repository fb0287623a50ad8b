"""A verb that governs another act: a stance towards it ("threatened to strike", "vowed to release", "refused to
deploy"), an order or a warning coded by what it orders or warns of, forces sent for a purpose, an offer turned
down; and the future or the obligation that makes a plain act a promise, a threat or a request.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.pipeline.events.actors import ActorFinder
from newsgraph.pipeline.events.arguments import Arguments
from newsgraph.pipeline.events.draft import Draft
from newsgraph.pipeline.events.frames import Code
from newsgraph.pipeline.events.lexicon import Lexicon, has_lemma, lemma_in
from newsgraph.pipeline.events.modality import Modality
from newsgraph.pipeline.events.syntax import (
    SUBJECTS,
    condition,
    conditional,
    going_to,
    has_mark,
    infinitive,
    infinitive_of,
    negated,
)
from newsgraph.pipeline.events.words import (
    CEASING,
    COMMANDS,
    COURTESIES,
    DEPARTING,
    LIGHT_PREPS,
    PAYING,
    PROPOSALS,
    SENDING,
    STATE_FORCES,
    THREAT_MARKS,
    WISHES,
)


class Stances:
    """Codes the verbs of one Doc that govern another act, reading the parse with the lexicon, the actors, the
    verbs' arguments and their modality."""

    def __init__(self, lex: Lexicon, actors: ActorFinder, arguments: Arguments, modality: Modality) -> None:
        self.lex = lex
        self.actors = actors
        self.arguments = arguments
        self.modality = modality

    def turned_down(self, verb: Token, draft: Draft) -> Draft:
        """ "did not accept the union's offer", "did not approve the request from Uganda": acceptance withheld from
        what was proposed is the manual's REJECT ("All rejections and refusals"), aimed at whoever proposed it. "Has
        not yet accepted" leaves it open."""
        if any(c.lower_ == "yet" for c in verb.children):
            return draft
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        objects += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "on") for g in c.children]
        offer = next((o for o in objects if o.dep_ in ("dobj", "pobj") and o.lemma_.lower() in PROPOSALS), None)
        if offer is None:
            return draft
        owner = next((c for c in offer.children if c.dep_ == "poss"), None)
        proposer = owner or next(
            (g for c in offer.children if c.dep_ == "prep" and c.lower_ in ("from", "of", "by") for g in c.children),
            None,
        )
        target = proposer if proposer is not None else (None if draft.target is offer else draft.target)
        return Draft(Code("REJECT"), draft.trigger, draft.anchor, draft.actor, target, False, draft.argument_verbs)

    def sent_for(self, verb: Token, draft: Draft | None, consumed: set[int]) -> Draft | None:
        """ "sent 30 officials to Estria to investigate the killings": people sent for a purpose do the purpose's
        act for the sender, whose act it is. The manual types a move by what it is for ("Mobilizing police or
        military forces for disaster relief should be coded as AID", the one purpose that retypes forces sent); a
        hostile purpose is only an aim, not told as done ("If a document reports a MOBILIZE event in the context of
        an ASSAULT, only the ASSAULT should be coded": with no assault told, the move stays MOBILIZE)."""
        if not has_lemma(verb, SENDING) or (draft is not None and draft.code.type != "MOBILIZE"):
            return None
        purpose = next((c for c in verb.children if c.dep_ == "advcl" and infinitive(c)), None)
        code = self.lex.verb(purpose) if purpose is not None else None
        if purpose is None or code is None or code.type in self.lex.hostile or code.type == "MOBILIZE":
            return None
        if draft is not None and code.type != "AID":
            # Forces sent to "restore order" or to "secure the border" make a military move whatever it is for;
            # only relief is the manual's exception.
            return None
        consumed.add(purpose.i)
        actor, _ = self.arguments.of(verb)
        _, target = self.arguments.of(purpose)
        return Draft(code, verb, verb, actor, target, argument_verbs=[verb, purpose])

    def ordered(self, verb: Token, draft: Draft | None, consumed: set[int]) -> Draft | None:
        """ "ordered the radio station to stop broadcasting", "ordered the army to withdraw": an order is coded by
        what it orders, as CAMEO's own ORDER patterns are ("ORDER SUSPENSION OF + ACTIVITIES [172]", "ORDER
        &SECURITY FORCE TO STOP PROTEST [153]", "ORDER AMBASSADOR TO RETURN [161]"). Another party ordered to cease
        its activity or to leave has it imposed on it, the manual's COERCE ("coercive uses of power": "restrict",
        "Expel or deport individuals"); forces ordered to act do the orderer's act, a hostile one only as a move
        (MOBILIZE, "military or police moves that fall short of the actual use of force"); a court ordering a
        payment sanctions the one who pays. Any other order stays the manual's REQUEST ("All requests, demands,
        and orders")."""
        if not has_lemma(verb, COMMANDS) or (draft is not None and draft.code.type != "REQUEST"):
            return None
        ordered = next((c for c in verb.children if c.dep_ == "dobj"), None)
        act = next((c for c in verb.children if c.dep_ == "xcomp" and infinitive(c)), None)
        if ordered is None or act is None:
            return None
        actor, _ = self.arguments.of(verb)
        forces = self.actors.agent_sector(ordered) in STATE_FORCES - {"GOV"}
        code: Code | None = None
        if has_lemma(act, PAYING) and actor is not None and self.actors.agent_sector(actor) == "JUD":
            # The manual: "court-ordered payments should be coded as SANCTION events with the winner and court as
            # actor and guilty party as recipient".
            code = Code("SANCTION")
        elif has_lemma(act, DEPARTING) and not forces:
            code = Code("COERCE", "deport")
        elif has_lemma(act, CEASING) and not forces:
            code = Code("COERCE", "restrict")
        elif forces and (inner := self.lex.verb(act)) is not None:
            code = Code("MOBILIZE") if inner.type in self.lex.hostile else inner
            ordered = self.arguments.of(act)[1]
        if code is None:
            return None
        consumed.add(act.i)
        return Draft(code, verb, verb, actor, ordered, argument_verbs=[verb, act])

    def warning(self, verb: Token) -> Draft | None:
        """ "warned that the firm might move its traffic if the strike went on", "warned that it would retaliate":
        a threat by the one warning, of what it may do on a condition or of force it will use (the manual's
        THREATEN: "threats of force", warnings "with serious potential repercussions")."""
        for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")):
            modals = {c.lower_ for c in clause.children if c.dep_ == "aux"}
            if not modals & (self.lex.future_modals | self.lex.hypothetical_modals | {"would"}):
                continue
            inner = self.lex.verb(clause)
            force = inner is not None and inner.type in self.lex.hostile and not negated(clause)
            if condition(clause) or (force and self._warns_of_own_act(verb, clause)):
                actor, target = self.arguments.of(verb)
                # "warned it would cut gas supplies to Moldova": with no one warned, the threat is aimed at whom
                # the warned act falls on, as a threat told by its infinitive is ("threatened to attack Kyiv").
                target = target or self.arguments.of(clause)[1]
                mode = threat_mode(inner) if force and inner is not None else None
                return Draft(Code("THREATEN", mode), verb, verb, actor, target, argument_verbs=[verb, clause])
        return None

    def _warns_of_own_act(self, verb: Token, clause: Token) -> bool:
        """The warned act is the warner's own: its subject is a pronoun or the warner itself ("Brazil warned that
        it would strike"), not someone else's ("warned that storms would hit the coast")."""
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        warner = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subject is None or warner is None:
            return False
        return subject.lower_ in ("it", "they", "we", "he", "she", "i") or subject.lower_ == warner.lower_

    def light_object(self, verb: Token) -> tuple[Token | None, Code | None]:
        if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN" and verb.head.pos_ == "NOUN":
            # "the sanctions imposed by the EU", "tariffs imposed by China": a participle on the noun it does, which
            # is its object as in a frame's reading.
            code = self.lex.noun(verb.head)
            if code is not None:
                return verb.head, code
        for child in verb.children:
            if child.dep_ == "xcomp" and child.pos_ == "VERB" and not infinitive(child):
                code = self.lex.verb(child)
                if code is not None:
                    return child, code
            nouns = [child] if child.dep_ in ("dobj", "nsubjpass", "attr") else []
            if child.dep_ == "prep" and child.lower_ in LIGHT_PREPS:
                nouns = [c for c in child.children if c.dep_ == "pobj"]
            for noun in list(nouns):
                nouns += [c for c in noun.children if c.dep_ == "compound"]
                for of in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
                    nouns += [c for c in of.children if c.dep_ == "pobj"]
            for noun in nouns:
                code = self.lex.noun(noun)
                if code is not None:
                    return noun, code
        return None, None

    def wrapped(self, wrapper: Token, inner: Token, kind: str, consumed: set[int]) -> Draft | None:
        """ "threatened to strike", "vowed to release", "refused to deploy": the stance, not the act.

        "failed to release" is no refusal: the act itself, marked as not done.
        """
        for _ in range(3):
            deeper = (
                infinitive_of(inner) if self.lex.wrappers.get(lemma_in(inner, self.lex.wrappers)) == "act" else None
            )
            if deeper is None:
                break
            inner = deeper
        inner_code = self.lex.verb(inner, conditional_only=True)
        if inner_code is None and has_lemma(inner, self.lex.light_verbs):
            noun, inner_code = self.light_object(inner)
            if noun is not None:
                # "threatened to stage a strike": the strike is only threatened, not told on its own.
                consumed.add(noun.i)
        if inner_code is None and not has_lemma(inner, self.lex.speech_verbs):
            # As for a plain verb, a verb of saying codes only through a pattern of its own ("continues to
            # insist his tactics will work" says something; "insisted on the release of" would ask it).
            inner_code = self.lex.verb(inner)
        if inner.lemma_ == "be" and kind not in ("threat", "refuse"):
            # "the deals promise to be even better": a forecast of a state, no commitment to act.
            return None
        own = self.lex.verb(wrapper)
        inner_negated = negated(inner)
        code: Code | None
        if kind == "threat" and inner_code is None and wrapper.lemma_.lower() != "threaten":
            # "warned people to stay away": the lexicon's entry for "warn" (the manual's THREATEN is a warning
            # "with serious potential repercussions") reads the repercussion from what the warning governs; a
            # warning that governs no act coded is advice.
            code = None
        elif kind == "threat":
            mode = None
            if inner_code is not None:
                mode = threat_mode(inner_code)
            code = Code("THREATEN", mode)
        elif kind == "refuse" and has_lemma(inner, self.lex.speech_verbs):
            # "declined to comment": a silence, not the rejection of anything proposed.
            code = None
        elif kind == "refuse":
            code = Code("REJECT")
        elif kind == "fail" and inner_code is not None and inner_code.type == "AGREE":
            # "failed to reach agreement": each side turned down the other's terms.
            code = Code("REJECT")
        elif kind in ("act", "fail"):
            code = inner_code
        elif inner_code is None:
            # The manual's AGREE is "willingness or commitment to cooperate": a wish or an aim to do what is no
            # event ("wants to help manufacturers", "we aim to build on this") commits to nothing.
            wish = has_lemma(wrapper, WISHES)
            code = own if own is not None and own.type in ("AGREE", "REQUEST") and not wish else None
        elif inner_negated and inner_code.type in self.lex.cooperative:
            code = Code("REJECT")
        elif inner_code.type in self.lex.hostile and has_lemma(wrapper, WISHES):
            # "The Americans wanted to raid a base": a wish told of someone, not a threat they made.
            code = None
        elif inner_code.type in self.lex.hostile:
            # Readying force is the manual's MOBILIZE ("All military or police moves that fall short of the actual use
            # of force"); readying sanctions or a strike moves no force, and is held out as a threat is.
            force = kind == "prepare" and inner_code.type in ("ASSAULT", "COERCE")
            code = Code("MOBILIZE") if force else Code("THREATEN", threat_mode(inner_code))
        elif inner_code.type in ("REJECT", "REQUEST", "ACCUSE"):
            code = inner_code
        elif has_lemma(inner, COURTESIES):
            # "I want to thank the volunteers": thanks wished or announced commit to no cooperation.
            code = None
        else:
            code = Code("AGREE")
        if code is None:
            return None
        actor, _ = self.arguments.of(wrapper)
        _, target = self.arguments.of(inner)
        if code.target == "partner" or (inner_code is not None and inner_code.target == "partner"):
            code = Code(code.type, code.mode, "partner")
        undone = kind == "fail" and code.type != "REJECT"
        # "Google intends to have a catalogue", "aims to put a woman on the moon": the stance word alone codes it.
        alone = inner_code is None and code == own
        return Draft(code, wrapper, wrapper, actor, target, undone, [wrapper, inner], by_default=alone)

    def recast(self, draft: Draft) -> Draft | None:
        """Future acts become promises or threats; obligations reported by someone become requests."""
        verb = draft.anchor
        modals = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        reporter = self.modality.reporter(verb)
        future = bool(modals & self.lex.future_modals) or ("would" in modals and reporter is not None)
        future = future or going_to(verb)
        if modals & self.lex.obligation_modals:
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if reporter is None or subject is None or not self.modality.someone_else(subject) or conditional(verb):
                # "X should do Z" demands only of someone: "the weather should ease by Thursday" asks no one.
                return None
            if subject.dep_ == "nsubjpass" and draft.actor is None:
                # "refugees must not be forced to return": the one a passive's subject names undergoes the act, and
                # no one is named to do it or refrain, so it states a norm, not a request made of another.
                return None
            subject = next((c for c in reporter.children if c.dep_ in SUBJECTS), None)
            # "said Uganda must not close the border" is a demand made, of an act not to be done: the "not" is the
            # demanded act's, and the request itself happened.
            return Draft(Code("REQUEST"), draft.trigger, draft.anchor, subject, draft.actor)
        if future and draft.code.mode == "investigate":
            # "Engineers will carry out the inspection on Tuesday": an investigation is an act, not a
            # statement, and one only planned is not told as done; nor is it a cooperative or hostile
            # intent the manual codes as AGREE or THREATEN.
            return None
        if future and draft.negated and draft.code.type in self.lex.cooperative:
            draft.code, draft.negated = Code("REJECT"), False
            return draft
        if not future or draft.code.type in ("THREATEN", "REJECT", "REQUEST", "ACCUSE", "AGREE"):
            return draft
        if not any(word is not None and self.actors.names_actor(word) for word in (draft.actor, draft.target)):
            # "The crossing will reopen to lorries": a plan with no one named who pledges it, nor to whom.
            return None
        if draft.code.type in self.lex.cooperative and has_lemma(draft.trigger, COURTESIES):
            # "The mayor will thank the volunteers on Friday": an announced thanks, no promise to cooperate.
            return None
        if draft.code.type in self.lex.cooperative:
            on_condition = any(c.dep_ == "advcl" and has_mark(c, THREAT_MARKS) for c in verb.children)
            if draft.negated:
                draft.code, draft.negated = Code("REJECT"), False
            else:
                draft.code = Code("THREATEN", "relations") if on_condition else Code("AGREE")
        elif not draft.negated:
            mode = threat_mode(draft.code)
            draft.code = Code("THREATEN", mode, draft.code.target)
        return draft


def threat_mode(act: Code) -> str | None:
    """The manual's THREATEN mode is "the content of the threat", read as the conversion table reads CAMEO's
    threats: sanctions, aid cut or relations broken (1311-1313), a protest (133) are "relations"; a blockade,
    a curfew or martial law (1381, 1323-1324), and the manual's strikes and boycotts ("Restrict movement of people
    or goods---including boycotts, strikes, blockades, and curfews"), are "restrict"; an arrest is "arrest";
    force and repression (137, 138) are "violence". Any other act threatened ("threatened to veto the bill", "to sue")
    is the table's 130 "Threaten" or 131 "Threaten non-force", which have no mode. The dictionary's SANCTION expel
    also withdraws one's own envoys or inspectors, which expels no one, so a sanction stays "relations"."""
    if act.type == "SANCTION":
        return "relations"
    if act.type == "PROTEST":
        return "restrict" if act.mode in ("strike", "boycott", "obstruct") else "relations"
    if act.mode in ("restrict", "curfew", "martial-law", "blockade"):
        return "restrict"
    if act.mode == "arrest":
        return "arrest"
    return "violence" if act.type in FORCE else None


# The PLOVER types of force and repression, whose threat is the manual's THREATEN violence ("Threaten violence"; the
# table's 137 "Threaten with violent repression", 138 "Threaten with military force").
FORCE = frozenset({"ASSAULT", "MOBILIZE", "COERCE", "THREATEN"})
