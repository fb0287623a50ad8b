"""Senses and actor codes of events on sentences a reader judges at a glance."""

from __future__ import annotations

import pytest

from newsgraph.model import Article, Extraction
from newsgraph.pipeline import Extractor


def extract(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(Article(text=text))


@pytest.mark.parametrize(
    "text",
    [
        "Jamie's war on toxic US food has begun.",  # figurative: food cannot suffer an attack
        "The film beat homegrown Hollywood movies at the box office.",  # a market result
        "Arsenal beat Chelsea 2-1 on Sunday.",  # a sports result
        "A car hit a pillar on the motorway.",  # an accident
    ],
)
def test_no_assault_without_violence_that_can_harm(extractor: Extractor, text: str) -> None:
    assert [e.type for e in extract(extractor, text).events if e.type == "ASSAULT"] == []


@pytest.mark.parametrize(
    "text",
    [
        "The Ukrainian army shelled positions near Donetsk on Tuesday.",
        "Israeli jets struck 400 targets in Gaza.",
        "Hezbollah guerrillas killed the deputy chief of Israel's militia ally in southern Lebanon.",
    ],
)
def test_attacks_on_forces_places_and_people_are_assaults(extractor: Extractor, text: str) -> None:
    assert "ASSAULT" in [e.type for e in extract(extractor, text).events]


def test_asking_whether_is_no_request(extractor: Extractor) -> None:
    events = extract(extractor, "Asked if he would resign, the minister said no.").events
    assert [e for e in events if e.type == "REQUEST"] == []


def test_actor_and_target_carry_phoenix_country_and_sector_codes(extractor: Extractor) -> None:
    result = extract(extractor, "Benjamin Netanyahu accused Hamas of breaking the truce.")
    (accuse,) = [e for e in result.events if e.type == "ACCUSE"]
    assert (accuse.actor_country, accuse.actor_sector) == ("ISR", "GOV")
    assert (accuse.target_country, accuse.target_sector) == ("PSE", "REB")
    assert accuse.to_dict()["target_sector"] == "REB"


def test_a_sports_report_has_contests_not_assaults(extractor: Extractor) -> None:
    text = (
        "Nadal defeated Khachanov 6-3, 7-6 to level the series. "
        "Rublev had rallied to beat Bautista-Agut 3-6, 6-3, 7-6. Russia beat Croatia on Monday."
    )
    assert [e.type for e in extract(extractor, text).events if e.type in ("ASSAULT", "PROTEST")] == []


def test_declining_to_comment_rejects_nothing(extractor: Extractor) -> None:
    events = extract(extractor, "A spokesperson for the Pentagon declined to comment.").events
    assert [e for e in events if e.type == "REJECT"] == []


def test_an_actor_no_dictionary_codes_does_no_event(extractor: Extractor) -> None:
    events = extract(extractor, "Adam Neumann bought properties that he then leased back to WeWork.").events
    assert events == []


@pytest.mark.parametrize(
    "text",
    [
        # A firm's dealings with another firm are no political event, whatever its name's words name.
        "Earlier this year Ithaca Holdings purchased Big Machine for $300 million.",
        "McClatchy Co. imposed sharp cuts on its local newspapers.",
    ],
)
def test_a_firm_by_its_legal_form_acts_in_no_political_event(extractor: Extractor, text: str) -> None:
    assert extract(extractor, text).events == []


def test_a_firm_accusing_a_government_is_still_an_event(extractor: Extractor) -> None:
    events = extract(extractor, "Huawei Technologies Co. accused the United States of bullying.").events
    assert "ACCUSE" in [e.type for e in events]


def test_a_hope_is_no_request_and_what_is_hoped_for_has_not_happened(extractor: Extractor) -> None:
    text = "Ashraf Ghani said he hoped the swap would pave the way for direct talks with the Taliban."
    assert extract(extractor, text).events == []


def test_a_participle_joined_to_a_passive_is_done_by_its_agent(extractor: Extractor) -> None:
    text = (
        "Swedish prosecutors decided to reopen the case after Julian Assange was hauled out of the embassy "
        "by the British police and taken into custody."
    )
    result = extract(extractor, text)
    names = {e.id: e.name for e in result.entities}
    (custody,) = [e for e in result.events if e.trigger.text == "taken"]
    assert names[custody.actor] == "British police"  # not the prosecutors of the clause above
    assert names[custody.target] == "Julian Assange"


def test_hostages_are_held_not_the_country_they_are_held_in(extractor: Extractor) -> None:
    text = "Two hostages who had been held by the Taliban in Afghanistan since 2016 were released on Tuesday."
    result = extract(extractor, text)
    (held,) = [e for e in result.events if e.trigger.text == "held"]
    assert held.target is None or {e.id: e.name for e in result.entities}[held.target] != "Afghanistan"


@pytest.mark.parametrize(
    "text",
    [
        "In Virginia, Americans voted for control of the state Legislature.",  # an election, no cooperation
        "Virginia, go out and vote Republican today, the president said.",
    ],
)
def test_a_ballot_cast_by_voters_is_no_event(extractor: Extractor, text: str) -> None:
    assert extract(extractor, text).events == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # The manual's ACCUSE allege: "sue, indict, or charge; bring to trial", not an arrest.
        ("A Saudi businessman sued the United States government for damages.", "ACCUSE"),
        ("U.S. prosecutors indicted two Russian officers.", "ACCUSE"),
        # An invasion is armed force, the manual's ASSAULT; COERCE falls "short of violence".
        ("Russia invaded Ukraine in February.", "ASSAULT"),
        ("Washington invaded the country in 2001.", "ASSAULT"),
        # Dismissing an appeal rejects it.
        ("The rebels dismissed an appeal from the president to lay down their arms.", "REJECT"),
    ],
)
def test_types_follow_the_manuals_definitions(extractor: Extractor, text: str, kind: str) -> None:
    assert kind in [e.type for e in extract(extractor, text).events]


