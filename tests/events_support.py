"""What the event tests share: run a text, pick its one event of a type, name a party as a reader sees it."""

from __future__ import annotations

from newsgraph.model import Article, Event, Extraction
from newsgraph.pipeline import Extractor


def run(extractor: Extractor, text: str, published: str | None = "2024-03-07") -> Extraction:
    return extractor.extract(Article(text=text, published=published))


def only(extraction: Extraction, kind: str) -> Event:
    found = [e for e in extraction.events if e.type == kind]
    assert len(found) == 1, [(e.type, e.trigger.text) for e in extraction.events]
    return found[0]


def party(extraction: Extraction, entity_id: str | None, words: object) -> str:
    """The entity's name, else the words naming it: what a reader is shown."""
    entity = extraction.entity(entity_id)
    if entity is not None:
        return entity.name
    return getattr(words, "text", "") or ""
