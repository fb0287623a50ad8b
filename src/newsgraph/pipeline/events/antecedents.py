"""What a pronoun or a description refers back to: the nearest entity before it that agrees in kind, number and
gender, read in the subjects of the sentences before it, past datelines and places that are only where things
happen ("The man ran ... he was arrested", "the militant group", "both sides").
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

from newsgraph.model import Entity
from newsgraph.pipeline import entities as entities_module
from newsgraph.pipeline.datelines import dateline_end
from newsgraph.pipeline.events.actor_codes import Actor, institution, name_words
from newsgraph.pipeline.events.actor_words import (
    DEFINITE,
    FEMININE,
    MASCULINE,
    ORG_DESCRIPTIONS,
    PERSON_NOUNS,
    PERSONAL,
    PLACE_DESCRIPTIONS,
    PLURAL,
    SPEAKER,
    THING,
    WHERE_PREPS,
)
from newsgraph.pipeline.events.lexicon import has_lemma
from newsgraph.pipeline.events.words import PLACE_TYPES
from newsgraph.pipeline.people_words import names as coref_names

if TYPE_CHECKING:
    from newsgraph.pipeline.events.actors import ActorFinder


class Antecedents:
    """Finds what the pronouns and descriptions of one Doc refer back to, among the entities its actor finder
    indexed (the same index, so that an entity the finder creates is found here too)."""

    def __init__(self, finder: ActorFinder) -> None:
        self.finder = finder
        self.doc = finder.doc
        self.lex = finder.lex
        self.codes = finder.codes
        self.by_token = finder.by_token
        self.noun_subjects: frozenset[int] | None = None
        self.sent_starts: list[int] | None = None
        self._describe: Callable[..., Any] | None = getattr(entities_module, "resolve_description", None)

    def common_noun(self, head: Token, speaker: Entity | None, exclude: Entity | None) -> Entity | None:
        """The named entity a common noun points back to: "the union", "union negotiators", "both sides".

        A noun that ends a name mentioned before ("the union" after "Harbour Workers'
        Union", "the police" after "Police") stands for that name, the speaker's first
        (but "the state" is no "Islamic State": place nouns are left to the describer).
        "The company" stands for the last organisation named that is no union, police or
        ministry; "both sides" and "both governments" for the last party named.
        """
        if head.pos_ != "NOUN":
            return None
        lemma = head.lemma_.lower()
        determiners = {c.lower_ for c in head.children if c.dep_ in ("det", "predet", "nummod")}
        pair_types = self.lex.pair_nouns.get(lemma)
        if pair_types and head.tag_ == "NNS" and determiners & self.lex.pair_words:
            return self._nearest_before(head, pair_types, lambda e: e is not exclude and not common_name(e))
        definite = bool(determiners & DEFINITE)
        nouns = [head] if definite else []
        nouns += [c for c in head.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
        for noun in (n for n in nouns if n.lemma_.lower() not in PLACE_DESCRIPTIONS):
            words = {noun.lower_, noun.lemma_.lower()}

            def named(entity: Entity, words: set[str] = words) -> bool:
                return entity is not exclude and not common_name(entity) and _last_name_word(entity) in words

            if speaker is not None and named(speaker):
                return speaker
            found = self._nearest_before(noun, ("ORG", "GPE", "NORP"), named)
            if found is not None:
                return found
        if definite and lemma in self.lex.company_nouns:

            def company(entity: Entity) -> bool:
                return (
                    entity is not exclude and not common_name(entity) and not institution(entity.name, self.lex.sectors)
                )

            return self._nearest_before(head, ("ORG",), company)
        return None

    def described_person(self, head: Token, exclude: Entity | None) -> Entity | None:
        """The person named before whom "the man" or "the woman" points back to ("Omar Diallo, 41, was arrested
        ... officers shot the man"); a description with a clause or phrase of its own ("the man who fired") may
        be someone new."""
        if head.pos_ != "NOUN" or head.lemma_.lower() not in PERSON_NOUNS or head.tag_ != "NN":
            return None
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            return None
        if any(c.dep_ in ("relcl", "acl", "prep", "appos") for c in head.children):
            return None
        return self._nearest_before(
            head, ("PERSON",), lambda e: e is not exclude and not common_name(e) and not self._only_speaks(e, head)
        )

    def _only_speaks(self, entity: Entity, token: Token) -> bool:
        """Named before only as the one saying something ("Minister Darmanin said police had identified Karim Benali.
        The suspect was detained"): a source of the report, not the person "the suspect" or "the man" describes."""
        seen = [i for i in range(max(0, token.i - 200), token.i) if self.by_token.get(i) is entity]
        return bool(seen) and all(_says(self.doc[i], self.lex.speech_verbs) for i in seen)

    def sides(self, token: Token, first: Entity) -> Entity | None:
        """The other of the two parties "the two sides" or "both countries" stand for, when one of them is
        ``first``: "The United States and China reached a deal. The two sides continue to negotiate"."""
        head = self.finder.through_partitive(token)
        lemma = head.lemma_.lower()
        pair_types = self.lex.pair_nouns.get(lemma)
        determiners = {c.lower_ for c in head.children if c.dep_ in ("det", "predet", "nummod")}
        if not pair_types or head.tag_ != "NNS" or not determiners & self.lex.pair_words:
            return None
        return self._nearest_before(head, pair_types, lambda e: e is not first and not common_name(e))

    def description(self, head: Token) -> Entity | None:
        if self._describe is not None:
            span = self.doc[head.left_edge.i : head.i + 1]
            found = self._describe(self.doc, span)
            if isinstance(found, Entity):
                return found
        wanted = ("GPE",) if head.lemma_.lower() in PLACE_DESCRIPTIONS else ("ORG",)
        return self._nearest_before(head, wanted)

    def pronoun(self, token: Token, speaker: Entity | None, other: Entity | None = None) -> Entity | None:
        """The entity a pronoun stands for; a personal one is never ``other``, the other side of its own act ("she
        accused him": him is not she)."""
        lower = token.lower_
        if lower in SPEAKER:
            return speaker
        if lower in PERSONAL:
            agrees = _gender_agrees(lower)
            if speaker is not None and (speaker.type == "PERSON" or self._speaking_name(speaker)) and agrees(speaker):
                return speaker
            return self._nearest_before(token, ("PERSON",), lambda e: e is not other and agrees(e))
        if speaker is not None and (speaker.type != "PERSON" or (lower in PLURAL and self._plural(speaker))):
            return speaker
        if lower in THING and self._takes_up_a_thing(token):
            return None
        if lower == "its" and token.dep_ == "poss":
            owner = self._nearest_owner(token)
            if owner is not None:
                return owner[0]
        found = self._nearest_before(token, ("ORG", "GPE", "NORP"), descriptions=True)
        pair = self._joined_people(token) if lower in PLURAL else None
        if pair is not None and (found is None or self._last_before(found, token) < pair[0]):
            # "two Democratic politicians: Senator Elizabeth Warren and congresswoman Alexandria Ocasio-Cortez. They
            # criticised": "they" are the people just named together, the first of them for the actor.
            return pair[1]
        return found

    def _nearest_owner(self, token: Token) -> tuple[Entity | None] | None:
        """What "its" stands for when its own sentence names a body before it: the nearest name of an organisation
        or a country ("Russia threatened Ukraine and its president": Ukraine), or the nearest singular noun for a
        body or a country ("lecturing the nation that its president is a criminal": the nation, which is the
        entity it describes, or no one named; not a body named sentences before). None (no answer) when the
        sentence names none before it."""
        for i in range(token.i - 1, token.sent.start - 1, -1):
            word = self.doc[i]
            entity = self.by_token.get(i)
            if entity is not None:
                if entity.type in ("ORG", "GPE", "NORP") and not _where(word) and not _in_dateline(word):
                    return (entity,)
                continue
            if word.pos_ == "NOUN" and word.tag_ == "NN" and self._body_noun(word):
                named = (self.by_token.get(c.i) for c in word.children if c.dep_ in ("amod", "compound"))
                found = next((e for e in named if e is not None), None)
                return (found or self.description(word) or self.common_noun(word, None, None),)
        return None

    def _body_noun(self, word: Token) -> bool:
        """A noun for a body or a country, which can have a president or a leader ("the nation", "the group",
        "the committee", "the company")."""
        lemma = word.lemma_.lower()
        bodies = PLACE_DESCRIPTIONS | ORG_DESCRIPTIONS | self.lex.company_nouns
        return lemma in bodies or self.codes.is_actor_noun(word)

    def _takes_up_a_thing(self, token: Token) -> bool:
        """ "it" as the subject of a main clause takes up the subject of the clause before it: the one its verb is
        joined to, or the main one of the sentence before. When that is a thing ("The new pipeline gives Germany
        options, and it allows Berlin to cut imports", "A prolonged trade war offers Mr. Trump advantages. It allows
        him to"), "it" names no one, not the last country or body named."""
        verb = token.head
        if token.dep_ not in ("nsubj", "nsubjpass"):
            return False
        before = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i < token.i]
        if before:
            # "A trade war offers him advantages: it allows him to": the parser hangs the clause before on this one.
            previous = before[-1]
        elif verb.dep_ == "conj":
            previous = verb.head
        elif verb.dep_ == "ROOT" and verb.sent.start > 0:
            previous = self.doc[verb.sent.start - 1].sent.root
        else:
            return False
        subject = next((c for c in previous.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return (
            subject is not None
            and subject.pos_ == "NOUN"
            and self.finder.entity_of(subject) is None
            and not self.finder.names_actor(subject)
        )

    def _speaking_name(self, speaker: Entity) -> bool:
        """A speaker NER took for a place the article never uses as one nor the dictionaries know ("Sondland has
        said he has spoken"), or for an organisation of one unknown word that is no institution ("Kibera said he"):
        a person by name, whom "he" or "she" after its words stands for."""
        if speaker.type in PLACE_TYPES:
            return not self.codes.polity(Actor(speaker, []))
        one_word = speaker.type == "ORG" and len(name_words(speaker.name)) == 1
        return (
            one_word and self.codes.code(Actor(speaker, [])) is None and not institution(speaker.name, self.lex.sectors)
        )

    def _joined_people(self, token: Token) -> tuple[int, Entity] | None:
        """The first of two people named together ("Warren and Ocasio-Cortez") in this or the previous sentence
        before the token, with the index of the second."""
        if self.sent_starts is None:
            self.sent_starts = [sent.start for sent in self.doc.sents]
        index = max(0, bisect_right(self.sent_starts, token.i) - 1)
        start = self.sent_starts[index - 1] if index > 0 else 0
        for i in range(token.i - 1, start - 1, -1):
            second = self.by_token.get(i)
            word = self.doc[i]
            if second is None or second.type != "PERSON" or word.dep_ != "conj":
                continue
            first = self.by_token.get(word.head.i)
            if first is not None and first is not second and first.type == "PERSON":
                return i, first
        return None

    def _last_before(self, entity: Entity, token: Token) -> int:
        """The index of the entity's last word before the token, or -1."""
        return max((i for i in range(max(0, token.i - 200), token.i) if self.by_token.get(i) is entity), default=-1)

    def _noun_subjects(self) -> frozenset[int]:
        """Token indices of common nouns that head a subject ("The union has not said"), found once."""
        if self.noun_subjects is None:
            self.noun_subjects = frozenset(
                t.i for t in self.doc if t.pos_ == "NOUN" and t.dep_ in ("nsubj", "nsubjpass")
            )
        return self.noun_subjects

    def _plural(self, entity: Entity) -> bool:
        """A name NER took for a person but that names many ("Bosnian Serbs"), by its last word's tag."""
        for mention in entity.mentions:
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and len(span) and span[-1].tag_ in ("NNS", "NNPS"):
                return True
        return False

    def _nearest_before(
        self,
        token: Token,
        types: Iterable[str],
        accept: Callable[[Entity], bool] | None = None,
        descriptions: bool = False,
    ) -> Entity | None:
        """The entity of the given types a pronoun most likely stands for.

        A subject of this or the previous sentence comes first ("Netanyahu pulled… He
        blamed…"); else the last entity of those types mentioned within a few sentences.
        With ``descriptions``, a subject such as "the union" counts as the name it points
        back to ("The union has not said… Its last strike").
        """
        wanted = set(types)
        if self.sent_starts is None:
            self.sent_starts = [sent.start for sent in self.doc.sents]
        index = max(0, bisect_right(self.sent_starts, token.i) - 1)
        sent_start = self.sent_starts[index] if self.sent_starts else 0
        previous = self.sent_starts[index - 1] if index > 0 else sent_start
        for i in range(token.i - 1, previous - 1, -1):
            entity = self.by_token.get(i)
            if descriptions and i in self._noun_subjects():
                described = self.common_noun(self.doc[i], None, None)
                if described is not None and described.type in wanted:
                    return described
            if (
                entity is not None
                and entity.type in wanted
                and _in_subject(self.doc[i])
                and not _in_dateline(self.doc[i])
                and (accept is None or accept(entity))
            ):
                # ("WASHINGTON – Two officers were charged ... stating they had": a dateline is no subject.)
                return entity
        limit = max(0, sent_start - 200)
        for i in range(token.i - 1, limit - 1, -1):
            entity = self.by_token.get(i)
            if (
                entity is not None
                and entity.type in wanted
                and (accept is None or accept(entity))
                and not (entity.type in PLACE_TYPES and (_where(self.doc[i]) or _in_dateline(self.doc[i])))
            ):
                # "the Keck Observatory in Hawaii, which… the light they release": a place named as where
                # something is stands for no one a pronoun could mean.
                return entity
        return None


def _gender_agrees(pronoun: str) -> Callable[[Entity], bool]:
    """Whether a person may be "he" or "she": not when their first name is one English gives the other gender
    ("officers rescued her" is no Michael Webb)."""
    words = coref_names()
    other = words.female if pronoun in MASCULINE else words.male if pronoun in FEMININE else frozenset()

    def agrees(entity: Entity) -> bool:
        first = entity.name.split()[0].casefold() if entity.name.split() else ""
        return first not in other

    return agrees


def common_name(entity: Entity) -> bool:
    """An entity named only by a common noun ("company"): a description still to resolve, not a name."""
    return entity.name[:1].islower()


def _last_name_word(entity: Entity) -> str:
    words = name_words(entity.name)
    return words[-1] if words else ""


def _in_dateline(token: Token) -> bool:
    """The token is in the dateline that opens its paragraph ("WASHINGTON –")."""
    end = dateline_end(token)
    return end is not None and token.i < end


def _where(token: Token) -> bool:
    """The token names where something is or happens: inside the object of "in", "at", "near"…"""
    for _ in range(3):
        if token.dep_ == "pobj":
            return token.head.lower_ in WHERE_PREPS
        if token.dep_ not in ("compound", "amod", "flat") or token.head.i == token.i:
            return False
        token = token.head
    return False


def _says(token: Token, speech_verbs: Collection[str]) -> bool:
    """The token is in the subject of a verb of saying ("Minister [Gérald Darmanin] said")."""
    for _ in range(3):
        if token.dep_ == "nsubj":
            return has_lemma(token.head, speech_verbs)
        if token.dep_ not in ("compound", "amod", "flat", "appos") or token.head.i == token.i:
            return False
        token = token.head
    return False


def _in_subject(token: Token) -> bool:
    """The token heads a subject or modifies the head of one ("Prime Minister [Netanyahu] pulled"), or owns a
    person's subject ("[Taylor Swift]'s albums were released ... she described")."""
    for _ in range(3):
        if token.dep_ in ("nsubj", "nsubjpass"):
            return True
        if token.dep_ not in ("compound", "amod", "flat", "appos", "poss") or token.head.i == token.i:
            return False
        token = token.head
    return False
