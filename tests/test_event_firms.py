"""An organisation the actor dictionaries do not list acts in PLOVER's scope when its act is aimed at the state
(the manual's economic context: "business-government relations"), not when it is aimed at its own staff or a
thing. Sentences of our own."""

from __future__ import annotations

import pytest
from tests.events_support import only, party, run

from newsgraph.pipeline import Extractor


@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        ("Brill Dairies thanked the police for recovering the stolen lorries.", "SUPPORT", "police"),
        ("Lindqvist Timber accused the government of ignoring the mills.", "ACCUSE", "government"),
    ],
)
def test_a_firm_acting_on_the_state_is_coded(extractor: Extractor, text: str, kind: str, target: str) -> None:
    extraction = run(extractor, text)
    event = only(extraction, kind)
    assert party(extraction, event.actor, event.actor_words) == text.split(" thanked")[0].split(" accused")[0]
    assert party(extraction, event.target, event.target_words) == target


@pytest.mark.parametrize(
    "text", ["Brill Dairies thanked its drivers for their work.", "Lindqvist Timber praised the new saw."]
)
def test_a_firm_acting_on_its_own_people_or_things_is_not(extractor: Extractor, text: str) -> None:
    assert run(extractor, text).events == []
