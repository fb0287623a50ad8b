"""From drafts to events: the words of a draft become the article's entities, dates, places and quotes.

The actor and target words are resolved to entities (a pronoun to the name it stands for, a
description to its words), a thing acted on gives way to whom the act is aimed at, the
sides of a two-sided act are both kept, and an event is dropped when PLOVER would not code
it: no one named on either side, an actor the dictionaries do not know, an everyday act of
no political actor, a firm's dealings with another firm (scope.py decides which). What is kept
carries its date, its place, the quote it is reported in and its casualty counts.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Token

from newsgraph.model import Entity, Event, Quote, Span
from newsgraph.pipeline.datelines import credit
from newsgraph.pipeline.events.actor_codes import Actor
from newsgraph.pipeline.events.actors import ActorFinder
from newsgraph.pipeline.events.counts import EventCounts
from newsgraph.pipeline.events.draft import Draft
from newsgraph.pipeline.events.drafts import DraftFinder
from newsgraph.pipeline.events.lexicon import Lexicon, has_lemma
from newsgraph.pipeline.events.modality import Modality
from newsgraph.pipeline.events.parties import EventParties
from newsgraph.pipeline.events.scope import EventScope
from newsgraph.pipeline.events.senses import Senses
from newsgraph.pipeline.events.syntax import (
    SUBJECTS,
)
from newsgraph.pipeline.events.words import (
    ADDRESSED,
    OFFERED,
    PHYSICAL,
    PLACE_PREPS,
    PLACE_TYPES,
    POLITIES,
    STATE_FORCES,
)
from newsgraph.pipeline.extensions import doc_text


class EventBuilder:
    """Turns one Doc's drafts into events, remembering the actors and targets already told."""

    def __init__(
        self, doc: Doc, lex: Lexicon, actors: ActorFinder, senses: Senses, finder: DraftFinder, dates: dict[int, str]
    ) -> None:
        self.doc = doc
        self.lex = lex
        self.actors = actors
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
        self.parties = EventParties(doc, lex, actors, senses, finder, self.entities_by_id, self.last_actors)
        self.scope = EventScope(lex, actors, senses, self.parties, self.entities_by_id)

    def build(self, draft: Draft, event_id: str) -> Event | None:
        """The draft's event as PLOVER codes it, or None where PLOVER would not code it. The stages run in the
        order they read one another's results: the actor, the target its words or its context name, the checks
        on the act, on its doer and on its scope, and the words and codes of both sides."""
        self._people_fight(draft)
        quote = self._quote_at(draft.trigger.idx)
        reporter = self.modality.reporter(draft.anchor)
        speaker = self._speaker(quote, reporter)
        actor = self._named_actor(draft, speaker)
        if self.scope.ballot(draft, actor):
            return None
        actor = self._actor_by_role(draft, actor, speaker)
        exclude = actor.entity if actor is not None else None
        struck = self._struck_facility(draft)
        target, target_words, mobilised = self._object_target(draft, speaker, exclude)
        target, target_words = self._other_side(draft, actor, target, target_words)
        target = self._implied_target(draft, target, speaker, exclude)
        location = self.finder.location(draft)
        target = self._strike_target(draft, target, location, exclude)
        target = self._told_target(draft, target, exclude)
        target = self._place_target(draft, target, location, struck)
        if self.scope.no_act(draft, target):
            return None
        unnamed = self.parties.unnamed_party(draft)
        if self.scope.missing_recipient(draft, target, unnamed):
            return None
        agent = self.actors.agent_sector(draft.actor) if actor is None and draft.actor is not None else None
        unclaimed = self.scope.unclaimed(draft, target, location)
        # A conviction is a court's, a political sector's (JUD), whether the court is named or not.
        convicted = self.scope.convicted(draft) and (actor is not None or self.scope.unclaimed_doer(draft))
        if self.scope.no_doer(draft, actor, agent, convicted, target, unclaimed):
            return None
        target, target_phrase = self._target_phrase(draft, target, unnamed, mobilised, speaker, exclude)
        doer = self._described_doer(draft, actor, agent, speaker)
        if doer is not None:
            agent = self.actors.agent_sector(doer)
        event = self._event(draft, event_id, actor, target, location, quote, reporter)
        self._tell_actor(event, draft, actor, agent, doer)
        if actor is not None:
            self._describe_actor(event, actor)
            if not self.scope.known_actor(event, actor, target, draft.target):
                return None
            self.last_actors[event.type] = actor.entity
        if self.scope.everyday(draft, event, actor, target, convicted):
            return None
        self._tell_target(event, draft, target, target_words, target_phrase)
        if not (event.actor or event.actor_sector or event.actor_words or event.target or event.target_words):
            # "as many as 200 have been killed", "they were being held": no one named on either side, so no actor
            # and no recipient, which a PLOVER event is between.
            return None
        self._state_obstruction(event, actor)
        if self.scope.private(event, draft, actor):
            return None
        if target is not None:
            self.last_targets[(event.type, event.mode)] = target
        self.counts.count(event, draft.argument_verbs[-1] if draft.argument_verbs else draft.anchor)
        return event

    def _people_fight(self, draft: Draft) -> None:
        fighting = draft.trigger.pos_ == "VERB" and draft.code.type == "ASSAULT"
        if fighting and self.finder.parties.where_people_act(draft.code, draft.trigger, draft.actor, draft.target):
            # "Xi does not see Hong Kong struggle", "Kampala rioted": the place's people fight, not its state (a place
            # that blocks a crossing or protests to another is its government: "Jordan blocked the crossing").
            draft.actor = None

    def _named_actor(self, draft: Draft, speaker: Entity | None) -> Actor | None:
        actor = self.actors.resolve(draft.actor, speaker, places=False) if draft.actor is not None else None
        if actor is None and draft.actor is not None:
            actor = self.parties.event_owner(draft.actor, speaker)
        if actor is not None and self.actors.thing(actor.entity):
            # "workers at the Port of Veldport walked off": the port is where, not who.
            actor = None
        return actor

    def _actor_by_role(self, draft: Draft, actor: Actor | None, speaker: Entity | None) -> Actor | None:
        """The actor the words leave unnamed or name wrongly, told by its role in the article."""
        if actor is None and draft.code.type == "PROTEST":
            # "Thousands marched… The organisers, the dockers' union, said…": the march is theirs.
            actor = self.actors.organiser()
        if actor is None and draft.code.mode == "strike" and self.parties.workers(draft.actor):
            # "Hundreds of dock workers stopped work in a strike": the strike of their union.
            actor = self.parties.labour_organisation(draft)
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
            other = self.actors.antecedents.sides(draft.actor, actor.entity)
            if other is not None and self._coded(Actor(other, [])):
                # "Talks between the union and Keller Shipping... both sides agreed to meet": the pair stands for
                # both parties, and the one the dictionaries code is the actor (PETRARCH codes the actors it knows).
                actor = Actor(other, [])
        return actor

    def _struck_facility(self, draft: Draft) -> bool:
        struck = draft.target is not None and self.actors.facility(draft.target)
        if struck and draft.target is not None:
            # "shelled an army post in Jaffna", "raided the offices of Reuters": an act on a facility is aimed at
            # whoever holds it, when its words name them; the town it is in is only where.
            draft.target = self.actors.occupant(draft.target) or draft.target
        return struck

    def _object_target(
        self, draft: Draft, speaker: Entity | None, exclude: Entity | None
    ) -> tuple[Entity | None, list[Token], bool]:
        """The target the act's object names, or whom what is given, imposed or acted on goes to; and whether the
        object is forces mobilised."""
        target: Entity | None = None
        target_words: list[Token] = []
        if draft.code.target == "partner":
            target = self.parties.partner(draft.trigger.sent, exclude)
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
            target, target_words = self.parties.receiver(draft, speaker, exclude)
        recipient_read = draft.code.type in self.lex.requires_recipient or mobilised
        if target is None and not recipient_read and self.parties.thing_object(draft.target):
            # "closed its borders with Syria", "declined to send arms to Ukraine": a thing acted on names no one (an
            # act that needs a recipient has been read for one above, and "signing a contract with the Lightning"
            # gives it none).
            target, target_words = self.parties.recipient_of_thing(draft, speaker, exclude)
        return target, target_words, mobilised

    def _other_side(
        self, draft: Draft, actor: Actor | None, target: Entity | None, target_words: list[Token]
    ) -> tuple[Entity | None, list[Token]]:
        placed = draft.target is not None and draft.target.dep_ == "pobj" and draft.target.head.lower_ in PLACE_PREPS
        if (
            (target is None or placed)
            and actor is not None
            and draft.actor is not None
            and self.parties.reciprocal(draft)
        ):
            # "The two sides continue to negotiate", "both countries clashed": the manual's reciprocal events have
            # both sides, the one the pair's words stand for first and the other as recipient ("agreed to meet at
            # City Hall": the hall is where).
            other = self.actors.antecedents.sides(draft.actor, actor.entity)
            if other is not None:
                target, target_words = other, []
                draft.target = None if placed else draft.target
        return target, target_words

    def _implied_target(
        self, draft: Draft, target: Entity | None, speaker: Entity | None, exclude: Entity | None
    ) -> Entity | None:
        """Whom a threat, a demand or an offer is aimed at, where the clause around it names them."""
        if target is None and draft.code.type == "THREATEN":
            target = self.parties.threatened(draft, speaker, exclude)
        named = draft.target is not None and self.actors.names_actor(draft.target)
        if target is None and draft.code.type in ADDRESSED and not named:
            target = self.parties.addressee(draft.trigger, speaker, exclude)
        if target is None and draft.code.type in OFFERED:
            target = self.parties.taker(draft.trigger, speaker, exclude)
        return target

    def _strike_target(
        self, draft: Draft, target: Entity | None, location: str | None, exclude: Entity | None
    ) -> Entity | None:
        if target is not None and draft.code.mode == "strike" and (self.actors.thing(target) or target.id == location):
            # "stopped work at the Port of Veldport": the place of a strike, not the employer it is aimed at.
            target = None
        if target is None and draft.code.mode == "strike":
            # A strike is aimed at the employer the dispute is with: "a dispute over pay with Keller".
            target = self.parties.partner(draft.trigger.sent, exclude)
        return target

    def _told_target(self, draft: Draft, target: Entity | None, exclude: Entity | None) -> Entity | None:
        if target is None and self.parties.told_before(draft):
            # "The strike was called by the union": the strike just told, with its target.
            told = self.last_targets.get((draft.code.type, draft.code.mode))
            target = told if told is not exclude else None
        return target

    def _place_target(self, draft: Draft, target: Entity | None, location: str | None, struck: bool) -> Entity | None:
        """A place is the target of a physical act on it, never of one on the people held in it."""
        people = draft.target is not None and has_lemma(draft.target, self.lex.sectors)
        # People are arrested, deported or abducted (the manual's ASSAULT abduct: "abduct, hijack, take
        # hostage"), never the place they are held in ("held at the county jail", "held by the Taliban in
        # Afghanistan").
        held = draft.code.mode in ("arrest", "deport", "abduct")
        if held and target is not None and (target.type in PLACE_TYPES or self.actors.thing(target)):
            target = None
        if target is None and location is not None and draft.code.type in PHYSICAL and not (people or held or struck):
            target = self.entities_by_id.get(location) or self.actors.entity_by_id(location)
        return target

    def _target_phrase(
        self,
        draft: Draft,
        target: Entity | None,
        unnamed: Token | None,
        mobilised: bool,
        speaker: Entity | None,
        exclude: Entity | None,
    ) -> tuple[Entity | None, Token | None]:
        # A pronoun no name stands for, or one a description stands nearer before ("The man ran ... he was
        # arrested", "Students occupied the campus. Police threatened to use force on them"), is named by that
        # description; read only once the event is kept, so that a description never makes an event of its own.
        # Forces sent, or envoys withdrawn from an unnamed host, are what is moved, not whom the act is aimed at.
        withdrawn = unnamed is draft.target and draft.code.mode == "withdraw"
        target_phrase = None if mobilised or withdrawn else (unnamed or draft.target)
        described = self.parties.nearer_description(draft.target, speaker, exclude)
        if described is not None and draft.code.type not in self.lex.requires_recipient:
            target, target_phrase = None, described
        return target, target_phrase

    def _described_doer(
        self, draft: Draft, actor: Actor | None, agent: str | None, speaker: Entity | None
    ) -> Token | None:
        """The description the actor's pronoun stands for, as for the target's."""
        return self.parties.nearer_description(draft.actor, speaker, None) if actor is None and agent is None else None

    def _event(
        self,
        draft: Draft,
        event_id: str,
        actor: Actor | None,
        target: Entity | None,
        location: str | None,
        quote: Quote | None,
        reporter: Token | None,
    ) -> Event:
        return Event(
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

    def _tell_actor(
        self, event: Event, draft: Draft, actor: Actor | None, agent: str | None, doer: Token | None
    ) -> None:
        event.actor_sector = agent
        if actor is not None:
            event.actor_words = self._named_by(actor, draft.trigger)
        elif doer is not None:
            event.actor_words = self._agent_words(doer)
        elif agent is not None and draft.actor is not None:
            event.actor_words = self._agent_words(draft.actor)

    def _tell_target(
        self,
        event: Event,
        draft: Draft,
        target: Entity | None,
        target_words: list[Token],
        target_phrase: Token | None,
    ) -> None:
        if target is not None:
            self._describe_target(event, Actor(target, target_words))
            event.target_words = self._named_by(Actor(target, target_words), draft.trigger)
        elif target_phrase is not None and (sector := self.actors.agent_sector(target_phrase)) is not None:
            # "arrested three men", "fired tear gas at demonstrators": whom it fell on is named by a noun the
            # dictionaries give a sector (the manual's recipient has a sector and the raw text, a name or not).
            event.target_sector = sector
            event.target_words = self._agent_words(target_phrase)
        elif target_phrase is not None and self.parties.people(target_phrase):
            # "fired teargas at the crowd", "the attacker was arrested": whom it fell on is named by a noun for
            # people the dictionaries give no sector; the words still tell the reader who.
            event.target_words = self._agent_words(target_phrase)

    def _state_obstruction(self, event: Event, actor: Actor | None) -> None:
        state = event.actor_sector in STATE_FORCES or (actor is not None and self.parties.country(actor.entity))
        if event.type == "PROTEST" and state and event.mode == "obstruct":
            # The manual's PROTEST is "All civilian demonstrations and other collective actions": a state, its soldiers
            # or its police blocking a road or a crossing restrict movement, its COERCE restrict ("Impose restrictions
            # on political freedoms or movement, including cordoning off areas").
            event.type, event.mode = "COERCE", "restrict"

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
        return bool(
            self.actors.codes.country(actor)
            or self.actors.codes.sector(actor)
            or entity.type in POLITIES
            or entity.titles
        )

    def _describe_actor(self, event: Event, actor: Actor) -> None:
        event.actor_country = self.actors.codes.country(actor)
        event.actor_sector = self.actors.codes.sector(actor)

    def _describe_target(self, event: Event, target: Actor) -> None:
        event.target_country = self.actors.codes.country(target)
        event.target_sector = self.actors.codes.sector(target)

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
