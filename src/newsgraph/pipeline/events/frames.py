"""A word's frames: the PLOVER code it takes and the conditions of the parse under which it takes it.

The frames are read from ``data/events_lexicon.json``, where a dictionary block's frames are shared
by every verb of the block.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any


@dataclass(frozen=True)
class Code:
    """A PLOVER type and mode, and how to find the target when the object is not it."""

    type: str
    mode: str | None = None
    target: str | None = None
    reverse: bool = False  # the subject is the one acted on ("faced criticism from X")


@dataclass(frozen=True)
class Frame:
    """One reading of a word: it applies when every condition it names holds."""

    code: Code
    object: frozenset[str] = frozenset()
    particle: frozenset[str] = frozenset()
    prep: frozenset[str] = frozenset()
    modifier: frozenset[str] = frozenset()
    subject: frozenset[str] = frozenset()
    clause: bool = False
    content: bool = False  # a clause that is what is said ("charged that ..."), not an object
    recipient: bool = False
    named_object: bool = False
    with_party: bool = False
    passive: bool = False  # the verb in the passive voice ("was charged with fraud")
    infinitive: bool = False  # the verb governs an act to be done ("offered to hand over")

    @property
    def names_act(self) -> bool:
        """An object, or a preposition with its noun ("take CONTROL", "go ON STRIKE"): what a general verb needs."""
        return bool(self.object) or any(" " in p for p in self.prep)

    @cached_property
    def conditional(self) -> bool:
        """Whether it names any condition; asked of every frame of every verb read, so worked out once."""
        return bool(
            self.object
            or self.particle
            or self.prep
            or self.modifier
            or self.subject
            or self.clause
            or self.content
            or self.recipient
            or self.named_object
            or self.with_party
            or self.passive
            or self.infinitive
        )


def _code(text: str, target: str | None = None, reverse: bool = False) -> Code:
    kind, _, mode = text.partition("/")
    return Code(kind, mode or None, target, reverse)


def _frames(spec: str | list[Any], blocks: dict[str, tuple[Frame, ...]] | None = None) -> tuple[Frame, ...]:
    """Frames from the data file; {"block": name} stands for the frames a dictionary block shares."""
    items = spec if isinstance(spec, list) else [spec]
    frames: list[Frame] = []
    for item in items:
        if isinstance(item, str):
            frames.append(Frame(_code(item)))
        elif "block" in item:
            shared = _phrasal((blocks or {})[item["block"]], item)
            # A general verb ("take", "go") reads only the patterns that name the act it does.
            frames.extend(f for f in shared if f.names_act or not item.get("general"))
        else:
            frames.append(
                Frame(
                    _code(item["type"], item.get("target"), bool(item.get("reverse", False))),
                    object=frozenset(item.get("object", ())),
                    particle=frozenset(item.get("particle", ())),
                    prep=frozenset(item.get("prep", ())),
                    modifier=frozenset(item.get("modifier", ())),
                    subject=frozenset(item.get("subject", ())),
                    clause=bool(item.get("clause", False)),
                    content=bool(item.get("content", False)),
                    recipient=bool(item.get("recipient", False)),
                    named_object=bool(item.get("named_object", False)),
                    with_party=bool(item.get("with_party", False)),
                    passive=bool(item.get("passive", False)),
                    infinitive=bool(item.get("infinitive", False)),
                )
            )
    return tuple(frames)


def _phrasal(frames: tuple[Frame, ...], item: dict[str, Any]) -> tuple[Frame, ...]:
    """A block's frames as read by one of its multi-word verbs ({"block": name, "particle": ["out"]}): each with the
    verb's second word required where the pattern names none in that place ("carried OUT a raid")."""
    if "particle" in item:
        word = frozenset(item["particle"])
        return tuple(replace(f, particle=word) for f in frames if not f.particle)
    if "prep" in item:
        word = frozenset(item["prep"])
        return tuple(replace(f, prep=word) for f in frames if not f.prep)
    return frames