def test_dismissing_a_person_rejects_nothing(extractor: Extractor) -> None:
    assert "REJECT" not in [e.type for e in extract(extractor, "The board dismissed the chief executive.").events]


@pytest.mark.parametrize(
    "text",
    [
        "Judge Inaba smiled as she made her decision.",  # a verbal act's noun with nothing it is about
        "The White House offered an explanation on Monday.",  # words offered are a statement
        "The captain did not offer a response when asked about the suspension.",
    ],
)
def test_a_decision_or_words_offered_commit_to_nothing(extractor: Extractor, text: str) -> None:
    assert [e.type for e in extract(extractor, text).events if e.type == "AGREE"] == []


def test_an_offer_of_aid_is_still_an_agreement(extractor: Extractor) -> None:
    assert "AGREE" in [e.type for e in extract(extractor, "Japan offered aid to Kenya.").events]


def test_a_need_is_no_request(extractor: Extractor) -> None:
    # The manual: "All requests are verbal acts"; needing is a state, whatever the dictionary's DEMAND block holds.
    text = "McKinley argued that the United States needs stronger border security."
    assert [e.type for e in extract(extractor, text).events if e.type == "REQUEST"] == []


@pytest.mark.parametrize("text", ["He was later fired.", "The company fired its chief executive."])
def test_firing_a_person_is_a_dismissal(extractor: Extractor, text: str) -> None:
    assert [e.type for e in extract(extractor, text).events if e.type == "ASSAULT"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Police fired tear gas at protesters.",  # the gas is the means, the protesters the target
        "Troops fired on the crowd.",  # a crowd is people
        "Gunmen killed two children.",
    ],
)
def test_violence_aimed_at_people_is_an_assault(extractor: Extractor, text: str) -> None:
    assert "ASSAULT" in [e.type for e in extract(extractor, text).events]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Israeli soldiers routinely beat up Palestinian detainees on the West Bank.", "ASSAULT"),
        # CAMEO 1662 "Expel or withdraw inspectors, observers" is SANCTION expel in the conversion table; the
        # IAEA, named after "of", is the recipient SANCTION requires.
        ("North Korea expelled inspectors of the International Atomic Energy Agency.", "SANCTION"),
    ],
)
def test_people_named_by_their_country_or_body_are_named_objects(extractor: Extractor, text: str, kind: str) -> None:
    assert kind in [e.type for e in extract(extractor, text).events]


def test_a_phrase_before_the_clause_sets_the_scene_and_names_no_target(extractor: Extractor) -> None:
    text = "At the United Nations Climate Action Summit, Narendra Modi pledged that India would double its solar power."
    result = extract(extractor, text)
    (pledge,) = [e for e in result.events if e.trigger.text == "pledged"]
    assert pledge.target is None


@pytest.mark.parametrize(
    "text",
    [
        "His death was shadowed by conspiracy theories suggesting he had been murdered.",
        "China fears accusations that it favors American products.",
        "The talks stalled for fear that he will only demand more.",
    ],
)
def test_a_proposition_under_a_noun_of_doubt_or_charge_is_not_told_as_done(extractor: Extractor, text: str) -> None:
    assert [e.type for e in extract(extractor, text).events if e.type in ("ASSAULT", "SUPPORT", "REQUEST")] == []


@pytest.mark.parametrize(
    "text",
    [
        "Two people were killed in a collision on the motorway.",
        "Officials withheld the names of those killed in the crash.",
    ],
)
def test_deaths_in_an_accident_are_no_assault(extractor: Extractor, text: str) -> None:
    assert [e.type for e in extract(extractor, text).events if e.type == "ASSAULT"] == []


def test_a_bomb_near_a_crash_site_is_still_an_assault(extractor: Extractor) -> None:
    text = "A roadside bomb killed two soldiers near the crash site."
    assert "ASSAULT" in [e.type for e in extract(extractor, text).events]
