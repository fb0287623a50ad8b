"""Speakers: attributes each quote to an entity of the article (rule-based coreference in ``coref.py``).

The quotes component leaves each speaker as the mention in the text ("he", "Kirby",
"The Israeli military"); this one resolves the mention to an entity and names the
speaker by the entity's canonical name. A quote that inherits its speaker points at
the same mention, so it gets the same entity. A mention that resolves to nothing is
named by its own words, cut to the phrase that names ("officials", not "officials who
spoke on condition of anonymity"): the text said who spoke, but not who that is. A "they"
that no entity fits is the group that spoke just before ("…, the authors said. “…,” they
wrote."), named as that group was.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.model import Entity, Speaker
from newsgraph.pipeline.coref import Coref
from newsgraph.pipeline.extensions import doc_text

_LEADING = ("the ", "The ")
_BREAKS = re.compile(r"\n+")


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
        group: Speaker | None = None
        for quote in sorted(quotes, key=lambda q: q.start):
            speaker = quote.speaker
            if speaker is None:
                continue
            key = (speaker.start, speaker.end)
            if key not in resolved:
                resolved[key] = coref.resolve(speaker.start, speaker.end)
            entity = resolved[key]
            name = entity.name if entity else _plain(coref.name_of(speaker.start, speaker.end))
            if entity is None and speaker.text.lower() == "they" and _near(doc_text(doc), group, speaker.start):
                assert group is not None
                name = group.name
            quote.speaker = Speaker(
                entity=entity.id if entity else None, name=name, text=speaker.text, start=speaker.start, end=speaker.end
            )
            if entity is None and _plural(doc, speaker.start, speaker.end):
                group = quote.speaker
        return doc


def _plural(doc: Doc, start: int, end: int) -> bool:
    """ "the authors", "researchers": a group that no entity names, which a later "they" may be."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.tag_ == "NNS"


def _near(text: str, group: Speaker | None, start: int) -> bool:
    """ "…, the authors said. “…,” they wrote.": the group spoke in this paragraph or the one before."""
    return group is not None and len(_BREAKS.findall(text, group.end, start)) <= 1


@Language.factory("newsgraph_speakers", requires=["doc._.quotes", "doc._.entities"], assigns=["doc._.quotes"])
def make_speakers(nlp: Language, name: str) -> SpeakerResolver:
    return SpeakerResolver()
