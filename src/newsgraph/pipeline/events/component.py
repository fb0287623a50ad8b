"""Events: PLOVER-coded actor-action-target from the dependency parse.

A verb ("struck", "pulled negotiators from") or an event noun ("the attack on", "talks
with") is looked up in the lexicon in its frame; its subject (or the agent of a
passive) becomes the actor and its object the target, both as entities of the article.
What is only said, feared or asked is kept apart: threats and promises get their own
types, negated events are marked (and left out of the output unless the settings keep them),
hypotheticals and questions are left out, and an event
reported by someone keeps that quote as its source.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.attrs import POS
from spacy.language import Language
from spacy.parts_of_speech import IDS
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsgraph.model import Entity, Event, Quote, Span
from newsgraph.pipeline.datelines import credit
from newsgraph.pipeline.events.actors import GENERIC, PLACE_DESCRIPTIONS, Actor, ActorFinder
from newsgraph.pipeline.events.counts import EventCounts
from newsgraph.pipeline.events.lexicon import Code, Lexicon, Reading, has_lemma, lemma_in, lexicon
from newsgraph.pipeline.events.senses import PEOPLE_WORDS, Senses
from newsgraph.pipeline.events.syntax import (
    SUBJECTS,
    TARGET_PREPS,
    absolute_of,
    aimed_after,
    aimed_at,
    aimed_for,
    and_joined,
    asks_whether,
    attribution,
    bare_noun,
    clause_verb,
    condition,
    conditional,
    counterfactual,
    depth,
    each_other,
    ends,
    for_subject,
    gerund_subject,
    going_to,
    has_aux,
    has_mark,
    imperative,
    infinitive,
    infinitive_of,
    is_question,
    joined_passive,
    negated,
    passive,
    past_dateline,
    place_words,
    prep_object,
    prospect,
    protesters,
    reduced_passive,
    sides_on_verb,
    source,
    state_of_object,
    stranded_subject,
    symmetric,
    topic,
    unasserted,
)
from newsgraph.pipeline.events.words import (
    AIMED_PREPS,
    ALLEGED,
    ARMED,
    ATTACKS,
    BARE,
    BUSINESS,
    CEASING,
    COMMANDS,
    DEPARTING,
    DESCRIBED_PRONOUNS,
    DISORDER,
    EVERYDAY,
    FICTION,
    FIRST_PERSON,
    HARM_RESULTS,
    HYPOTHETICAL_MARKS,
    INSTRUMENTAL,
    JUDICIAL_CHARGES,
    KILLING,
    LIGHT_PREPS,
    OFFICES,
    PARTY_PREPOSITIONS,
    PARTY_WORDS,
    PAYING,
    PERSONAL_PRONOUNS,
    PHYSICAL,
    PLACE_PREPS,
    PLACE_TYPES,
    POLITICAL_SECTORS,
    POLITIES,
    RECEIVING_PREPS,
    RECIPIENTS,
    RECIPROCAL_TYPES,
    REFLEXIVES,
    RELATIVE_PRONOUNS,
    REPORT_NOUNS,
    ROLES,
    SAID,
    SENDING,
    STATE_BODIES,
    STATE_FORCES,
    STOPPING,
    SYMMETRIC,
    THREAT_MARKS,
    UNCLAIMED,
    UNDERGONE,
    VOTES,
    WISHES,
)
from newsgraph.pipeline.extensions import doc_text
from newsgraph.pipeline.syntax import object_of


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
NOUN_ID = IDS["NOUN"]


class EventCoder:
    """Codes the events of each sentence and links them to entities, quotes, dates and figures."""

    def __init__(self, lex: Lexicon, verbs: frozenset[str]) -> None:
        self.lex = lex
        self.verbs = verbs

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = _DocCoder(doc, self.lex, self.verbs).events()
        return doc


class _DocCoder:
    """The work on one Doc: every lookup table built once, then one pass over the sentences."""

    def __init__(self, doc: Doc, lex: Lexicon, verbs: frozenset[str]) -> None:
        self.doc = doc
        self.lex = lex
        # Each word's part of speech, read once from spaCy's arrays: every sentence is scanned for its verbs and nouns.
        self.pos: list[int] = doc.to_array(POS).tolist()
        self.actors = ActorFinder(doc, lex)
        self.senses = Senses(lex, self.actors, verbs)
        self.quote_pieces = sorted(
            ((p.start, p.end, q) for q in doc._.quotes or [] for p in (q.parts or [q])),
            key=lambda piece: piece[0],
        )
        self.quote_starts = [piece[0] for piece in self.quote_pieces]
        self.entities_by_id = {e.id: e for e in doc._.entities or []}
        self.dates = self._clause_dates()
        self.counts = EventCounts(doc)
        self.last_actors: dict[str, Entity] = {}
        self.last_targets: dict[tuple[str, str | None], Entity] = {}

    def events(self) -> list[Event]:
        events: list[Event] = []
        for sent in self.doc.sents:
            if is_question(sent) or self._fiction(sent):
                continue
            drafts = [
                d
                for d in map(
                    self._criticism, map(_two_sided, map(_accused, map(self._asked_from, self._sentence(sent))))
                )
                if self._literal(d)
            ]
            drafts.sort(key=lambda d: (depth(d.anchor), d.trigger.i))
            for draft in drafts:
                event = self._event(draft, f"v{len(events) + 1}")
                if event is not None:
                    events.append(event)
        return events

    def _fiction(self, sent: SpacySpan) -> bool:
        """A sentence that tells a work's story ("In the novel, the detective kills the senator", "The film's plot
        follows a spy who bombs"): PLOVER codes what actors did, and a plot's acts were done by no one. A work
        named as what is acted on ("China banned the film") tells a real act."""
        nouns = (self.doc[i] for i in range(sent.start, sent.end) if self.pos[i] == NOUN_ID)
        return any(
            t.lemma_.lower() in FICTION
            and (
                (t.dep_ == "pobj" and t.head.lower_ == "in")
                or t.dep_ == "poss"
                or (t.dep_ == "nsubj" and t.head.dep_ == "ROOT")
            )
            for t in nouns
        )

    def _criticism(self, draft: Draft) -> Draft:
        """An ASSAULT verb aimed at someone about an issue is an accusation ("hammered Bevin on his plan")."""
        if draft.code.type == "ASSAULT" and (
            (self.senses.criticism(draft.trigger, draft.target) and not self.senses.contest(draft.trigger))
            or self._political_attack(draft)
        ):
            # ("Carolina beat Chicago for their fourth straight victory" is a game, no criticism.)
            draft.code = Code("ACCUSE", "disapprove")
        return draft

    def _political_attack(self, draft: Draft) -> bool:
        """ "Republican attacks on the governor", "the senator attacked the president": the PLOVER manual's ASSAULT
        is violence by an actor able to use it, and a party's or a legislator's attack on someone is its criticism,
        the manual's ACCUSE: "criticize, defame, denigrate responsible parties". The attacker is a legislator or a
        party by the Phoenix agents (LEG; PTY's "party" and "politician"), or a group name (NORP) no actor
        dictionary codes as a country, a religion or an armed group ("Republican", not "Palestinian" or "Islamist")
        whose attack falls on an office-holder. A means of violence named (a mode: firearms, aerial) keeps the
        assault."""
        actor, target = draft.actor, draft.target
        if draft.code.mode is not None or actor is None or target is None or not has_lemma(draft.trigger, ATTACKS):
            # ("Kentucky Democrats beat Gov. Bevin" is an election won: only attacking is said of words.)
            return False
        sector = self.actors.agent_sector(actor)
        head = self.actors.agent_head(actor).lemma_.lower()
        if sector == "LEG" or (sector == "PTY" and head in PARTY_WORDS):
            return True
        words = {actor.lower_, actor.lemma_.lower()}
        uncoded = not any(w in self.lex.countries or w in self.lex.actor_codes or w in self.lex.agents for w in words)
        office = self.actors.agent_sector(target) in OFFICES or target.ent_type_ == "PERSON"
        return actor.ent_type_ == "NORP" and uncoded and office

    def _literal(self, draft: Draft) -> bool:
        """The draft's words are meant as its type says: an ASSAULT needs violence that can harm,
        and neither an ASSAULT nor a PROTEST is a game's contest ("rallied to beat")."""
        if self.senses.game(draft.trigger):
            # "Portugal allowed only one shot on goal", "took the club to the Champions League final":
            # in a report of games, a sentence about the game tells plays, not political events.
            return False
        if draft.code.type in ("PROTEST", "CONSULT"):
            # "rallied to beat", "they had not met since 1965" in a report of games: contests, not a protest
            # or a meeting.
            return not self.senses.contest(draft.trigger)
        if draft.code.type != "ASSAULT":
            return True
        place = self._location(draft) is not None or any(
            p.lower_ in PLACE_PREPS and any(c.dep_ == "pobj" and c.pos_ == "PROPN" for c in p.children)
            for p in draft.trigger.children
        )
        return self.senses.violent(draft.trigger, draft.actor, draft.target, place) and not self._animal(draft)

    def _animal(self, draft: Draft) -> bool:
        """What is killed lives: killed by someone of no political or armed sector and named by a word that is no
        person, people, force or polity ("the hunter killed a rabbit in China"), it is an animal, and its killing no
        political violence, wherever it happened ("gunmen killed the deputy chief", by an armed group, stays)."""
        killed = draft.target
        if killed is None or not has_lemma(draft.trigger, KILLING):
            return False
        killer = draft.actor
        armed = killer is not None and self.actors.agent_sector(killer) in POLITICAL_SECTORS | {"CRM"}
        if armed or (killer is not None and self.actors.entity_of(killer) is not None):
            return False
        heads = [self.actors.through_partitive(killed)]
        for _ in range(2):
            # "the deputy chief of Israel's militia ally": someone of a people or a force ("a stray dog in Tanzania"
            # is no one of Tanzania's).
            heads += [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
            heads += [c for h in heads for c in h.children if c.dep_ == "poss"]
        return not any(self._someone(h) for h in heads)

    def _someone(self, word: Token) -> bool:
        """A word naming a person, people, a force or a polity, by its name, its class or its role."""
        return (
            self.senses.can_be_harmed(word)
            or self.senses.people_noun(word)
            or self.actors.names_actor(word)
            or self.actors.agent_sector(word) is not None
        )

    # Finding events

    def _sentence(self, sent: SpacySpan) -> list[Draft]:
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
        if infinitive(token) or self._hypothetical(token) or state_of_object(token) or self._content(token):
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
        if draft is None and self._obligation(token):
            draft = Draft(Code("REQUEST"), token, token, *self._arguments(token), argument_verbs=[token])
        if draft is None or (draft.actor is not None and self.actors.inanimate(draft.actor)):
            # "a barge struck the pier", "the bridge will reopen": things do no PLOVER event.
            return None
        if (draft.code.type == "REQUEST" and asks_whether(token)) or self._blames_no_one(draft):
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
        return self._modality(draft)

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
        actor, _ = self._arguments(verb)
        _, target = self._arguments(purpose)
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
        actor, _ = self._arguments(verb)
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
            ordered = self._arguments(act)[1]
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
                actor, target = self._arguments(verb)
                # "warned it would cut gas supplies to Moldova": with no one warned, the threat is aimed at whom
                # the warned act falls on, as a threat told by its infinitive is ("threatened to attack Kyiv").
                target = target or self._arguments(clause)[1]
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

    def _obligation(self, verb: Token) -> bool:
        """ "X said Y must do Z": a demand on Y, whatever Z is."""
        modals = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        if not (modals & self.lex.obligation_modals) or self._reporter(verb) is None or conditional(verb):
            # "they should let their doctor know if they have symptoms": advice for a case, asked of no one.
            return False
        # Only someone can be asked to act: "the house's future use should send a signal" asks no one.
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subject is not None and self._someone_else(subject)

    def _someone_else(self, subject: Token) -> bool:
        """Someone other than the speaker: "we must teach him love" urges the speaker's own side, and the
        PLOVER manual's REQUEST is made of another."""
        return subject.lower_ not in FIRST_PERSON and self.actors.names_actor(subject)

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
        actor, target = self._arguments(token)
        if actor is not None and target is None and (sides := self._sides_of_fight(actor)) is not None:
            # "Fighting erupted between Hamas and Fatah gunmen": the fight's sides, not the fight, act and suffer.
            actor, target = sides
        if code.reverse:
            # "The US faced criticism from the Arab League": the League acts, on the US.
            actor, target = source(token), actor
            code = Code(code.type, code.mode, code.target)
        if noun is not None:
            # "escalated its bombardment on Gaza": the target hangs from the event noun.
            target = (
                prep_object(noun)
                or self._undergone_by(noun)
                or (self._verb_aimed_at(token, noun) if target is not None and target.i == noun.i else target)
            )
        return Draft(code, token, token, actor, target, argument_verbs=[token], by_default=by_default)

    def _named_act(self, verb: Token) -> Token | None:
        """The verb's direct object when it is an event noun."""
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
            code = Code("MOBILIZE") if kind == "prepare" else Code("THREATEN", _threat_mode(inner_code))
        elif inner_code.type in ("REJECT", "REQUEST", "ACCUSE"):
            code = inner_code
        else:
            code = Code("AGREE")
        if code is None:
            return None
        actor, _ = self._arguments(wrapper)
        _, target = self._arguments(inner)
        if code.target == "partner" or (inner_code is not None and inner_code.target == "partner"):
            code = Code(code.type, code.mode, "partner")
        undone = kind == "fail" and code.type != "REJECT"
        # "Google intends to have a catalogue", "aims to put a woman on the moon": the stance word alone codes it.
        alone = inner_code is None and code == own
        return Draft(code, wrapper, wrapper, actor, target, undone, [wrapper, inner], by_default=alone)

    def _modality(self, draft: Draft) -> Draft | None:
        """Future acts become promises or threats; obligations reported by someone become requests."""
        verb = draft.anchor
        modals = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        reporter = self._reporter(verb)
        future = bool(modals & self.lex.future_modals) or ("would" in modals and reporter is not None)
        future = future or going_to(verb)
        if modals & self.lex.obligation_modals:
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if reporter is None or subject is None or not self._someone_else(subject) or conditional(verb):
                # "X should do Z" demands only of someone: "the weather should ease by Thursday" asks no one.
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
        if infinitive(clause) or self._hypothetical(clause) or (noun.dep_ == "nsubj" and prospect(clause)):
            return None
        if conditional(clause):
            # "faces a maximum sentence of 175 years if convicted": a noun under a condition is not told as done.
            return None
        if aimed_for(noun):
            # "paved the way for the annexation of the settlements", "renewed calls for the release of": what is
            # aimed at, asked for or feared has not happened.
            return None
        actor = next((c for c in noun.children if c.dep_ == "poss"), None)
        target = None
        if actor is not None and code.type in UNDERGONE and self._undergoer(actor, noun):
            # "Assange's arrest", "his exclusion from meetings": a person's arrest is done to them; the
            # possessive is who it falls on, and the noun names no one who did it.
            actor, target = None, actor
        for prep in (*(c for c in noun.children if c.dep_ in ("prep", "agent")), *sides_on_verb(noun)):
            pobj = object_of(prep)
            if pobj is None:
                continue
            if prep.lower_ == "by":
                actor = actor or pobj
            elif prep.lower_ == "between":
                actor = actor or pobj
                target = target or next((c for c in pobj.children if c.dep_ == "conj"), None)
            elif prep.lower_ in TARGET_PREPS:
                target = target or pobj
        if actor is None:
            actor = next(
                (c for c in noun.children if c.dep_ in ("amod", "compound") and self.actors.entity_of(c) is not None),
                None,
            )
        pair = self._hyphened_sides(noun) if target is None else None
        if pair is not None and (code.type in RECIPROCAL_TYPES or has_lemma(noun, SYMMETRIC)):
            # "the Israeli-Palestinian conflict", "US-China talks": the two sides joined by a hyphen.
            actor, target = pair
        if self._where_people_act(code, noun, actor, target):
            # "Hong Kong protests", "Indiana's biggest teacher protest", "Hong Kong's street battles": the place
            # where people protest or fight; a government does not march. The people are those the sentence names
            # as protesting ("agitating the protesters"), if it names any.
            actor = protesters(noun) if code.type == "PROTEST" else None
        if actor is None and target is None:
            return None
        return Draft(code, noun, noun, actor, target)

    def _hyphened_sides(self, noun: Token) -> tuple[Token, Token] | None:
        """Two named modifiers of a noun joined by a hyphen ("Israeli-Palestinian", "US-China"), in text order."""
        modifiers = [t for t in noun.subtree if t.i < noun.i and t.dep_ in ("amod", "compound")]
        named = [t for t in modifiers if self.actors.entity_of(t) is not None]
        for first, second in zip(named, named[1:], strict=False):
            hyphen = second.i - first.i == 2 and self.doc[first.i + 1].tag_ == "HYPH"
            if hyphen and self.actors.entity_of(first) is not self.actors.entity_of(second):
                return first, second
        return None

    def _undergoer(self, owner: Token, noun: Token) -> bool:
        """A person's possessive before a noun of coercion with no "of" object of its own ("Israel's release of
        prisoners" names what was done and to whom, so Israel did it)."""
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
            return False
        if owner.lower_ in ("his", "her", "him"):
            return True
        entity = self.actors.entity_of(owner)
        if entity is None and owner.tag_ == "NN" and self.senses.people_noun(owner):
            # "the reporter's detention", "the activist's arrest": one person described, whom no force's sector marks
            # as the one who holds others ("the sheriff's arrests" are his).
            return self.actors.agent_sector(owner) not in ARMED | {"JUD"}
        return entity is not None and entity.type == "PERSON"

    def _verb_aimed_at(self, verb: Token, noun: Token) -> Token | None:
        """ "made a request to the IMF", "filed a complaint against the mayor": with the support verb's object the
        act itself, whom it is aimed at is named by a phrase the parser hangs on the verb, if that names someone."""
        if not aimed_after(verb, noun):
            return None
        pobj = prep_object(verb)
        return pobj if pobj is not None and pobj.i > noun.i and self.actors.names_actor(pobj) else None

    def _sides_of_fight(self, noun: Token) -> tuple[Token, Token] | None:
        """The two sides a hostile event noun names with "between" ("clashes between police and students"), on the
        noun or, as the parser hangs them, on the verb it is the subject of."""
        code = self.lex.noun(noun)
        if code is None or code.type not in self.lex.hostile:
            return None
        for prep in (*(c for c in noun.children if c.dep_ == "prep"), *sides_on_verb(noun)):
            first = object_of(prep) if prep.lower_ == "between" else None
            second = next((c for c in first.children if c.dep_ == "conj"), None) if first is not None else None
            if first is not None and second is not None:
                return first, second
        return None

    def _undergone_by(self, noun: Token) -> Token | None:
        """ "extended the reporter's detention", "ordered Navalny's arrest": the person whose coercion a support verb
        carries out is its target, as for the noun alone ("Assange's arrest")."""
        code = self.lex.noun(noun)
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if code is None or code.type not in UNDERGONE or owner is None or not self._undergoer(owner, noun):
            return None
        return owner

    def _reciprocal(self, draft: Draft) -> bool:
        """A meeting, or an act of English two-sided by its word ("negotiate", "clash"), which has two sides;
        so has a stance on a meeting ("agreed to meet again")."""
        words = [draft.trigger, *draft.argument_verbs]
        inner = draft.argument_verbs[1:] if draft.argument_verbs[:1] == [draft.trigger] else []
        return (
            draft.code.type in RECIPROCAL_TYPES
            or any(symmetric(w) for w in words)
            or any(self.lex.default_type(w) in RECIPROCAL_TYPES for w in inner)
        )

    def _event_owner(self, noun: Token, speaker: Entity | None) -> Actor | None:
        """Whose act an event noun that is a verb's subject is: "Russia's attack on Kyiv killed 12", "an Israeli
        airstrike killed 12" were done by Russia and Israel; "Hong Kong's street battles" by no state."""
        code = self.lex.noun(noun)
        if code is None or code.type not in self.lex.hostile:
            return None
        owner = next((c for c in noun.children if c.dep_ in ("poss", "amod", "compound") and c.i < noun.i), None)
        if owner is None or self.actors.entity_of(owner) is None or self._where_people_act(code, noun, owner, None):
            return None
        return self.actors.resolve(owner, speaker)

    def _where_people_act(self, code: Code, noun: Token, actor: Token | None, target: Token | None) -> bool:
        """A place names the protest or the fighting of its people, not an act of its state, when the noun is a
        protest or names disorder among many (no one it is aimed at): "Hong Kong's street battles", "the Hong
        Kong struggle"; "Russia's attack on Kyiv" and "China's crackdown" are a state's acts."""
        if actor is None or actor.i == noun.i or not self._place_word(actor):
            return False
        return code.type == "PROTEST" or (code.type == "ASSAULT" and target is None and has_lemma(noun, DISORDER))

    def _place_word(self, token: Token) -> bool:
        entity = self.actors.entity_of(token)
        return entity is not None and entity.type in PLACE_TYPES

    # Arguments

    def _arguments(self, verb: Token) -> tuple[Token | None, Token | None]:
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
        if passive_subject is not None or (verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN"):
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
            # subject of its own, whose doer is only its agent; the main clause's subject is the one it was done to.
            actor = agent
            target = target or self._inherited_subject(verb)
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
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
            head = verb.head
            subject = next((c for c in head.children if c.dep_ in SUBJECTS), None)
            if subject is None and head.dep_ in ("conj", "xcomp", "advcl") and head.head.i != head.i:
                return self._inherited_subject(head)
            return subject
        return None

    def _reporter(self, verb: Token) -> Token | None:
        """The speech verb an event is reported under ("The military said … it struck")."""
        token = verb
        for _ in range(4):
            if token.dep_ not in ("ccomp", "conj", "xcomp", "advcl", "parataxis") or token.head.i == token.i:
                return None
            token = token.head
            if has_lemma(token, self.lex.speech_verbs):
                return token
        return None

    def _hypothetical(self, token: Token) -> bool:
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
        if "would" in modals and (self._reporter(token) is None or token.dep_ == "advcl"):
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
            if has_lemma(token, WISHES):
                # "hoped the swap would pave the way for talks": what is hoped for has not happened.
                return True
            modals = {c.lower_ for c in token.children if c.dep_ == "aux"}
            if modals & ((self.lex.hypothetical_modals - self.lex.obligation_modals) | {"would"}):
                return True
        return False

    # From words to the output contract

    def _event(self, draft: Draft, event_id: str) -> Event | None:
        fighting = draft.trigger.pos_ == "VERB" and draft.code.type == "ASSAULT"
        if fighting and self._where_people_act(draft.code, draft.trigger, draft.actor, draft.target):
            # "Xi does not see Hong Kong struggle", "Kampala rioted": the place's people fight, not its state (a place
            # that blocks a crossing or protests to another is its government: "Jordan blocked the crossing").
            draft.actor = None
        quote = self._quote_at(draft.trigger.idx)
        reporter = self._reporter(draft.anchor)
        speaker = self._speaker(quote, reporter)
        actor = self.actors.resolve(draft.actor, speaker, places=False) if draft.actor is not None else None
        if actor is None and draft.actor is not None:
            actor = self._event_owner(draft.actor, speaker)
        if actor is not None and self.actors.thing(actor.entity):
            # "workers at the Port of Veldport walked off": the port is where, not who.
            actor = None
        if has_lemma(draft.trigger, VOTES) and (actor is None or actor.entity.type in POLITIES):
            # The PLOVER manual has elections as a context, not an event: a ballot cast by voters, a people or
            # a place ("they voted for control of the Legislature", "Virginia, go out and vote Republican") is
            # no cooperation between actors; a body's vote on a proposal ("the council voted to") stays.
            return None
        if actor is None and draft.code.type == "PROTEST":
            # "Thousands marched… The organisers, the dockers' union, said…": the march is theirs.
            actor = self.actors.organiser()
        if actor is None and draft.code.mode == "strike" and self._workers(draft.actor):
            # "Hundreds of dock workers stopped work in a strike": the strike of their union.
            actor = self._labour_organisation(draft)
        if (
            actor is not None
            and speaker is not None
            and actor.entity is not speaker
            and draft.target is not None
            and draft.code.type == "ACCUSE"
        ):
            # "Brandt said Keller had come with nothing and accused the company": no one accuses itself.
            itself = self.actors.resolve(draft.target, speaker)
            if itself is not None and itself.entity is actor.entity:
                actor = Actor(speaker, [])
        if actor is not None and draft.actor is not None and not self._coded(actor):
            other = self.actors.sides(draft.actor, actor.entity)
            if other is not None and self._coded(Actor(other, [])):
                # "Talks between the union and Keller Shipping... both sides agreed to meet": the pair stands for
                # both parties, and the one the dictionaries code is the actor (PETRARCH codes the actors it knows).
                actor = Actor(other, [])
        exclude = actor.entity if actor is not None else None
        target: Entity | None = None
        target_words: list[Token] = []
        if draft.code.target == "partner":
            target = self._partner(draft.trigger.sent, exclude)
        elif draft.target is not None:
            found = self.actors.resolve(draft.target, speaker, exclude=exclude)
            target = found.entity if found is not None and found.entity is not exclude else None
            target_words = found.words if found is not None and target is not None else []
        # The forces sent or deployed are what the manual's MOBILIZE mobilises, not whom it is aimed at.
        mobilised = draft.code.type == "MOBILIZE" and draft.target is not None and draft.target.dep_ == "dobj"
        if (
            target is None
            and draft.target is not None
            and draft.target.dep_ == "dobj"
            and (draft.code.type in self.lex.requires_recipient or mobilised)
        ):
            # "granted asylum to 18 rebels", "imposed sanctions on the Taliban": what is given or imposed names
            # no one; the one it goes to or falls on is the recipient the manual's AID, COOPERATE and SANCTION
            # require ("attacked the opposition's policies on Estria" is aimed at no Estria).
            target, target_words = self._receiver(draft, speaker, exclude)
        recipient_read = draft.code.type in self.lex.requires_recipient or mobilised
        if target is None and not recipient_read and self._thing_object(draft.target):
            # "closed its borders with Syria", "declined to send arms to Ukraine": a thing acted on names no one (an
            # act that needs a recipient has been read for one above, and "signing a contract with the Lightning"
            # gives it none).
            target, target_words = self._recipient_of_thing(draft, speaker, exclude)
        placed = draft.target is not None and draft.target.dep_ == "pobj" and draft.target.head.lower_ in PLACE_PREPS
        if (target is None or placed) and actor is not None and draft.actor is not None and self._reciprocal(draft):
            # "The two sides continue to negotiate", "both countries clashed": the manual's reciprocal events have
            # both sides, the one the pair's words stand for first and the other as recipient ("agreed to meet at
            # City Hall": the hall is where).
            other = self.actors.sides(draft.actor, actor.entity)
            if other is not None:
                target, target_words = other, []
                draft.target = None if placed else draft.target
        if target is None and draft.code.type == "THREATEN":
            target = self._threatened(draft, speaker, exclude)
        location = self._location(draft)
        if target is not None and draft.code.mode == "strike" and (self.actors.thing(target) or target.id == location):
            # "stopped work at the Port of Veldport": the place of a strike, not the employer it is aimed at.
            target = None
        if target is None and draft.code.mode == "strike":
            # A strike is aimed at the employer the dispute is with: "a dispute over pay with Keller".
            target = self._partner(draft.trigger.sent, exclude)
        if target is None and self._told_before(draft):
            # "The strike was called by the union": the strike just told, with its target.
            told = self.last_targets.get((draft.code.type, draft.code.mode))
            target = told if told is not exclude else None
        people = draft.target is not None and has_lemma(draft.target, self.lex.sectors)
        # People are arrested, deported or abducted (the manual's ASSAULT abduct: "abduct, hijack, take
        # hostage"), never the place they are held in ("held at the county jail", "held by the Taliban in
        # Afghanistan").
        held = draft.code.mode in ("arrest", "deport", "abduct")
        if held and target is not None and (target.type in PLACE_TYPES or self.actors.thing(target)):
            target = None
        if target is None and location is not None and draft.code.type in PHYSICAL and not people and not held:
            target = self.entities_by_id.get(location) or self.actors.entity_by_id(location)
        if draft.by_default and draft.code.type == "RETREAT" and not self._captives(draft.target):
            # The manual's RETREAT releases "prisoners and hostages" and withdraws forces: "police released
            # video", "the light they release" free no one.
            return None
        if draft.code.mode == "visit" and (target is None or self._no_host(draft.target)):
            # A visit is the visitor's with a host (the manual: "the visitor will always be coded as the
            # actor and the host will be the recipient"): "returns from injury", "led a march to the
            # headquarters", "visited the U.S.-Mexico border" or "the city's prison" visit no one.
            return None
        if draft.code.type == "CONSULT" and target is not None and self.actors.thing(target):
            # The manual's CONSULT is consultations and meetings, a visit one with a host ("actor is
            # visiting, recipient is hosting"): "visited the settlement", "a visit to the prison" meet no one.
            return None
        unnamed = self._unnamed_party(draft)
        needs_recipient = draft.code.type in self.lex.requires_recipient
        if target is None and needs_recipient and not (self._convicted(draft) or unnamed is not None):
            # The PLOVER manual: COOPERATE, AID and SANCTION "Requires recipient: Yes"; "the company
            # shelved its plans" sanctions no one.
            return None
        agent = self.actors.agent_sector(draft.actor) if actor is None and draft.actor is not None else None
        victim = target is not None or draft.target is not None
        place_struck = (target is not None and target.type in PLACE_TYPES) or location is not None
        unclaimed = self._unclaimed_doer(draft) and (
            place_struck or (draft.trigger.pos_ == "VERB" and self._unclaimed_victim(draft))
        )
        # A conviction is a court's, a political sector's (JUD), whether the court is named or not.
        convicted = self._convicted(draft) and (actor is not None or self._unclaimed_doer(draft))
        if (
            actor is None
            and agent is None
            and not convicted
            and not self._charged(draft)
            and (draft.code.type not in UNCLAIMED or not victim or not unclaimed)
        ):
            # Who did it is the event (PLOVER codes an actor): a named one, or an agent the dictionary
            # codes ("the junta", "thousands of farmers"). Only violence and repression are told
            # without a culprit, and then only by a verb with a victim ("a bomb killed 12 in Baghdad"):
            # a bare noun tells it only where it names the place struck ("the attack on Kharkiv");
            # "the fight against ISIS" and "an altercation with Garrett" name an act, not who did it. A conviction
            # is a court's: "was sentenced to life" tells it without naming the court.
            return None
        # A pronoun no name stands for, or one a description stands nearer before ("The man ran ... he was
        # arrested", "Students occupied the campus. Police threatened to use force on them"), is named by that
        # description; read only once the event is kept, so that a description never makes an event of its own.
        # Forces sent, or envoys withdrawn from an unnamed host, are what is moved, not whom the act is aimed at.
        withdrawn = unnamed is draft.target and draft.code.mode == "withdraw"
        target_phrase = None if mobilised or withdrawn else (unnamed or draft.target)
        described = self._nearer_description(draft.target, speaker, exclude)
        if described is not None and draft.code.type not in self.lex.requires_recipient:
            target, target_phrase = None, described
        doer = self._nearer_description(draft.actor, speaker, None) if actor is None and agent is None else None
        if doer is not None:
            agent = self.actors.agent_sector(doer)
        event = Event(
            id=event_id,
            type=draft.code.type,
            mode=draft.code.mode,
            trigger=Span(draft.trigger.idx, draft.trigger.idx + len(draft.trigger), draft.trigger.text),
            actor=actor.entity.id if actor is not None else None,
            target=target.id if target is not None else None,
            date=self._date(draft, reporter),
            location=location,
            reported_by=quote.id if quote is not None else None,
            negated=draft.negated,
        )
        event.actor_sector = agent
        if actor is not None:
            event.actor_words = self._named_by(actor, draft.trigger)
        elif doer is not None:
            event.actor_words = self._agent_words(doer)
        elif agent is not None and draft.actor is not None:
            event.actor_words = self._agent_words(draft.actor)
        if actor is not None:
            self._describe_actor(event, actor)
            known = event.actor_country or event.actor_sector or actor.entity.type in POLITIES or actor.entity.titles
            at_state = actor.entity.type == "ORG" and self._state_target(target, draft.target)
            if not (known or at_state or self._own_forces(draft.target)):
                # As in PETRARCH and GDELT, an event is coded for actors the dictionaries know: a country,
                # an international body, someone whose sector (GOV, MIL, LAB…) is named; a place or
                # people the NER found, which acts through its government; or someone given a role. An
                # organisation they do not list is in PLOVER's scope when it acts on the state ("Arvo Foods
                # thanked the police"): the manual's economic context has "business-government relations".
                return None
            self.last_actors[event.type] = actor.entity
        if (
            (draft.by_default or draft.code.type in EVERYDAY)
            and draft.code.type not in BARE
            and not convicted
            and not self._recipient(target, draft.target)
            and not self._political(event, actor)
        ):
            # A verb read by its word alone ("Dashlane offers a free version", "the index declined 0.3%",
            # "doctors ordered an X-ray") tells a political event (PLOVER's scope) only when a state, an
            # armed group, an international body or another political sector does it, or when it is aimed
            # at someone; a pattern of the dictionary ("offered aid") names the act itself. Offers, meetings
            # and concessions are everyday acts too, pattern or not ("gave his players a pep talk", "the
            # CEO is stepping down"), so they need the same.
            return None
        if target is not None:
            self._describe_target(event, Actor(target, target_words))
            event.target_words = self._named_by(Actor(target, target_words), draft.trigger)
        elif target_phrase is not None and (sector := self.actors.agent_sector(target_phrase)) is not None:
            # "arrested three men", "fired tear gas at demonstrators": whom it fell on is named by a noun the
            # dictionaries give a sector (the manual's recipient has a sector and the raw text, a name or not).
            event.target_sector = sector
            event.target_words = self._agent_words(target_phrase)
        elif target_phrase is not None and self._people(target_phrase):
            # "fired teargas at the crowd", "the attacker was arrested": whom it fell on is named by a noun for
            # people the dictionaries give no sector; the words still tell the reader who.
            event.target_words = self._agent_words(target_phrase)
        if not (event.actor or event.actor_sector or event.actor_words or event.target or event.target_words):
            # "as many as 200 have been killed", "they were being held": no one named on either side, so no actor
            # and no recipient, which a PLOVER event is between.
            return None
        state = event.actor_sector in STATE_FORCES or (actor is not None and self._country(actor.entity))
        if event.type == "PROTEST" and state and event.mode == "obstruct":
            # The manual's PROTEST is "All civilian demonstrations and other collective actions": a state, its soldiers
            # or its police blocking a road or a crossing restrict movement, its COERCE restrict ("Impose restrictions
            # on political freedoms or movement, including cordoning off areas").
            event.type, event.mode = "COERCE", "restrict"
        firm_only = event.actor_sector in BUSINESS and not self._political_target(event, draft.target)
        if firm_only and draft.code.type != "ASSAULT":
            # PLOVER codes political events: a firm's dealings with another firm or with its own business
            # ("Ithaca Holdings purchased Big Machine", "McClatchy imposed cuts on its publications": no
            # repression, which the manual's COERCE is) are none; a firm accusing a government stays, and
            # violence is violence whoever does it.
            return None
        if (
            event.type == "COOPERATE"
            and has_lemma(draft.trigger, PAYING)
            and not self._political_target(event, draft.target)
        ):
            # The manual's COOPERATE is "mutual material cooperation or exchange" between political actors: a payment
            # to a firm or to someone of no sector ("paid an ad agency for their work") is a purchase, which PLOVER
            # does not code; a state paying another ("Moravia paid Estria for the gas") is an exchange.
            return None
        commander = event.actor_sector in ARMED
        if event.type == "MOBILIZE" and actor is not None and actor.entity.type == "PERSON" and not commander:
            # The manual's MOBILIZE: "All military or police moves", by militaries or "organized armed groups":
            # a person with no office in a state or an armed group moves no forces ("so I called her up").
            return None
        if target is not None:
            self.last_targets[(event.type, event.mode)] = target
        self.counts.count(event, draft.argument_verbs[-1] if draft.argument_verbs else draft.anchor)
        return event

    def _unnamed_party(self, draft: Draft) -> Token | None:
        """The party a SANCTION falls on, told by a description, not a name: "recalled its ambassador" (the manual's
        withdraw, "Withdraw oneself or one's non-military resources (e.g., aid, observers, diplomats ...)", from
        the country the envoy is posted to), "ordered the company to pay damages" (the manual: "court-ordered
        payments should be coded as SANCTION events with the winner and court as actor and guilty party as
        recipient"), "cut ties with the rebels". The manual requires a recipient, and the text has one; it only
        goes unnamed."""
        if draft.code.type != "SANCTION" or draft.target is None:
            return None
        phrases = [draft.target]
        phrases += [
            o
            for c in (*draft.trigger.children, *draft.target.children)
            if c.dep_ == "prep" and c.lower_ in PARTY_PREPOSITIONS
            for o in c.children
            if o.dep_ == "pobj"
        ]
        return next((p for p in phrases if self.actors.agent_sector(p) is not None or self._people(p)), None)

    def _own_forces(self, phrase: Token | None) -> bool:
        """ "withdrew its troops", "deployed their soldiers": one that has forces of its own is a state or an armed
        group, whatever label the NER gave its name (the manual's RETREAT and MOBILIZE are such actors' moves)."""
        if phrase is None or not has_lemma(phrase, self.lex.noun_classes["military"]):
            return False
        return any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in phrase.children)

    def _recipient_of_thing(
        self, draft: Draft, speaker: Entity | None, exclude: Entity | None
    ) -> tuple[Entity | None, list[Token]]:
        """Whom an act on a thing is aimed at: named after a preposition ("its borders with Syria", "criticism from
        Britain"), as the subject of a "for ... to" clause ("set a deadline for the administration to respond") or
        joined to the thing ("condemned the sanctions and the United States"). The draft's target words follow."""
        found_entity, words = self._receiver(draft, speaker, exclude, aimed=True)
        if found_entity is not None:
            return found_entity, words
        clause = next((w for c in draft.trigger.children if (w := for_subject(c)) is not None), None)
        thing = draft.target
        joined = and_joined(thing) if thing is not None else None
        for phrase in (clause, joined if joined is not None and self.actors.names_actor(joined) else None):
            if phrase is None:
                continue
            draft.target = phrase
            found = self.actors.resolve(phrase, speaker, exclude=exclude)
            if found is not None and found.entity is not exclude:
                return found.entity, found.words
        return None, []

    def _thing_object(self, thing: Token | None) -> bool:
        """The object is a thing, which names no one an act could be aimed at ("its borders", "arms", "weapons")."""
        if thing is None or thing.dep_ != "dobj" or thing.pos_ != "NOUN":
            return False
        return not self.actors.names_actor(thing) or self.senses.means_of_violence(thing)

    def _receiver(
        self, draft: Draft, speaker: Entity | None, exclude: Entity | None, aimed: bool = False
    ) -> tuple[Entity | None, list[Token]]:
        """The one a thing is given to or imposed on: the object of "to", "on" or "against" after the verb
        or after the thing itself; ``aimed`` for any act on a thing, whom it is aimed at ("with", "from" too)."""
        preps = AIMED_PREPS if aimed else RECEIVING_PREPS
        for head in (draft.trigger, *draft.argument_verbs, draft.target):
            if head is None:
                continue
            for prep in head.children:
                if prep.dep_ != "prep" or prep.lower_ not in preps or (aimed and topic(head, prep, draft.target)):
                    continue
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    found = self.actors.resolve(pobj, speaker, exclude=exclude)
                    if found is not None and found.entity is not exclude:
                        return found.entity, found.words
        return None, []

    def _asked_from(self, draft: Draft) -> Draft:
        """ "requested $2 million from the legislature", "demanded an apology from China": what is asked for
        names no one; the one asked is the object of "from" after the verb or after the thing."""
        thing = draft.target
        if draft.code.type != "REQUEST" or thing is None or thing.dep_ != "dobj" or self.actors.names_actor(thing):
            return draft
        for head in (draft.trigger, thing):
            for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "from"):
                asked = object_of(prep)
                if asked is not None:
                    draft.target = asked
                    return draft
        return draft

    def _no_host(self, visited: Token | None) -> bool:
        """What is visited is a thing of a place ("the U.S.-Mexico border", "the city's prison"), not a
        name, a country ("the country") or those who can host ("the ministry", "troops")."""
        return (
            visited is not None
            and visited.pos_ == "NOUN"
            and visited.lemma_.lower() not in PLACE_DESCRIPTIONS
            and not self.actors.names_actor(visited)
        )

    def _captives(self, released: Token | None) -> bool:
        """What a retreat gives up is people, forces or a place, not a thing ("released two videos");
        with no object ("the rebels withdrew") it is the actor's own retreat."""
        if released is None:
            return True
        head = self.actors.through_partitive(released)  # "30 of the prisoners"; "two videos of them" stays videos
        return self.senses.can_be_harmed(head) or self.senses.people_noun(head)

    def _political(self, event: Event, actor: Actor | None) -> bool:
        """The actor is a country or people, one the Phoenix actor dictionaries list (political figures,
        states, armed groups; not companies), or of a political sector of CAMEO (government, military,
        police, rebels, opposition, courts, legislature, international bodies and NGOs)."""
        if actor is not None and actor.entity.type in POLITIES:
            # A place acts as a polity only when it is one: NER calls "Dashlane" a GPE.
            return actor.entity.type == "NORP" or self.actors.polity(actor)
        if event.actor_sector in BUSINESS:
            return False
        code = self.actors.code(actor) if actor is not None else None
        # A country's code alone on an organisation ("Japan's Nikkei", "Lexus Philippines") says where it is,
        # not that it is a state's or a political body: a firm of that country.
        firm_of_country = code is not None and len(code) == 3 and actor is not None and actor.entity.type == "ORG"
        if code is not None and code[:3] not in BUSINESS and not firm_of_country:
            return True
        return event.actor_sector in POLITICAL_SECTORS

    def _political_target(self, event: Event, words: Token | None) -> bool:
        """The event is aimed at a state, a people or one the dictionaries give a sector other than business
        (a government, a union, "the pilots' union", the opposition), not at a firm or someone of no sector."""
        if event.target is None:
            sector = self.actors.agent_sector(words) if words is not None else None
            return sector is not None and sector not in BUSINESS
        target = self.entities_by_id.get(event.target) or self.actors.entity_by_id(event.target)
        if target is not None and target.type in POLITIES:
            return True
        return event.target_sector is not None and event.target_sector not in BUSINESS

    def _state_target(self, target: Entity | None, words: Token | None) -> bool:
        """The act is aimed at a state or one of its bodies: a country, or a government, its forces, police,
        courts or legislature, named ("the Veldport police") or by a noun the dictionaries know ("the police")."""
        if target is not None:
            named = Actor(target, [])
            return (target.type in POLITIES and self.actors.polity(named)) or self.actors.sector(named) in STATE_BODIES
        return words is not None and self.actors.agent_sector(words) in STATE_BODIES

    def _recipient(self, target: Entity | None, words: Token | None) -> bool:
        """The event is aimed at someone: a named person, organisation, country or people, or an agent
        the dictionaries know ("the police", "rebels"); not a thing of theirs ("studies U.S.-Canada trade")."""
        if words is not None and not self.actors.names_actor(words):
            return False
        if target is not None:
            return target.type in RECIPIENTS
        return words is not None and self.actors.agent_sector(words) is not None

    def _people(self, phrase: Token) -> bool:
        """A phrase naming particular people by a common noun ("the crowd", "the defendants", "an attacker")."""
        head = self.actors.agent_head(phrase)
        if any(c.dep_ in ("det", "amod") and c.lower_ in GENERIC for c in head.children):
            return False
        lemma = head.lemma_.lower()
        # (A noun's agent suffix alone is no person: "border", "paper"; the dictionaries' classes must agree.)
        people = self.senses.people_noun(head) and (lemma in self.lex.able_nouns or lemma.endswith("man"))
        return head.pos_ == "NOUN" and (lemma in PEOPLE_WORDS | ROLES or people)

    def _nearer_description(
        self, pronoun: Token | None, speaker: Entity | None, exclude: Entity | None
    ) -> Token | None:
        """The description a pronoun stands for, when no name the pronoun could stand for is nearer before it."""
        described = self._described(pronoun)
        if pronoun is None or described is None:
            return None
        found = self.actors.resolve(pronoun, speaker, exclude=exclude)
        if found is None:
            return described
        if found.entity is speaker:
            return None
        last = max((m.start for m in found.entity.mentions if m.start < pronoun.idx), default=-1)
        return described if described.idx > last else None

    def _described(self, pronoun: Token | None) -> Token | None:
        """The description a personal pronoun stands for when no name does ("The man ran from the station ... he
        was arrested"): the last phrase for a person of the same number as a subject or object, in this sentence
        or the one before."""
        if pronoun is None or pronoun.lower_ not in DESCRIBED_PRONOUNS:
            return None
        plural = pronoun.lower_ in ("they", "them")
        sents = list(self.doc.sents)
        index = next(i for i, sent in enumerate(sents) if sent.start <= pronoun.i < sent.end)
        start = sents[max(0, index - 1)].start
        clause = clause_verb(pronoun)
        for i in range(pronoun.i - 1, start - 1, -1):
            token = self.doc[i]
            if token.head.i == clause.i and token.dep_ != "dobj":
                continue  # "Riot police used tear gas against them": not the police, the clause's own subject
            if (
                token.dep_ in ("nsubj", "nsubjpass", "dobj")
                and (token.tag_ == "NNS") == plural
                and self.actors.entity_of(token) is None
                and self._people(token)
            ):
                return token
        return None

    def _country(self, entity: Entity) -> bool:
        """A place NER found, or a country's name it took for a person ("Jordan closed its borders")."""
        return entity.type == "GPE" or (entity.type == "PERSON" and entity.name.lower() in self.lex.countries)

    def _convicted(self, draft: Draft) -> bool:
        """A conviction's recipient is whoever is found guilty (the manual's SANCTION convict: "Find an entity or
        behavior guilty"), named or not: "the journalist was sentenced", "convicted him of fraud"."""
        return draft.code.mode == "convict" and draft.target is not None and not self.actors.inanimate(draft.target)

    def _charged(self, draft: Draft) -> bool:
        """A formal charge told in the passive with no one named as its maker ("the mayor was charged with fraud",
        "was indicted on Friday"): the manual's ACCUSE allege, "sue, indict, or charge; bring to trial", by the
        authorities, who are left unnamed as a conviction's court is (``_convicted``). Someone is charged, a person
        or a body ("the battery was charged with a solar panel" is none)."""
        return (
            draft.code.mode == "allege"
            and has_lemma(draft.trigger, JUDICIAL_CHARGES)
            and passive(draft.trigger)
            and draft.target is not None
            and (
                draft.target.pos_ == "PRON"
                or self.actors.entity_of(draft.target) is not None
                or self._people(draft.target)
            )
        )

    def _unclaimed_victim(self, draft: Draft) -> bool:
        """Violence told with no one named as its doer is an event only when it falls on people or
        what they own ("a passenger was killed"), not on things ("tariffs imposed")."""
        if draft.target is None or not self.senses.can_suffer(draft.target):
            return False
        return not (draft.target.pos_ == "NOUN" and self.actors.inanimate(draft.target))

    def _unclaimed_doer(self, draft: Draft) -> bool:
        """What did it, if named, is an act of violence or its means ("a stabbing killed a passenger",
        "a drone struck"), not "crashes that killed 346" or "a pandemic that killed millions"."""
        doer = draft.actor
        if doer is not None and doer.pos_ == "PRON":
            return doer.lower_ in PERSONAL_PRONOUNS
        return doer is None or doer.pos_ == "PROPN" or self.senses.means_of_violence(doer)

    def _threatened(self, draft: Draft, speaker: Entity | None, exclude: Entity | None) -> Entity | None:
        """Whom a threat is aimed at: the subject of its "if" clause ("if the company goes ahead").

        When that subject is an event ("if the strike drags on"), the threat is aimed at
        whoever was last told doing such an event.
        """
        subject = next((c for v in [draft.anchor, *draft.argument_verbs] if (c := condition(v)) is not None), None)
        if subject is None:
            return None
        found = self.actors.resolve(subject, speaker, exclude=exclude)
        if found is not None:
            return found.entity if found.entity is not exclude else None
        noun = self.lex.noun(subject)
        target = self.last_actors.get(noun.type) if noun is not None else None
        return target if target is not exclude else None

    def _workers(self, phrase: Token | None) -> bool:
        """No subject, or one naming workers ("hundreds of dock workers", "staff")."""
        return phrase is None or any(self.lex.sectors.get(t.lemma_.lower()) == "LAB" for t in phrase.subtree)

    def _labour_organisation(self, draft: Draft) -> Actor | None:
        """The article's union, for a strike whose words name no one.

        A bare noun ("blaming the strike at the port") is only the union's strike when the
        union was named before it: a reader cannot tie it to one named later, which may
        be another union with its own dispute.
        """
        labour = self.actors.labour_organisation()
        if labour is None or draft.actor is not None or draft.trigger.pos_ not in ("NOUN", "PROPN"):
            return labour
        named_before = any(m.start < draft.trigger.idx for m in labour.entity.mentions)
        return labour if named_before else None

    def _told_before(self, draft: Draft) -> bool:
        """An event noun with "the" ("the strike", "the strike was called") refers back to one already told."""
        nouns = [draft.trigger] if draft.trigger.pos_ == "NOUN" else []
        nouns += [c for c in draft.trigger.children if c.dep_ in ("dobj", "nsubjpass") and self.lex.noun(c) is not None]
        return any(c.dep_ == "det" and c.lower_ == "the" for noun in nouns for c in noun.children)

    def _named_by(self, actor: Actor, trigger: Token) -> Span | None:
        """The words that named an entity actor or target here; when it was found without words of this
        clause (the organiser of a march, the one a threat is aimed at), its mention nearest before the
        trigger, else its first."""
        if actor.words:
            return self._span(actor.words[0].idx, actor.words[-1].idx + len(actor.words[-1]))
        mentions = sorted(actor.entity.mentions, key=lambda m: m.start)
        before = [m for m in mentions if m.start < trigger.idx]
        chosen = before[-1] if before else (mentions[0] if mentions else None)
        return self._span(chosen.start, chosen.end) if chosen is not None else None

    def _agent_words(self, phrase: Token) -> Span:
        """The words of an agent the dictionaries code, with no entity for it ("Riot police", "tens of
        thousands of students", "an assailant" without its article)."""
        head = self.actors.agent_head(phrase)
        start = phrase.left_edge.i
        while start < head.i and (
            self.doc[start].pos_ in ("DET", "PUNCT") or self.doc[start].dep_ == "predet" or credit(self.doc[start])
        ):
            start += 1
        first = self.doc[min(start, head.i)]
        return self._span(first.idx, head.idx + len(head))

    def _span(self, start: int, end: int) -> Span:
        return Span(start, end, doc_text(self.doc)[start:end])

    def _coded(self, actor: Actor) -> bool:
        """The dictionaries code the actor: a country, a sector, a polity the NER found, or someone given a role."""
        entity = actor.entity
        return bool(self.actors.country(actor) or self.actors.sector(actor) or entity.type in POLITIES or entity.titles)

    def _describe_actor(self, event: Event, actor: Actor) -> None:
        event.actor_country = self.actors.country(actor)
        event.actor_sector = self.actors.sector(actor)

    def _describe_target(self, event: Event, target: Actor) -> None:
        event.target_country = self.actors.country(target)
        event.target_sector = self.actors.sector(target)

    def _speaker(self, quote: Quote | None, reporter: Token | None) -> Entity | None:
        if quote is not None and quote.speaker is not None and quote.speaker.entity:
            found = self.entities_by_id.get(quote.speaker.entity)
            if found is not None and not self.actors.credited_only(found):
                # (A quote given to a dateline's place is no one's: "WASHINGTON – ... stating they had checked".)
                return found
        if reporter is not None:
            subject = next((c for c in reporter.children if c.dep_ in SUBJECTS), None)
            resolved = self.actors.resolve(subject) if subject is not None else None
            return resolved.entity if resolved is not None else None
        return None

    def _quote_at(self, offset: int) -> Quote | None:
        """The quote whose words (any of its parts) hold this character offset."""
        index = bisect_right(self.quote_starts, offset) - 1
        for start, end, quote in reversed(self.quote_pieces[max(0, index - 3) : index + 1]):
            if start <= offset < end:
                return quote
        return None

    def _partner(self, sent: SpacySpan, exclude: Entity | None) -> Entity | None:
        """The other side of talks a party walks out of: the one named after "with" in the sentence."""
        for token in sent:
            if token.dep_ == "prep" and token.lower_ == "with":
                pobj = object_of(token)
                found = self.actors.resolve(pobj, exclude=exclude) if pobj is not None else None
                if found is not None and found.entity is not exclude:
                    return found.entity
        return None

    def _clause_dates(self) -> dict[int, str]:
        """Date values by the index of the verb whose clause holds them."""
        by_verb: dict[int, str] = {}
        for ref in self.doc._.dates or []:
            if not ref.value:
                continue
            span = self.doc.char_span(ref.start, ref.end, alignment_mode="expand")
            if span is None:
                continue
            token = span.root
            for _ in range(6):
                if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
                    break
                token = token.head
            by_verb.setdefault(token.i, ref.value)
        return by_verb

    def _date(self, draft: Draft, reporter: Token | None) -> str | None:
        clause = [draft.anchor, *draft.argument_verbs]
        if draft.anchor.pos_ in ("NOUN", "PROPN"):
            clause.append(draft.anchor.head)
        if reporter is not None:
            clause.append(reporter)
        for token in clause:
            if token.i in self.dates:
                return self.dates[token.i]
        return None

    def _location(self, draft: Draft) -> str | None:
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


@Language.factory("newsgraph_events", assigns=["doc._.events"])
def make_events(nlp: Language, name: str) -> EventCoder:
    return EventCoder(lexicon(), english_verbs(nlp))


def english_verbs(nlp: Language) -> frozenset[str]:
    """The verbs of English as WordNet lists them, which the model's rule lemmatizer ships as its index
    (none when the pipeline has no such lemmatizer): a general word list, not one fitted to our data."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(lookups.get_table("lemma_index").get("verb", ()))


def _accused(draft: Draft) -> Draft:
    """ "Prosecutors alleged that Noel and Thomas falsified records": an accusation told by its content is aimed at
    the content's doer, the subject of the clause (the manual's ACCUSE: "accuse, allege, charge")."""
    if draft.code.type != "ACCUSE" or draft.target is not None or draft.trigger.pos_ != "VERB":
        return draft
    for clause in (c for c in draft.trigger.children if c.dep_ == "ccomp"):
        draft.target = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if draft.target is not None:
            break
    return draft


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


def _two_sided(draft: Draft) -> Draft:
    """A reciprocal act told of sides named together ("Washington and the Taliban held talks", "protesters and
    police clashed", "attacked each other"): the first side is the actor, the second the recipient, as the
    manual's Side A and Side B, so neither side is lost."""
    reciprocal = draft.target is not None and each_other(draft.target)
    if draft.target is not None and not reciprocal:
        return draft
    if not reciprocal and draft.code.type not in RECIPROCAL_TYPES and not symmetric(draft.trigger):
        return draft
    side_b = None
    if draft.actor is not None:
        # "officials from Russia and Ukraine met": the sides are the countries the officials are from.
        owners = [
            g for c in draft.actor.children if c.dep_ == "prep" and c.lower_ in ("of", "from") for g in c.children
        ]
        side_b = next((j for t in (draft.actor, *owners) if (j := and_joined(t)) is not None), None)
    if side_b is not None:
        draft.target = side_b
    return draft
