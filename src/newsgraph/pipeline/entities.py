"""Entities: spaCy's named entities grouped into one Entity per referent, with all mentions."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.model import Entity, Span

# spaCy labels that name things a reader would look up; numbers and dates have their own components.
NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})


class EntityGrouper:
    """Groups mentions with the same normalized name into one entity."""

    def __call__(self, doc: Doc) -> Doc:
        by_key: dict[tuple[str, str], Entity] = {}
        for ent in doc.ents:
            if ent.label_ not in NAMED_LABELS:
                continue
            key = (ent.label_, ent.text.casefold())
            entity = by_key.get(key)
            if entity is None:
                entity = Entity(id=f"e{len(by_key) + 1}", name=ent.text, type=ent.label_)
                by_key[key] = entity
            entity.mentions.append(Span(ent.start_char, ent.end_char, ent.text))
        doc._.entities = list(by_key.values())
        return doc


@Language.factory("newsgraph_entities", requires=["doc.ents"], assigns=["doc._.entities"])
def make_entities(nlp: Language, name: str) -> EntityGrouper:
    return EntityGrouper()


def entity_at(doc: Doc, start: int, end: int) -> Entity | None:
    """The entity one of whose mentions overlaps the characters start..end."""
    for entity in doc._.entities or []:
        if any(m.start < end and start < m.end for m in entity.mentions):
            return entity
    return None


def add_mention(entity: Entity, doc: Doc, start: int, end: int) -> None:
    """Record one more mention of an entity, once, keeping mentions in text order."""
    if any(m.start == start and m.end == end for m in entity.mentions):
        return
    entity.mentions.append(Span(start, end, doc.text[start:end]))
    entity.mentions.sort(key=lambda m: m.start)


def add_entity(doc: Doc, name: str, type: str, start: int, end: int) -> Entity:
    """A new entity for a phrase NER missed (e.g. "the Israeli military" when it speaks)."""
    entities = doc._.entities if doc._.entities is not None else []
    entity = Entity(id=f"e{len(entities) + 1}", name=name, type=type)
    add_mention(entity, doc, start, end)
    entities.append(entity)
    doc._.entities = entities
    return entity
