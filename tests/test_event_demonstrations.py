"""A march, rally or demonstration in support of someone is a protest, not verbal support: the PLOVER manual's
PROTEST covers "All civilian demonstrations and other collective actions" and "presumes significant
physical/material activity", where SUPPORT "should only be used for verbal cooperation". Sentences of our own."""

from __future__ import annotations

import pytest
from tests.events_support import run

from newsgraph.pipeline import Extractor


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Thousands of nurses marched through Lyon on Sunday in support of the striking doctors.", "marched"),
        ("Students rallied outside parliament in support of the jailed journalist.", "rallied"),
        ("Farmers marched on the capital in favour of the new land law.", "marched"),
    ],
)
def test_a_demonstration_in_support_is_a_protest(extractor: Extractor, text: str, trigger: str) -> None:
    events = [(e.type, e.mode, e.trigger.text) for e in run(extractor, text).events]
    assert ("PROTEST", "demo", trigger) in events
    assert "SUPPORT" not in [kind for kind, _, _ in events]


def test_demonstrating_support_in_words_stays_support(extractor: Extractor) -> None:
    events = run(extractor, "The Greek government demonstrated its support for the reform in a statement.").events
    assert "PROTEST" not in [e.type for e in events]
