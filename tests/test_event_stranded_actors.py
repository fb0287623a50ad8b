"""Actors the parser leaves unattached and purposes of a sending verb (issue #11): sentences of our own, one
construct each."""

from __future__ import annotations

from newsgraph.model import Article, Extraction
from newsgraph.pipeline import Extractor


def extract(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(Article(text=text, published="2024-05-02"))


def actor_name(extraction: Extraction, kind: str) -> str | None:
    names = {e.id: e.name for e in extraction.entities}
    return next((names.get(e.actor or "") for e in extraction.events if e.type == kind), None)


def test_a_subject_hung_on_the_opening_phrase_is_the_verbs_actor(extractor: Extractor) -> None:
    # The parser hangs "the Kenyan government and FLN/A" on "Ceasefire" as its apposition and leaves "agreed"
    # with no subject: the phrase after the comma, right before the verb, is who agreed.
    text = (
        "With the signing of a Memorandum of Understanding (MOU) on Ceasefire, the Kenyan government and FLN/A "
        "have agreed to allow ``unimpeded aid convoys to all areas.''"
    )
    assert actor_name(extract(extractor, text), "AGREE") == "Kenyan government"


def test_people_sent_for_a_purpose_do_the_senders_act(extractor: Extractor) -> None:
    # Officials are no forces: the sending is no military move, and what they are sent to do is the sender's act.
    text = (
        "The African Union has sent 30 officials to Estria to investigate the attack on the convoy, a spokesman said."
    )
    found = [(e.type, e.mode, e.trigger.text) for e in extract(extractor, text).events]
    assert ("ACCUSE", "investigate", "sent") in found, found


def test_troops_sent_to_attack_stay_a_military_move(extractor: Extractor) -> None:
    # A hostile purpose is only an aim: the manual's MOBILIZE, no assault told as done.
    text = "The Estrian army deployed 500 soldiers to the border to attack rebel positions."
    assert [e.type for e in extract(extractor, text).events] == ["MOBILIZE"]


def kinds(extractor: Extractor, text: str) -> list[tuple[str, str | None]]:
    return [(e.type, e.mode) for e in extract(extractor, text).events]


def test_a_party_ordered_to_cease_its_activity_has_it_imposed(extractor: Extractor) -> None:
    # CAMEO's "ORDER SUSPENSION OF + ACTIVITIES [172]": the manual's COERCE restrict, not a request.
    text = "The Estrian government ordered the opposition radio station to stop broadcasting, its director said."
    assert kinds(extractor, text) == [("COERCE", "restrict")]


def test_people_ordered_to_leave_the_country_are_expelled(extractor: Extractor) -> None:
    text = "The interior ministry ordered two Veldian diplomats to leave the country within 48 hours."
    assert kinds(extractor, text) == [("COERCE", "deport")]


def test_forces_ordered_to_withdraw_do_the_orderers_act(extractor: Extractor) -> None:
    text = "President Varga ordered the army to withdraw from the northern province."
    assert [k for k, _ in kinds(extractor, text)] == ["RETREAT"]


def test_forces_ordered_to_attack_are_a_military_move(extractor: Extractor) -> None:
    # The attack is ordered, not told as done: a move short of force, as CAMEO's "ORDER &SECURITY FORCE TO STOP
    # PROTEST [153]".
    text = "President Varga ordered the army to attack rebel positions in the north."
    assert [k for k, _ in kinds(extractor, text)] == ["MOBILIZE"]


def test_the_one_accused_in_a_relative_clause_is_the_noun_it_hangs_on(extractor: Extractor) -> None:
    # "which" names the militia: an accusation aimed at someone, not at a thing ("blaming falling volumes").
    text = "The militia, which Estria accuses of smuggling arms, attacked the town of Marsk on Monday."
    assert "ACCUSE" in [k for k, _ in kinds(extractor, text)]


def test_a_court_ordering_a_payment_sanctions_the_one_who_pays(extractor: Extractor) -> None:
    # The manual: "court-ordered payments should be coded as SANCTION events with the winner and court as actor and
    # guilty party as recipient".
    text = "Estria's Supreme Court ordered the Veldian government to pay compensation to the families of the victims."
    extraction = extract(extractor, text)
    names = {e.id: e.name for e in extraction.entities}
    found = [(e.type, names.get(e.actor or ""), names.get(e.target or "")) for e in extraction.events]
    assert found == [("SANCTION", "Supreme Court", "Veldian government")]
