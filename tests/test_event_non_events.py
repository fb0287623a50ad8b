"""Non-events and acts the PLOVER manual types otherwise, on news-style sentences of our own: figures of speech,
norms, emergency measures against natural hazards, commerce; and the restrictions and agreements the dictionary
misses."""

from __future__ import annotations

import pytest
from tests.events_support import only, party, run

from newsgraph.pipeline import Extractor


def types(extractor: Extractor, text: str) -> list[str]:
    return [e.type for e in run(extractor, text).events]


@pytest.mark.parametrize(
    "text",
    [
        "The governor sent a clear message to the unions with the new budget.",
        "Iran sent a strong signal to Washington on Monday.",
        "The court's ruling sends a powerful message to polluters, the lawyer said.",
        "The senator sent a similar message ahead of the primary elections.",
        "The president sent a message to investors that the economy was strong.",
    ],
)
def test_a_plain_message_or_signal_sent_is_no_consultation(extractor: Extractor, text: str) -> None:
    assert types(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    ["The president sent a letter to the prime minister.", "Iran sent a message to Saudi Arabia through Oman."],
)
def test_a_letter_or_message_sent_to_a_party_stays_a_consultation(extractor: Extractor, text: str) -> None:
    assert types(extractor, text) == ["CONSULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Refugees must not be forced to return to a country at war, the minister said.",
        "Journalists should not be detained for their work, the rights group said.",
    ],
)
def test_a_norm_in_the_passive_with_no_one_to_act_is_no_request(extractor: Extractor, text: str) -> None:
    assert "REQUEST" not in types(extractor, text)


def test_a_passive_obligation_with_its_doer_named_is_a_request(extractor: Extractor) -> None:
    result = run(extractor, "The prisoners must be released by the government, the minister said.")
    request = only(result, "REQUEST")
    assert party(result, request.target, request.target_words) == "government"


@pytest.mark.parametrize(
    "text",
    [
        "Authorities ordered residents to leave the coastal towns ahead of the hurricane.",
        "Officials ordered thousands of people to evacuate their homes as the wildfire spread.",
        "The mayor ordered residents to stay indoors as the storm approached the city.",
    ],
)
def test_emergency_orders_against_natural_hazards_are_not_coerce_or_requests(extractor: Extractor, text: str) -> None:
    assert [t for t in types(extractor, text) if t in ("COERCE", "REQUEST")] == []


def test_a_request_for_disaster_relief_stays_a_request(extractor: Extractor) -> None:
    text = "The Kenyan president sent a request to the National Assembly for flood relief funds."
    assert types(extractor, text) == ["REQUEST"]


def test_an_order_to_leave_a_country_stays_an_expulsion(extractor: Extractor) -> None:
    result = run(extractor, "Russia ordered the British diplomats to leave the country within a week.")
    assert only(result, "COERCE").mode == "deport"


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("The government shut down the internet across the country during the protests.", "withhold"),
        ("Authorities cut off internet access in the capital on Friday.", "withhold"),
        ("The army cut off electricity to the rebel-held districts.", "withhold"),
        ("The junta shut down two independent newspapers last week.", "censor"),
    ],
)
def test_withholding_utilities_and_closing_publications_are_coerce(extractor: Extractor, text: str, mode: str) -> None:
    assert only(run(extractor, text), "COERCE").mode == mode


@pytest.mark.parametrize(
    "text",
    [
        "Russia and Ukraine reached a truce on Friday.",
        "The rebels reached a ceasefire with the government after weeks of talks.",
    ],
)
def test_a_truce_reached_is_an_agreement(extractor: Extractor, text: str) -> None:
    assert "AGREE" in types(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Tesla paid the Environmental Protection Agency last year.",
        "Boeing paid the Federal Aviation Administration last month.",
    ],
)
def test_a_payment_to_an_agency_is_no_cooperation(extractor: Extractor, text: str) -> None:
    assert "COOPERATE" not in types(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        '"I want to thank the firefighters for their courage," the mayor said.',
        "The governor will thank the volunteers at a ceremony on Friday.",
        "We would like to congratulate the new government on its victory, the minister said.",
    ],
)
def test_thanks_wished_or_announced_are_no_agreement(extractor: Extractor, text: str) -> None:
    assert "AGREE" not in types(extractor, text)


def test_an_intent_to_support_stays_an_agreement(extractor: Extractor) -> None:
    assert "AGREE" in types(extractor, "France will support the peace plan, the foreign minister said.")


def test_thanks_in_a_speakers_own_words_are_no_agreement(extractor: Extractor) -> None:
    text = (
        'Governor Maria Lindqvist opened the new ferry terminal on Monday. "Crews worked through the storms to finish '
        'it," Lindqvist told reporters.\n\n"I want to thank every one of them, and I want to thank the people of the '
        'harbour district, who have been patient."'
    )
    assert types(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A deal struck is a deal agreed, as one reached or clinched (the manual's AGREE) ...
        ("Iran struck a deal with China on oil sales.", "AGREE"),
        # ... and one finalised, sealed or concluded is signed (SUPPORT: "ratify, sign, or finalize an agreement").
        ("The two governments sealed an agreement on fishing rights.", "SUPPORT"),
        ("Egypt and Sudan concluded a deal on the dam.", "SUPPORT"),
        ("Kenya and Uganda finalized a trade deal on Tuesday.", "SUPPORT"),
    ],
)
def test_deals_struck_are_agreed_and_deals_finalised_are_signed(extractor: Extractor, text: str, kind: str) -> None:
    # (Two parties joined as the subject each sign: one event for each, as PETRARCH codes compound actors.)
    found = types(extractor, text)
    assert found == [kind] * len(found) and found


@pytest.mark.parametrize(
    "text",
    [
        "The city council said on Monday that it had approved the extra money for the repairs.",
        "The parliament approved the funds for the new stadium.",
    ],
)
def test_money_approved_for_no_one_is_a_budget_not_an_event(extractor: Extractor, text: str) -> None:
    assert types(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "China has rejected the latest American offer. A prolonged trade war offers the president some political "
        "advantages: it allows him to keep a tough public stance.",
        "Russia cut gas deliveries in the spring. The new pipeline gives Germany more options, and it allows Berlin "
        "to cut its imports further.",
    ],
)
def test_it_taking_up_a_thing_names_no_one_who_concedes(extractor: Extractor, text: str) -> None:
    assert "CONCEDE" not in types(extractor, text)


def test_it_taking_up_a_country_still_names_it(extractor: Extractor) -> None:
    result = run(extractor, "China said on Monday that it allows foreign banks to open branches in Shanghai.")
    concession = only(result, "CONCEDE")
    assert party(result, concession.actor, concession.actor_words) == "China"
