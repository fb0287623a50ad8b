"""An act on a facility is aimed at whoever holds it, when the text names them, not at the town it stands in: the
PLOVER manual's recipient is "the entity or entities to whom the event is directed", and the place is the event's
location. Sentences of our own."""

from __future__ import annotations

from tests.events_support import party, run

from newsgraph.model import Extraction
from newsgraph.pipeline import Extractor


def targets(extraction: Extraction, kind: str) -> list[str]:
    return [party(extraction, e.target, e.target_words) for e in extraction.events if e.type == kind]


def test_a_facility_named_for_a_town_is_aimed_at_no_one(extractor: Extractor) -> None:
    extraction = run(extractor, "Syrian government forces blocked the Rukban crossing point on Monday.")
    assert targets(extraction, "COERCE") == [""]


def test_a_facility_in_a_town_is_aimed_at_its_holder(extractor: Extractor) -> None:
    assert targets(run(extractor, "Rebels shelled an army post in Jaffna overnight."), "ASSAULT") == ["army"]
    text = "A suicide bomber attacked a police station in Kandahar."
    assert targets(run(extractor, text), "ASSAULT") == ["police"]


def test_a_facility_owned_after_of_is_aimed_at_its_owner(extractor: Extractor) -> None:
    assert targets(run(extractor, "Police raided the offices of Reuters in Cairo."), "COERCE") == ["Reuters"]
    text = "Gunmen attacked the Kabul headquarters of Save the Children."
    assert targets(run(extractor, text), "COERCE") == ["Save the Children"]


def test_a_town_struck_is_still_the_target(extractor: Extractor) -> None:
    assert targets(run(extractor, "Russian forces shelled Kharkiv on Sunday."), "ASSAULT") == ["Kharkiv"]


def test_a_dwelling_is_aimed_at_whom_it_houses(extractor: Extractor) -> None:
    text = "Police raided the home of opposition leader Juan Perez in Caracas."
    assert targets(run(extractor, text), "COERCE") == ["Juan Perez"]
    assert targets(run(extractor, "Security forces stormed a mosque in Srinagar."), "ASSAULT") == [""]


def test_a_position_held_by_an_agent_the_dictionaries_code_is_aimed_at_it(extractor: Extractor) -> None:
    extraction = run(extractor, "French troops attacked the rebel positions near Gao.")
    assert [e.target_sector for e in extraction.events if e.type == "ASSAULT"] == ["REB"]
