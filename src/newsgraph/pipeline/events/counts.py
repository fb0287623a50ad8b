"""How many took part, died or were hurt in an event, read from the article's figures.

The figures component has already found every number; an event only asks which of them
counts the people or things of its own phrases ("killed 12 soldiers", "thousands of
students marched").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph.model import Event, Figure

KILL = frozenset({"kill", "murder", "massacre", "assassinate", "execute", "behead"})
WOUND = frozenset({"wound", "injure", "hurt", "maim"})


class EventCounts:
    """The figures of one Doc by the token they hang from, and the count of an event from them."""

    def __init__(self, doc: Doc) -> None:
        self.figures: dict[int, Figure] = {}
        for figure in doc._.figures or []:
            if figure.value is not None and not isinstance(figure.value, bool):
                span = doc.char_span(figure.start, figure.end, alignment_mode="expand")
                if span is not None:
                    self.figures[span.root.i] = figure

    def count(self, event: Event, verb: Token) -> None:
        """size, dead and injured from the figures of the event verb's object or subject phrase."""
        if not self.figures:
            return
        lemma = verb.lemma_.lower()
        for dep in ("dobj", "nsubjpass", "nsubj"):
            for child in (c for c in verb.children if c.dep_ == dep):
                figure = self._figure_of(child)
                if figure is None:
                    continue
                if dep != "nsubj" and lemma in KILL:
                    event.dead = event.dead if event.dead is not None else figure.value
                elif dep != "nsubj" and lemma in WOUND:
                    event.injured = event.injured if event.injured is not None else figure.value
                elif event.size is None:
                    event.size = figure.value

    def _figure_of(self, head: Token) -> Figure | None:
        """The count of a noun phrase: "400 [targets]", "more than 100 [hostages]", "[thousands] of students".

        Only a number that counts the head itself (next to it, or named by the figure's
        ``counted``), without a unit: not "aged 34", not "$6 million".
        """
        for token in (head, *(c for c in head.children if c.dep_ in ("nummod", "quantmod", "compound"))):
            figure = self.figures.get(token.i)
            if figure is not None and not figure.unit:
                return figure
        for token in head.subtree:
            figure = self.figures.get(token.i)
            if figure is not None and not figure.unit and head.lower_ in (figure.counted or "").lower().split():
                return figure
        return None
