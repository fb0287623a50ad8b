""" "Both sides" and "the two sides" stand for the two parties named before. The PLOVER manual's reciprocal
events have both sides (one as actor, the other as recipient); an agreement to meet is as two-sided as the
meeting; and of the two, the one the dictionaries code acts (PETRARCH codes the actors it knows). Sentences of
our own."""

from __future__ import annotations

from tests.events_support import only, party, run

from newsgraph.pipeline import Extractor


def test_an_agreement_to_meet_is_between_both_sides(extractor: Extractor) -> None:
    extraction = run(extractor, "Kenya and Uganda held talks on Monday. Both countries agreed to meet again in May.")
    event = only(extraction, "AGREE")
    assert (party(extraction, event.actor, None), party(extraction, event.target, None)) == ("Kenya", "Uganda")


def test_the_side_the_dictionaries_code_acts_and_a_place_is_where(extractor: Extractor) -> None:
    text = (
        "Talks between the Dock Workers' Union and Norvik Logistics broke down on Monday. "
        "Late on Tuesday both sides agreed to meet again at the Hotel Metropol."
    )
    extraction = run(extractor, text)
    event = only(extraction, "AGREE")
    assert party(extraction, event.actor, None) == "Dock Workers' Union"
    assert party(extraction, event.target, None) == "Norvik Logistics"
