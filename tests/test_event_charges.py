"""A formal charge told in the passive names no prosecutor ("was charged with fraud"): the PLOVER manual's ACCUSE
allege, "sue, indict, or charge; bring to trial", with no actor and the one charged as its target (issue #11)."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, Event, Extraction
from newsgraph.pipeline import Extractor


def extract(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(Article(text=text, published="2024-05-02"))


def accusations(extraction: Extraction) -> list[Event]:
    return [e for e in extraction.events if e.type == "ACCUSE"]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The former mayor was charged with fraud on Tuesday.", "former mayor"),
        ("Two men were charged with murder after the stabbing in Dunmore.", "Two men"),
        ("Velto Shipping was charged with price fixing.", "Velto Shipping"),
    ],
)
def test_a_charge_with_no_prosecutor_named_is_an_allegation(extractor: Extractor, text: str, target: str) -> None:
    extraction = extract(extractor, text)
    (event,) = accusations(extraction)
    assert (event.mode, event.trigger.text, event.actor) == ("allege", "charged", None)
    entity = extraction.entity(event.target)
    assert (entity.name if entity is not None else event.target_text) == target


@pytest.mark.parametrize(
    "text",
    [
        # A task, not a charge: a clause after "with".
        "The retired judge was charged with overseeing the recount.",
        # A charge of a thing: no one is accused.
        "The battery was charged with a small solar panel.",
        # Running at someone is no charge in court.
        "Mounted police charged at the crowd with batons.",
    ],
)
def test_other_senses_of_charge_accuse_no_one(extractor: Extractor, text: str) -> None:
    assert accusations(extract(extractor, text)) == []


def test_a_bare_preposition_frame_still_takes_a_clause(extractor: Extractor) -> None:
    # "CALL (FOR)" is a request whether a noun or a clause follows; only the charge asks for a noun ("with *").
    found = [e.type for e in extract(extractor, "The United Nations called for ending the blockade of Gaza.").events]
    assert "REQUEST" in found
