"""Nouns of an undertaking (a campaign, a mission, an operation) and commercial or trade acts: coded by what
names their act, on news-style sentences written for these tests."""

from __future__ import annotations

import pytest
from tests.events_support import run

from newsgraph.pipeline import Extractor


def types(extractor: Extractor, text: str) -> list[str]:
    return [e.type for e in run(extractor, text).events]


def test_a_military_campaign_is_no_criticism(extractor: Extractor) -> None:
    # The dictionary's "military campaign" (ASSAULT) is read before its "campaign against" (ACCUSE).
    assert "ACCUSE" not in types(extractor, "The government launched a military campaign against the rebels.")


@pytest.mark.parametrize(
    "text",
    [
        "The governor launched the campaign in Ohio on Monday.",
        "The opposition launched a campaign to unseat the mayor.",
        "The army launched a rescue mission to free the hostages.",
    ],
)
def test_a_bare_campaign_or_mission_names_no_act(extractor: Extractor, text: str) -> None:
    assert types(extractor, text) == []


def test_a_campaign_against_someone_is_still_criticism(extractor: Extractor) -> None:
    assert types(extractor, "Residents launched a campaign against the mayor.") == ["ACCUSE"]


def test_a_humanitarian_mission_is_aid(extractor: Extractor) -> None:
    assert types(extractor, "The United Nations launched a humanitarian mission in Sudan.") == ["AID"]


def test_sanctions_slapped_are_the_imposers_act(extractor: Extractor) -> None:
    # "slap" does what its object names, as "impose" does; the verb, not the bare noun, carries the actor.
    (event,) = run(extractor, "The United States slapped sanctions on Iran.").events
    assert (event.type, event.trigger.text) == ("SANCTION", "slapped")


@pytest.mark.parametrize(
    "text",
    [
        "The European Union imposed tariffs on Chinese electric vehicles.",
        "The president slapped tariffs on Chinese goods.",
    ],
)
def test_tariffs_imposed_are_sanctions(extractor: Extractor, text: str) -> None:
    assert types(extractor, text) == ["SANCTION"]


@pytest.mark.parametrize(
    "text",
    [
        "The company halted operations at the plant in Texas.",
        "The probe focused on operations at the Brooklyn facility where the inmate died.",
    ],
)
def test_business_operations_are_no_assault(extractor: Extractor, text: str) -> None:
    assert "ASSAULT" not in types(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Israeli forces carried out an operation in Jenin.",
        "Police launched an operation against drug gangs.",
        "The army launched a military operation in the north.",
        "Hamas launched an operation in southern Israel.",
    ],
)
def test_operations_of_forces_are_assaults(extractor: Extractor, text: str) -> None:
    assert "ASSAULT" in types(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "NASA awarded task orders to three companies on Tuesday.",
        "The agency supplied a warning label with every package.",
    ],
)
def test_handing_things_over_says_nothing(extractor: Extractor, text: str) -> None:
    # "ISSUE * ORDERS [138]" and "ISSUE * WARNING" are issue's own, not its block's verbs of giving.
    assert [t for t in types(extractor, text) if t in ("THREATEN", "REQUEST")] == []


def test_issuing_a_warning_is_still_a_threat(extractor: Extractor) -> None:
    assert types(extractor, "The ministry issued a warning to the rebels.") == ["THREATEN"]


@pytest.mark.parametrize(
    "text",
    [
        "The state issued orders to evacuate the town.",
        "The general gave orders to his troops to retreat.",
    ],
)
def test_an_order_given_or_issued_is_a_request(extractor: Extractor, text: str) -> None:
    assert types(extractor, text) == ["REQUEST"]


@pytest.mark.parametrize(
    "text",
    [
        "Some of that money went to farmers hit by retaliatory Chinese tariffs.",
        "Exporters were hit by new sanctions from Washington.",
    ],
)
def test_hit_by_an_act_of_another_type_is_no_assault(extractor: Extractor, text: str) -> None:
    assert "ASSAULT" not in types(extractor, text)


def test_hit_by_shelling_is_still_an_assault(extractor: Extractor) -> None:
    assert "ASSAULT" in types(extractor, "The town was hit by Russian shelling overnight.")


@pytest.mark.parametrize(
    "text",
    [
        "Negotiators from both sides clashed over the text of the deal.",
        "The two parties have battled over the budget for months.",
    ],
)
def test_a_fight_over_an_issue_is_no_assault(extractor: Extractor, text: str) -> None:
    assert "ASSAULT" not in types(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Rebels and government troops fought over the town for weeks.",
        "Farmers clashed over water rights with machetes.",
    ],
)
def test_a_fight_by_armed_men_or_with_weapons_is_still_an_assault(extractor: Extractor, text: str) -> None:
    assert "ASSAULT" in types(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "The spokeswoman defended the budget, offering the example of a recent prevention campaign.",
        "The company will offer the space agency its new lunar lander.",
    ],
)
def test_offering_a_thing_is_no_agreement(extractor: Extractor, text: str) -> None:
    assert "AGREE" not in types(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "The rebels offered a ceasefire to the government.",
        "The government offered the rebels a peace deal.",
        "The president offered concessions to the opposition.",
        "Syria has offered to hand over two of its citizens wanted for the bombing, a newspaper said.",
    ],
)
def test_offering_cooperation_is_an_agreement(extractor: Extractor, text: str) -> None:
    assert types(extractor, text) == ["AGREE"]


def test_a_scholar_studying_something_investigates_no_one(extractor: Extractor) -> None:
    text = (
        "The budget office projects that the tariffs will reduce GDP by 0.3 percent by 2020. If that holds up, that "
        "would be a $75.3 billion hit on growth, said Ross Burkhart, a Boise State University political scientist "
        "who studies U.S.-Canada trade."
    )
    assert "ACCUSE" not in types(extractor, text)


def test_a_university_investigating_someone_is_still_an_inquiry(extractor: Extractor) -> None:
    assert types(extractor, "The university investigated the professor over the plagiarism claims.") == ["ACCUSE"]


def test_competing_expresses_no_disapproval(extractor: Extractor) -> None:
    assert types(extractor, "The Democrats and the Republicans are competing for the same voters.") == []


def test_tariffs_imposed_by_a_state_are_no_coercion(extractor: Extractor) -> None:
    # The participle does the act of the noun it hangs on: a tariff is a SANCTION (here with no recipient named).
    assert "COERCE" not in types(extractor, "Retaliatory tariffs imposed by China have particularly hurt U.S. farmers.")


def test_a_curfew_imposed_by_the_army_is_still_coercion(extractor: Extractor) -> None:
    assert types(extractor, "The curfew imposed by the army on the city was lifted on Monday.") == ["COERCE"]
