"""Gaps of the event lexicon found on sentences outside dev, closed by class from the CAMEO dictionary and the
PLOVER manual; each sentence here is written for the test, in news style."""

from __future__ import annotations

from newsgraph.model import Article, Event
from newsgraph.pipeline import Extractor


def events(extractor: Extractor, text: str) -> list[Event]:
    return extractor.extract(Article(text=text)).events


def test_an_inquiry_into_killings_investigates_an_act_not_a_thing(extractor: Extractor) -> None:
    (found,) = [e for e in events(extractor, "Prosecutors are investigating the killings of three journalists.")]
    assert (found.type, found.mode) == ("ACCUSE", "investigate")
    (stabbing,) = events(extractor, "Police in Dunmore are investigating the stabbing.")
    assert (stabbing.type, stabbing.mode) == ("ACCUSE", "investigate")


def test_gerunds_of_sport_and_work_stay_no_event(extractor: Extractor) -> None:
    assert events(extractor, "The shooting of the film begins in May.") == []
    assert events(extractor, "He took up wrestling at school.") == []
