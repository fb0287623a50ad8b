""" "its" before an office stands for the nearest body or country its own sentence names before it, not a body
named sentences before ("The Senate will hold a trial. Schiff is lecturing the nation that its president...": the
nation's president, not the Senate's). Sentences of our own."""

from __future__ import annotations

from tests.events_support import party, run

from newsgraph.pipeline import Extractor


def test_its_after_a_noun_for_a_country_is_not_a_body_named_before(extractor: Extractor) -> None:
    text = (
        "The Senate will hold a trial next month. "
        "Schiff is lecturing the nation that its president was exonerated by a special counsel."
    )
    extraction = run(extractor, text)
    (event,) = [e for e in extraction.events if e.type == "CONCEDE"]
    assert party(extraction, event.target, event.target_words) != "Senate"


def test_its_is_the_nearest_body_named_in_its_sentence(extractor: Extractor) -> None:
    text = (
        "The European Union held a summit on Monday. "
        "Congress summoned officials of the World Bank and criticised its president."
    )
    extraction = run(extractor, text)
    (event,) = [e for e in extraction.events if e.type == "ACCUSE" and e.trigger.text == "criticised"]
    assert party(extraction, event.target, event.target_words) == "World Bank"
