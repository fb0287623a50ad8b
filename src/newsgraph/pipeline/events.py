"""Events: PLOVER-coded actor-action-target from the dependency parse."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class EventCoder:
    """Placeholder until the events extractor lands: writes an empty list."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = []
        return doc


@Language.factory("newsgraph_events", assigns=["doc._.events"])
def make_events(nlp: Language, name: str) -> EventCoder:
    return EventCoder()
