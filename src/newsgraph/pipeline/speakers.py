"""Speakers: attributes each quote to an entity of the article (rule-based coreference in ``coref.py``).

The quotes component leaves each speaker as the mention in the text ("he", "Kirby",
"The Israeli military"); this one resolves the mention to an entity and names the
speaker by the entity's canonical name. A quote that inherits its speaker points at
the same mention, so it gets the same entity. A mention that resolves to nothing is
named by its own words, cut to the phrase that names ("officials", not "officials who
spoke on condition of anonymity"): the text said who spoke, but not who that is.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.model import Entity, Speaker
from newsgraph.pipeline.coref import Coref

_LEADING = ("the ", "The ")


def _plain(text: str) -> str:
    """A mention as a name: one line, no leading article."""
    text = " ".join(text.split())
    for article in _LEADING:
        if text.startswith(article):
            return text[len(article) :]
    return text


class SpeakerResolver:
    """Resolves the speaker mention of every quote on ``doc._.quotes`` to an entity."""

    def __call__(self, doc: Doc) -> Doc:
        quotes = doc._.quotes or []
        if not any(q.speaker for q in quotes):
            return doc
        coref = Coref(doc, quotes)
        resolved: dict[tuple[int, int], Entity | None] = {}
        for quote in quotes:
            speaker = quote.speaker
            if speaker is None:
                continue
            key = (speaker.start, speaker.end)
            if key not in resolved:
                resolved[key] = coref.resolve(speaker.start, speaker.end)
            entity = resolved[key]
            quote.speaker = Speaker(
                entity=entity.id if entity else None,
                name=entity.name if entity else _plain(coref.name_of(speaker.start, speaker.end)),
                text=speaker.text,
                start=speaker.start,
                end=speaker.end,
            )
        return doc


@Language.factory("newsgraph_speakers", requires=["doc._.quotes", "doc._.entities"], assigns=["doc._.quotes"])
def make_speakers(nlp: Language, name: str) -> SpeakerResolver:
    return SpeakerResolver()
