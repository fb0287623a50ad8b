"""Nouns of an undertaking (a campaign, a mission, an operation) and commercial or trade acts: coded by what
names their act, on news-style sentences written for these tests."""

from __future__ import annotations

from newsgraph.pipeline import Extractor
from tests.events_support import run


def types(extractor: Extractor, text: str) -> list[str]:
    return [e.type for e in run(extractor, text).events]


def test_a_military_campaign_is_no_criticism(extractor: Extractor) -> None:
    # The dictionary's "military campaign" (ASSAULT) is read before its "campaign against" (ACCUSE).
    assert "ACCUSE" not in types(extractor, "The government launched a military campaign against the rebels.")
