"""Stretches of text with something attached, found by bisection instead of a scan.

Components keep asking "which mention / quote / report lies here?" for every
candidate they see; scanning every stretch each time made long articles quadratic
(a 3,000-paragraph article spent minutes in such loops). Stretches are kept sorted
by start, and a query looks back no further than the longest stretch.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T")


class Intervals(Generic[T]):
    """Half-open character ranges ``[start, end)``, each holding an item."""

    def __init__(self, spans: Iterable[tuple[int, int, T]] = ()) -> None:
        self._spans = sorted(spans, key=lambda span: (span[0], span[1]))
        self._starts = [span[0] for span in self._spans]
        self._longest = max((end - start for start, end, _ in self._spans), default=0)

    def add(self, start: int, end: int, item: T) -> None:
        position = bisect_right(self._starts, start)
        self._starts.insert(position, start)
        self._spans.insert(position, (start, end, item))
        self._longest = max(self._longest, end - start)

    def overlapping(self, start: int, end: int) -> list[T]:
        """Items whose range shares a character with ``[start, end)``, in text order."""
        found = []
        i = bisect_left(self._starts, end) - 1
        while i >= 0 and self._starts[i] + self._longest > start:
            span_start, span_end, item = self._spans[i]
            if span_end > start:
                found.append((span_start, item))
            i -= 1
        return [item for _, item in reversed(found)]

    def containing(self, start: int, end: int) -> list[T]:
        """Items whose range holds all of ``[start, end)``, in text order."""
        found = []
        i = bisect_right(self._starts, start) - 1
        while i >= 0 and self._starts[i] + self._longest >= end:
            span_start, span_end, item = self._spans[i]
            if end <= span_end:
                found.append((span_start, item))
            i -= 1
        return [item for _, item in reversed(found)]
