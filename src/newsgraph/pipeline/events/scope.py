"""Whether PLOVER codes an event: the checks that drop one, and what kind its actor and target are.

PLOVER codes political events between actors. A verb's word without the act the manual codes by
it, an act that needs a recipient and has none, violence with no doer told the way the manual
allows, an actor the dictionaries do not know, an everyday act of no political actor and a
private one (a firm's dealings, a scholar's study) are none; whether an actor or a target is
political, a state or a body of one decides it.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.model import Entity, Event
from newsgraph.pipeline.events.actor_codes import Actor
from newsgraph.pipeline.events.actor_words import PLACE_DESCRIPTIONS
from newsgraph.pipeline.events.actors import ActorFinder
from newsgraph.pipeline.events.draft import Draft
from newsgraph.pipeline.events.lexicon import Lexicon, has_lemma
from newsgraph.pipeline.events.parties import EventParties
from newsgraph.pipeline.events.senses import Senses
from newsgraph.pipeline.events.syntax import passive
from newsgraph.pipeline.events.words import (
    ARMED,
    BARE,
    BUSINESS,
    EVERYDAY,
    JUDICIAL_CHARGES,
    PAYING,
    PERSONAL_PRONOUNS,
    PLACE_TYPES,
    POLITICAL_SECTORS,
    POLITIES,
    RECIPIENTS,
    STATE_BODIES,
    UNCLAIMED,
    VOTES,
)

# Verbs of scholarship, which the dictionary files with inquiries.
STUDYING = frozenset({"study", "research", "analyze", "analyse", "examine", "survey", "explore"})


class EventScope:
    """Decides with the lexicon, the actors, the senses and the parties' reader which of one Doc's events PLOVER
    codes; the entities by id are the builder's own."""

    def __init__(
        self,
        lex: Lexicon,
        actors: ActorFinder,
        senses: Senses,
        parties: EventParties,
        entities_by_id: dict[str, Entity],
    ) -> None:
        self.lex = lex
        self.actors = actors
        self.senses = senses
        self.parties = parties
        self.entities_by_id = entities_by_id

    def ballot(self, draft: Draft, actor: Actor | None) -> bool:
        # The PLOVER manual has elections as a context, not an event: a ballot cast by voters, a people or
        # a place ("they voted for control of the Legislature", "Virginia, go out and vote Republican") is
        # no cooperation between actors; a body's vote on a proposal ("the council voted to") stays.
        return has_lemma(draft.trigger, VOTES) and (actor is None or actor.entity.type in POLITIES)

    def no_act(self, draft: Draft, target: Entity | None) -> bool:
        """The verb's word is there, but not the act the manual codes by it."""
        if draft.by_default and draft.code.type == "RETREAT" and not self.captives(draft.target):
            # The manual's RETREAT releases "prisoners and hostages" and withdraws forces: "police released
            # video", "the light they release" free no one.
            return True
        if draft.code.mode == "visit" and (target is None or self.no_host(draft.target)):
            # A visit is the visitor's with a host (the manual: "the visitor will always be coded as the
            # actor and the host will be the recipient"): "returns from injury", "led a march to the
            # headquarters", "visited the U.S.-Mexico border" or "the city's prison" visit no one.
            return True
        # The manual's CONSULT is consultations and meetings, a visit one with a host ("actor is
        # visiting, recipient is hosting"): "visited the settlement", "a visit to the prison" meet no one.
        return draft.code.type == "CONSULT" and target is not None and self.actors.thing(target)

    def missing_recipient(self, draft: Draft, target: Entity | None, unnamed: Token | None) -> bool:
        # The PLOVER manual: COOPERATE, AID and SANCTION "Requires recipient: Yes"; "the company
        # shelved its plans" sanctions no one.
        needs_recipient = draft.code.type in self.lex.requires_recipient
        return (
            target is None
            and needs_recipient
            and not (self.convicted(draft) or unnamed is not None or self.rescued(draft))
        )

    def unclaimed(self, draft: Draft, target: Entity | None, location: str | None) -> bool:
        """Violence that may be told without its doer: its means or no doer named, and a place or a victim struck."""
        place_struck = (target is not None and target.type in PLACE_TYPES) or location is not None
        return self.unclaimed_doer(draft) and (
            place_struck or (draft.trigger.pos_ == "VERB" and self.unclaimed_victim(draft))
        )

    def no_doer(
        self,
        draft: Draft,
        actor: Actor | None,
        agent: str | None,
        convicted: bool,
        target: Entity | None,
        unclaimed: bool,
    ) -> bool:
        # Who did it is the event (PLOVER codes an actor): a named one, or an agent the dictionary
        # codes ("the junta", "thousands of farmers"). Only violence and repression are told
        # without a culprit, and then only by a verb with a victim ("a bomb killed 12 in Baghdad"):
        # a bare noun tells it only where it names the place struck ("the attack on Kharkiv");
        # "the fight against ISIS" and "an altercation with Garrett" name an act, not who did it. A conviction
        # is a court's: "was sentenced to life" tells it without naming the court.
        victim = target is not None or draft.target is not None
        return (
            actor is None
            and agent is None
            and not convicted
            and not self.charged(draft)
            and (draft.code.type not in UNCLAIMED or not victim or not unclaimed)
        )

    def known_actor(self, event: Event, actor: Actor, target: Entity | None, words: Token | None) -> bool:
        # As in PETRARCH and GDELT, an event is coded for actors the dictionaries know: a country,
        # an international body, someone whose sector (GOV, MIL, LAB…) is named; a place or
        # people the NER found, which acts through its government; or someone given a role. An
        # organisation they do not list is in PLOVER's scope when it acts on the state ("Arvo Foods
        # thanked the police"): the manual's economic context has "business-government relations";
        # so is a person they do not list who acts on a state or its named officer.
        known = event.actor_country or event.actor_sector or actor.entity.type in POLITIES or actor.entity.titles
        at_state = self.acts_on_state(actor.entity, target, words)
        return bool(known or at_state or self.own_forces(words))

    def everyday(self, draft: Draft, event: Event, actor: Actor | None, target: Entity | None, convicted: bool) -> bool:
        # A verb read by its word alone ("Dashlane offers a free version", "the index declined 0.3%",
        # "doctors ordered an X-ray") tells a political event (PLOVER's scope) only when a state, an
        # armed group, an international body or another political sector does it, or when it is aimed
        # at someone; a pattern of the dictionary ("offered aid") names the act itself. Offers, meetings
        # and concessions are everyday acts too, pattern or not ("gave his players a pep talk", "the
        # CEO is stepping down"), so they need the same.
        return (
            (draft.by_default or draft.code.type in EVERYDAY)
            and draft.code.type not in BARE
            and not convicted
            and not self.recipient(target, draft.target)
            and not self.political(event, actor)
        )

    def private(self, event: Event, draft: Draft, actor: Actor | None) -> bool:
        """The act is a private one, of a firm, a scholar or a person with no office, which PLOVER does not code."""
        firm_only = event.actor_sector in BUSINESS and not self.political_target(event, draft.target)
        if firm_only and draft.code.type != "ASSAULT":
            # PLOVER codes political events: a firm's dealings with another firm or with its own business
            # ("Ithaca Holdings purchased Big Machine", "McClatchy imposed cuts on its publications": no
            # repression, which the manual's COERCE is) are none; a firm accusing a government stays, and
            # violence is violence whoever does it.
            return True
        if (
            event.type == "COOPERATE"
            and has_lemma(draft.trigger, PAYING)
            and not self.political_target(event, draft.target)
        ):
            # The manual's COOPERATE is "mutual material cooperation or exchange" between political actors: a payment
            # to a firm or to someone of no sector ("paid an ad agency for their work") is a purchase, which PLOVER
            # does not code; a state paying another ("Moravia paid Estria for the gas") is an exchange.
            return True
        if event.mode == "investigate" and event.actor_sector == "EDU" and has_lemma(draft.trigger, STUDYING):
            # The manual's ACCUSE investigate is "Any investigation, including commissions, grand juries, judicial or
            # political": a scholar or a university that studies something ("a political scientist who studies
            # U.S.-Canada trade") does research, not an inquiry into anyone ("the university investigated the
            # professor" stays).
            return True
        commander = event.actor_sector in ARMED
        # The manual's MOBILIZE: "All military or police moves", by militaries or "organized armed groups":
        # a person with no office in a state or an armed group moves no forces ("so I called her up").
        return event.type == "MOBILIZE" and actor is not None and actor.entity.type == "PERSON" and not commander

    def own_forces(self, phrase: Token | None) -> bool:
        """ "withdrew its troops", "deployed their soldiers": one that has forces of its own is a state or an armed
        group, whatever label the NER gave its name (the manual's RETREAT and MOBILIZE are such actors' moves)."""
        if phrase is None or not has_lemma(phrase, self.lex.noun_classes["military"]):
            return False
        return any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in phrase.children)

    def no_host(self, visited: Token | None) -> bool:
        """What is visited is a thing of a place ("the U.S.-Mexico border", "the city's prison"), not a
        name, a country ("the country") or those who can host ("the ministry", "troops")."""
        return (
            visited is not None
            and visited.pos_ == "NOUN"
            and visited.lemma_.lower() not in PLACE_DESCRIPTIONS
            and not self.actors.names_actor(visited)
        )

    def rescued(self, draft: Draft) -> bool:
        """The people an AID is done to are its recipient, named by a common noun: the PLOVER manual has "Hostage
        rescues, e.g. 'Pakistan's military rescued 10 hostages from the border region with Afghanistan yesterday'
        ... should be coded as AID"; what is given ("sent aid") names no one and still needs one it goes to."""
        thing = draft.target
        if draft.code.type != "AID" or thing is None or thing.dep_ != "dobj":
            return False
        return self.parties.people(self.actors.through_partitive(thing))

    def captives(self, released: Token | None) -> bool:
        """What a retreat gives up is people, forces or a place, not a thing ("released two videos");
        with no object ("the rebels withdrew") it is the actor's own retreat."""
        if released is None:
            return True
        head = self.actors.through_partitive(released)  # "30 of the prisoners"; "two videos of them" stays videos
        return self.senses.can_be_harmed(head) or self.senses.people_noun(head)

    def political(self, event: Event, actor: Actor | None) -> bool:
        """The actor is a country or people, one the Phoenix actor dictionaries list (political figures,
        states, armed groups; not companies), or of a political sector of CAMEO (government, military,
        police, rebels, opposition, courts, legislature, international bodies and NGOs)."""
        if actor is not None and actor.entity.type in POLITIES:
            # A place acts as a polity only when it is one: NER calls "Dashlane" a GPE.
            return actor.entity.type == "NORP" or self.actors.codes.polity(actor)
        if event.actor_sector in BUSINESS:
            return False
        code = self.actors.codes.code(actor) if actor is not None else None
        # A country's code alone on an organisation ("Japan's Nikkei", "Lexus Philippines") says where it is,
        # not that it is a state's or a political body: a firm of that country.
        firm_of_country = code is not None and len(code) == 3 and actor is not None and actor.entity.type == "ORG"
        if code is not None and code[:3] not in BUSINESS and not firm_of_country:
            return True
        return event.actor_sector in POLITICAL_SECTORS

    def political_target(self, event: Event, words: Token | None) -> bool:
        """The event is aimed at a state, a people or one the dictionaries give a sector other than business
        (a government, a union, "the pilots' union", the opposition), not at a firm or someone of no sector."""
        if event.target is None:
            sector = self.actors.agent_sector(words) if words is not None else None
            return sector is not None and sector not in BUSINESS
        target = self.entities_by_id.get(event.target) or self.actors.entity_by_id(event.target)
        if target is not None and target.type in POLITIES:
            return True
        return event.target_sector is not None and event.target_sector not in BUSINESS

    def acts_on_state(self, actor: Entity, target: Entity | None, words: Token | None) -> bool:
        """An actor the dictionaries do not list acts on the state: an organisation on a state body named or
        told by a noun ("Arvo Foods thanked the police"), a person on a state's officer or body named ("Emmanuel
        Macron met Vladimir Putin", whom the Phoenix dictionary codes RUSGOV; a Phoenix dictionary older than
        Macron's office does not know him). A person's act on a body told by a common noun ("Mary Jones thanked the
        police") or on a place ("visiting Nevada and Iowa" on a campaign tour, "Winnipeg defeated Nashville" where
        NER took the team for a person) stays a private person's."""
        if actor.type == "ORG":
            return self._state_target(target, words)
        officer = target is not None and target.type in ("PERSON", "ORG")
        return actor.type == "PERSON" and officer and self._state_target(target, None)

    def _state_target(self, target: Entity | None, words: Token | None) -> bool:
        """The act is aimed at a state or one of its bodies: a country, or a government, its forces, police,
        courts or legislature, named ("the Veldport police") or by a noun the dictionaries know ("the police")."""
        if target is not None:
            named = Actor(target, [])
            return (target.type in POLITIES and self.actors.codes.polity(named)) or self.actors.codes.sector(
                named
            ) in STATE_BODIES
        return words is not None and self.actors.agent_sector(words) in STATE_BODIES

    def recipient(self, target: Entity | None, words: Token | None) -> bool:
        """The event is aimed at someone: a named person, organisation, country or people, or an agent
        the dictionaries know ("the police", "rebels"); not a thing of theirs ("studies U.S.-Canada trade")."""
        if words is not None and not self.actors.names_actor(words):
            return False
        if target is not None:
            return target.type in RECIPIENTS
        return words is not None and self.actors.agent_sector(words) is not None

    def convicted(self, draft: Draft) -> bool:
        """A conviction's recipient is whoever is found guilty (the manual's SANCTION convict: "Find an entity or
        behavior guilty"), named or not: "the journalist was sentenced", "convicted him of fraud"."""
        return draft.code.mode == "convict" and draft.target is not None and not self.actors.inanimate(draft.target)

    def charged(self, draft: Draft) -> bool:
        """A formal charge told in the passive with no one named as its maker ("the mayor was charged with fraud",
        "was indicted on Friday"): the manual's ACCUSE allege, "sue, indict, or charge; bring to trial", by the
        authorities, who are left unnamed as a conviction's court is (``convicted``). Someone is charged, a person
        or a body ("the battery was charged with a solar panel" is none)."""
        return (
            draft.code.mode == "allege"
            and has_lemma(draft.trigger, JUDICIAL_CHARGES)
            and passive(draft.trigger)
            and draft.target is not None
            and (
                draft.target.pos_ == "PRON"
                or self.actors.entity_of(draft.target) is not None
                or self.parties.people(draft.target)
            )
        )

    def unclaimed_victim(self, draft: Draft) -> bool:
        """Violence told with no one named as its doer is an event only when it falls on people or
        what they own ("a passenger was killed"), not on things ("tariffs imposed")."""
        if draft.target is None or not self.senses.can_suffer(draft.target):
            return False
        return not (draft.target.pos_ == "NOUN" and self.actors.inanimate(draft.target))

    def unclaimed_doer(self, draft: Draft) -> bool:
        """What did it, if named, is an act of violence or its means ("a stabbing killed a passenger",
        "a drone struck"), not "crashes that killed 346" or "a pandemic that killed millions"."""
        doer = draft.actor
        if doer is not None and doer.pos_ == "PRON":
            return doer.lower_ in PERSONAL_PRONOUNS
        return doer is None or doer.pos_ == "PROPN" or self.senses.means_of_violence(doer)
