"""From drafts to events: the words of a draft become the article's entities, dates, places and quotes.

The actor and target words are resolved to entities (a pronoun to the name it stands for, a
description to its words), a thing acted on gives way to whom the act is aimed at, the
sides of a two-sided act are both kept, and an event is dropped when PLOVER would not code
it: no one named on either side, an actor the dictionaries do not know, an everyday act of
no political actor, a firm's dealings with another firm. What is kept carries its date, its
place, the quote it is reported in and its casualty counts.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsgraph.model import Entity, Event, Quote, Span
from newsgraph.pipeline.datelines import credit
from newsgraph.pipeline.events.actors import GENERIC, PLACE_DESCRIPTIONS, Actor, ActorFinder
from newsgraph.pipeline.events.counts import EventCounts
from newsgraph.pipeline.events.draft import Draft
from newsgraph.pipeline.events.drafts import DraftFinder
from newsgraph.pipeline.events.lexicon import Lexicon, has_lemma
from newsgraph.pipeline.events.modality import Modality
from newsgraph.pipeline.events.senses import PEOPLE_WORDS, Senses
from newsgraph.pipeline.events.syntax import (
    SUBJECTS,
    and_joined,
    clause_verb,
    condition,
    for_subject,
    passive,
    symmetric,
    topic,
)
from newsgraph.pipeline.events.words import (
    ADDRESSED,
    AIMED_PREPS,
    ARMED,
    BARE,
    BUSINESS,
    DESCRIBED_PRONOUNS,
    EVERYDAY,
    JUDICIAL_CHARGES,
    OFFERED,
    PARTY_PREPOSITIONS,
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
    ROLES,
    STATE_BODIES,
    STATE_FORCES,
    TAKING,
    UNCLAIMED,
    VOTES,
)
from newsgraph.pipeline.extensions import doc_text
from newsgraph.pipeline.syntax import object_of

# Verbs of scholarship, which the dictionary files with inquiries.
STUDYING = frozenset({"study", "research", "analyze", "analyse", "examine", "survey", "explore"})


class EventBuilder:
    """Turns one Doc's drafts into events, remembering the actors and targets already told."""

    def __init__(
        self, doc: Doc, lex: Lexicon, actors: ActorFinder, senses: Senses, finder: DraftFinder, dates: dict[int, str]
    ) -> None:
        self.doc = doc
        self.lex = lex
        self.actors = actors
        self.senses = senses
        self.finder = finder
        self.modality = Modality(lex, actors)
        self.dates = dates
        self.quote_pieces = sorted(
            ((p.start, p.end, q) for q in doc._.quotes or [] for p in (q.parts or [q])),
            key=lambda piece: piece[0],
        )
        self.quote_starts = [piece[0] for piece in self.quote_pieces]
        self.entities_by_id = {e.id: e for e in doc._.entities or []}
        self.counts = EventCounts(doc)
        self.last_actors: dict[str, Entity] = {}
        self.last_targets: dict[tuple[str, str | None], Entity] = {}

    def build(self, draft: Draft, event_id: str) -> Event | None:
        fighting = draft.trigger.pos_ == "VERB" and draft.code.type == "ASSAULT"
        if fighting and self.finder.parties.where_people_act(draft.code, draft.trigger, draft.actor, draft.target):
            # "Xi does not see Hong Kong struggle", "Kampala rioted": the place's people fight, not its state (a place
            # that blocks a crossing or protests to another is its government: "Jordan blocked the crossing").
            draft.actor = None
        quote = self._quote_at(draft.trigger.idx)
        reporter = self.modality.reporter(draft.anchor)
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
        named = draft.target is not None and self.actors.names_actor(draft.target)
        if target is None and draft.code.type in ADDRESSED and not named:
            target = self._addressee(draft.trigger, speaker, exclude)
        if target is None and draft.code.type in OFFERED:
            target = self._taker(draft.trigger, speaker, exclude)
        location = self.finder.location(draft)
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
        if (
            target is None
            and needs_recipient
            and not (self._convicted(draft) or unnamed is not None or self._rescued(draft))
        ):
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
            at_state = self._acts_on_state(actor.entity, target, draft.target)
            if not (known or at_state or self._own_forces(draft.target)):
                # As in PETRARCH and GDELT, an event is coded for actors the dictionaries know: a country,
                # an international body, someone whose sector (GOV, MIL, LAB…) is named; a place or
                # people the NER found, which acts through its government; or someone given a role. An
                # organisation they do not list is in PLOVER's scope when it acts on the state ("Arvo Foods
                # thanked the police"): the manual's economic context has "business-government relations";
                # so is a person they do not list who acts on a state or its named officer.
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
        if event.mode == "investigate" and event.actor_sector == "EDU" and has_lemma(draft.trigger, STUDYING):
            # The manual's ACCUSE investigate is "Any investigation, including commissions, grand juries, judicial or
            # political": a scholar or a university that studies something ("a political scientist who studies
            # U.S.-Canada trade") does research, not an inquiry into anyone ("the university investigated the
            # professor" stays).
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
        airstrike killed 12", "the airstrikes by Israel killed 12" were done by Russia and Israel; "Hong Kong's
        street battles" by no state."""
        code = self.lex.noun(noun)
        if code is None or code.type not in self.lex.hostile:
            return None
        owner = next((c for c in noun.children if c.dep_ in ("poss", "amod", "compound") and c.i < noun.i), None)
        if owner is None:
            by = (c for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ == "by")
            owner = next((object_of(c) for c in by), None)
        if (
            owner is None
            or self.actors.entity_of(owner) is None
            or self.finder.parties.where_people_act(code, noun, owner, None)
        ):
            return None
        return self.actors.resolve(owner, speaker)

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
        described = self._described_party(thing)
        if described is not None:
            # "called for an explanation from the government": no name, but a noun the dictionaries give a sector
            # names whom it is aimed at, and its words stand for it.
            draft.target = described
        return None, []

    def _described_party(self, thing: Token | None) -> Token | None:
        """The party a thing's own phrase names by a noun the dictionaries give a sector ("an explanation from the
        government", "an apology to the rebels")."""
        if thing is None:
            return None
        for prep in (c for c in thing.children if c.dep_ == "prep" and c.lower_ in AIMED_PREPS):
            pobj = object_of(prep)
            own = pobj is not None and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in pobj.children)
            if pobj is not None and pobj.pos_ == "NOUN" and not own and self.actors.agent_sector(pobj) is not None:
                # "cuts on its local newspapers": the actor's own are no other party.
                return pobj
        return None

    def _thing_object(self, thing: Token | None) -> bool:
        """The object is a thing, which names no one an act could be aimed at ("its borders", "arms", "weapons"),
        whether the verb takes it or the verb's preposition ("called for an apology from Germany")."""
        if thing is None or thing.pos_ != "NOUN":
            return False
        if thing.dep_ != "dobj" and not (thing.dep_ == "pobj" and thing.head.head.pos_ == "VERB"):
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

    def _no_host(self, visited: Token | None) -> bool:
        """What is visited is a thing of a place ("the U.S.-Mexico border", "the city's prison"), not a
        name, a country ("the country") or those who can host ("the ministry", "troops")."""
        return (
            visited is not None
            and visited.pos_ == "NOUN"
            and visited.lemma_.lower() not in PLACE_DESCRIPTIONS
            and not self.actors.names_actor(visited)
        )

    def _rescued(self, draft: Draft) -> bool:
        """The people an AID is done to are its recipient, named by a common noun: the PLOVER manual has "Hostage
        rescues, e.g. 'Pakistan's military rescued 10 hostages from the border region with Afghanistan yesterday'
        ... should be coded as AID"; what is given ("sent aid") names no one and still needs one it goes to."""
        thing = draft.target
        if draft.code.type != "AID" or thing is None or thing.dep_ != "dobj":
            return False
        return self._people(self.actors.through_partitive(thing))

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

    def _acts_on_state(self, actor: Entity, target: Entity | None, words: Token | None) -> bool:
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
        sent = pronoun.sent
        start = self.doc[sent.start - 1].sent.start if sent.start > 0 else 0
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

    def _addressee(self, verb: Token, speaker: Entity | None, exclude: Entity | None) -> Entity | None:
        """Whom a demand or an accusation told in a participle's clause is made to: the one named as told on the verb
        the clause hangs on ("Sasse told Warden Hale, repeatedly calling for an explanation", "told the minister,
        accusing him of negligence")."""
        head = verb.head
        if verb.dep_ != "advcl" or verb.tag_ != "VBG" or not has_lemma(head, self.lex.speech_verbs):
            return None
        told = next((c for c in head.children if c.dep_ in ("dobj", "dative") and c.pos_ != "ADP"), None)
        found = self.actors.resolve(told, speaker, exclude=exclude) if told is not None else None
        return found.entity if found is not None and found.entity is not exclude else None

    def _taker(self, verb: Token, speaker: Entity | None, exclude: Entity | None) -> Entity | None:
        """Whom an offer told by a participle is made to: the one who takes it up or turns it down ("Kenya rejected
        the deal offered by the IMF", "his client chose not to accept a plea agreement offered by prosecutors")."""
        offer = verb.head
        if verb.dep_ != "acl" or verb.tag_ != "VBN" or offer.dep_ != "dobj" or not has_lemma(offer.head, TAKING):
            return None
        taker, _ = self.finder.arguments.of(offer.head)
        found = self.actors.resolve(taker, speaker, exclude=exclude) if taker is not None else None
        return found.entity if found is not None and found.entity is not exclude else None

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
