"""Parties named together each get the event: PETRARCH codes one event per actor and per target of a compound
phrase ("Iran, Russia and Syria pressured"), as PLOVER's records have one actor and one recipient. A two-sided
act keeps its pair as actor and recipient, and "or" names one party, not each. Sentences of our own."""

from __future__ import annotations

from tests.events_support import party, run

from newsgraph.model import Extraction
from newsgraph.pipeline import Extractor


def pairs(extraction: Extraction, kind: str) -> list[tuple[str, str]]:
    return [
        (party(extraction, e.actor, e.actor_words), party(extraction, e.target, e.target_words))
        for e in extraction.events
        if e.type == kind
    ]


def test_each_actor_named_together_acts(extractor: Extractor) -> None:
    extraction = run(extractor, "Iran, Russia and Syria have been pressuring Turkey to withdraw its troops.")
    assert pairs(extraction, "COERCE") == [("Iran", "Turkey"), ("Russia", "Turkey"), ("Syria", "Turkey")]


def test_each_target_named_together_is_acted_on(extractor: Extractor) -> None:
    extraction = run(extractor, "Police in Rabat arrested Karim Haddad and Leila Mansour on Friday.")
    assert sorted(t for _, t in pairs(extraction, "COERCE")) == ["Karim Haddad", "Leila Mansour"]


def test_a_passive_with_two_victims_and_a_clause_accused_of_two(extractor: Extractor) -> None:
    text = (
        "Kevin Marsh and Timothy Oduya were abducted by gunmen in Kabul in 2016. "
        "Prosecutors alleged that Tova Lind and Michael Sorensen falsified the records."
    )
    extraction = run(extractor, text)
    assert pairs(extraction, "ASSAULT") == [("gunmen", "Kevin Marsh"), ("gunmen", "Timothy Oduya")]
    assert pairs(extraction, "ACCUSE") == [("Prosecutors", "Tova Lind"), ("Prosecutors", "Michael Sorensen")]


def test_both_sides_joined_on_both_ends(extractor: Extractor) -> None:
    extraction = run(extractor, "Kenya and Uganda accused Sudan and Chad of arming the rebels.")
    assert sorted(pairs(extraction, "ACCUSE")) == [
        ("Kenya", "Chad"),
        ("Kenya", "Sudan"),
        ("Uganda", "Chad"),
        ("Uganda", "Sudan"),
    ]


def test_a_two_sided_act_stays_one_event_and_or_names_one_party(extractor: Extractor) -> None:
    assert pairs(run(extractor, "Ethiopia and Eritrea held talks in Asmara on Monday."), "CONSULT") == [
        ("Ethiopia", "Eritrea")
    ]
    assert pairs(run(extractor, "Police arrested Karim Haddad or his brother on Friday."), "COERCE") == [
        ("Police", "Karim Haddad")
    ]


def test_parties_joined_in_a_two_sided_act_are_its_two_sides(extractor: Extractor) -> None:
    """The manual's reciprocal acts have both sides; an agreement to meet is as two-sided as the meeting."""
    extraction = run(extractor, "Chile and Peru agreed to meet in Lima next month.")
    assert pairs(extraction, "AGREE") == [("Chile", "Peru")]


def test_they_and_them_stand_for_each_party_named_together(extractor: Extractor) -> None:
    text = (
        "Police in Nairobi arrested Karim Haddad and Leila Mansour on Friday. "
        "Prosecutors charged them with fraud on Monday."
    )
    extraction = run(extractor, text)
    assert pairs(extraction, "ACCUSE") == [("Prosecutors", "Karim Haddad"), ("Prosecutors", "Leila Mansour")]


def test_a_passive_participle_clause_tells_of_the_main_subject(extractor: Extractor) -> None:
    """Fronted ("Arrested by police in May, Haddad was released") or perfect ("..., having been annexed by Moscow",
    wherever the parser hangs it), the participle has no subject of its own: the one it was done to is the main
    clause's."""
    extraction = run(extractor, "Arrested by police in May, Karim Haddad was released on bail on Friday.")
    assert pairs(extraction, "COERCE") == [("police", "Karim Haddad")]
    text = "Lithuania insisted for decades that it was an occupied nation, having been annexed by Moscow in 1940."
    assert pairs(run(extractor, text), "COERCE") == [("Moscow", "Lithuania")]


def test_sides_that_accuse_each_other_are_actor_and_recipient(extractor: Extractor) -> None:
    # The reciprocal pronoun names the subject's two sides, Side A and Side B as in the manual, in either form.
    for text in (
        "Kenya and Uganda accused each other of violating the ceasefire.",
        "Kenya and Uganda blamed one another for the attack on the dam.",
    ):
        assert pairs(run(extractor, text), "ACCUSE") == [("Kenya", "Uganda")], text
