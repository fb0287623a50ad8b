"""Events: PLOVER-coded actor-action-target from the dependency parse.

A verb ("struck", "pulled negotiators from") or an event noun ("the attack on", "talks
with") is looked up in the lexicon in its frame; its subject (or the agent of a
passive) becomes the actor and its object the target, both as entities of the article.
What is only said, feared or asked is kept apart: threats and promises get their own
types, negated events are marked (and left out of the output unless the settings keep them),
hypotheticals and questions are left out, and an event
reported by someone keeps that quote as its source.

This module is the spaCy component and its pass over the sentences: ``drafts`` finds the
drafts of a sentence, this module reads them as meant (no story of a novel, no game, an
attack in words is an accusation, the sides of a two-sided act), and ``building`` turns
them into events.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.parts_of_speech import IDS
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsgraph.model import Event
from newsgraph.pipeline.events.actors import ActorFinder
from newsgraph.pipeline.events.building import EventBuilder
from newsgraph.pipeline.events.draft import Draft
from newsgraph.pipeline.events.drafts import DraftFinder, clause_dates
from newsgraph.pipeline.events.frames import Code
from newsgraph.pipeline.events.joined import each_party, kept, pronoun_parties
from newsgraph.pipeline.events.lexicon import Lexicon, has_lemma, lexicon
from newsgraph.pipeline.events.senses import Senses
from newsgraph.pipeline.events.syntax import (
    and_joined,
    depth,
    each_other,
    is_question,
    subjunctive,
    symmetric,
)
from newsgraph.pipeline.events.words import (
    ATTACKS,
    FICTION,
    KILLING,
    OFFICES,
    PARTY_WORDS,
    PLACE_PREPS,
    POLITICAL_SECTORS,
    RECIPROCAL_TYPES,
)
from newsgraph.pipeline.lexicons import wordnet_words
from newsgraph.pipeline.syntax import object_of

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
        self.actors = ActorFinder(doc, lex)
        self.senses = Senses(lex, self.actors, verbs)
        dates = clause_dates(doc)
        self.finder = DraftFinder(doc, lex, self.actors, self.senses, dates)
        self.builder = EventBuilder(doc, lex, self.actors, self.senses, self.finder, dates)

    def events(self) -> list[Event]:
        events: list[Event] = []
        for sent in self.doc.sents:
            if is_question(sent) or self._fiction(sent):
                continue
            drafts = [
                d
                for d in map(
                    self._criticism,
                    map(
                        _two_sided,
                        map(
                            _accused,
                            map(_asked_of, map(self._force_struck, map(self._asked_from, self.finder.sentence(sent)))),
                        ),
                    ),
                )
                if self._literal(d)
            ]
            drafts.sort(key=lambda d: (depth(d.anchor), d.trigger.i))
            for draft, roles in (each for d in drafts for each in self._each_party(d)):
                self._code(draft, roles, events)
        return events

    def _code(self, draft: Draft, roles: tuple[str, ...], events: list[Event]) -> None:
        """Builds the draft's event, and one for each other party a "they" or "them" in it stands for."""
        unbuilt = replace(draft)
        event = self.builder.build(draft, f"v{len(events) + 1}")
        if event is None or not kept(event, roles, events):
            return
        events.append(event)
        for copy, copy_roles in pronoun_parties(unbuilt, event, self.actors):
            other = self.builder.build(copy, f"v{len(events) + 1}")
            if other is not None and kept(other, copy_roles, events):
                events.append(other)

    def _each_party(self, draft: Draft) -> list[tuple[Draft, tuple[str, ...]]]:
        return each_party(draft, self.actors, self.builder.parties.reciprocal(draft))

    def _fiction(self, sent: SpacySpan) -> bool:
        """A sentence that tells a work's story ("In the novel, the detective kills the senator", "The film's plot
        follows a spy who bombs"): PLOVER codes what actors did, and a plot's acts were done by no one. A work
        named as what is acted on ("China banned the film") tells a real act."""
        nouns = (self.doc[i] for i in range(sent.start, sent.end) if self.finder.pos[i] == NOUN_ID)
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
            issue = self._issue(draft.trigger) if draft.target is None else None
            # "attacks on his loyalty" are aimed at the one whose loyalty it is.
            draft.target = (
                next((c for c in issue.children if c.dep_ == "poss"), None) if issue is not None else draft.target
            )
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
        if draft.code.mode is not None or actor is None or not has_lemma(draft.trigger, ATTACKS):
            # ("Kentucky Democrats beat Gov. Bevin" is an election won: only attacking is said of words.)
            return False
        if target is None and self._issue(draft.trigger) is None:
            return False
        sector = self.actors.agent_sector(actor)
        head = self.actors.agent_head(actor).lemma_.lower()
        if sector == "LEG" or (sector == "PTY" and head in PARTY_WORDS):
            return True
        words = {actor.lower_, actor.lemma_.lower()}
        uncoded = not any(w in self.lex.countries or w in self.lex.actor_codes or w in self.lex.agents for w in words)
        office = target is None or self.actors.agent_sector(target) in OFFICES or target.ent_type_ == "PERSON"
        return actor.ent_type_ == "NORP" and uncoded and office

    def _issue(self, trigger: Token) -> Token | None:
        """ "deflected Republican attacks on his loyalty", "Democratic attacks on his record": what an attack is
        aimed at that no violence can reach, or None."""
        preps = list(trigger.children)
        if trigger.pos_ == "NOUN":
            # The parser may hang the noun's "on" on the verb that takes it ("brushed off attacks on his record").
            preps += [c for c in trigger.head.children if c.i == trigger.right_edge.i + 1]
        aimed = [
            g
            for c in preps
            if c.dep_ == "prep" and c.lower_ in ("on", "against")
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if not aimed or not all(g.pos_ == "NOUN" and not self.senses.can_suffer(g) for g in aimed):
            return None
        return aimed[0]

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
        place = self.finder.location(draft) is not None or any(
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

    def _force_struck(self, draft: Draft) -> Draft:
        """ "Militants attacked an army base", "rebels ambushed a military convoy", "gunmen attacked a police station":
        armed men striking what a force holds, named by that force, strike the force (the manual's ASSAULT: "the
        perpetrator is coded as the actor and the victim as the recipient")."""
        target, actor = draft.target, draft.actor
        if draft.code.type != "ASSAULT" or target is None or actor is None or self.senses.can_suffer(target):
            return draft
        if not self.senses.armed(actor):
            return draft
        force = next((c for c in target.children if c.dep_ in ("compound", "amod") and self.senses.armed(c)), None)
        if force is not None:
            draft.target = force
        return draft

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


@Language.factory("newsgraph_events", assigns=["doc._.events"])
def make_events(nlp: Language, name: str) -> EventCoder:
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    return EventCoder(lexicon(), wordnet_words(lemmatizer, "verb"))


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


def _asked_of(draft: Draft) -> Draft:
    """ "The UN demanded that Israel withdraw its troops": a demand told by what it asks, in the subjunctive, is made
    of that clause's subject (the manual's REQUEST: "All requests, demands, and orders")."""
    if draft.code.type != "REQUEST" or draft.target is not None or draft.trigger.pos_ != "VERB":
        return draft
    for clause in (c for c in draft.trigger.children if c.dep_ == "ccomp" and subjunctive(c)):
        draft.target = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if draft.target is not None:
            break
    return draft


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
