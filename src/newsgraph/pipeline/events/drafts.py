"""Finding events in a sentence: the drafts of what happened, before they name entities.

A verb coded in its frame ("struck", "pulled negotiators from"), a stance wrapping an act
("threatened to strike", "refused to deploy"), an order coded by what it orders, a force
sent for a purpose, or an event noun ("the attack on", "talks with") makes a ``Draft``
with the words of its actor and target. What is only wished, supposed, asked or planned
is left out here; a future act becomes a promise or a threat, an obligation reported by
someone a request.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.attrs import POS
from spacy.parts_of_speech import IDS
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsgraph.pipeline.events.actors import ActorFinder
from newsgraph.pipeline.events.arguments import Arguments
from newsgraph.pipeline.events.frames import Code
from newsgraph.pipeline.events.lexicon import Lexicon, has_lemma, lemma_in
from newsgraph.pipeline.events.modality import Modality
from newsgraph.pipeline.events.noun_parties import NounParties
from newsgraph.pipeline.events.reading import Reading
from newsgraph.pipeline.events.senses import Senses
from newsgraph.pipeline.events.syntax import (
    SUBJECTS,
    absolute_of,
    aimed_after,
    aimed_for,
    asks_whether,
    attribution,
    bare_noun,
    condition,
    conditional,
    ends,
    feared,
    gerund_subject,
    going_to,
    has_mark,
    imperative,
    infinitive,
    infinitive_of,
    negated,
    passive,
    place_words,
    prep_object,
    prospect,
    source,
    state_of_object,
)
from newsgraph.pipeline.events.words import (
    ALLEGED,
    CEASING,
    COMMANDS,
    COURTESIES,
    DEPARTING,
    HARM_RESULTS,
    LIGHT_PREPS,
    NATURAL_HAZARDS,
    PAYING,
    PLACE_PREPS,
    PROPOSALS,
    RELATIVE_PRONOUNS,
    SAID,
    SENDING,
    STATE_FORCES,
    STOPPING,
    THREAT_MARKS,
    UNDERTAKINGS,
    WISHES,
)


@dataclass
class Draft:
    """An event being built: the words found so far, before they become entity ids."""

    code: Code
    trigger: Token
    anchor: Token
    actor: Token | None = None
    target: Token | None = None
    negated: bool = False
    argument_verbs: list[Token] = field(default_factory=list)
    # Coded by the word alone, no pattern of the dictionary matched ("offers a free version": AGREE).
    by_default: bool = False


VERBAL_IDS = frozenset(IDS[tag] for tag in ("VERB", "ADJ", "AUX"))
NOMINAL_IDS = frozenset(IDS[tag] for tag in ("NOUN", "PROPN"))


class DraftFinder:
    """Finds the drafts of one Doc's sentences, reading the parse with the lexicon, the actors and the senses."""

    def __init__(self, doc: Doc, lex: Lexicon, actors: ActorFinder, senses: Senses, dates: dict[int, str]) -> None:
        self.doc = doc
        self.lex = lex
        # Each word's part of speech, read once from spaCy's arrays: every sentence is scanned for its verbs and nouns.
        self.pos: list[int] = doc.to_array(POS).tolist()
        self.actors = actors
        self.senses = senses
        self.dates = dates
        self.arguments = Arguments(lex, senses)
        self.modality = Modality(lex, actors)
        self.parties = NounParties(doc, lex, actors, senses)

    def sentence(self, sent: SpacySpan) -> list[Draft]:
        """The drafts of one sentence: its verbs first, so that an event noun a verb has taken ("held talks",
        "threatened to stage a strike") is not told twice, then the event nouns left."""
        drafts: list[Draft] = []
        consumed: set[int] = set()
        for i in range(sent.start, sent.end):
            if i in consumed or self.pos[i] not in VERBAL_IDS or gerund_subject(self.doc[i]):
                continue
            draft = self._verbal(self.doc[i], consumed)
            if draft is not None:
                drafts.append(draft)
                consumed.add(draft.trigger.i)
        for i in range(sent.start, sent.end):
            nominal = self.pos[i] in NOMINAL_IDS or (self.pos[i] in VERBAL_IDS and gerund_subject(self.doc[i]))
            if i not in consumed and nominal:
                draft = self._nominal(self.doc[i], consumed)
                if draft is not None:
                    drafts.append(draft)
        return drafts

    def _verbal(self, token: Token, consumed: set[int]) -> Draft | None:
        wrapper = self.lex.wrappers.get(lemma_in(token, self.lex.wrappers))
        inner = infinitive_of(token) if wrapper else None
        if (token.pos_ != "VERB" and inner is None) or token.dep_ in ("amod", "compound") or imperative(token):
            # "the detained reporters" describes people and "Don't blame Bush" asks: neither tells an event.
            return None
        if self.actors.entity_of(token) is not None or (token.is_title and not token.is_sent_start):
            return None
        if attribution(token) or self._attributive(token):
            return None
        if infinitive(token) or self.modality.hypothetical(token) or state_of_object(token) or self._content(token):
            return None
        if self._standing(token):
            return None
        ruling = absolute_of(token)
        if ruling is not None and ({c.lower_ for c in ruling.children if c.dep_ == "aux"} & self.lex.not_yet):
            # "would reopen, with lorries allowed back after an inspection": as planned as its verb.
            return None
        if inner is not None and wrapper is not None:
            draft = self._wrapped(token, inner, wrapper, consumed)
            consumed.add(inner.i)
        else:
            draft = self._plain(token, consumed)
        draft = self._sent_for(token, draft, consumed) or self._ordered(token, draft, consumed) or draft
        if draft is None and wrapper == "threat":
            draft = self._warning(token)
        if draft is None and self.modality.obligation(token):
            draft = Draft(Code("REQUEST"), token, token, *self.arguments.of(token), argument_verbs=[token])
        if draft is None or (draft.actor is not None and self.actors.inanimate(draft.actor)):
            # "a barge struck the pier", "the bridge will reopen": things do no PLOVER event.
            return None
        if (draft.code.type == "REQUEST" and asks_whether(token)) or self._blames_no_one(draft):
            return None
        if self._emergency_measure(token, draft):
            return None
        inquiry = self._tells_of_event_noun(token, draft.code) if draft.code.mode == "investigate" else None
        if inquiry is None and draft.code.mode == "investigate" and self._searched_thing(draft.target):
            # "officers searched the area", "while searching the car": a search of a place or a thing investigates
            # no party (the manual's ACCUSE investigate is of an actor or of an event told).
            return None
        if inquiry is not None and not self._inquiry_into(token, inquiry, draft.target):
            # The manual's investigations are of "criminal activity ... corruption, human rights abuses, war crime":
            # "launched an investigation into the deaths", "opened an inquiry against the mayor"; "led the water
            # detection investigation" and "conducted investigations on people who might have been exposed" are
            # studies.
            return None
        draft.negated = draft.negated or negated(token)
        if draft.negated and draft.code.type in ("AGREE", "SUPPORT", "CONCEDE"):
            draft = self._turned_down(token, draft)
        return self._recast(draft)

    def _turned_down(self, verb: Token, draft: Draft) -> Draft:
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

    def _attributive(self, verb: Token) -> bool:
        """ "told visiting Ukraine officials", "warned fleeing families": a participle right before the noun a verb of
        saying tells something to describes that noun (the parser may make it the verb's complement); the visitors
        are the officials, not the one who told them."""
        head = verb.head
        if verb.tag_ != "VBG" or verb.dep_ not in ("xcomp", "dep") or not has_lemma(head, self.lex.speech_verbs):
            return False
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        no_own = not any(c.dep_ in ("dobj", "dative") for c in head.children)
        return no_own and bool(objects) and objects[0].left_edge.i == verb.i + 1

    def _standing(self, verb: Token) -> bool:
        """A passive with no one named who did it that tells a standing rule or status, not an act: one in the
        present of a kind of people ("felons are barred from possessing firearms", "all visitors are searched"), or a
        bar from doing with no date ("Webb, who was barred from possessing guns"). "was barred on Monday", "has been
        arrested" and "Noel is charged with five counts" tell acts."""
        if not passive(verb) or any(c.dep_ == "agent" for c in verb.children):
            return False
        helpers = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if all(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in helpers) and self._kind(subject):
            return True
        barred = any(
            c.dep_ == "prep" and c.lower_ == "from" and any(g.tag_ == "VBG" for g in c.children) for c in verb.children
        )
        return barred and not any(t.i in self.dates for t in verb.subtree)

    def _kind(self, subject: Token | None) -> bool:
        """A subject naming a kind of people, not particular ones: a bare plural ("convicted felons") or one of
        "all", "any", "every" ("all visitors")."""
        if subject is None or subject.pos_ != "NOUN" or self.actors.entity_of(subject) is not None:
            return False
        determiners = {c.lower_ for c in subject.children if c.dep_ in ("det", "predet", "poss", "nummod")}
        return determiners <= {"all", "any", "every"} and (subject.tag_ == "NNS" or bool(determiners))

    def _sent_for(self, verb: Token, draft: Draft | None, consumed: set[int]) -> Draft | None:
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

    def _ordered(self, verb: Token, draft: Draft | None, consumed: set[int]) -> Draft | None:
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

    def _inquiry_into(self, verb: Token, noun: Token, target: Token | None) -> bool:
        """An investigation named by its noun is into what happened ("into the deaths", on the noun or, as the
        parser often hangs it, on the verb) or aimed at someone named ("an inquiry against the mayor of Lagos", not
        "investigations on people who might have been exposed")."""
        if any(c.dep_ == "prep" and c.lower_ == "into" for c in (*noun.children, *verb.children)):
            return True
        return target is not None and target.i != noun.i and self.actors.entity_of(target) is not None

    def _emergency_measure(self, verb: Token, draft: Draft) -> bool:
        """A restriction imposed, or an act asked of people ("ordered residents to leave"), in a sentence naming a
        natural hazard: the manual's COERCE leaves emergency measures against national disasters uncoded, and an
        order to evacuate before a storm is no political request either."""
        restriction = draft.code.type == "COERCE" and draft.code.mode not in ("arrest", "seize")
        asked = draft.code.type == "REQUEST" and any(c.dep_ == "xcomp" and infinitive(c) for c in verb.children)
        return (restriction or asked) and hazard(verb)

    def _searched_thing(self, target: Token | None) -> bool:
        return (
            target is not None
            and target.pos_ == "NOUN"
            and self.lex.noun(target) is None
            and not self.actors.names_actor(target)
            and self.actors.agent_sector(target) is None
        )

    def _content(self, verb: Token) -> bool:
        """A gerund that tells what a proposal or a charge is about, not what was done.

        "a proposal for signing a trade pact", "accused the union of holding the city
        hostage": the proposal or the accusation is the event; what it names is not told
        as having happened.
        """
        if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or verb.head.dep_ != "prep":
            return False
        if any(c.dep_ == "advmod" and c.lower_ in ALLEGED for c in verb.children):
            # "impeachment proceedings against him for allegedly abusing his office": the ground of a charge, where
            # the parser hangs it, is what someone is charged with, not an act the text tells.
            return True
        owner = verb.head.head
        if owner.pos_ in ("NOUN", "PROPN"):
            return True
        code = self.lex.verb(owner) if owner.pos_ == "VERB" else None
        return code is not None and code.type == "ACCUSE"

    def _blames_no_one(self, draft: Draft) -> bool:
        """ "blaming falling freight volumes": an accusing verb whose object, and every phrase, names no one.

        A thing may stand for its crew or owners ("accused Veldport trawlers of crossing"), so it counts.
        """
        verb = draft.trigger
        if not has_lemma(verb, self.lex.person_object):
            return False
        # A passive's subject is the one blamed ("Israel was blamed for the bombing").
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        objects += [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        if verb.dep_ == "relcl":
            # "the militia, which Estria accuses of smuggling arms": the relative pronoun stands for the noun.
            objects += [verb.head] if any(o.lower_ in RELATIVE_PRONOUNS for o in objects) else []
        return bool(objects) and not any(self.actors.names_actor(o) or self.actors.inanimate(o) for o in objects)

    def _warning(self, verb: Token) -> Draft | None:
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
                mode = _threat_mode(inner) if force and inner is not None else None
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

    def _plain(self, token: Token, consumed: set[int]) -> Draft | None:
        """A verb coded by its own frame, or by the event noun it governs ("held talks")."""
        reading = Reading(token)
        code = self.lex.verb(token, conditional_only=True, reading=reading)
        framed = code is not None
        noun = None
        if code is None and has_lemma(token, self.lex.light_verbs):
            noun, code = self._light_object(token)
            if noun is not None and code is not None and code.type in self.lex.hostile and has_lemma(token, STOPPING):
                # "ended the siege", "stopped its bombardment of Gaza": ending a hostile act is no such act but its
                # easing, as the conversion table codes it: political dissent eased is CONCEDE (082), a military
                # engagement de-escalated, sanctions or a curfew eased are RETREAT (087, 085, 0813).
                code = Code("CONCEDE") if code.type == "PROTEST" else Code("RETREAT")
            if (
                noun is not None
                and code is not None
                and code.type in SAID
                and bare_noun(noun)
                and not aimed_after(token, noun)
            ):
                # "as she made her decision", "issued a statement": a verbal act's noun with nothing it is
                # about or aimed at tells no agreement, demand or accusation ("made a decision to withdraw",
                # "issued a demand for talks" do, and so does "made a request to the IMF", whose phrase the parser
                # hangs on the verb: AIMED_PREPS).
                return None
        # "shot the suspect dead", "beat him unconscious": an adjective of harm done tells the act's result, not a name
        # given to its object.
        naming = any(c.dep_ == "oprd" and c.lower_ not in HARM_RESULTS for c in token.children)
        by_default = False
        if code is None and not has_lemma(token, self.lex.speech_verbs) and not naming:
            # "called his death a crisis": a verb with an object predicate describes its object; only
            # a pattern of its own ("called for talks") makes it an act.
            code = self.lex.verb(token, reading=reading)
            by_default = code is not None and noun is None
        if code is None:
            return None
        undertaking = self._kind_of_undertaking(token)
        if undertaking is not None and undertaking[1].type != code.type:
            # "launched a rescue operation", "carried out a rescue operation": the undertaking is of the kind its
            # modifier names (the PLOVER manual: "Hostage rescues ... should be coded as AID"), not the military
            # operation the frame's bare object would make it.
            noun, code = undertaking
            framed = False
        told = self._tells_of_event_noun(token, code) if noun is None else None
        if told is not None and not has_lemma(token, self.lex.light_verbs):
            # "described the attack": the attack is the event, told at its noun, not at the verb.
            return None
        if told is not None:
            # "held talks with", "launched an investigation into", "began a hunger strike": a support verb does
            # the act its object names (CAMEO's own pattern "HOLD TALKS"); its subject is the actor.
            noun = told
        if noun is None and framed and code.type not in SAID:
            # "carried out a raid on the police station": a frame that names its act by its object ("CARRY_OUT RAID")
            # does that act, which falls on what the noun names, as with a support verb ("held talks with"); a verb
            # coded by itself acts on its object ("battling extradition" is no battle with Estria).
            noun = self._named_act(token)
        if noun is not None:
            consumed.add(noun.i)
        actor, target = self.arguments.of(token)
        if actor is not None and target is None and (sides := self.parties.sides_of_fight(actor)) is not None:
            # "Fighting erupted between Hamas and Fatah gunmen": the fight's sides, not the fight, act and suffer.
            actor, target = sides
        if actor is not None and target is None and self.lex.noun(actor) == code:
            # "US-China trade talks resumed", "talks with Hamas resumed": the act the verb carries on is its
            # subject's, done by those the noun names.
            actor, target = self.parties.noun_parties(actor, code)
        if code.reverse:
            # "The US faced criticism from the Arab League": the League acts, on the US.
            actor, target = source(token), actor
            code = Code(code.type, code.mode, code.target)
        if noun is not None:
            # "escalated its bombardment on Gaza": the target hangs from the event noun.
            target = (
                prep_object(noun)
                or self.parties.undergone_by(noun)
                or (self.parties.verb_aimed_at(token, noun) if target is not None and target.i == noun.i else target)
                or (self.parties.modifier_party(noun, actor) if actor is not None else None)
            )
        if undertaking is not None and noun is undertaking[0] and (target is None or target.i == noun.i):
            # "launched a rescue operation to free the hostages": whom it is for is the object of its purpose.
            target = purpose_object(token, noun)
        if code.type == "THREATEN" and code.mode is None and (act := self._threatened_act(token)) is not None:
            code = Code("THREATEN", _threat_mode(act), code.target)
        return Draft(code, token, token, actor, target, argument_verbs=[token], by_default=by_default)

    def _threatened_act(self, verb: Token) -> Code | None:
        """ "threatened retaliation", "threatened Seoul with nuclear strikes": the hostile act a threat holds out,
        whose kind is the manual's THREATEN mode ("the content of the threat")."""
        nouns = [c for c in verb.children if c.dep_ == "dobj"]
        nouns += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "of") for g in c.children]
        codes = (self.lex.noun(n) for n in nouns if n.dep_ in ("dobj", "pobj"))
        return next((c for c in codes if c is not None and c.type in self.lex.hostile), None)

    def _kind_of_undertaking(self, verb: Token) -> tuple[Token, Code] | None:
        """The verb's object when it names an undertaking ("operation", "mission") whose kind an event noun before
        it tells ("rescue operation"), with that noun's code."""
        undertaking = next((c for c in verb.children if c.dep_ == "dobj" and has_lemma(c, UNDERTAKINGS)), None)
        if undertaking is None:
            return None
        for kind in (c for c in undertaking.children if c.dep_ == "compound" and c.i < undertaking.i):
            code = self.lex.noun(kind)
            if code is not None:
                return undertaking, code
        return None

    def _named_act(self, verb: Token) -> Token | None:
        """The verb's direct object when it is an event noun, or the event noun a participle hangs on, which is its
        object as in a frame's reading ("the sanctions imposed by the EU on Russia")."""
        if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN" and self.lex.noun(verb.head) is not None:
            return verb.head
        return next((c for c in verb.children if c.dep_ == "dobj" and self.lex.noun(c) is not None), None)

    def _tells_of_event_noun(self, verb: Token, code: Code) -> Token | None:
        """The verb's object, when it is an event noun of the verb's own type, which the verb has only from
        that object ("described the attack", "held talks"), not of its own ("struck targets")."""
        if self.lex.default_type(verb) == code.type:
            return None
        for child in verb.children:
            if child.dep_ == "dobj":
                noun = self.lex.noun(child)
                if noun is not None and noun.type == code.type and lemma_in(verb, self.lex.verbs) != child.lemma_:
                    return child
        return None

    def _light_object(self, verb: Token) -> tuple[Token | None, Code | None]:
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

    def _wrapped(self, wrapper: Token, inner: Token, kind: str, consumed: set[int]) -> Draft | None:
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
            noun, inner_code = self._light_object(inner)
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
                mode = _threat_mode(inner_code)
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
            code = Code("MOBILIZE") if force else Code("THREATEN", _threat_mode(inner_code))
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

    def _recast(self, draft: Draft) -> Draft | None:
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
            mode = _threat_mode(draft.code)
            draft.code = Code("THREATEN", mode, draft.code.target)
        return draft

    def _nominal(self, noun: Token, consumed: set[int]) -> Draft | None:
        """ "the attack on Gaza", "talks with Hamas", "Israel's release of prisoners"."""
        code = self.lex.noun(noun)
        if code is not None and code.type in SAID:
            # "the league's decision", "the ministry's allegations", "his refusal to divest": a statement
            # named by its noun is one told elsewhere, or a standing position, not an act this sentence reports.
            return None
        if code is None or noun.dep_ == "compound" or (noun.is_title and not noun.is_sent_start):
            # "the War on Terror", "Meet the Press": names, not events.
            return None
        if noun.dep_ in ("nsubj", "nsubjpass") and (noun.head.i in consumed or ends(noun.head)):
            # "The attack killed 12" is coded at "killed"; "the truce ended" is no retreat. A verb that codes
            # nothing leaves the noun its own event: "clashes between protesters and police broke out".
            return None
        clause = noun.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        if infinitive(clause) or self.modality.hypothetical(clause) or (noun.dep_ == "nsubj" and prospect(clause)):
            return None
        if conditional(clause):
            # "faces a maximum sentence of 175 years if convicted": a noun under a condition is not told as done.
            return None
        if aimed_for(noun) or feared(noun):
            # "paved the way for the annexation of the settlements", "renewed calls for the release of": what is
            # aimed at, asked for or feared has not happened.
            return None
        actor, target = self.parties.noun_parties(noun, code)
        if actor is None and target is None:
            return None
        return Draft(code, noun, noun, actor, target)

    def location(self, draft: Draft) -> str | None:
        """A place named in a prepositional phrase of the event ("in Gaza"), nearest first."""
        heads = [*draft.argument_verbs] or [draft.anchor]
        heads += [c for h in heads for c in h.children if c.dep_ in ("dobj", "nsubjpass")]
        for head in heads:
            for prep in head.children:
                if prep.dep_ != "prep" or prep.lower_ not in PLACE_PREPS:
                    continue
                for token in place_words(prep):
                    place = self.actors.place(token)
                    if place is not None:
                        return place.id
        return None


