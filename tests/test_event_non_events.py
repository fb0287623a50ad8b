"""Non-events and acts the PLOVER manual types otherwise, on news-style sentences of our own: figures of speech,
norms, emergency measures against natural hazards, commerce; and the restrictions and agreements the dictionary
misses."""

from __future__ import annotations

import pytest
from tests.events_support import only, run

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
