"""Speakers: attributes each quote to an entity of the article (rule-based coreference)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class SpeakerResolver:
    """Placeholder until the speaker resolver lands: leaves quotes as found."""

    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("newsgraph_speakers", requires=["doc._.quotes", "doc._.entities"], assigns=["doc._.quotes"])
def make_speakers(nlp: Language, name: str) -> SpeakerResolver:
    return SpeakerResolver()
