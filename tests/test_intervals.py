"""The interval index answers exactly what a scan over every stretch would."""

from __future__ import annotations

import random

from newsgraph.pipeline.intervals import Intervals


def scan_overlapping(spans: list[tuple[int, int, int]], start: int, end: int) -> list[int]:
    return [item for s, e, item in sorted(spans, key=lambda x: (x[0], x[1])) if s < end and start < e]


def scan_containing(spans: list[tuple[int, int, int]], start: int, end: int) -> list[int]:
    return [item for s, e, item in sorted(spans, key=lambda x: (x[0], x[1])) if s <= start and end <= e]


def test_queries_match_a_full_scan_on_random_spans() -> None:
    rng = random.Random(7)
    spans: list[tuple[int, int, int]] = []
    index: Intervals[int] = Intervals()
    for item in range(400):
        start = rng.randrange(0, 5_000)
        span = (start, start + rng.randrange(1, 300), item)
        spans.append(span)
        index.add(*span)
    for _ in range(500):
        start = rng.randrange(0, 5_300)
        end = start + rng.randrange(1, 50)
        assert sorted(index.overlapping(start, end)) == sorted(scan_overlapping(spans, start, end))
        assert sorted(index.containing(start, end)) == sorted(scan_containing(spans, start, end))


def test_built_and_added_spans_are_found_alike() -> None:
    index = Intervals([(10, 20, "a"), (0, 100, "b")])
    index.add(15, 16, "c")
    assert index.overlapping(15, 16) == ["b", "a", "c"]
    assert index.containing(12, 18) == ["b", "a"]
    assert index.overlapping(100, 120) == []
