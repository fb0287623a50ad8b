"""A quantity found in the tokens, before it becomes a Figure: the record the figure modules share."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Quantity:
    """A number found in the tokens, before it becomes a Figure."""

    start: int  # first token (hedge or currency included)
    end: int  # token after the last one (unit included)
    number: int  # first token of the number itself
    value: float | int | list[float | int] | None
    unit: str | None = None
    approx: str | None = None
    change: str = "="
    counted: str | None = None
    problem: str | None = None
