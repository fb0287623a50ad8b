"""A name before an event noun is its doer only when it can be: a country or people ("Israeli airstrikes"), or a
group the actor dictionaries list ("Hamas attacks"); another organisation names where the act happens ("NFL
assaults" are assaults in the league, not by it). Sentences of our own."""

from __future__ import annotations

from tests.events_support import party, run

from newsgraph.pipeline import Extractor


def test_a_sports_league_before_assaults_is_not_their_doer(extractor: Extractor) -> None:
    text = "The National Football League suspended the player for six games. NFL assaults have led to lawsuits before."
    extraction = run(extractor, text)
    assert [e for e in extraction.events if e.type == "ASSAULT"] == []


def test_an_armed_group_and_a_nationality_before_attacks_are_their_doers(extractor: Extractor) -> None:
    for text, doer in (
        ("Hamas attacks have continued through the night.", "Hamas"),
        ("Hezbollah rocket attacks have hit northern Israel.", "Hezbollah"),
    ):
        extraction = run(extractor, text)
        assert [party(extraction, e.actor, e.actor_words) for e in extraction.events if e.type == "ASSAULT"] == [doer]
