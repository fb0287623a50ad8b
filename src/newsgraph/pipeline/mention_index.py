"""Which entity owns a stretch of text, answered by bisection instead of a scan.

Speakers, events and figures ask "whose mention is this?" for every candidate they
see; scanning every mention of every entity made long articles quadratic (a
3,000-paragraph article spent minutes there). The index is built on first use, after
the entities component has run, and `add_mention` / `add_entity` keep it current.
"""

from __future__ import annotations

from bisect import bisect_left, insort

from spacy.tokens import Doc

from newsgraph.model import Entity

INDEX_KEY = "newsgraph.mention_index"


class MentionIndex:
    """Mentions sorted by start, each with the rank of its entity in ``doc._.entities``."""

    def __init__(self, entities: list[Entity]) -> None:
        self.entities = entities
        self.rank = {id(entity): rank for rank, entity in enumerate(entities)}
        self.spans = sorted((m.start, m.end, rank) for rank, e in enumerate(entities) for m in e.mentions)
        self.starts = [span[0] for span in self.spans]
        self.longest = max((end - start for start, end, _ in self.spans), default=0)

    def add(self, entity: Entity, start: int, end: int) -> None:
        rank = self.rank.setdefault(id(entity), len(self.rank))
        insort(self.spans, (start, end, rank))
        self.starts.insert(bisect_left(self.starts, start), start)
        self.longest = max(self.longest, end - start)

    def at(self, start: int, end: int) -> Entity | None:
        """The first entity (in article order) with a mention overlapping start..end."""
        best: int | None = None
        i = bisect_left(self.starts, end) - 1
        while i >= 0 and self.starts[i] >= start - self.longest:
            _, mention_end, rank = self.spans[i]
            if mention_end > start and (best is None or rank < best):
                best = rank
            i -= 1
        return self.entities[best] if best is not None else None


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
