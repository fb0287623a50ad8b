"""Who an event noun names as its parties: its possessive, its "by", "between" and aimed phrases, a named
modifier, two sides joined by a hyphen; and when a place named as the actor is only where people act."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.pipeline.events.actor_codes import Actor
from newsgraph.pipeline.events.actors import ActorFinder
from newsgraph.pipeline.events.frames import Code
from newsgraph.pipeline.events.lexicon import Lexicon, has_lemma
from newsgraph.pipeline.events.senses import Senses
from newsgraph.pipeline.events.syntax import TARGET_PREPS, aimed_after, prep_object, protesters, sides_on_verb
from newsgraph.pipeline.events.words import (
    ARMED,
    DISORDER,
    PARTY_TYPES,
    PLACE_TYPES,
    RECIPROCAL_TYPES,
    SYMMETRIC,
    UNDERGONE,
)
from newsgraph.pipeline.syntax import object_of


class NounParties:
    """Reads the parties of one Doc's event nouns with the lexicon, the actors and the senses."""

    def __init__(self, doc: Doc, lex: Lexicon, actors: ActorFinder, senses: Senses) -> None:
        self.doc = doc
        self.lex = lex
        self.actors = actors
        self.senses = senses

    def modifier_party(self, noun: Token, actor: Token) -> Token | None:
        """The other party an event noun's named modifier tells, when the actor is named otherwise: "Washington's
        China trade talks", "Britain opened its India trade talks", "Russia's Ukraine offensive"."""
        doer = self.actors.entity_of(actor)
        for modifier in noun.subtree:
            if modifier.i >= noun.i or modifier.dep_ != "compound" or modifier.i == actor.i:
                continue
            named = self.actors.entity_of(modifier)
            if named is not None and named is not doer and named.type in PARTY_TYPES:
                return modifier
        return None

    def _doer_word(self, modifier: Token) -> bool:
        """A name before an event noun that tells who does the act: a country or a people ("Israeli airstrikes",
        "Russian strikes"), a person ("Trump tariffs"), or an organisation the actor dictionaries list, an armed
        group or an international body ("Hamas attacks", "NATO airstrikes"). Another organisation names where or
        among whom the act happens ("NFL assaults" are assaults in the league, not by it)."""
        entity = self.actors.entity_of(modifier)
        if entity is None:
            return False
        if entity.type != "ORG":
            return True
        return self.actors.codes.code(Actor(entity, [modifier])) is not None

    def noun_parties(self, noun: Token, code: Code) -> tuple[Token | None, Token | None]:
        """Who does the act an event noun names and whom it is aimed at, from the noun's own words: its possessive,
        its "by", "between" and aimed phrases, a named modifier, two sides joined by a hyphen ("US-China talks")."""
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
            elif prep.lower_ == "of" and code.type == "MOBILIZE":
                # "the deployment of troops": the forces moved, not those the manual's MOBILIZE recipient is, "against
                # whom the actor mobilizes its military capabilities".
                continue
            elif prep.lower_ in TARGET_PREPS:
                target = target or pobj
        if actor is None:
            actor = next((c for c in noun.children if c.dep_ in ("amod", "compound") and self._doer_word(c)), None)
        pair = self._hyphened_sides(noun) if target is None else None
        if pair is not None and (code.type in RECIPROCAL_TYPES or has_lemma(noun, SYMMETRIC)):
            # "the Israeli-Palestinian conflict", "US-China talks": the two sides joined by a hyphen.
            actor, target = pair
        if actor is not None and target is None:
            target = self.modifier_party(noun, actor)
        if self.where_people_act(code, noun, actor, target):
            # "Hong Kong protests", "Indiana's biggest teacher protest", "Hong Kong's street battles": the place
            # where people protest or fight; a government does not march. The people are those the sentence names
            # as protesting ("agitating the protesters"), if it names any.
            actor = protesters(noun) if code.type == "PROTEST" else None
        return actor, target

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

    def verb_aimed_at(self, verb: Token, noun: Token) -> Token | None:
        """ "made a request to the IMF", "filed a complaint against the mayor": with the support verb's object the
        act itself, whom it is aimed at is named by a phrase the parser hangs on the verb, if that names someone."""
        if not aimed_after(verb, noun):
            return None
        pobj = prep_object(verb)
        return pobj if pobj is not None and pobj.i > noun.i and self.actors.names_actor(pobj) else None

    def sides_of_fight(self, noun: Token) -> tuple[Token, Token] | None:
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

    def undergone_by(self, noun: Token) -> Token | None:
        """ "extended the reporter's detention", "ordered Navalny's arrest": the person whose coercion a support verb
        carries out is its target, as for the noun alone ("Assange's arrest")."""
        code = self.lex.noun(noun)
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if code is None or code.type not in UNDERGONE or owner is None or not self._undergoer(owner, noun):
            return None
        return owner

    def where_people_act(self, code: Code, noun: Token, actor: Token | None, target: Token | None) -> bool:
        """A place names the protest or the fighting of its people, not an act of its state, when the noun is a
        protest or names disorder among many (no one it is aimed at): "Hong Kong's street battles", "the Hong
        Kong struggle"; "Russia's attack on Kyiv" and "China's crackdown" are a state's acts."""
        if actor is None or actor.i == noun.i or not self._place_word(actor):
            return False
        return code.type == "PROTEST" or (code.type == "ASSAULT" and target is None and has_lemma(noun, DISORDER))

    def _place_word(self, token: Token) -> bool:
        entity = self.actors.entity_of(token)
        return entity is not None and entity.type in PLACE_TYPES
