"""The draft of an event: what a sentence tells was done, by whom and to whom, in its words."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from newsgraph.pipeline.events.frames import Code


@dataclass
class Draft:
    """An event being built: the words found so far, before they become entity ids."""

    code: Code
    trigger: Token
    anchor: Token
    actor: Token | None = None
    target: Token | None = None
    negated: bool = False
    argument_verbs: list[Token] = field(default_factory=list)
    # Coded by the word alone, no pattern of the dictionary matched ("offers a free version": AGREE).
    by_default: bool = False
