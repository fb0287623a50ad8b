"""Country words joined before one noun mark a party each: "the Russian and Syrian defense ministries" are two
ministries, so each acts (PETRARCH codes one event per party of a compound phrase, as joined nouns do). Sentences of
our own."""

from __future__ import annotations

from tests.events_support import run

from newsgraph.model import Extraction
from newsgraph.pipeline import Extractor


def countries(extraction: Extraction, kind: str, role: str) -> list[str | None]:
    return [getattr(e, f"{role}_country") for e in extraction.events if e.type == kind]


def test_each_country_of_joined_adjectives_acts(extractor: Extractor) -> None:
    text = "The Russian and Syrian defense ministries accused the United States of blocking aid."
    assert countries(run(extractor, text), "ACCUSE", "actor") == ["RUS", "SYR"]
    text = "French and German troops attacked the rebels near Gao."
    assert countries(run(extractor, text), "ASSAULT", "actor") == ["FRA", "DEU"]


def test_each_country_of_joined_adjectives_is_acted_on(extractor: Extractor) -> None:
    text = "Police arrested British and French journalists in Minsk."
    assert countries(run(extractor, text), "COERCE", "target") == ["GBR", "FRA"]


def test_a_meeting_of_two_countries_ministers_is_between_them(extractor: Extractor) -> None:
    text = "The Iranian and Iraqi foreign ministers met in Baghdad on Sunday."
    extraction = run(extractor, text)
    assert [(e.actor_country, e.target_country) for e in extraction.events if e.type == "CONSULT"] == [("IRN", "IRQ")]


def test_joined_adjectives_of_no_country_are_one_party(extractor: Extractor) -> None:
    text = "Large and small banks criticised the Federal Reserve over its rate decision."
    extraction = run(extractor, text)
    assert len([e for e in extraction.events if e.type == "ACCUSE"]) <= 1
