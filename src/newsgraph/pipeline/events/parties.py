"""The parties of an event where its words do not name them plainly, and what kind they are.

A thing acted on gives way to whom the act is aimed at, a pronoun to a description nearer before
it, a two-sided act to its other side, a strike to the employer the dispute is with; and whether a
phrase names only people or an entity is a country (whether a party is political or a state, which
decides what PLOVER codes, is scope.py's).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsgraph.model import Entity
from newsgraph.pipeline.events.actor_codes import Actor
from newsgraph.pipeline.events.actor_words import GENERIC
from newsgraph.pipeline.events.actors import ActorFinder
from newsgraph.pipeline.events.draft import Draft
from newsgraph.pipeline.events.drafts import DraftFinder
from newsgraph.pipeline.events.lexicon import Lexicon, has_lemma
from newsgraph.pipeline.events.senses import PEOPLE_WORDS, Senses
from newsgraph.pipeline.events.syntax import (
    and_joined,
    clause_verb,
    condition,
    for_subject,
    symmetric,
    topic,
)
from newsgraph.pipeline.events.words import (
    AIMED_PREPS,
    DESCRIBED_PRONOUNS,
    PARTY_PREPOSITIONS,
    RECEIVING_PREPS,
    RECIPROCAL_TYPES,
    ROLES,
    TAKING,
)
from newsgraph.pipeline.syntax import object_of


class EventParties:
    """Reads the parties of one Doc's events with the lexicon, the actors, the senses and the drafts' finder; the
    entities by id and the last actor of each type are the builder's own, shared so that each event told is seen."""

    def __init__(
        self,
        doc: Doc,
        lex: Lexicon,
        actors: ActorFinder,
        senses: Senses,
        finder: DraftFinder,
        entities_by_id: dict[str, Entity],
        last_actors: dict[str, Entity],
    ) -> None:
        self.doc = doc
        self.lex = lex
        self.actors = actors
        self.senses = senses
        self.finder = finder
        self.entities_by_id = entities_by_id
        self.last_actors = last_actors

    def reciprocal(self, draft: Draft) -> bool:
        """A meeting, or an act of English two-sided by its word ("negotiate", "clash"), which has two sides;
        so has a stance on a meeting ("agreed to meet again")."""
        words = [draft.trigger, *draft.argument_verbs]
        inner = draft.argument_verbs[1:] if draft.argument_verbs[:1] == [draft.trigger] else []
        return (
            draft.code.type in RECIPROCAL_TYPES
            or any(symmetric(w) for w in words)
            or any(self.lex.default_type(w) in RECIPROCAL_TYPES for w in inner)
        )

    def event_owner(self, noun: Token, speaker: Entity | None) -> Actor | None:
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

    def unnamed_party(self, draft: Draft) -> Token | None:
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
        return next((p for p in phrases if self.actors.agent_sector(p) is not None or self.people(p)), None)

    def recipient_of_thing(
        self, draft: Draft, speaker: Entity | None, exclude: Entity | None
    ) -> tuple[Entity | None, list[Token]]:
        """Whom an act on a thing is aimed at: named after a preposition ("its borders with Syria", "criticism from
        Britain"), as the subject of a "for ... to" clause ("set a deadline for the administration to respond") or
        joined to the thing ("condemned the sanctions and the United States"). The draft's target words follow."""
        found_entity, words = self.receiver(draft, speaker, exclude, aimed=True)
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

    def thing_object(self, thing: Token | None) -> bool:
        """The object is a thing, which names no one an act could be aimed at ("its borders", "arms", "weapons"),
        whether the verb takes it or the verb's preposition ("called for an apology from Germany")."""
        if thing is None or thing.pos_ != "NOUN":
            return False
        if thing.dep_ != "dobj" and not (thing.dep_ == "pobj" and thing.head.head.pos_ == "VERB"):
            return False
        return not self.actors.names_actor(thing) or self.senses.means_of_violence(thing)

    def receiver(
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

    def people(self, phrase: Token) -> bool:
        """A phrase naming particular people by a common noun ("the crowd", "the defendants", "an attacker")."""
        head = self.actors.agent_head(phrase)
        if any(c.dep_ in ("det", "amod") and c.lower_ in GENERIC for c in head.children):
            return False
        lemma = head.lemma_.lower()
        # (A noun's agent suffix alone is no person: "border", "paper"; the dictionaries' classes must agree.)
        people = self.senses.people_noun(head) and (lemma in self.lex.able_nouns or lemma.endswith("man"))
        return head.pos_ == "NOUN" and (lemma in PEOPLE_WORDS | ROLES or people)

    def nearer_description(self, pronoun: Token | None, speaker: Entity | None, exclude: Entity | None) -> Token | None:
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
                and self.people(token)
            ):
                return token
        return None

    def country(self, entity: Entity) -> bool:
        """A place NER found, or a country's name it took for a person ("Jordan closed its borders")."""
        return entity.type == "GPE" or (entity.type == "PERSON" and entity.name.lower() in self.lex.countries)

    def addressee(self, verb: Token, speaker: Entity | None, exclude: Entity | None) -> Entity | None:
        """Whom a demand or an accusation told in a participle's clause is made to: the one named as told on the verb
        the clause hangs on ("Sasse told Warden Hale, repeatedly calling for an explanation", "told the minister,
        accusing him of negligence")."""
        head = verb.head
        if verb.dep_ != "advcl" or verb.tag_ != "VBG" or not has_lemma(head, self.lex.speech_verbs):
            return None
        told = next((c for c in head.children if c.dep_ in ("dobj", "dative") and c.pos_ != "ADP"), None)
        found = self.actors.resolve(told, speaker, exclude=exclude) if told is not None else None
        return found.entity if found is not None and found.entity is not exclude else None

    def taker(self, verb: Token, speaker: Entity | None, exclude: Entity | None) -> Entity | None:
        """Whom an offer told by a participle is made to: the one who takes it up or turns it down ("Kenya rejected
        the deal offered by the IMF", "his client chose not to accept a plea agreement offered by prosecutors")."""
        offer = verb.head
        if verb.dep_ != "acl" or verb.tag_ != "VBN" or offer.dep_ != "dobj" or not has_lemma(offer.head, TAKING):
            return None
        taker, _ = self.finder.arguments.of(offer.head)
        found = self.actors.resolve(taker, speaker, exclude=exclude) if taker is not None else None
        return found.entity if found is not None and found.entity is not exclude else None

    def threatened(self, draft: Draft, speaker: Entity | None, exclude: Entity | None) -> Entity | None:
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

    def workers(self, phrase: Token | None) -> bool:
        """No subject, or one naming workers ("hundreds of dock workers", "staff")."""
        return phrase is None or any(self.lex.sectors.get(t.lemma_.lower()) == "LAB" for t in phrase.subtree)

    def labour_organisation(self, draft: Draft) -> Actor | None:
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

    def told_before(self, draft: Draft) -> bool:
        """An event noun with "the" ("the strike", "the strike was called") refers back to one already told."""
        nouns = [draft.trigger] if draft.trigger.pos_ == "NOUN" else []
        nouns += [c for c in draft.trigger.children if c.dep_ in ("dobj", "nsubjpass") and self.lex.noun(c) is not None]
        return any(c.dep_ == "det" and c.lower_ == "the" for noun in nouns for c in noun.children)

    def partner(self, sent: SpacySpan, exclude: Entity | None) -> Entity | None:
        """The other side of talks a party walks out of: the one named after "with" in the sentence."""
        for token in sent:
            if token.dep_ == "prep" and token.lower_ == "with":
                pobj = object_of(token)
                found = self.actors.resolve(pobj, exclude=exclude) if pobj is not None else None
                if found is not None and found.entity is not exclude:
                    return found.entity
        return None