def clause_dates(doc: Doc) -> dict[int, str]:
    """Date values by the index of the verb whose clause holds them."""
    by_verb: dict[int, str] = {}
    for ref in doc._.dates or []:
        if not ref.value:
            continue
        span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
        if span is None:
            continue
        token = span.root
        for _ in range(6):
            if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
                break
            token = token.head
        by_verb.setdefault(token.i, ref.value)
    return by_verb


def _threat_mode(act: Code) -> str:
    """The manual's THREATEN mode is "the content of the threat", read as the conversion table reads CAMEO's
    threats: sanctions, aid cut or relations broken (1311-1313), a protest (133) are "relations"; a blockade,
    a curfew or martial law (1381, 1323-1324), and the manual's strikes and boycotts ("Restrict movement of people
    or goods---including boycotts, strikes, blockades, and curfews"), are "restrict"; an arrest is "arrest";
    force (137, 138) is "violence", and so, as before, is any other hostile act. The dictionary's SANCTION expel also
    withdraws one's own envoys or inspectors, which expels no one, so a sanction stays "relations"."""
    if act.type == "SANCTION":
        return "relations"
    if act.type == "PROTEST":
        return "restrict" if act.mode in ("strike", "boycott", "obstruct") else "relations"
    if act.mode in ("restrict", "curfew", "martial-law", "blockade"):
        return "restrict"
    if act.mode == "arrest":
        return "arrest"
    return "violence"


def hazard(verb: Token) -> bool:
    """Whether the verb's sentence names a natural hazard ("ahead of the hurricane", "as the storm approached")."""
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in NATURAL_HAZARDS for t in verb.sent)


def purpose_object(verb: Token, undertaking: Token) -> Token | None:
    """The object of the infinitive of purpose on the verb or on its object ("launched an operation to free the
    hostages")."""
    for clause in (*undertaking.children, *verb.children):
        purpose = clause.dep_ in ("advcl", "acl", "relcl", "xcomp") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
        )
        if purpose:
            return next((c for c in clause.children if c.dep_ == "dobj"), None)
    return None
