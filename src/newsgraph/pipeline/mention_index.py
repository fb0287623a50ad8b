"""Which entity owns a stretch of text, for the components that ask it of every candidate.

The index is built on first use, after the entities component has run, and
`add_mention` / `add_entity` keep it current.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsgraph.model import Entity
from newsgraph.pipeline.intervals import Intervals

INDEX_KEY = "newsgraph.mention_index"


class MentionIndex:
    """Every mention with the rank of its entity in ``doc._.entities``."""

    def __init__(self, entities: list[Entity]) -> None:
        self.entities = entities
        self.rank = {id(entity): rank for rank, entity in enumerate(entities)}
        self.mentions = Intervals((m.start, m.end, rank) for rank, e in enumerate(entities) for m in e.mentions)

    def add(self, entity: Entity, start: int, end: int) -> None:
        self.mentions.add(start, end, self.rank.setdefault(id(entity), len(self.rank)))

    def at(self, start: int, end: int) -> Entity | None:
        """The first entity (in article order) with a mention overlapping start..end."""
        ranks = self.mentions.overlapping(start, end)
        return self.entities[min(ranks)] if ranks else None


def mention_index(doc: Doc) -> MentionIndex:
    """The Doc's index, rebuilt when its entity list was replaced since it was made."""
    entities = doc._.entities if doc._.entities is not None else []
    index = doc.user_data.get(INDEX_KEY)
    if not isinstance(index, MentionIndex) or index.entities is not entities:
        index = doc.user_data[INDEX_KEY] = MentionIndex(entities)
    return index


def existing_index(doc: Doc) -> MentionIndex | None:
    """The index if one was built for the current entity list, so that writers can keep it current."""
    index = doc.user_data.get(INDEX_KEY)
    return index if isinstance(index, MentionIndex) and index.entities is doc._.entities else None
