"""Finding events in a sentence: the drafts of what happened, before they name entities.

A verb coded in its frame ("struck", "pulled negotiators from"), a stance wrapping an act
("threatened to strike", "refused to deploy"), an order coded by what it orders, a force
sent for a purpose, or an event noun ("the attack on", "talks with") makes a ``Draft``
with the words of its actor and target. What is only wished, supposed, asked or planned
is left out here; a future act becomes a promise or a threat, an obligation reported by
someone a request.
"""

from __future__ import annotations

from spacy.attrs import POS
from spacy.parts_of_speech import IDS
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsgraph.pipeline.events.actors import ActorFinder
from newsgraph.pipeline.events.arguments import Arguments
from newsgraph.pipeline.events.draft import Draft
from newsgraph.pipeline.events.frames import Code
from newsgraph.pipeline.events.lexicon import Lexicon, has_lemma, lemma_in
from newsgraph.pipeline.events.modality import Modality
from newsgraph.pipeline.events.noun_parties import NounParties
from newsgraph.pipeline.events.reading import Reading
from newsgraph.pipeline.events.senses import Senses
from newsgraph.pipeline.events.stances import Stances, threat_mode
from newsgraph.pipeline.events.syntax import (
    absolute_of,
    aimed_after,
    aimed_for,
    asks_whether,
    attribution,
    bare_noun,
    conditional,
    each_other,
    ends,
    feared,
    gerund_subject,
    imperative,
    infinitive,
    infinitive_of,
    kind_of_doer,
    negated,
    passive,
    place_words,
    prep_object,
    prospect,
    share_holds,
    source,
    state_of_object,
    subjunctive,
)
from newsgraph.pipeline.events.words import (
    ALLEGED,
    HARM_RESULTS,
    NATURAL_HAZARDS,
    PARTICIPLE_PREPOSITIONS,
    PLACE_PREPS,
    QUALITIES,
    QUALITY_SUFFIXES,
    RELATIVE_PRONOUNS,
    SAID,
    STOPPING,
    UNDERTAKINGS,
)

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
        self.dates = dates
        self.arguments = Arguments(lex, senses)
        self.modality = Modality(lex, actors)
        self.parties = NounParties(doc, lex, actors, senses)
        self.stances = Stances(lex, actors, self.arguments, self.modality)

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
        if attribution(token) or self._attributive(token) or self._prepositional(token):
            return None
        if infinitive(token) or self.modality.hypothetical(token) or state_of_object(token) or self._content(token):
            return None
        if kind_of_doer(token) or share_holds(token) or subjunctive(token):
            return None
        if self._standing(token):
            return None
        ruling = absolute_of(token)
        if ruling is not None and ({c.lower_ for c in ruling.children if c.dep_ == "aux"} & self.lex.not_yet):
            # "would reopen, with lorries allowed back after an inspection": as planned as its verb.
            return None
        if inner is not None and wrapper is not None:
            draft = self.stances.wrapped(token, inner, wrapper, consumed)
            consumed.add(inner.i)
        else:
            draft = self._plain(token, consumed)
        draft = self.stances.sent_for(token, draft, consumed) or self.stances.ordered(token, draft, consumed) or draft
        if draft is None and wrapper == "threat":
            draft = self.stances.warning(token)
        if draft is None and self.modality.obligation(token):
            draft = Draft(Code("REQUEST"), token, token, *self.arguments.of(token), argument_verbs=[token])
        if draft is None or (draft.actor is not None and self.actors.inanimate(draft.actor)):
            # "a barge struck the pier", "the bridge will reopen": things do no PLOVER event.
            return None
        if (draft.code.type == "REQUEST" and asks_whether(token)) or self._blames_no_one(draft):
            return None
        if self._endangers(draft):
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
            draft = self.stances.turned_down(token, draft)
        return self.stances.recast(draft)

    def _prepositional(self, verb: Token) -> bool:
        """ "barring any major upside effects, the grant will have failed": a participle English also uses as a
        preposition ("barring": unless there is), heading a phrase with no subject of its own, tells no act, and so
        none of its verb's (COERCE restrict). One whose object names someone ("police cordoned off the square,
        barring protesters from it") is the verb."""
        if verb.lower_ not in PARTICIPLE_PREPOSITIONS or verb.dep_ in ("ROOT", "conj", "ccomp"):
            return False
        if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
            return False
        objects = [c for c in verb.children if c.dep_ in ("dobj", "pobj")]
        return not any(self.actors.names_actor(o) for o in objects)

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
        """ "blaming falling freight volumes": an accusing verb whose object, and every phrase, names no one
        ("accused each other" names the subject's sides).

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
        named = (self.actors.names_actor(o) or self.actors.inanimate(o) or each_other(o) for o in objects)
        return bool(objects) and not any(named)

    def _endangers(self, draft: Draft) -> bool:
        """ "settlements threaten the physical viability of a two-state solution", "the cuts threaten the future of the
        programme": "threaten" with an object that names a quality or a state (``QUALITIES``) means to endanger it.
        The manual's THREATEN is "All threats, coercive or forceful warnings with serious potential repercussions",
        made to someone or of an act ("threatened Israel", "threatened sanctions", "threatens confidence vote" stay)."""
        verb = draft.trigger
        if draft.code.type != "THREATEN" or verb.pos_ != "VERB" or verb.lemma_.lower() != "threaten":
            return False
        if any(c.dep_ in ("xcomp", "ccomp", "advcl") or (c.dep_, c.lower_) == ("prep", "with") for c in verb.children):
            return False
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        return bool(objects) and all(_quality(o) and not self.actors.names_actor(o) for o in objects)

    def _plain(self, token: Token, consumed: set[int]) -> Draft | None:
        """A verb coded by its own frame, or by the event noun it governs ("held talks")."""
        reading = Reading(token)
        code = self.lex.verb(token, conditional_only=True, reading=reading)
        framed = code is not None
        noun = None
        if code is None and has_lemma(token, self.lex.light_verbs):
            noun, code = self.stances.light_object(token)
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
            code = Code("THREATEN", threat_mode(act), code.target)
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


def _quality(noun: Token) -> bool:
    """A noun of a quality or a state: by the suffixes of English that make them ("viability", "independence",
    "livelihood", "readiness"), or one of the few that have none (``QUALITIES``)."""
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and (lemma in QUALITIES or lemma.endswith(QUALITY_SUFFIXES))
