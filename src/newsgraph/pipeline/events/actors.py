"""Actors of events: from a noun phrase of the parse to an entity of the article.

An actor is named ("Hamas"), described ("the militant group"), referred to by a pronoun
("He blamed…", "it struck…") or only a group noun with its nationality ("the Israeli
military"), which NER often misses. Each way ends at an entity id of the article, so an
event's actor is the same record as the speaker of a quote and the entity of a mention.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.model import Entity
from newsgraph.pipeline.datelines import credit
from newsgraph.pipeline.entities import add_entity, add_mention
from newsgraph.pipeline.events.actor_codes import Actor, ActorCodes
from newsgraph.pipeline.events.actor_words import (
    ACTOR_TYPES,
    CLAUSES,
    DROP_LEADING,
    FACILITIES,
    GENERIC,
    ORG_DESCRIPTIONS,
    ORGANISE,
    PARTITIVE,
    PERSON_NOUNS,
    PERSON_SUFFIXES,
    PERSONAL,
    PERSONAL_RELATIVES,
    PLACE_DESCRIPTIONS,
    PLURAL,
    SPEAKER,
    STATE_SECTORS,
    THING,
    THING_PARTY_PREPS,
    THING_TYPES,
    WHERE_PREPS,
)
from newsgraph.pipeline.events.antecedents import Antecedents, common_name
from newsgraph.pipeline.events.lexicon import Lexicon, has_lemma
from newsgraph.pipeline.events.words import PLACE_TYPES
from newsgraph.pipeline.extensions import doc_text
from newsgraph.pipeline.syntax import object_of


class ActorFinder:
    """Maps tokens to the article's entities, creating ones for unnamed group actors."""

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.codes = ActorCodes(doc, lex)
        if doc._.entities is None:
            doc._.entities = []
        self.by_token: dict[int, Entity] = {}
        # The entities named outside datelines and credits (by their ids in memory): the only ones that can act.
        self.named: set[int] = set()
        for entity in doc._.entities:
            for mention in entity.mentions:
                self._index(entity, mention.start, mention.end)
        self.antecedents = Antecedents(self)
        self._organiser: Actor | None = None
        self._organiser_sought = False
        self._labour: Actor | None = None
        self._labour_sought = False

    def _index(self, entity: Entity, start: int, end: int) -> None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or credit(span[0]):
            # "WASHINGTON —", "HONG KONG (CNN Business)", "By Jane Doe": where a story was filed or who wrote it is
            # no one who acts or is acted on.
            return
        for token in span:
            self.by_token.setdefault(token.i, entity)
        self.named.add(id(entity))

    def credited_only(self, entity: Entity) -> bool:
        """The entity is named only in datelines and credits ("WASHINGTON –", "By Jane Doe"): no one who acts."""
        return id(entity) not in self.named

    def entity_by_id(self, entity_id: str) -> Entity | None:
        return next((e for e in self.doc._.entities if e.id == entity_id), None)

    def entity_of(self, token: Token) -> Entity | None:
        """The entity whose mention covers this token, if any."""
        return self.by_token.get(token.i)

    def resolve(
        self, token: Token, speaker: Entity | None = None, exclude: Entity | None = None, places: bool = True
    ) -> Actor | None:
        """The actor a noun phrase (given by its head) stands for, or None when it names none.

        ``places=False`` for the one who acts: "an explosion near Samarra" did not act by
        Samarra, though an event there may be aimed at it.
        """
        joined = self._joined_country(token)
        if joined is not None:
            return joined
        head = self.through_partitive(token)
        # "US" is the country, not "us": a pronoun's word in capitals is a name when NER takes it for one.
        lower = head.lower_ if not (head.text.isupper() and self.entity_of(head) is not None) else head.text
        if head.pos_ == "PRON" or lower in PERSONAL | THING | PLURAL | SPEAKER:
            if lower not in PERSONAL | THING | PLURAL | SPEAKER:
                return None  # "This led to…", "everyone", "who": no one in particular
            entity = self.antecedents.pronoun(head, speaker, exclude)
            return Actor(entity, [head]) if entity is not None and entity is not exclude else None
        if places and self.facility(head) and head.dep_ not in ("nsubj", "nsubjpass"):
            # "shelled an army post in Jaffna", "blocked the Rukban crossing point": aimed at who holds it ("the
            # embassy said" speaks for its mission, so a subject is left to the reading below).
            held_by = self.occupant(head)
            return self.resolve(held_by, speaker, exclude) if held_by is not None else None
        words = self._phrase(head)
        entity = self.entity_of(head)
        company = self._company_of_place(head, entity)
        if company is not None:
            return Actor(company, words)
        if entity is not None and entity.type in ACTOR_TYPES and not common_name(entity):
            return Actor(entity, words)
        described = self.antecedents.common_noun(head, speaker, exclude)
        if described is not None:
            return Actor(described, words)
        if entity is not None and entity.type in ACTOR_TYPES:
            return Actor(entity, words)
        person = self.antecedents.described_person(head, exclude)
        if person is not None:
            return Actor(person, words)
        if self._is_description(head):
            entity = self.antecedents.description(head)
            if entity is not None and entity is not exclude:
                return Actor(entity, words)
        if not places and self._names_a_thing(head) and entity is None:
            # "Obama's involvement offers a reminder", "the Apple deals promise": a thing of someone's is the
            # subject, and it does nothing; its owner is not the actor.
            return None
        named = [self.entity_of(t) for t in words if t.i != head.i and not self._someone_elses(t, head)]
        named_orgs = [e for e in named if e is not None and e.type in ("ORG", "PERSON")]
        if named_orgs:
            return Actor(named_orgs[0], words)
        owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if owner is not None and self.codes.is_actor_noun(head):
            entity = self.antecedents.pronoun(owner, speaker)
            if entity is not None and entity is not exclude:
                return Actor(entity, words)
        if (self.codes.is_actor_noun(head) and self._particular(head, words)) or self._unnamed_name(head):
            return Actor(self._create(words), words)
        named_by = [self.entity_of(g) for c in head.children if c.dep_ == "appos" for g in (c, *c.children)]
        apposed = next((e for e in named_by if e is not None and e.type in ("PERSON", "ORG")), None)
        if apposed is not None and apposed is not exclude:
            # "the Democratic candidate, Andy Beshear": the apposition names who, not the party word.
            return Actor(apposed, words)
        if not places and self._names_a_thing(head):
            # "recent U.S. data supported the dollar": the data acted, not the country that marks it.
            return None
        # "A New York man pleaded guilty": a place marking where someone is from is no actor; it acts for
        # its officials ("Delhi officials", "Lagos police"), not for any of its people.
        acting = ACTOR_TYPES if places or self._state_noun(head) else ACTOR_TYPES - PLACE_TYPES
        others = [e for e in named if e is not None and e.type in acting]
        if others:
            return Actor(others[0], words)
        doer = _doer(head) if places else None
        if doer is not None and (self.lex.nouns.get(head.lemma_.lower()) or self._names_a_thing(head)):
            # "opposed violations of international law by China", "condemned the move announced by the US": an
            # act or a thing aimed at is aimed at the one who did or made it.
            return self.resolve(doer, speaker, exclude, places)
        if self.lex.nouns.get(head.lemma_.lower()):
            return None
        words_in = self._inside(head)
        if self._names_a_thing(head):
            # "attacked each other's policies on Brexit", "opposed the hold on U.S. aid": a thing is aimed at
            # its owner ("China's policies", "inspectors of the IAEA", not "the launch of a campaign with the
            # slogan 'Meth'") or at whom it goes ("suspended aid to Kenya"), not at whatever its other phrases name.
            kept = [c for c in head.children if c.dep_ in ("poss", "compound", "amod") and c.i < head.i]
            kept += [c for c in head.children if c.dep_ == "prep" and c.lower_ in THING_PARTY_PREPS]
            words_in = [t for c in kept for t in c.subtree] + _owner_after_of(head)
        inner = [self.entity_of(t) for t in words_in if not self._someone_elses(t, head)]
        found = next((e for e in inner if e is not None and e.type in acting and e is not exclude), None)
        return Actor(found, words) if found is not None else None

    def _company_of_place(self, head: Token, entity: Entity | None) -> Entity | None:
        """ "Lexus Philippines offers…": a country named after an organisation's name is that
        organisation's branch there, not the country."""
        if entity is None or entity.type not in PLACE_TYPES:
            return None
        for child in head.children:
            if child.dep_ == "compound" and child.pos_ == "PROPN":
                named = self.entity_of(child)
                if named is not None and named.type == "ORG":
                    return named
        return None

    def inanimate(self, token: Token) -> bool:
        """A phrase naming a thing, not anyone who could act ("a barge", "the Linden Bridge", "the storm").

        A named place, building or object is a thing; so is a common noun the lexicon
        lists as one. A country (GPE) acts through its government, so it is no thing.
        """
        head = self.through_partitive(token)
        if head.pos_ == "PRON":
            return False
        entity = self.entity_of(head)
        thing_word = head.lemma_.lower() in self.lex.things or head.lower_ in self.lex.things
        if entity is not None:
            # "the Brenner Tunnel", which NER may call an organisation: the name ends in what it is.
            return self.thing(entity) or (thing_word and head.pos_ == "PROPN" and entity.type != "PERSON")
        if not (head.pos_ in ("NOUN", "PROPN") and thing_word):
            return False
        # "Iranian boats", "Russia's ships": a thing marked with its country stands for that country's forces.
        marked = any(
            t.i != head.i and (t.lower_ in self.lex.countries or t.ent_type_ in ("NORP", "GPE"))
            for t in self._phrase(head)
        )
        return not marked and not any(c.dep_ == "poss" for c in head.children)

    def organiser(self) -> Actor | None:
        """The entity named as organiser in the article ("the organisers, X", "organised by X"), found once."""
        if not self._organiser_sought:
            self._organiser_sought = True
            for token in self.doc:
                if not has_lemma(token, ORGANISE):
                    continue
                deps = ("appos",) if token.pos_ == "NOUN" else ("agent",)
                named = [c for c in token.children if c.dep_ in deps]
                named = [g for c in named for g in c.children if g.dep_ == "pobj"] if token.pos_ != "NOUN" else named
                found = next((a for a in map(self.resolve, named) if a is not None), None)
                if found is not None:
                    self._organiser = found
                    break
        return self._organiser

    def labour_organisation(self) -> Actor | None:
        """The first union or other workers' organisation the article names, found once."""
        if not self._labour_sought:
            self._labour_sought = True
            for entity in self.doc._.entities or []:
                words = entity.name.casefold().replace("'", " ").replace("\u2019", " ").split()
                if (
                    entity.type == "ORG"
                    and entity.name[:1].isupper()
                    and any(
                        self.lex.sectors.get(w.rstrip("s")) == "LAB" or self.lex.sectors.get(w) == "LAB" for w in words
                    )
                ):
                    self._labour = Actor(entity, [])
                    break
        return self._labour

    def names_actor(self, token: Token) -> bool:
        """Whether a phrase could name someone who acts: a pronoun, a name, or a group noun ("traffic" could not)."""
        head = self.through_partitive(token)
        if head.lower_ in PERSONAL | THING | PLURAL | SPEAKER | PERSONAL_RELATIVES:
            return True
        entity = self.entity_of(head)
        if entity is not None:
            return not self.thing(entity)
        return head.pos_ == "PROPN" or self.codes.is_actor_noun(head)

    def thing(self, entity: Entity) -> bool:
        """A named place, building or object; not a country NER took for a region ("Ivory Coast": LOC)."""
        return entity.type in THING_TYPES and entity.name.casefold() not in self.lex.countries

    def country_word(self, word: Token) -> bool:
        """A country's name or adjective ("Syrian", "French", "Iraq")."""
        entity = self.entity_of(word)
        return (entity is not None and entity.type in ("NORP", "GPE")) or word.lower_ in self.lex.countries

    def _joined_country(self, word: Token) -> Actor | None:
        """The party a country word joined to another before an agent noun marks: "Syrian" in "the Russian and
        Syrian defense ministries" is the Syrian ministry, from its word to the noun."""
        first = word
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if first is word or first.dep_ not in ("amod", "compound") or not self.country_word(word):
            return None
        noun = first.head
        if noun.i < word.i or not self.codes.is_actor_noun(noun):
            return None
        words = list(self.doc[word.i : noun.i + 1])
        return Actor(self._create(words), words)

    def facility(self, token: Token) -> bool:
        """A built place that people hold or use, not named as an organisation ("the crossing point", "an army
        post"; not "the Rafah Crossing Authority")."""
        head = self.through_partitive(token)
        return head.pos_ == "NOUN" and self.entity_of(head) is None and head.lemma_.lower() in FACILITIES

    def occupant(self, facility: Token) -> Token | None:
        """Who holds a facility, as its own words name them: its possessive ("the rebels' base"), its owner after
        "of" ("the offices of Reuters"), or a party or agent before it ("an army post", "the U.S. embassy", "a
        police station"). A town named before it is where it is ("the Rukban crossing point", "the Aleppo
        airport"), and a facility no one is named for is aimed at no one."""
        head = self.through_partitive(facility)
        owners = [c for c in head.children if c.dep_ == "poss"]
        owners += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        owners += sorted((c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i), key=_at)
        return next((o for o in owners if o.dep_ == "poss" or self._holder(o)), None)

    def _holder(self, word: Token) -> bool:
        """A word that names one who can hold a place: an organisation, a person, a people, a country (or its
        capital, which CAMEO's country dictionary codes as its government), or an agent noun ("army", "police")."""
        entity = self.entity_of(word)
        if entity is None:
            return self.codes.is_actor_noun(word) or self.agent_sector(word) is not None
        if entity.type in ("GPE", "LOC", "FAC"):
            return entity.name.casefold() in self.lex.countries
        return entity.type in ("ORG", "PERSON", "NORP")

    def place(self, token: Token) -> Entity | None:
        """The place entity a token belongs to ("in Gaza"), or None."""
        entity = self.entity_of(token)
        return entity if entity is not None and entity.type in PLACE_TYPES else None

    def _inside(self, head: Token) -> list[Token]:
        """The words of a phrase that may name who acts for it.

        "An explosion near the town of Samarra" names a place, not who caused it; but
        "police in Lagos" are that city's police. A clause about the doers says where they
        were, not whose they are: "gunmen wearing uniforms in the heart of the Afghan capital"
        are not Afghanistan's.
        """
        # ("soldiers and Tuareg rebels": a party joined to the head is another party, not whose the head is.)
        skipped = {t.i for c in head.children if c.dep_ in (*CLAUSES, "conj") for t in c.subtree}
        # ("movements of displaced persons within Syria": where the persons are, at any depth, is not whose.)
        where = [
            c
            for c in head.subtree
            if c.dep_ == "prep" and c.lower_ in WHERE_PREPS and c.head.i != c.i and not self._state_noun(c.head)
        ]
        skipped |= {t.i for prep in where for t in prep.subtree}
        return [t for t in head.subtree if t.i not in skipped]

    def through_partitive(self, token: Token) -> Token:
        if token.lemma_.lower() in PARTITIVE or token.like_num:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    pobj = object_of(child)
                    if pobj is not None:
                        return pobj
        return token

    def _phrase(self, head: Token) -> list[Token]:
        """The head and its left modifiers, without articles, numbers or leading punctuation."""
        start = head.left_edge.i
        while start < head.i and (
            self.doc[start].pos_ in DROP_LEADING
            or self.doc[start].dep_ in ("nummod", "quantmod", "predet", "advmod")
            or self.doc[start].like_num
            or self.doc[start].lower_ in ("more", "than", "some", "about", "up", "to")
            or credit(self.doc[start])
        ):
            start += 1
        return list(self.doc[start : head.i + 1])

    def _state_noun(self, head: Token) -> bool:
        """An agent noun of the state ("police", "officials", "troops"), which a place acts through ("Lagos police",
        "officials in Delhi"); protesters, students or workers in a place are its people, not its government."""
        if not self.codes.is_actor_noun(head):
            return False
        sector = self.lex.sectors.get(head.lemma_.lower()) or self.lex.sectors.get(head.lower_)
        return sector in STATE_SECTORS

    def _names_a_thing(self, head: Token) -> bool:
        """A common noun that names no one able to act: no agent or sector noun ("police", "ministry"),
        no class of people, forces or their means in the dictionaries ("refugees", "troops", "warplanes"),
        no event noun whose doer its modifier names ("Russian airstrikes")."""
        if head.pos_ != "NOUN" or any(c.dep_ == "appos" for c in head.children):
            return False  # "Coltrane's director, Ida Marsh": the apposition names who
        words = {head.lemma_.lower(), head.lower_}
        return not (words & self.lex.able_nouns) and not self.lex.nouns.get(head.lemma_.lower())

    def _unnamed_name(self, head: Token) -> bool:
        """A proper noun NER left out ("Ethopia has agreed"): still a name, so an actor."""
        return (
            head.pos_ == "PROPN"
            and head.ent_type_ == ""
            and head.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj")
            and not self.lex.nouns.get(head.lemma_.lower())
        )

    def _particular(self, head: Token, words: list[Token]) -> bool:
        """A group noun names one actor when a country or people word marks it ("Israeli soldiers")."""
        return head.pos_ == "PROPN" or any(
            t.i != head.i and (t.lower_ in self.lex.countries or t.ent_type_ in ("NORP", "GPE")) for t in words
        )

    def _is_description(self, head: Token) -> bool:
        has_the = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)
        lemma = head.lemma_.lower()
        return (
            has_the
            and (lemma in ORG_DESCRIPTIONS or lemma in PLACE_DESCRIPTIONS)
            and not any(self.entity_of(c) is not None for c in head.children)
        )

    def _someone_elses(self, word: Token, head: Token) -> bool:
        """ "Jordan Neely's attacker", "Trump's lawyer": a person's possessive before a noun for one person names
        someone else, related to them ("Trump's campaign" is Trump's, "Putin's troops" act for him)."""
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None or head.tag_ != "NN" or not owner.left_edge.i <= word.i <= owner.i:
            return False
        entity = self.entity_of(word)
        lemma = head.lemma_.lower()
        return entity is not None and entity.type == "PERSON" and self._one_person(lemma)

    def _one_person(self, lemma: str) -> bool:
        """A noun for one person that no sector of the state or of arms marks: "the man", an agent of the
        dictionaries ("lawyer"), or one who does what a verb of the dictionary names ("attacker", "adviser"), not
        "offer" or "border"."""
        if lemma in self.lex.sectors:
            return False
        if lemma in PERSON_NOUNS or lemma in self.lex.agents:
            return True
        stems = [lemma[: -len(suffix)] for suffix in PERSON_SUFFIXES if lemma.endswith(suffix)]
        return any(stem in self.lex.verbs or stem + "e" in self.lex.verbs for stem in stems)

    def _create(self, words: list[Token]) -> Entity:
        """An ORG entity for a group actor NER missed ("Israeli military"), merged by name."""
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        name = doc_text(self.doc)[start:end]
        key = name.casefold()
        for entity in self.doc._.entities:
            if entity.name.casefold() == key or key in (a.casefold() for a in entity.aliases):
                add_mention(entity, self.doc, start, end)
                self._index(entity, start, end)
                return entity
        entity = add_entity(self.doc, name, "ORG", start, end)
        self._index(entity, start, end)
        return entity

    def agent_head(self, token: Token) -> Token:
        """The noun an agent's phrase names, past its counts ("students" in "tens of thousands of students")."""
        return self.through_partitive(self.through_partitive(token))

    def agent_sector(self, token: Token) -> str | None:
        """The sector of an unnamed agent ("the junta", "thousands of farmers", "the foreign minister")."""
        head = self.agent_head(token)
        if any(c.dep_ in ("det", "amod") and c.lower_ in GENERIC for c in head.children):
            # "most people", "many businesses", "all officials": a kind, not a particular actor.
            return None
        words = [head.lemma_.lower(), head.lower_]
        words += [f"{c.lower_} {head.lemma_.lower()}" for c in head.children if c.dep_ in ("compound", "amod")]
        for word in reversed(words):
            found = self.lex.agents.get(word) or self.lex.sectors.get(word)
            if found:
                return found
        return None


def _at(token: Token) -> int:
    return token.i


def _owner_after_of(head: Token) -> list[Token]:
    """The name after "of" that owns a thing ("inspectors of the IAEA"): its words, without the phrases that hang
    from it in turn."""
    owners = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return [t for g in owners for t in (g, *(c for c in g.children if c.dep_ in ("compound", "amod", "conj")))]


def _doer(head: Token) -> Token | None:
    """The object of "by" on a noun or on the participle that describes it ("violations by China", "the move
    announced by the US")."""
    preps = [c for c in head.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"]
    preps += [a for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN" for a in c.children if a.dep_ == "agent"]
    verb = head.head
    if head.dep_ == "dobj" and not any(c.dep_ == "auxpass" for c in verb.children):
        # The parser hangs a noun's late "by" phrase on the active verb before it ("oppose violations of
        # international law by China"); an active verb has no agent, and "by doing" is a means, not a doer.
        preps += [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > head.i]
    return next((g for p in preps for g in p.children if g.dep_ == "pobj" and g.tag_ != "VBG"), None)
