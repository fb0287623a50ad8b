"""Rule-based coreference for speakers: which entity a mention such as "he", "Kirby" or "the militant group" means.

No neural coreference can be installed offline, and speakers need only a narrow kind
of it: the subject of a reporting verb. The rules, in order: a name that is (part
of) an entity's mention; a pronoun to the nearest compatible earlier person or
organisation (gender and number agreement, subjects first); a surname or first name
to the full name; a description ("the spokesman", "the militant group") to the
entity it described earlier ("militant group Hamas"); a noun phrase NER missed that
names an organisation ("The Israeli military") becomes a new ORG entity.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from newsgraph.model import Entity, Quote
from newsgraph.pipeline.cues import RELATIVE_TAGS
from newsgraph.pipeline.entities import add_entity, add_mention, entity_at
from newsgraph.pipeline.lexicons import load_data

SPEAKING_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_PERSONAL = {"he": "m", "him": "m", "she": "f", "her": "f"}
_GROUP = frozenset({"they", "them", "it"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Dependents that are part of a name ("the Israeli military", "Mayor Anna Berg").
_NAME_PARTS = frozenset({"compound", "amod", "flat", "nmod", "nummod"})
# How many sentences back a pronoun may look for its antecedent.
_REACH = 6


@dataclass(frozen=True)
class Names:
    """Word lists for agreement and for telling organisations from people."""

    male: frozenset[str]
    female: frozenset[str]
    honorifics_male: frozenset[str]
    honorifics_female: frozenset[str]
    org_nouns: frozenset[str]
    person_nouns: frozenset[str]


@lru_cache(maxsize=1)
def names() -> Names:
    """The word lists shipped with newsgraph, read once."""
    data = load_data("coref_names.json")
    return Names(**{key: frozenset(data[key]) for key in Names.__dataclass_fields__})


def _head(doc: Doc, first: int, last: int) -> Token:
    """The token of first..last whose head lies outside the range (the phrase's head word)."""
    for i in range(first, last + 1):
        head = doc[i].head
        if head.i < first or head.i > last or head.i == i:
            return doc[i]
    return doc[last]


class Coref:
    """Resolves speaker mentions of one Doc, in text order, remembering what pronouns taught it."""

    def __init__(self, doc: Doc, quotes: list[Quote]) -> None:
        self.doc = doc
        self.text = doc.text
        self.words = names()
        self.starts = [t.idx for t in doc]
        self.sentence_starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        self.quoted = sorted((q.start, q.end) for q in quotes if q.kind == "direct")
        self.gender: dict[str, str] = {}
        self.descriptors: dict[str, set[str]] = {}
        # Every entity mention in text order, so a pronoun looks only at the sentences before it.
        self.mentions: list[tuple[int, int, Entity]] = sorted(
            ((m.start, m.end, e) for e in doc._.entities or [] for m in e.mentions), key=lambda m: (m[0], m[1])
        )
        self.mention_starts = [m[0] for m in self.mentions]
        for entity in doc._.entities or []:
            self._learn(entity)

    def _learn(self, entity: Entity) -> None:
        """Gender from first names and honorifics; descriptions from titles and the words before a name."""
        first = entity.name.split()[0].lower() if entity.name.split() else ""
        if entity.type == "PERSON":
            if first in self.words.male:
                self.gender[entity.id] = "m"
            elif first in self.words.female:
                self.gender[entity.id] = "f"
        words = {w.lower() for title in entity.titles for w in title.split()}
        for mention in entity.mentions:
            index = self._token(mention.start)
            for i in range(index - 1, max(index - 5, -1), -1):
                token = self.doc[i]
                if token.pos_ not in {"NOUN", "ADJ", "PROPN"} or token.ent_type_ in {"PERSON", "GPE"}:
                    break
                words.add(token.lemma_.lower())
                if token.lower_ in self.words.honorifics_male:
                    self.gender.setdefault(entity.id, "m")
                elif token.lower_ in self.words.honorifics_female:
                    self.gender.setdefault(entity.id, "f")
            if index > 0 and self.doc[index - 1].lower_ in self.words.honorifics_male:
                self.gender.setdefault(entity.id, "m")
            elif index > 0 and self.doc[index - 1].lower_ in self.words.honorifics_female:
                self.gender.setdefault(entity.id, "f")
        self.descriptors[entity.id] = words

    def _index(self, start: int, end: int, entity: Entity) -> None:
        """Remember a mention this resolver added, in text order."""
        position = bisect_left(self.mention_starts, start)
        self.mention_starts.insert(position, start)
        self.mentions.insert(position, (start, end, entity))

    def _token(self, char: int) -> int:
        """Index of the token holding the character ``char``."""
        return max(bisect_right(self.starts, char) - 1, 0)

    def _in_quote(self, char: int) -> bool:
        index = bisect_right(self.quoted, (char, len(self.text) + 1)) - 1
        return index >= 0 and self.quoted[index][0] <= char < self.quoted[index][1]

    def resolve(self, start: int, end: int) -> Entity | None:
        """The entity the mention start..end stands for, or None when the text does not say."""
        if not len(self.doc) or start >= end:
            return None
        first, last = self._token(start), self._token(end - 1)
        head = _head(self.doc, first, last)
        lower = head.lower_
        if lower in _PERSONAL or lower in _GROUP:
            entity = self._pronoun(head, start)
            if entity is not None:
                add_mention(entity, self.doc, head.idx, head.idx + len(head))
                if lower in _PERSONAL:
                    self.gender[entity.id] = _PERSONAL[lower]
            return entity
        if head.tag_ in RELATIVE_TAGS and head.head.dep_ == "relcl" and head.head.head.i != head.head.i:
            antecedent = head.head.head
            return self.resolve(antecedent.idx, antecedent.idx + len(antecedent))
        if head.pos_ == "PRON":
            return None
        named = entity_at(self.doc, head.idx, head.idx + len(head))
        if named is not None and named.type in SPEAKING_TYPES:
            if named.type == "PERSON" and len(named.name.split()) == 1:
                return self._by_name(head, start) or named
            return named
        if head.pos_ == "PROPN":
            return self._by_name(head, start) or self._new_org(first, last, head)
        return self._described(first, last, head, start) or self._new_org(first, last, head)

    def _candidates(self, before: int) -> list[tuple[int, bool, Entity]]:
        """Entity mentions in the sentences before ``before`` (nearest sentence first, subjects first)."""
        sentence = bisect_right(self.sentence_starts, before) - 1
        floor = self.sentence_starts[max(sentence - _REACH, 0)]
        low, high = bisect_left(self.mention_starts, floor), bisect_left(self.mention_starts, before)
        found: list[tuple[int, bool, Entity]] = []
        for start, end, entity in self.mentions[low:high]:
            if entity.type in SPEAKING_TYPES and not self._in_quote(start):
                token = self.doc[self._token(end - 1)]
                is_subject = token.dep_ in _SUBJECTS or token.head.dep_ in _SUBJECTS and token.dep_ == "compound"
                found.append((start, is_subject, entity))
        found.sort(key=lambda c: (-(bisect_right(self.sentence_starts, c[0]) - 1), not c[1], -c[0]))
        return found

    def _pronoun(self, pronoun: Token, start: int) -> Entity | None:
        lower = pronoun.lower_
        for _, _, entity in self._candidates(start):
            if lower in _PERSONAL:
                if entity.type == "PERSON" and self.gender.get(entity.id, _PERSONAL[lower]) == _PERSONAL[lower]:
                    return entity
            elif lower == "it":
                if entity.type == "ORG":
                    return entity
            elif entity.type in {"ORG", "NORP"}:
                return entity
        return None

    def _by_name(self, head: Token, start: int) -> Entity | None:
        """A surname or first name alone: the person whose full name holds it."""
        word = head.text.lower()
        matches = [
            e
            for e in self.doc._.entities or []
            if e.type == "PERSON" and word in {w.lower() for w in e.name.split()} and len(e.name.split()) > 1
        ]
        if not matches:
            return None
        entity = max(matches, key=lambda e: (len(e.name), -e.mentions[0].start if e.mentions else 0))
        add_mention(entity, self.doc, head.idx, head.idx + len(head))
        return entity

    def _described(self, first: int, last: int, head: Token, start: int) -> Entity | None:
        """ "the militant group" after "militant group Hamas": the latest entity so described."""
        if self.doc[first].lower_ in {"a", "an"}:
            return None
        lemma = head.lemma_.lower()
        best: tuple[int, Entity] | None = None
        for entity in self.doc._.entities or []:
            if entity.type not in SPEAKING_TYPES or lemma not in self.descriptors.get(entity.id, set()):
                continue
            earlier = [m.start for m in entity.mentions if m.start < start]
            if earlier and (best is None or max(earlier) > best[0]):
                best = (max(earlier), entity)
        if best is None:
            return None
        end_token = self.doc[last]
        add_mention(best[1], self.doc, self.doc[first].idx, end_token.idx + len(end_token))
        return best[1]

    def _new_org(self, first: int, last: int, head: Token) -> Entity | None:
        """A group NER missed ("The Israeli military said") becomes an entity of the article.

        Only the head word and the modifiers right before it name it (not an apposition or a
        relative clause after it); a name with a title or a known first name is a person's.
        """
        lemma = head.lemma_.lower()
        if lemma in self.words.person_nouns:
            return None
        start = head.i
        while start > first and self.doc[start - 1].dep_ in _NAME_PARTS:
            start -= 1
        words = [self.doc[i] for i in range(start, head.i + 1)]
        capitalised = any(t.text[:1].isupper() for t in words[1:]) or (head.text[:1].isupper() and len(words) == 1)
        if lemma not in self.words.org_nouns and not (head.pos_ == "PROPN" and capitalised):
            return None
        lowered = {t.lower_ for t in words} | {t.lemma_.lower() for t in words}
        person = bool(lowered & (self.words.person_nouns | self.words.male | self.words.female))
        person = person or bool(lowered & (self.words.honorifics_male | self.words.honorifics_female))
        begin, end = words[0].idx, head.idx + len(head)
        entity = add_entity(self.doc, self.text[begin:end], "PERSON" if person else "ORG", begin, end)
        self._index(begin, end, entity)
        self._learn(entity)
        return entity
